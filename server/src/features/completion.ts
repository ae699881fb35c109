import { type CompletionItem, CompletionItemKind, type Disposable, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { type CompletionKind, snippetText } from '../service';

// Completion: missing sections at a line start, a field's value shape after its label, and the
// next timeline entry, and the pm-timeline snippets. The service decides what; this turns its
// answers into LSP items: snippets for a client that takes them, else the plain text they insert.

export const triggerCharacters = ['#', ':', ' '];

const kinds: Record<CompletionKind, CompletionItemKind> = {
  section: CompletionItemKind.Module,
  'field-value': CompletionItemKind.Value,
  'timeline-entry': CompletionItemKind.Event,
  snippet: CompletionItemKind.Snippet,
};

export function register(context: ServerContext): Disposable {
  return context.connection.onCompletion((params, token) =>
    context.safe('completion', params.textDocument.uri, [] as CompletionItem[], async () => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return [];
      const analysis = await context.analysisOf(document, token);
      const snippets = context.clientCapabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
      const offered = context.service.completions(analysis, params.position, { triggerCharacter: params.context?.triggerCharacter });
      // In a document that is not (yet) a postmortem only the snippets asked for by name are offered.
      return offered
        .filter((c) => analysis.analyzed || c.kind === 'snippet')
        .map(
          (c): CompletionItem => ({
            label: c.label,
            kind: kinds[c.kind],
            detail: c.detail,
            ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
            textEdit: { range: c.range, newText: snippets ? c.snippet : snippetText(c.snippet) },
            insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
            filterText: c.filterText,
            sortText: c.sortText,
            ...(c.preselect ? { preselect: true } : {}),
          }),
        );
    }),
  );
}
