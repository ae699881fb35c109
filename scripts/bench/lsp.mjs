// The language server as a child process on stdio, for the benchmark: a JSON-RPC client that
// waits for the diagnostics of a given version, and (with the probe preloaded) asks the server
// process for its heap and RSS.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

export const serverPath = fileURLToPath(new URL('../../server/dist/server.js', import.meta.url));
const probePath = fileURLToPath(new URL('./probe.cjs', import.meta.url));

export async function startServer({ probe = false } = {}) {
  const args = probe ? ['--expose-gc', '--require', probePath, serverPath, '--stdio'] : [serverPath, '--stdio'];
  const child = spawn(process.execPath, args, { stdio: probe ? ['pipe', 'pipe', 'inherit', 'ipc'] : ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  const published = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    published.set(p.uri, p);
    waiting.get(key)?.(p);
    waiting.delete(key);
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    /** Resolves with the publication of `version` (a later one also resolves it: that version was superseded). */
    published(uri, version) {
      const last = published.get(uri);
      if (last && last.version >= version) return Promise.resolve(last);
      return new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve));
    },
    open(uri, text, version = 1) {
      return connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    },
    change(uri, version, contentChanges) {
      return connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    },
    close(uri) {
      return connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    request: (method, params) => connection.sendRequest(method, params),
    /** Heap and RSS of the server process after a full collection (needs `probe`). */
    memory() {
      return new Promise((resolve) => {
        child.once('message', resolve);
        child.send('memory');
      });
    },
    async stop() {
      await Promise.race([connection.sendRequest('shutdown').catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      child.kill();
    },
  };
}

/** Milliseconds from spawning the server to its answer to `initialize`. */
export async function coldStart() {
  const started = performance.now();
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  const elapsed = performance.now() - started;
  connection.dispose();
  child.kill();
  await new Promise((r) => child.once('exit', r));
  return elapsed;
}

/** Milliseconds from spawning `node -e 0` to its exit: what starting any Node process costs here. */
export function bareNode() {
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  return new Promise((resolve) => child.once('exit', () => resolve(performance.now() - started)));
}
