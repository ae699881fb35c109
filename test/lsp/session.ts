import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

// A client for the real language server (a child process on stdio), for the robustness tests and
// the edit-sequence fuzzer: it records every publication, can hold back its answer to
// `workspace/configuration`, and bounds every request by a liveness limit.

export const serverPath = resolve(__dirname, '../../server/dist/server.js');

/** A request not answered within this long counts as a hang. A liveness bound, not a speed target. */
export const answerLimitMs = 5_000;

export interface Session {
  connection: MessageConnection;
  child: ChildProcess;
  /** Every publication, per URI, in arrival order. */
  diagnostics: Map<string, PublishDiagnosticsParams[]>;
  configurationRequests: number;
  stderr: string[];
  /** Server log messages at error level (`connection.console.error`). */
  errors: string[];
  /** Answers the configuration requests held so far, and every later one at once. */
  releaseConfiguration(): void;
  /** Sends a request; rejects when no answer (result or error) arrives within `answerLimitMs`. */
  ask<T>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): Promise<void>;
}

export interface SessionOptions {
  /** Settings answered to `workspace/configuration`; `undefined`: the client does not offer configuration. */
  settings?: Record<string, unknown> | null;
  rootUri?: string;
  /** Hold every `workspace/configuration` answer until `releaseConfiguration()`. */
  holdConfiguration?: boolean;
  /** Answer each `workspace/configuration` request after this many milliseconds. */
  configurationDelayMs?: () => number;
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.on('data', (d) => stderr.push(String(d)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  let held: (() => void)[] | undefined = options.holdConfiguration ? [] : undefined;
  const session: Session = {
    connection,
    child,
    diagnostics: new Map(),
    configurationRequests: 0,
    stderr,
    errors: [],
    releaseConfiguration() {
      const waiting = held ?? [];
      held = undefined;
      for (const answer of waiting) answer();
    },
    ask<T>(method: string, params: unknown): Promise<T> {
      return new Promise<T>((resolvePromise, reject) => {
        const timer = setTimeout(() => reject(new Error(`${method} unanswered after ${answerLimitMs} ms`)), answerLimitMs);
        connection.sendRequest(method, params).then(
          (value) => {
            clearTimeout(timer);
            resolvePromise(value as T);
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(error);
          },
        );
      });
    },
    notify: (method, params) => connection.sendNotification(method, params),
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const list = session.diagnostics.get(p.uri) ?? [];
    list.push(p);
    session.diagnostics.set(p.uri, list);
  });
  connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
    if (m.type === 1) session.errors.push(m.message);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
    session.configurationRequests++;
    const answer = () => params.items.map(() => options.settings ?? null);
    const delay = options.configurationDelayMs?.();
    if (!held && delay) return new Promise((r) => setTimeout(() => r(answer()), delay));
    if (!held) return answer();
    return new Promise((r) => held?.push(() => r(answer())));
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

export async function stopSession(session: Session): Promise<void> {
  await Promise.race([session.connection.sendRequest('shutdown').catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
  await session.connection.sendNotification('exit').catch(() => undefined);
  session.connection.dispose();
  session.child.kill();
}

/** Polls until the probe gives a value (never a fixed sleep). */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function latestDiagnostics(session: Session, uri: string, version?: number): Diagnostic[] | undefined {
  const last = session.diagnostics.get(uri)?.at(-1);
  if (!last) return undefined;
  if (version !== undefined && last.version !== version) return undefined;
  return last.diagnostics;
}

export async function openDocument(session: Session, uri: string, text: string, version = 1): Promise<void> {
  await session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
}
