import { type CompletionItem, CompletionItemKind, type Disposable, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import type { CompletionKind } from '../service';
import type { ServerContext } from '../context';

// Completion: missing sections at a line start, a field's value shape after its label, and the
// next timeline entry. The service decides what; this turns its answers into LSP items.

export const triggerCharacters = ['#', ':', ' '];

const kinds: Record<CompletionKind, CompletionItemKind> = {
  section: CompletionItemKind.Module,
  'field-value': CompletionItemKind.Value,
  'timeline-entry': CompletionItemKind.Event,
};

export function register(context: ServerContext): Disposable {
  return context.connection.onCompletion((params, token) =>
    context.safe('completion', params.textDocument.uri, [] as CompletionItem[], async () => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return [];
      const analysis = await context.analysisOf(document, token);
      if (!analysis.analyzed) return [];
      return context.service.completions(analysis, params.position, { triggerCharacter: params.context?.triggerCharacter }).map(
        (c): CompletionItem => ({
          label: c.label,
          kind: kinds[c.kind],
          detail: c.detail,
          ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
          textEdit: { range: c.range, newText: c.snippet },
          insertTextFormat: InsertTextFormat.Snippet,
          filterText: c.filterText,
          sortText: c.sortText,
          ...(c.preselect ? { preselect: true } : {}),
        }),
      );
    }),
  );
}
