import type { Disposable } from 'vscode-languageserver';
import { type PostmortemStatus, statusRequest } from '../../../protocol/requests';
import type { ServerContext } from '../context';

// `postmortem/status`: what the status bar shows for a document.

export function register(context: ServerContext): Disposable {
  return context.connection.onRequest(statusRequest, (params, token) =>
    context.safe('status', params.uri, null as PostmortemStatus | null, async () => {
      const document = context.documents.get(params.uri);
      if (!document) return null;
      const analysis = await context.analysisOf(document, token);
      const required = analysis.template.sections.filter((s) => s.required);
      return {
        analyzed: analysis.analyzed,
        isPostmortem: analysis.classification.isPostmortem,
        template: analysis.template.id,
        templateName: analysis.template.name,
        requiredPresent: required.length - analysis.missingSections.length,
        requiredTotal: required.length,
        missing: required.filter((s) => analysis.missingSections.includes(s.id)).map((s) => s.name),
        durationMinutes: analysis.incident.durationMinutes,
        configFile: (await context.configFileOf(params.uri)) ?? null,
        problems: analysis.diagnostics.length,
      };
    }),
  );
}
