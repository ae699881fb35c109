import { type DocumentSymbol, type Disposable, type FoldingRange, FoldingRangeKind, SymbolKind } from 'vscode-languageserver';
import type { OutlineSymbol, SymbolKind as PostmortemSymbolKind } from '../service';
import type { ServerContext } from '../context';

const kinds: Record<PostmortemSymbolKind, SymbolKind> = {
  section: SymbolKind.Namespace,
  heading: SymbolKind.String,
  field: SymbolKind.Property,
  'timeline-entry': SymbolKind.Event,
};

function toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name || '(untitled)',
    detail: s.detail,
    kind: kinds[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}

export function register(context: ServerContext): { dispose(): void } {
  const subscriptions: Disposable[] = [
    context.connection.onDocumentSymbol((params, token) =>
      context.safe('document symbols', params.textDocument.uri, [] as DocumentSymbol[], async () => {
        const document = context.documents.get(params.textDocument.uri);
        if (!document) return [];
        const analysis = await context.analysisOf(document, token);
        return analysis.analyzed ? context.service.outline(analysis).map(toDocumentSymbol) : [];
      }),
    ),
    context.connection.onFoldingRanges((params, token) =>
      context.safe('folding ranges', params.textDocument.uri, [] as FoldingRange[], async () => {
        const document = context.documents.get(params.textDocument.uri);
        if (!document) return [];
        const analysis = await context.analysisOf(document, token);
        return analysis.analyzed
          ? context.service.folds(analysis).map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: FoldingRangeKind.Region }))
          : [];
      }),
    ),
  ];
  return {
    dispose: () => {
      for (const s of subscriptions) s.dispose();
    },
  };
}
