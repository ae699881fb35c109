import { type Disposable, RequestType } from 'vscode-languageserver';
import type { ServerContext } from '../server';

// `postmortem/templates`: the templates that apply to a document or folder (custom ones from
// `.postmortemrc.json` first), each with a whole postmortem to start from, for "New Postmortem".

export interface TemplatesParams {
  /** A document or workspace folder whose `.postmortemrc.json` may define templates. */
  uri?: string;
  /** `2024-05-02`: filled in for `YYYY-MM-DD`. */
  date?: string;
  /** The editor's zone (`Europe/Berlin`, `UTC+02:00`): filled in for `(time zone)`. */
  timeZone?: string;
}

export interface TemplateChoice {
  id: string;
  name: string;
  description: string;
  source: string;
  /** The whole postmortem as plain Markdown. */
  text: string;
  /** The same as a snippet, with tab stops on what to write. */
  snippet: string;
}

export const templatesRequest = new RequestType<TemplatesParams, TemplateChoice[], void>('postmortem/templates');

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
