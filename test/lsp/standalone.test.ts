import * as assert from 'node:assert/strict';
import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  type MessageConnection,
  type MessageReader,
  type MessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

// The standalone server as other editors start it: `postmortem-language-server --stdio`,
// `--node-ipc` or `--socket=PORT`, from the package server/ publishes, for clients that send
// no settings and no workspace folders.

const repoRoot = resolve(__dirname, '../..');
const serverPath = join(repoRoot, 'server', 'dist', 'server.js');

const missingTimeline = [
  '# Postmortem: Checkout outage',
  '',
  '## Issue Summary',
  '',
  '- **Duration:** 2024-05-02 14:00 – 15:30 UTC',
  '- **Impact:** 40% of checkout requests failed.',
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

interface Client {
  connection: MessageConnection;
  child: ChildProcess;
  diagnostics: Map<string, PublishDiagnosticsParams>;
  close(): Promise<void>;
}

function connect(child: ChildProcess, reader: MessageReader, writer: MessageWriter, cleanup: () => void = () => undefined): Client {
  const connection = createMessageConnection(reader, writer);
  const client: Client = {
    connection,
    child,
    diagnostics: new Map(),
    async close() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      child.kill();
      cleanup();
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => client.diagnostics.set(p.uri, p));
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  return client;
}

/** The initialize request of a minimal client: no workspace/configuration, no workspaceFolders. */
async function initialize(client: Client, rootUri: string | null): Promise<InitializeResult> {
  const result = (await client.connection.sendRequest('initialize', { processId: process.pid, rootUri, capabilities: {} })) as InitializeResult;
  await client.connection.sendNotification('initialized', {});
  return result;
}

async function diagnosticsOf(client: Client, uri: string, text: string, timeoutMs = 10_000) {
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const deadline = Date.now() + timeoutMs;
  while (!client.diagnostics.has(uri)) {
    if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return client.diagnostics.get(uri)!.diagnostics;
}

function stdio(command: string, args: string[]): Client {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  return connect(child, new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
}

describe('standalone language server', function () {
  this.timeout(60_000);
  let client: Client | undefined;
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'pm-standalone-'));
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves over --stdio a client that sends no settings and no workspace folders, with the defaults', async () => {
    client = stdio(process.execPath, [serverPath, '--stdio']);
    const result = await initialize(client, null);
    assert.equal(result.serverInfo?.name, 'postmortem-language-server');
    const diagnostics = await diagnosticsOf(client, 'file:///tmp/a-postmortem.md', missingTimeline);
    // The defaults: the missing Timeline is an error, the summary's missing Root cause a warning.
    assert.equal(diagnostics.find((d) => d.code === 'missing-section')?.severity, 1);
    assert.equal(diagnostics.find((d) => d.code === 'missing-field')?.severity, 2);
  });

  it('finds .postmortemrc.json at the rootUri of a client that sends only rootUri', async () => {
    writeFileSync(join(folder, '.postmortemrc.json'), '{ "rules": { "missing-field": "off", "missing-section": "warning" } }');
    mkdirSync(join(folder, 'docs'));
    const rootUri = pathToFileURL(folder).toString();
    client = stdio(process.execPath, [serverPath, '--stdio']);
    await initialize(client, rootUri);
    const diagnostics = await diagnosticsOf(client, `${rootUri}/docs/b-postmortem.md`, missingTimeline);
    // The file turns missing-field off and makes missing-section a warning.
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'missing-section' || d.code === 'missing-field').map((d) => `${d.code}:${d.severity}`),
      ['missing-section:2'],
    );
  });

  it('serves over --node-ipc', async () => {
    const child = fork(serverPath, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    client = connect(child, new IPCMessageReader(child), new IPCMessageWriter(child));
    await initialize(client, null);
    const diagnostics = await diagnosticsOf(client, 'file:///tmp/c-postmortem.md', missingTimeline);
    assert.ok(diagnostics.some((d) => d.code === 'missing-section'));
  });

  it('serves over --socket=PORT, connecting to the port the client listens on', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const accepted = new Promise<import('node:net').Socket>((r) => server.once('connection', r));
    const child = spawn(process.execPath, [serverPath, `--socket=${port}`], { stdio: 'ignore' });
    const socket = await accepted;
    client = connect(child, new SocketMessageReader(socket), new SocketMessageWriter(socket), () => {
      socket.destroy();
      server.close();
    });
    await initialize(client, null);
    const diagnostics = await diagnosticsOf(client, 'file:///tmp/d-postmortem.md', missingTimeline);
    assert.ok(diagnostics.some((d) => d.code === 'missing-section'));
  });

  it('says in one line which transports there are when given none', () => {
    const result = spawnSync(process.execPath, [serverPath], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'postmortem-language-server: choose a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME\n');
  });

  it('is an npm package of its own: packed, installed elsewhere, and run through npx', async function () {
    this.timeout(120_000);
    const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    const pack = spawnSync('npm', ['pack', '--pack-destination', folder], { cwd: join(repoRoot, 'server'), encoding: 'utf8', env, timeout: 90_000 });
    assert.equal(pack.status, 0, pack.stderr);
    const tarball = readdirSync(folder).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack wrote a tarball');
    const project = join(folder, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "an-editor-setup", "private": true }');
    const install = spawnSync('npm', ['install', '--offline', '--no-package-lock', join(folder, tarball)], {
      cwd: project,
      encoding: 'utf8',
      env,
      timeout: 60_000,
    });
    assert.equal(install.status, 0, install.stderr);
    const version = spawnSync('npx', ['--no-install', 'postmortem-language-server', '--version'], { cwd: project, encoding: 'utf8', env, timeout: 30_000 });
    assert.equal(version.stdout, 'postmortem-language-server 0.1.0\n');
    const child = spawn('npx', ['--no-install', 'postmortem-language-server', '--stdio'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'], env });
    client = connect(child, new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    await initialize(client, null);
    const diagnostics = await diagnosticsOf(client, 'file:///tmp/e-postmortem.md', missingTimeline, 20_000);
    assert.ok(diagnostics.some((d) => d.code === 'missing-section'));
    const lint = spawnSync('npx', ['--no-install', 'postmortem', 'lint', '--format', 'json', '--stdin', '--stdin-filename', 'x.md'], {
      cwd: project,
      input: missingTimeline,
      encoding: 'utf8',
      env,
      timeout: 30_000,
    });
    assert.equal(lint.status, 1, lint.stderr);
    assert.equal(JSON.parse(lint.stdout)[0].file, 'x.md');
  });
});
