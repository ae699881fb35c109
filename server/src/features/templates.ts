import type { Disposable } from 'vscode-languageserver';
import { type TemplateChoice, templatesRequest } from '../../../protocol/requests';
import type { ServerContext } from '../context';

// `postmortem/templates`: the templates that apply to a document or folder (custom ones from
// `.postmortemrc.json` first), each with a whole postmortem to start from, for "New Postmortem".

export function register(context: ServerContext): Disposable {
  return context.connection.onRequest(templatesRequest, (params) =>
    context.safe('templates', params.uri, [] as TemplateChoice[], async () => {
      const templates = await context.templatesFor(params.uri);
      return templates.map((t) => ({
        id: t.id,
        name: t.name,
        description: t.description,
        source: t.source,
        ...context.service.newPostmortem(t, { date: params.date, timeZone: params.timeZone }),
      }));
    }),
  );
}
