import { type CodeAction, CodeActionKind, type Diagnostic, type Disposable, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Diagnostic as Finding } from '../service';
import type { ServerContext } from '../context';
import type { DiagnosticData } from './convert';

// Quick fixes keyed off each diagnostic's code and data; "insert all missing sections";
// comments that turn a rule off; and `source.fixAll.postmortem`. Edits are pinned to the
// document version they were computed for.

export const fixAllKind = `${CodeActionKind.SourceFixAll}.postmortem`;
export const kinds = [CodeActionKind.QuickFix, fixAllKind];

function edit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
}

function findingFor(analysis: Analysis, diagnostic: Diagnostic, version: number): Finding | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (data && data.version === version && typeof data.index === 'number') {
    const byIndex = analysis.diagnostics[data.index];
    if (byIndex && byIndex.code === diagnostic.code) return byIndex;
  }
  return analysis.diagnostics.find(
    (d) =>
      d.code === diagnostic.code &&
      d.range.start.line === diagnostic.range.start.line &&
      d.range.start.character === diagnostic.range.start.character &&
      d.message === diagnostic.message,
  );
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function register(context: ServerContext): Disposable {
  return context.connection.onCodeAction((params, token) =>
    context.safe('code actions', params.textDocument.uri, [] as CodeAction[], async () => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return [];
      const analysis = await context.analysisOf(document, token);
      const actions: CodeAction[] = [];
      const only = params.context.only;
      if (wants(only, CodeActionKind.QuickFix)) {
        let offeredAll = false;
        for (const diagnostic of params.context.diagnostics) {
          if (diagnostic.source !== 'postmortem') continue;
          const finding = findingFor(analysis, diagnostic, document.version);
          if (!finding) continue;
          finding.fixes.forEach((fix, i) => {
            const edits = context.service.editsForFix(analysis, fix);
            if (edits.length)
              actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0, edit: edit(document, edits) });
          });
          if (finding.code === 'missing-section' && analysis.missingSections.length > 1 && !offeredAll) {
            offeredAll = true;
            const missing = analysis.diagnostics.filter((d) => d.code === 'missing-section');
            actions.push({
              title: `Insert all ${missing.length} missing sections`,
              kind: CodeActionKind.QuickFix,
              diagnostics: params.context.diagnostics.filter((d) => d.code === 'missing-section'),
              edit: edit(document, context.service.insertAllMissingSections(analysis)),
            });
          }
          actions.push(
            {
              title: `Disable ${finding.code} for this line`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              edit: edit(document, [context.service.suppress(analysis, finding, 'line')]),
            },
            {
              title: `Disable ${finding.code} for this file`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              edit: edit(document, [context.service.suppress(analysis, finding, 'file')]),
            },
          );
        }
      }
      // "Compute duration" on the Duration, Start and End lines, unless a diagnostic's fix already offers it.
      if (wants(only, CodeActionKind.QuickFix) && !params.context.diagnostics.some((d) => d.code === 'missing-duration' || d.code === 'duration-mismatch')) {
        for (const action of context.service.durationActionsAt(analysis, params.range)) {
          actions.push({ title: action.title, kind: CodeActionKind.QuickFix, edit: edit(document, action.edits) });
        }
      }
      if (only && wants(only, fixAllKind) && !wants(only, CodeActionKind.QuickFix)) {
        const edits = context.service.fixAllEdits(analysis);
        if (edits.length) actions.push({ title: 'Fix all postmortem problems', kind: fixAllKind, edit: edit(document, edits) });
      }
      return actions;
    }),
  );
}
