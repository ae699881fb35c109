import type { Disposable } from 'vscode-languageserver';
import { fillGapRequest, type GapEdit } from '../../../protocol/requests';
import type { ServerContext } from '../context';
import type { Fix } from '../service';

// `postmortem/fillGap`: what "Show What Is Missing" writes when a missing section or field is
// picked: the same edit as the quick fix, with its snippet, for the client to insert at once.

export function register(context: ServerContext): Disposable {
  return context.connection.onRequest(fillGapRequest, (params, token) =>
    context.safe('fill gap', params.uri, null as GapEdit | null, async () => {
      const document = context.documents.get(params.uri);
      if (!document) return null;
      const analysis = await context.analysisOf(document, token);
      let fix: Fix | undefined;
      if (params.kind === 'missing-section') fix = { kind: 'insert-section', title: '', sectionId: params.sectionId };
      else if (params.kind === 'missing-field' && params.fieldId)
        fix = { kind: 'insert-field', title: '', sectionId: params.sectionId, fieldId: params.fieldId };
      else if (params.kind === 'empty-section') {
        const empty = analysis.document.sections.find((s) => s.id === params.sectionId && s.empty);
        if (empty) fix = { kind: 'fill-section', title: '', sectionId: params.sectionId, line: empty.headingRange.end.line };
      }
      const [edit] = fix ? context.service.editsForFix(analysis, fix) : [];
      if (!edit) return null;
      return { range: edit.range, newText: edit.newText, snippet: edit.snippet ?? edit.newText.replace(/[\\$}]/g, '\\$&') };
    }),
  );
}
