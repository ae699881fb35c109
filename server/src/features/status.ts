import type { Disposable } from 'vscode-languageserver';
import { type PostmortemStatus, statusRequest, type TemplateOrigin } from '../../../protocol/requests';
import type { ServerContext } from '../context';
import { type Analysis, defaultTemplateId, gapsOf } from '../service';

// `postmortem/status`: what the status bar shows for a document. The counts and the list of what
// is left to write come from the analysis's completeness evaluation, as the diagnostics do.

async function originOf(context: ServerContext, uri: string, analysis: Analysis): Promise<TemplateOrigin> {
  const used = analysis.template.id;
  const unknown = (where: string, name: string) => ({ kind: 'default' as const, note: `${where} names "${name}", which is no template` });
  const fromFrontMatter = analysis.document.frontMatter?.template;
  if (fromFrontMatter) return fromFrontMatter === used ? { kind: 'front-matter' } : unknown('the front matter', fromFrontMatter);
  const layers = await context.templateSettingsOf(uri);
  const fromFile = layers.configFile?.template;
  if (fromFile && layers.configFile) return fromFile === used ? { kind: 'config-file', file: layers.configFile.uri } : unknown(layers.configFile.uri, fromFile);
  // The editor sends its default too: a setting equal to the default is the default.
  if (layers.settings && layers.settings !== defaultTemplateId)
    return layers.settings === used ? { kind: 'settings' } : unknown('postmortem.template', layers.settings);
  return { kind: 'default' };
}

export function register(context: ServerContext): Disposable {
  return context.connection.onRequest(statusRequest, (params, token) =>
    context.safe('status', params.uri, null as PostmortemStatus | null, async () => {
      const document = context.documents.get(params.uri);
      if (!document) return null;
      const analysis = await context.analysisOf(document, token);
      const { completeness } = analysis;
      return {
        analyzed: analysis.analyzed,
        isPostmortem: analysis.classification.isPostmortem,
        template: analysis.template.id,
        templateName: analysis.template.name,
        templateOrigin: await originOf(context, params.uri, analysis),
        requiredPresent: completeness.requiredComplete,
        requiredTotal: completeness.requiredTotal,
        missing: completeness.sections.filter((s) => s.section.required && !s.complete).map((s) => s.section.name),
        gaps: gapsOf(completeness),
        durationMinutes: analysis.incident.durationMinutes,
        configFile: (await context.configFileOf(params.uri)) ?? null,
        problems: analysis.diagnostics.length,
        words: context.service.words(analysis),
        wordRange: analysis.settings.wordCount[analysis.template.id] ?? null,
      };
    }),
  );
}
