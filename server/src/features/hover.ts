import { type Disposable, type Hover, MarkupKind } from 'vscode-languageserver';
import type { ServerContext } from '../context';

export function register(context: ServerContext): Disposable {
  return context.connection.onHover((params, token) =>
    context.safe('hover', params.textDocument.uri, null as Hover | null, async () => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return null;
      const analysis = await context.analysisOf(document, token);
      if (!analysis.analyzed) return null;
      const result = context.service.hover(analysis, params.position);
      return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
    }),
  );
}
