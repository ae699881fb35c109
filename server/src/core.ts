// What the Node entry (main.ts) and the web worker entry (browserMain.ts) share: the server and the
// service behind it, bundled once as server/dist/core.js, which both load (scripts/build.mjs).
// It is built for the browser, so it also carries the web worker's connection.
export { BrowserMessageReader, BrowserMessageWriter, createConnection as createBrowserConnection } from 'vscode-languageserver/browser';
export { startServer } from './server';
export { readFileRequest } from '../../protocol/requests';
