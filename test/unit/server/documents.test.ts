import * as assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OpenDocuments } from '../../../server/src/documents';

// The open documents: snapshots that never change, and the edits between two of them.

type Handler = (params: unknown) => void;

/** The three notifications the store listens to, delivered by hand. */
function notifications(documents: OpenDocuments) {
  const handlers = new Map<string, Handler>();
  const register = (name: string) => (handler: Handler) => {
    handlers.set(name, handler);
    return { dispose: () => handlers.delete(name) };
  };
  documents.listen({
    onDidOpenTextDocument: register('open'),
    onDidChangeTextDocument: register('change'),
    onDidCloseTextDocument: register('close'),
  } as unknown as Connection);
  const send = (name: string, params: unknown) => handlers.get(name)?.(params);
  return {
    open: (uri: string, text: string, version = 1) => send('open', { textDocument: { uri, languageId: 'markdown', version, text } }),
    change: (uri: string, version: number, contentChanges: unknown[]) => send('change', { textDocument: { uri, version }, contentChanges }),
    close: (uri: string) => send('close', { textDocument: { uri } }),
  };
}

const uri = 'file:///tmp/a-postmortem.md';
const at = (line: number, character: number) => ({ line, character });

describe('the open documents', () => {
  it('gives a snapshot that keeps its text and version after later changes', () => {
    const documents = new OpenDocuments();
    const client = notifications(documents);
    client.open(uri, '# Postmortem\n\n## Timeline\n');
    const first = documents.get(uri)!;
    client.change(uri, 2, [{ range: { start: at(2, 3), end: at(2, 11) }, text: 'Notes' }]);
    assert.equal(first.version, 1);
    assert.equal(first.getText(), '# Postmortem\n\n## Timeline\n');
    assert.equal(documents.get(uri)!.getText(), '# Postmortem\n\n## Notes\n');
    assert.equal(documents.get(uri), documents.get(uri), 'one snapshot per version');
    assert.ok(!documents.isCurrent(first));
    assert.ok(documents.isCurrent(documents.get(uri)!));
  });

  it('gives the edits between two snapshots, which turn the first into the second', () => {
    const documents = new OpenDocuments();
    const client = notifications(documents);
    client.open(uri, 'a\r\nb\rc\n');
    const first = documents.get(uri)!;
    client.change(uri, 2, [{ range: { start: at(0, 1), end: at(0, 1) }, text: '\n🚨x' }]);
    client.change(uri, 3, [
      { range: { start: at(2, 0), end: at(3, 1) }, text: '' },
      { range: { start: at(0, 0), end: at(0, 0) }, text: '\r' },
    ]);
    const last = documents.get(uri)!;
    const changes = documents.changesBetween(first, last);
    assert.equal(changes?.length, 3);
    const replayed = TextDocument.update(TextDocument.create(uri, 'markdown', 1, first.getText()), [...changes!], 3);
    assert.equal(replayed.getText(), last.getText());
    assert.equal(documents.changesBetween(last, first), undefined, 'not backwards');
  });

  it('forgets the edits up to an analysed snapshot, and knows none across a reopen', () => {
    const documents = new OpenDocuments();
    const client = notifications(documents);
    client.open(uri, 'one');
    const first = documents.get(uri)!;
    client.change(uri, 2, [{ text: 'two' }]);
    const second = documents.get(uri)!;
    client.change(uri, 3, [{ range: { start: at(0, 3), end: at(0, 3) }, text: '!' }]);
    documents.forgetChangesUpTo(second);
    assert.equal(documents.changesBetween(first, documents.get(uri)!), undefined);
    assert.deepEqual(documents.changesBetween(second, documents.get(uri)!), [{ range: { start: at(0, 3), end: at(0, 3) }, text: '!' }]);
    client.close(uri);
    assert.equal(documents.get(uri), undefined);
    assert.ok(!documents.isCurrent(second));
    client.open(uri, 'two!');
    assert.equal(documents.changesBetween(second, documents.get(uri)!), undefined);
    assert.ok(documents.isLater(documents.get(uri)!, second), 'a reopened document is later than the closed one');
    assert.ok(!documents.isLater(second, documents.get(uri)), 'a closed document is never later');
  });

  it('drops malformed changes instead of corrupting the text', () => {
    const documents = new OpenDocuments();
    const client = notifications(documents);
    client.open(uri, 'keep');
    client.change(uri, 2, [{ range: { start: at(0, 0), end: at(0, 0) } }, null, 'text', { text: 5 }]);
    assert.equal(documents.get(uri)!.getText(), 'keep');
    client.change(uri, 3, [{ range: { start: { line: 'x', character: -4 }, end: at(0, 0) }, text: '> ' }]);
    assert.equal(documents.get(uri)!.getText(), '> keep');
    client.change('file:///never-opened.md', 2, [{ text: 'x' }]);
    assert.equal(documents.get('file:///never-opened.md'), undefined);
  });
});
