import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { readFileRequest } from '../../protocol/requests';
import { activateClient, deactivate } from './extension';

// The web entry, `browser` in package.json (vscode.dev, github.dev, a web worker extension host):
// the server runs in a web worker, and reads `.postmortemrc.json` through the client, which reads
// it with `vscode.workspace.fs` (so virtual file systems work too).

// The DOM's Worker (the project type-checks against ES2022 and Node, not the DOM).
declare const Worker: new (scriptURL: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[3];

/** A file of the extension: through the editor's file systems (a remote extension host's too), else over HTTP. */
async function extensionFile(uri: vscode.Uri): Promise<Uint8Array> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    if (!/^https?$/.test(uri.scheme)) throw error;
    return new Uint8Array(await (await fetch(uri.toString(true))).arrayBuffer());
  }
}

/**
 * The server's worker: server/dist/core.js (the server and the service) followed by
 * server/dist/browser.js (the worker's connection), as one script. A worker cannot be started from
 * a `vscode-remote:` URI (code-server, remote hosts), so the script is handed over as a blob.
 */
async function serverWorker(extensionUri: vscode.Uri) {
  const parts = await Promise.all(['core.js', 'browser.js'].map((name) => extensionFile(vscode.Uri.joinPath(extensionUri, 'server', 'dist', name))));
  const script = new Blob([parts[0], '\n;\n', parts[1]], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(script), { name: 'postmortem-language-server' });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = await serverWorker(context.extensionUri);
  await activateClient(context, (id, name, options) => {
    const client = new LanguageClient(id, name, options, worker);
    client.onRequest(readFileRequest, async ({ uri }) => {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
      } catch {
        return null;
      }
    });
    return client;
  });
}

export { deactivate };
