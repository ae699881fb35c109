import { type CodeAction, CodeActionKind, type Diagnostic, type Disposable, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SnippetEditData } from '../../../protocol/requests';
import type { ServerContext } from '../context';
import type { Analysis, Diagnostic as Finding, TextEdit } from '../service';
import type { DiagnosticData } from './convert';

// Quick fixes keyed off each diagnostic's code and data; "insert all missing sections";
// comments that turn a rule off (one per rule, however many findings it has there); the writing
// actions at the cursor; and `source.fixAll.postmortem`. Edits are pinned to the document version
// they were computed for. A fix that writes a skeleton is a snippet edit (tab stops on what to fill
// in) for a client that takes them: LSP 3.18's SnippetTextEdit, or our own client's `data.snippetEdits`;
// plain text otherwise.

export const fixAllKind = `${CodeActionKind.SourceFixAll}.postmortem`;
/** Adds a block (the timeline diagram); `refactor.rewrite` changes the form of one (action items). */
export const insertKind = `${CodeActionKind.Refactor}.insert`;
export const kinds = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, insertKind, fixAllKind];

type SnippetSupport = 'native' | 'data' | 'none';

function snippetSupport(context: ServerContext): SnippetSupport {
  const caps = context.clientCapabilities;
  if ((caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true) return 'native';
  if ((caps.experimental as { snippetTextEdit?: boolean } | undefined)?.snippetTextEdit === true) return 'data';
  return 'none';
}

const escapeSnippet = (text: string) => text.replace(/[\\$}]/g, '\\$&');

/** The action's edit: plain text, with the snippet form beside it or instead of it as the client takes it. */
function withEdits(action: CodeAction, document: TextDocument, edits: readonly TextEdit[], support: SnippetSupport): CodeAction {
  const textDocument = { uri: document.uri, version: document.version };
  const plain: LspTextEdit[] = edits.map((e) => ({ range: e.range, newText: e.newText }));
  const snippets = edits.some((e) => e.snippet !== undefined);
  if (snippets && support === 'native') {
    const mixed = edits.map((e) =>
      e.snippet !== undefined ? { range: e.range, snippet: { kind: 'snippet', value: e.snippet } } : { range: e.range, newText: e.newText },
    );
    return { ...action, edit: { documentChanges: [{ textDocument, edits: mixed as unknown as LspTextEdit[] }] } };
  }
  const edit: WorkspaceEdit = { documentChanges: [{ textDocument, edits: plain }] };
  if (snippets && support === 'data') {
    const data: SnippetEditData = { snippetEdits: edits.map((e) => ({ range: e.range, snippet: e.snippet ?? escapeSnippet(e.newText) })) };
    return { ...action, edit, data };
  }
  return { ...action, edit };
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
      const support = snippetSupport(context);
      const actions: CodeAction[] = [];
      const disables: CodeAction[] = [];
      const only = params.context.only;
      if (wants(only, CodeActionKind.QuickFix)) {
        let offeredAll = false;
        const ours = params.context.diagnostics.filter((d) => d.source === 'postmortem');
        const disabled = new Map<string, CodeAction>();
        for (const diagnostic of ours) {
          const finding = findingFor(analysis, diagnostic, document.version);
          if (!finding) continue;
          finding.fixes.forEach((fix, i) => {
            const edits = context.service.editsForFix(analysis, fix);
            if (edits.length)
              actions.push(
                withEdits({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0 }, document, edits, support),
              );
          });
          if (finding.code === 'missing-section' && analysis.missingSections.length > 1 && !offeredAll) {
            offeredAll = true;
            const missing = analysis.diagnostics.filter((d) => d.code === 'missing-section');
            actions.push(
              withEdits(
                {
                  title: `Insert all ${missing.length} missing sections`,
                  kind: CodeActionKind.QuickFix,
                  diagnostics: ours.filter((d) => d.code === 'missing-section'),
                },
                document,
                context.service.insertAllMissingSections(analysis),
                support,
              ),
            );
          }
          // One "Disable" per rule (and line): four missing sections on the title are one rule to turn off.
          for (const scope of ['line', 'file'] as const) {
            const key = scope === 'line' ? `${finding.code}@${finding.range.start.line}` : finding.code;
            const offered = disabled.get(`${scope}:${key}`);
            if (offered) {
              offered.diagnostics?.push(diagnostic);
              continue;
            }
            const action: CodeAction = {
              title: `Disable ${finding.code} for this ${scope}`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              edit: {
                documentChanges: [
                  { textDocument: { uri: document.uri, version: document.version }, edits: [context.service.suppress(analysis, finding, scope)] },
                ],
              },
            };
            disabled.set(`${scope}:${key}`, action);
            disables.push(action);
          }
        }
      }
      // "Compute duration" on the Duration, Start and End lines, unless a diagnostic's fix already offers it.
      if (wants(only, CodeActionKind.QuickFix) && !params.context.diagnostics.some((d) => d.code === 'missing-duration' || d.code === 'duration-mismatch')) {
        for (const action of context.service.durationActionsAt(analysis, params.range)) {
          actions.push(withEdits({ title: action.title, kind: CodeActionKind.QuickFix }, document, action.edits, 'none'));
        }
      }
      // "Convert action items to a table" (and back), "Insert timeline diagram": where the cursor is.
      for (const action of context.service.writingActionsAt(analysis, params.range)) {
        const kind = action.kind === 'rewrite' ? CodeActionKind.RefactorRewrite : insertKind;
        if (wants(only, kind)) actions.push(withEdits({ title: action.title, kind }, document, action.edits, 'none'));
      }
      if (only && wants(only, fixAllKind) && !wants(only, CodeActionKind.QuickFix)) {
        const edits = context.service.fixAllEdits(analysis);
        if (edits.length) actions.push(withEdits({ title: 'Fix all postmortem problems', kind: fixAllKind }, document, edits, 'none'));
      }
      // The fixes first, then the ways to turn a rule off.
      return [...actions, ...disables];
    }),
  );
}
