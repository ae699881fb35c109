import type * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateClient, deactivate } from './extension';

// The desktop (Node) entry, `main` in package.json: the server runs as a Node process over IPC.

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  await activateClient(context, (id, name, options) => new LanguageClient(id, name, serverOptions, options));
}

export { deactivate };
