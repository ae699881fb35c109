import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clampParams, clampPosition, clampRange } from '../../../server/src/boundary';

// Positions and ranges from the client, clamped to the document before any handler sees them.

const document = TextDocument.create('file:///x.md', 'markdown', 1, '# Title\r\n\r\n- **Duration:** 1h\rlast');

describe('the protocol boundary', () => {
  it('keeps a position inside the document as it is', () => {
    assert.deepEqual(clampPosition(document, { line: 2, character: 4 }), { line: 2, character: 4 });
  });

  it('moves a character past the end of its line to the line end', () => {
    assert.deepEqual(clampPosition(document, { line: 0, character: 500 }), { line: 0, character: 7 });
    assert.deepEqual(clampPosition(document, { line: 2, character: 2147483647 }), { line: 2, character: 18 });
  });

  it('moves a line past the end of the document to the end of the text', () => {
    assert.deepEqual(clampPosition(document, { line: 2147483647, character: 0 }), { line: 3, character: 4 });
    assert.deepEqual(clampPosition(document, { line: 4, character: 1 }), { line: 3, character: 4 });
  });

  it('reads negative, fractional, missing and non-numeric coordinates as the nearest valid ones', () => {
    assert.deepEqual(clampPosition(document, { line: -3, character: 5 }), { line: 0, character: 0 });
    assert.deepEqual(clampPosition(document, { line: 2, character: -5 }), { line: 2, character: 0 });
    assert.deepEqual(clampPosition(document, { line: 2.7, character: 3.9 }), { line: 2, character: 3 });
    assert.deepEqual(clampPosition(document, { line: '2', character: null }), { line: 0, character: 0 });
    assert.deepEqual(clampPosition(document, undefined), { line: 0, character: 0 });
    assert.deepEqual(clampPosition(document, { line: Number.NaN, character: 1 }), { line: 0, character: 1 });
  });

  it('turns a range given end first around and clamps both ends', () => {
    assert.deepEqual(clampRange(document, { start: { line: 9, character: 0 }, end: { line: 0, character: 2 } }), {
      start: { line: 0, character: 2 },
      end: { line: 3, character: 4 },
    });
  });

  it('clamps position, range and positions of a request on an open document, and nothing else', () => {
    const open = (uri: string) => (uri === document.uri ? document : undefined);
    const hover = clampParams({ textDocument: { uri: document.uri }, position: { line: 99, character: 0 } }, open);
    assert.deepEqual(hover.position, { line: 3, character: 4 });
    const action = clampParams(
      {
        textDocument: { uri: document.uri },
        range: { start: { line: 0, character: 0 }, end: { line: 2147483647, character: 0 } },
        context: { diagnostics: [] },
      },
      open,
    );
    assert.deepEqual(action.range.end, { line: 3, character: 4 });
    assert.deepEqual(action.context, { diagnostics: [] });
    const ranges = clampParams(
      {
        textDocument: { uri: document.uri },
        positions: [
          { line: 0, character: 99 },
          { line: -1, character: 0 },
        ],
      },
      open,
    );
    assert.deepEqual(ranges.positions, [
      { line: 0, character: 7 },
      { line: 0, character: 0 },
    ]);
    // The extension's own requests name the document by `uri`.
    assert.deepEqual(clampParams({ uri: document.uri, position: { line: 0, character: 40 }, now: 0 }, open).position, { line: 0, character: 7 });
    const unknown = { textDocument: { uri: 'file:///closed.md' }, position: { line: 99, character: 0 } };
    assert.equal(clampParams(unknown, open), unknown);
  });
});
