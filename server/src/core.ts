// What the Node entry (main.ts) and the web worker entry (browserMain.ts) share: the server and the
// service behind it, bundled once as server/dist/core.js, which both load (scripts/build.mjs).
// It is built for the browser, so it also carries the web worker's connection.
import * as jsonrpcCommon from 'vscode-jsonrpc/lib/common/api';
import * as protocolCommon from 'vscode-languageserver-protocol/lib/common/api';
import * as serverCommon from 'vscode-languageserver/lib/common/api';
import * as serverCore from 'vscode-languageserver/lib/common/server';
import * as serverIs from 'vscode-languageserver/lib/common/utils/is';

export { BrowserMessageReader, BrowserMessageWriter, createConnection as createBrowserConnection } from 'vscode-languageserver/browser';
export { startServer } from './server';
export { readFileRequest } from '../../protocol/requests';

/**
 * The protocol's platform-neutral modules, which Node's connection (in server.js) is built on: the
 * Node build takes them from here instead of bundling a second copy (scripts/build.mjs), so the
 * JSON-RPC and LSP code is in the .vsix once. Keyed by the module each stands for.
 */
export const sharedModules: Record<string, unknown> = {
  'vscode-jsonrpc/lib/common/api': jsonrpcCommon,
  'vscode-languageserver-protocol/lib/common/api': protocolCommon,
  'vscode-languageserver/lib/common/api': serverCommon,
  'vscode-languageserver/lib/common/server': serverCore,
  'vscode-languageserver/lib/common/utils/is': serverIs,
};
