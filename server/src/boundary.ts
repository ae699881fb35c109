import type { Connection, Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

// The protocol boundary. A client may send any position (line 2147483647 is legal LSP, and
// clients send negative or fractional ones by mistake); every handler gets positions and ranges
// clamped to the document they name, once, here, so no feature loops to a line that does not
// exist or answers with a range outside the text.

const maxInteger = 2 ** 31 - 1;

function integer(value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return 0;
  return Math.max(-maxInteger, Math.min(maxInteger, Math.floor(value)));
}

/** The nearest position inside the document: a line past the end is the end of the text, a character past the line's end is the line's end. */
export function clampPosition(document: TextDocument, position: unknown): Position {
  const p = (position && typeof position === 'object' ? position : {}) as { line?: unknown; character?: unknown };
  const line = integer(p.line);
  if (line < 0) return { line: 0, character: 0 };
  if (line >= document.lineCount) return document.positionAt(Number.MAX_SAFE_INTEGER);
  return document.positionAt(document.offsetAt({ line, character: Math.max(0, integer(p.character)) }));
}

/** Both ends clamped; a range given end first is turned around. */
export function clampRange(document: TextDocument, range: unknown): Range {
  const r = (range && typeof range === 'object' ? range : {}) as { start?: unknown; end?: unknown };
  const start = clampPosition(document, r.start);
  const end = clampPosition(document, r.end);
  const ordered = start.line < end.line || (start.line === end.line && start.character <= end.character);
  return ordered ? { start, end } : { start: end, end: start };
}

/**
 * `params` with its `position`, `range` and `positions` clamped to the open document named by
 * `textDocument.uri` (or `uri`, as the extension's own requests do); unchanged otherwise.
 */
export function clampParams<P>(params: P, documentOf: (uri: string) => TextDocument | undefined): P {
  if (!params || typeof params !== 'object') return params;
  const p = params as Record<string, unknown> & { textDocument?: { uri?: unknown }; uri?: unknown };
  if (!('position' in p || 'range' in p || 'positions' in p)) return params;
  const uri = p.textDocument && typeof p.textDocument === 'object' ? p.textDocument.uri : p.uri;
  const document = typeof uri === 'string' ? documentOf(uri) : undefined;
  if (!document) return params;
  const clamped: Record<string, unknown> = { ...p };
  if ('position' in p) clamped.position = clampPosition(document, p.position);
  if ('range' in p) clamped.range = clampRange(document, p.range);
  if ('positions' in p) clamped.positions = Array.isArray(p.positions) ? p.positions.map((q) => clampPosition(document, q)) : [];
  return clamped as P;
}

/**
 * The connection as the features see it: every handler registered through an `on…` method gets
 * its parameters clamped first. The document is read synchronously, so the handler's own
 * `documents.get` sees the very snapshot the positions were clamped to.
 */
export function clampedConnection(connection: Connection, documentOf: (uri: string) => TextDocument | undefined): Connection {
  return new Proxy(connection, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof property !== 'string' || !/^on[A-Z]/.test(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        value.apply(
          target,
          args.map((arg) =>
            typeof arg === 'function'
              ? (params: unknown, ...rest: unknown[]) => (arg as (...a: unknown[]) => unknown)(clampParams(params, documentOf), ...rest)
              : arg,
          ),
        );
    },
  });
}
