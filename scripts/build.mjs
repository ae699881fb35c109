// Bundles the client, the language server and the CLI with esbuild, and the client and server
// again for the web (vscode.dev, github.dev, a web worker extension host: no Node built-ins).
//
// The server is in two parts, so the .vsix carries its bulk once: server/dist/core.js (the server
// and the postmortem service, built for the browser, so it runs in Node and in a web worker) and a
// small entry per host that creates the connection: server/dist/server.js (Node: stdio, IPC,
// socket; it requires ./core.js) and server/dist/browser.js (a web worker; the client starts it
// from core.js and browser.js together).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // jsonc-parser's UMD build requires its parts dynamically; its ES module build bundles cleanly.
  mainFields: ['module', 'main'],
};

// For the web: platform browser, so a Node built-in anywhere in the graph fails the build, and
// packages' `browser` fields pick their browser builds (vscode-languageclient/-server, jsonrpc).
// Minified (the source maps stay beside them, out of the .vsix), to keep the .vsix under 500 kB,
// keeping function and class names: the time reader tells chrono's refiners apart by class name.
const minified = { minify: true, keepNames: true };
// Only the bundles that carry the service need the names; the client and the servers' entries drop them (9 KB less in the .vsix).
const nameless = { keepNames: false };
const web = { platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'], ...minified };

export const coreGlobal = '__postmortemServerCore';

/** `./core` in an entry: required at run time in Node, the global core.js defines in a web worker. */
function coreFrom(host) {
  return {
    name: 'postmortem-core',
    setup(b) {
      b.onResolve({ filter: /^\.\/core$/ }, () => (host === 'node' ? { path: './core.js', external: true } : { path: 'core', namespace: 'postmortem-core' }));
      b.onLoad({ filter: /.*/, namespace: 'postmortem-core' }, () => ({ contents: `module.exports = self.${coreGlobal};`, loader: 'js' }));
    },
  };
}

/**
 * In the Node server, the protocol's platform-neutral modules (what the Node-only modules of
 * vscode-jsonrpc, -protocol and -languageserver require as `../common/...`) come from core.js,
 * which already holds them for the web worker: one copy of the JSON-RPC and LSP code in the
 * .vsix, not two. The Node-only parts (streams, IPC, sockets, the command line) stay in server.js.
 */
function sharedFromCore() {
  const shared = /[\\/]node_modules[\\/](vscode-jsonrpc|vscode-languageserver-protocol|vscode-languageserver)[\\/]lib[\\/]node[\\/]/;
  return {
    name: 'postmortem-shared-protocol',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/common\// }, (args) => {
        const m = shared.exec(args.importer);
        if (!m) return undefined;
        return { path: `${m[1]}/lib/common/${args.path.slice('../common/'.length).replace(/\.js$/, '')}`, namespace: 'postmortem-shared' };
      });
      b.onLoad({ filter: /.*/, namespace: 'postmortem-shared' }, (args) => ({
        contents: `const m = require('./core').sharedModules[${JSON.stringify(args.path)}];\nif (!m) throw new Error('core.js does not share ${args.path}');\nmodule.exports = m;`,
        loader: 'js',
        resolveDir: '.',
      }));
    },
  };
}

const entries = [
  { entryPoints: ['client/src/node.ts'], outfile: 'client/dist/extension.js', external: ['vscode'], ...minified, ...nameless },
  { ...web, entryPoints: ['client/src/browser.ts'], outfile: 'client/dist/browser.js', format: 'cjs', external: ['vscode'], ...nameless },
  {
    ...web,
    entryPoints: ['server/src/core.ts'],
    outfile: 'server/dist/core.js',
    format: 'iife',
    globalName: coreGlobal,
    // Node's require() gets the same object a web worker finds on `self`.
    footer: { js: `if (typeof module === "object" && module.exports) module.exports = ${coreGlobal};` },
  },
  { entryPoints: ['server/src/main.ts'], outfile: 'server/dist/server.js', ...minified, ...nameless, plugins: [coreFrom('node'), sharedFromCore()] },
  { ...web, entryPoints: ['server/src/browserMain.ts'], outfile: 'server/dist/browser.js', format: 'iife', ...nameless, plugins: [coreFrom('browser')] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/dist/cli.js', ...minified },
];

const started = Date.now();
await Promise.all(entries.map((e) => build({ ...common, ...e })));
if (!process.env.npm_config_loglevel || process.env.npm_config_loglevel !== 'silent') {
  console.log(`postmortem: built client, server and CLI, for Node and the web, in ${Date.now() - started} ms`);
}
