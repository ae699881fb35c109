import * as assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, DocumentSymbol, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { answerLimitMs, latestDiagnostics, openDocument, type Session, startSession, stopSession, waitFor } from './session';

// Faults an edit-sequence fuzzer found in the server, each reproduced over stdio.

const clockPostmortem = [
  '# Postmortem: Billing delay',
  '',
  '## Issue Summary',
  '',
  '- **Start:** 2024-03-10 09:30 UTC',
  '- **End:** 2024-03-10 11:30 UTC',
  '- **Impact:** 12% of invoices were late.',
  '- **Root cause:** A stuck queue consumer.',
  '',
  '## Timeline',
  '',
  '- 09:30 UTC – invoices stop',
  '- 11:30 UTC – consumer restarted',
  '',
  '## Root Cause and Resolution',
  '',
  'A consumer deadlocked; restarting it drained the queue.',
  '',
  '## Corrective and Preventative Measures',
  '',
  '- [ ] Add a liveness probe to the consumer.',
  '',
].join('\n');

function assertInside(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, what: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}: character ${p.character} outside line ${p.line} (${lines[p.line].length})`);
  }
}

describe('the language server under hostile requests', function () {
  this.timeout(30_000);
  let session: Session;
  afterEach(async () => {
    if (session) await stopSession(session);
  });

  it('answers a code action whose range ends at line 2147483647 and keeps serving the other documents', async () => {
    session = await startSession();
    const uri = 'file:///tmp/faults/clock-postmortem.md';
    await openDocument(session, uri, clockPostmortem);
    await waitFor('diagnostics', () => latestDiagnostics(session, uri, 1));
    const actions = session.ask<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      // From the line after the fields to the largest line LSP allows: every line in between is looked at.
      range: { start: { line: 8, character: 0 }, end: { line: 2147483647, character: 2147483647 } },
      context: { diagnostics: [] },
    });
    // Another document opened meanwhile is analysed and published, and a request on it answered.
    const other = 'file:///tmp/faults/other-postmortem.md';
    await openDocument(session, other, '# Postmortem: DNS\n\n## Timeline\n\n- 10:00 UTC – resolvers fail\n');
    const symbols = await session.ask<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: other } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Timeline'],
    );
    await waitFor('diagnostics of the other document', () => latestDiagnostics(session, other, 1), answerLimitMs);
    const answered = await actions;
    assert.ok(!answered.some((a) => /duration/i.test(a.title)), 'the range touches none of the Start, End and Duration lines');
    // The same range from the Start line on does offer it, with edits inside the document.
    const fromStart = await session.ask<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 4, character: 0 }, end: { line: 2147483647, character: 2147483647 } },
      context: { diagnostics: [] },
    });
    const compute = fromStart.find((a) => /duration/i.test(a.title));
    assert.ok(compute, `a duration action among: ${fromStart.map((a) => a.title).join(', ')}`);
    const edits = (compute.edit!.documentChanges![0] as { edits: TextEdit[] }).edits;
    for (const e of edits) assertInside(clockPostmortem, e.range, compute.title);
  });

  it('answers a request sent before an edit from the text it was sent for, while the first analysis waits for the configuration', async () => {
    session = await startSession({ settings: {}, holdConfiguration: true });
    const uri = 'file:///tmp/faults/held-postmortem.md';
    await openDocument(session, uri, clockPostmortem);
    await waitFor('the configuration request', () => (session.configurationRequests > 0 ? true : undefined));
    const atVersion1 = session.ask<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    // Version 2 renames the Timeline heading before the configuration arrives.
    const version1 = TextDocument.create(uri, 'markdown', 1, clockPostmortem);
    const line = clockPostmortem.split('\n').indexOf('## Timeline');
    const change = { range: { start: { line, character: 3 }, end: { line, character: 11 } }, text: 'Notes' };
    await session.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [change] });
    const version2 = TextDocument.update(TextDocument.create(uri, 'markdown', 1, clockPostmortem), [change], 2);
    session.releaseConfiguration();
    const names = (await atVersion1).map((s) => s.name);
    assert.ok(names.includes('Timeline'), `version 1 has a Timeline: ${names.join(', ')}`);
    const published = await waitFor('diagnostics of version 2', () => latestDiagnostics(session, uri, 2));
    assert.ok(
      published.some((d) => d.code === 'missing-section' && /Timeline/.test(d.message)),
      'version 2 has no Timeline',
    );
    for (const p of session.diagnostics.get(uri) ?? []) assert.notEqual(p.version, 1, 'nothing published for the outdated version 1');
    const now = (await session.ask<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } })).map((s) => s.name);
    assert.ok(!now.includes('Timeline'), `version 2 has no Timeline: ${now.join(', ')}`);
    assert.notEqual(version1.getText(), version2.getText());
  });

  it('keeps the edit range of a completion past the end of a line inside the document', async () => {
    session = await startSession();
    const uri = 'file:///tmp/faults/completion-postmortem.md';
    const text = '# Postmortem: Queue stall\n\n## Issue Summary\n\n- **Duration:** \n';
    await openDocument(session, uri, text);
    await waitFor('diagnostics', () => latestDiagnostics(session, uri, 1));
    for (const position of [
      { line: 4, character: 500 },
      { line: 4, character: 2147483647 },
      { line: 9999, character: 3 },
      { line: 2, character: 40 },
    ]) {
      const items = await session.ask<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position });
      for (const item of items ?? []) {
        const edit = item.textEdit as TextEdit | undefined;
        if (edit) assertInside(text, edit.range, `${item.label} at ${position.line}:${position.character}`);
      }
    }
    // At the end of the Duration line the value completion is still offered.
    const atEnd = await session.ask<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 500 } });
    assert.ok(atEnd.length > 0, 'the duration value is offered at the line end');
  });
});
