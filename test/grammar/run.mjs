// Runs the TextMate grammar tests: test/grammar/*.test.md against the injection grammar, with
// VS Code's Markdown grammar (vendored here) as the host. Prints one line per fixture and a
// closing `grammar: N passed, N failed` line; exits non-zero on any failure.
//
//   node test/grammar/run.mjs [glob]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const cli = join(dirname(createRequire(import.meta.url).resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
const glob = process.argv[2] ?? relative(root, join(here, '**', '*.test.md'));

const result = spawnSync(process.execPath, [cli, '--config', join(here, 'package.json'), glob], { cwd: root, encoding: 'utf8' });
// The host grammar embeds other languages' grammars (for fenced code); the harness has none of them.
const noise = /^grammar not found for /;
const keep = (text) =>
  (text ?? '')
    .split('\n')
    .filter((line) => line && !noise.test(line))
    .join('\n');
const out = keep(result.stdout);
const err = keep(result.stderr);
if (out) console.log(out);
if (err) console.error(err);
const passed = (out.match(/^✓ /gm) ?? []).length;
const failed = (out.match(/^✖ /gm) ?? []).length + (result.status !== 0 && !/^✖ /m.test(out) ? 1 : 0);
console.log(`grammar: ${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
