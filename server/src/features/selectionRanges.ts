import type { Disposable, SelectionRange } from 'vscode-languageserver';
import type { ServerContext } from '../context';

// Expand selection: time → timeline entry (or field label → field) → section → document.

export function register(context: ServerContext): Disposable {
  return context.connection.onSelectionRanges((params, token) =>
    context.safe('selection ranges', params.textDocument.uri, [] as SelectionRange[], async () => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return [];
      const analysis = await context.analysisOf(document, token);
      // The service's nested ranges have the LSP shape already.
      return analysis.analyzed ? context.service.selectionRanges(analysis, params.positions) : [];
    }),
  );
}
