import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

// The real language server, started as a child process, spoken to over stdio with JSON-RPC.

const repoRoot = resolve(__dirname, '../..');
const serverPath = resolve(repoRoot, 'server/dist/server.js');

/** The newest source file the server bundle is built from, and its modification time. */
function newestSource(): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) {
        const mtimeMs = statSync(path).mtimeMs;
        if (mtimeMs > newest.mtimeMs) newest = { file: path, mtimeMs };
      }
    }
  };
  for (const dir of ['server/src', 'protocol']) walk(resolve(repoRoot, dir));
  return newest;
}

const missingTimeline = [
  '# Postmortem: Checkout outage',
  '',
  '## Issue Summary',
  '',
  '- **Duration:** 2024-05-02 14:00 – 15:30 UTC',
  '- **Impact:** 40% of checkout requests failed.',
  '- **Root cause:** A connection pool limit was removed by a deploy.',
  '',
  '## Root Cause and Resolution',
  '',
  'The deploy removed the limit; we rolled it back at 15:25 UTC.',
  '',
  '## Corrective and Preventative Measures',
  '',
  '- [ ] Add a config test for the pool limit.',
  '',
].join('\n');

interface Session {
  connection: MessageConnection;
  child: ChildProcess;
  diagnostics: Map<string, PublishDiagnosticsParams[]>;
  configurationRequests: number;
  stderr: string[];
}

async function startServer(options: { settings?: Record<string, unknown> | null; rootUri?: string } = {}): Promise<Session> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.on('data', (d) => stderr.push(String(d)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const session: Session = { connection, child, diagnostics: new Map(), configurationRequests: 0, stderr };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const list = session.diagnostics.get(p.uri) ?? [];
    list.push(p);
    session.diagnostics.set(p.uri, list);
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
    session.configurationRequests++;
    return params.items.map(() => options.settings ?? null);
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'ws' }] : null,
    capabilities: options.settings === undefined ? {} : { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
  });
  await connection.sendNotification('initialized', {});
  return session;
}

async function stopServer(session: Session): Promise<void> {
  await session.connection.sendRequest('shutdown').catch(() => undefined);
  await session.connection.sendNotification('exit').catch(() => undefined);
  session.connection.dispose();
  session.child.kill();
}

/** Polls until the predicate holds (never a fixed sleep). */
async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function latestDiagnostics(session: Session, uri: string, version?: number): Diagnostic[] | undefined {
  const list = session.diagnostics.get(uri);
  const last = list?.[list.length - 1];
  if (!last) return undefined;
  if (version !== undefined && last.version !== version) return undefined;
  return last.diagnostics;
}

function applyWorkspaceEdit(document: TextDocument, edit: WorkspaceEdit): string {
  const change = edit.documentChanges?.[0] as { textDocument: { version: number }; edits: TextEdit[] };
  assert.equal(change.textDocument.version, document.version, 'edits are pinned to the version they were computed for');
  return TextDocument.applyEdits(document, change.edits);
}

describe('language server over stdio', function () {
  this.timeout(20_000);
  let session: Session;
  before(() => {
    // These tests start server/dist: testing an old build would pass or fail for the wrong code.
    assert.ok(existsSync(serverPath), `${serverPath} is missing: run node scripts/build.mjs (npm test -- lsp builds first)`);
    const source = newestSource();
    assert.ok(
      statSync(serverPath).mtimeMs >= source.mtimeMs,
      `${serverPath} is older than ${source.file}: run node scripts/build.mjs (npm test -- lsp builds first)`,
    );
  });
  afterEach(async () => {
    if (session) await stopServer(session);
  });

  it('publishes a missing-section diagnostic for a postmortem without a timeline', async () => {
    session = await startServer();
    const uri = 'file:///tmp/checkout-postmortem.md';
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: missingTimeline } });
    const diagnostics = await waitFor('diagnostics', () => latestDiagnostics(session, uri, 1));
    const missing = diagnostics.filter((d) => d.code === 'missing-section');
    assert.equal(missing.length, 1);
    assert.equal(missing[0].source, 'postmortem');
    assert.match(missing[0].message, /Timeline/);
    assert.ok(missing[0].codeDescription?.href.includes('#missing-section'));
  });

  it('offers a quick fix that inserts the section, after which the diagnostic is gone and no line is lost', async () => {
    session = await startServer();
    const uri = 'file:///tmp/checkout-postmortem.md';
    let document = TextDocument.create(uri, 'markdown', 1, missingTimeline);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: missingTimeline } });
    const diagnostics = await waitFor('diagnostics', () => latestDiagnostics(session, uri, 1));
    const missing = diagnostics.find((d) => d.code === 'missing-section');
    assert.ok(missing);
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, `a preferred fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.match(fix.title, /Timeline/);
    assert.ok(actions.some((a) => /Disable missing-section for this file/.test(a.title)));
    const fixed = applyWorkspaceEdit(document, fix.edit);
    for (const line of missingTimeline.split('\n')) assert.ok(fixed.split('\n').includes(line), `kept "${line}"`);
    // The timeline goes after the summary and before the root cause, as the template orders them.
    assert.ok(fixed.indexOf('## Timeline') > fixed.indexOf('## Issue Summary') && fixed.indexOf('## Timeline') < fixed.indexOf('## Root Cause'));
    document = TextDocument.update(document, [{ text: fixed }], 2);
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await waitFor('diagnostics of version 2', () => latestDiagnostics(session, uri, 2));
    assert.equal(after.filter((d) => d.code === 'missing-section').length, 0);
  });

  it('answers source.fixAll.postmortem with edits that insert every missing section', async () => {
    session = await startServer();
    const uri = 'file:///tmp/bare-postmortem.md';
    const text = '# Postmortem: DNS outage\n\n## Timeline\n\n- 10:00 UTC – resolvers fail\n- 10:30 UTC – fixed\n';
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await waitFor('diagnostics', () => latestDiagnostics(session, uri, 1));
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.postmortem'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    const fixed = applyWorkspaceEdit(TextDocument.create(uri, 'markdown', 1, text), actions[0].edit!);
    for (const name of ['Issue Summary', 'Root Cause and Resolution', 'Corrective and Preventative Measures']) assert.ok(fixed.includes(`## ${name}`), name);
  });

  it('reads settings through workspace/configuration', async () => {
    session = await startServer({ settings: { rules: { 'missing-section': 'off' } } });
    const uri = 'file:///tmp/settings-postmortem.md';
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: missingTimeline } });
    const diagnostics = await waitFor('diagnostics', () => latestDiagnostics(session, uri, 1));
    assert.ok(session.configurationRequests > 0);
    assert.equal(diagnostics.filter((d) => d.code === 'missing-section').length, 0);
  });

  it('uses the defaults for a client that sends no settings', async () => {
    session = await startServer({ settings: undefined });
    const uri = 'file:///tmp/defaults-postmortem.md';
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: missingTimeline } });
    const diagnostics = await waitFor('diagnostics', () => latestDiagnostics(session, uri, 1));
    assert.equal(session.configurationRequests, 0);
    assert.equal(diagnostics.filter((d) => d.code === 'missing-section').length, 1);
  });

  it('reports nothing for a README that is not a postmortem', async () => {
    session = await startServer();
    const uri = 'file:///tmp/project/README.md';
    const text = '# My project\n\nA small library for parsing dates.\n\n## Install\n\nRun npm install.\n';
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const diagnostics = await waitFor('diagnostics', () => latestDiagnostics(session, uri, 1));
    assert.deepEqual(diagnostics, []);
  });

  it('hovers a section heading with what it must contain, and outlines the sections', async () => {
    session = await startServer();
    const uri = 'file:///tmp/hover-postmortem.md';
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: missingTimeline } });
    await waitFor('diagnostics', () => latestDiagnostics(session, uri, 1));
    const hover = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Issue Summary/);
    assert.match(value, /✅ \*\*Duration\*\*/);
    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Issue Summary', 'Root Cause and Resolution', 'Corrective and Preventative Measures'],
    );
    assert.ok(symbols[0].children?.some((c) => c.name === 'Duration'));
  });

  it('reports a broken .postmortemrc.json on the file itself and keeps working with the defaults', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pm-lsp-'));
    try {
      writeFileSync(join(root, '.postmortemrc.json'), '{\n  "template": "standard",\n  "rules": { "missing-section": "loud" }\n}\n');
      const rootUri = pathToFileURL(root).toString();
      session = await startServer({ rootUri, settings: {} });
      const uri = `${rootUri}/checkout-postmortem.md`;
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: missingTimeline } });
      const diagnostics = await waitFor('diagnostics', () => latestDiagnostics(session, uri, 1));
      assert.equal(diagnostics.filter((d) => d.code === 'missing-section').length, 1);
      const configProblems = await waitFor('config diagnostics', () => latestDiagnostics(session, `${rootUri}/.postmortemrc.json`));
      assert.equal(configProblems.length, 1);
      assert.equal(configProblems[0].range.start.line, 2);
      assert.match(configProblems[0].message, /severity of "missing-section"/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('clears the diagnostics of a closed document', async () => {
    session = await startServer();
    const uri = 'file:///tmp/closed-postmortem.md';
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: missingTimeline } });
    await waitFor('diagnostics', () => latestDiagnostics(session, uri, 1));
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await waitFor('cleared diagnostics', () => {
      const d = latestDiagnostics(session, uri);
      return d && d.length === 0 ? d : undefined;
    });
  });

  it('leaves only the newest diagnostics after rapid edits, and none after a close', async () => {
    session = await startServer();
    const uri = 'file:///tmp/rapid-postmortem.md';
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: missingTimeline } });
    let text = missingTimeline;
    for (let version = 2; version <= 30; version++) {
      text =
        version % 2
          ? text.replace('## Timeline\n\n- 14:00 UTC – alert\n\n', '')
          : text.replace('## Root Cause', '## Timeline\n\n- 14:00 UTC – alert\n\n## Root Cause');
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    const final = await waitFor('diagnostics of version 30', () => latestDiagnostics(session, uri, 30));
    assert.equal(final.filter((d) => d.code === 'missing-section').length, 0, 'version 30 has a timeline');
    const versions = (session.diagnostics.get(uri) ?? []).map((p) => p.version ?? 0);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'published in version order',
    );
    assert.ok(versions.length < 10, `debounced: ${versions.length} publications for 30 versions`);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await waitFor('cleared diagnostics', () => {
      const last = session.diagnostics.get(uri)?.at(-1);
      return last && last.version === undefined && last.diagnostics.length === 0 ? true : undefined;
    });
    const count = session.diagnostics.get(uri)?.length ?? 0;
    // The server answers in order: a document opened after the close is analysed after any
    // analysis still pending for the closed one (same debounce, later deadline), so once its
    // diagnostics arrive, a publication for the closed document would already have arrived.
    const sentinel = 'file:///tmp/after-close-postmortem.md';
    await session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: sentinel, languageId: 'markdown', version: 1, text: missingTimeline },
    });
    await waitFor('diagnostics of a document opened after the close', () => latestDiagnostics(session, sentinel, 1));
    assert.equal(
      session.diagnostics.get(uri)?.length,
      count,
      `nothing published after the close: ${JSON.stringify(
        session.diagnostics
          .get(uri)
          ?.slice(-3)
          .map((p) => [p.version, p.diagnostics.length]),
      )}`,
    );
  });

  it('answers requests for unknown documents and bad positions with empty results and keeps serving', async () => {
    session = await startServer();
    const unknown = { textDocument: { uri: 'file:///tmp/never-opened.md' } };
    assert.equal(await session.connection.sendRequest('textDocument/hover', { ...unknown, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await session.connection.sendRequest('textDocument/documentSymbol', unknown), []);
    const uri = 'file:///tmp/bad-position-postmortem.md';
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: missingTimeline } });
    await waitFor('diagnostics', () => latestDiagnostics(session, uri, 1));
    assert.equal(await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 9999, character: -5 } }), null);
    const actions = await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 500, character: 0 }, end: { line: 500, character: 0 } },
      context: {
        diagnostics: [
          {
            range: { start: { line: 500, character: 0 }, end: { line: 500, character: 1 } },
            message: 'forged',
            source: 'postmortem',
            code: 'missing-section',
            data: { index: 99, version: 1 },
          },
        ],
      },
    });
    assert.deepEqual(actions, []);
    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.ok(symbols.length > 0, 'still serving');
  });

  it('computes the duration from Start and End, and hovers a time with its instant and offset from the start', async () => {
    session = await startServer();
    const uri = 'file:///tmp/clock-postmortem.md';
    const text = [
      '# Postmortem: Billing delay',
      '',
      '## Issue Summary',
      '',
      '- **Start:** 2024-03-10 01:30 America/New_York',
      '- **End:** 2024-03-10 03:30 America/New_York',
      '- **Impact:** 12% of invoices were late.',
      '- **Root cause:** A stuck queue consumer.',
      '',
      '## Timeline',
      '',
      '- 01:30 – invoices stop',
      '- 03:30 – consumer restarted',
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
    const document = TextDocument.create(uri, 'markdown', 1, text);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const diagnostics = await waitFor('diagnostics', () => latestDiagnostics(session, uri, 1));
    assert.ok(
      diagnostics.some((d) => d.code === 'missing-duration'),
      diagnostics.map((d) => d.code).join(', '),
    );
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 4, character: 3 }, end: { line: 4, character: 3 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const compute = actions.find((a) => /duration/i.test(a.title));
    assert.ok(compute?.edit, `a duration action among: ${actions.map((a) => a.title).join(', ')}`);
    const fixed = applyWorkspaceEdit(document, compute.edit);
    // 01:30 to 03:30 across the spring-forward gap in New York is one hour of real time.
    assert.match(fixed, /Duration:\**\s*1 hour\b/);
    const hover = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 22 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /UTC/);
    assert.match(value, /T\+1h/);
  });
});
