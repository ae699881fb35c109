// Bundles the client, the language server and the CLI with esbuild (one file each).
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
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

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'server/dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/dist/cli.js' },
];

const started = Date.now();
await Promise.all(entries.map((e) => build({ ...common, ...e, ...(watch ? {} : {}) })));
if (!process.env.npm_config_loglevel || process.env.npm_config_loglevel !== 'silent') {
  console.log(`postmortem: built client, server and CLI in ${Date.now() - started} ms`);
}
