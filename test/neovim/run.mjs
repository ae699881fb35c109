// The Neovim test: Debian's neovim (bookworm ships 0.7.2; installed with apt-get when missing)
// runs headless with no configuration and test/neovim/check.lua, which attaches the built language
// server (server/dist/server.js --stdio) to a postmortem through Neovim's own LSP client.
//
//   node test/neovim/run.mjs        prints each check, then `neovim: N passed, N failed`
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAptPackages, HostSetupError } from '../../scripts/vscode-host.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const server = path.join(repoRoot, 'server', 'dist', 'server.js');
const EXPECTED_CHECKS = 5;

function main() {
  ensureAptPackages(['neovim']);
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  console.log(`[neovim] ${version}`);
  if (!fs.existsSync(server)) throw new Error(`${server} is missing: run node scripts/build.mjs first`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-nvim-'));
  try {
    const file = path.join(folder, 'incidents', 'missing-timeline-postmortem.md');
    fs.mkdirSync(path.dirname(file));
    fs.copyFileSync(path.join(repoRoot, 'samples', 'missing-timeline-postmortem.md'), file);
    const results = path.join(folder, 'results.json');
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(here, 'check.lua')}`], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        POSTMORTEM_NVIM_SERVER: server,
        POSTMORTEM_NVIM_FILE: file,
        POSTMORTEM_NVIM_RESULTS: results,
        XDG_STATE_HOME: path.join(folder, 'state'),
        XDG_DATA_HOME: path.join(folder, 'data'),
        XDG_CACHE_HOME: path.join(folder, 'cache'),
      },
    });
    if (!fs.existsSync(results)) {
      throw new Error(`nvim wrote no results (exit ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}`);
    }
    const checks = JSON.parse(fs.readFileSync(results, 'utf8'));
    let passed = 0;
    let failed = 0;
    console.log('\n  Neovim 0.7 LSP client');
    for (const c of checks) {
      if (c.ok) passed++;
      else failed++;
      console.log(`    ${c.ok ? '✔' : '✘'} ${c.name}${c.ok ? '' : `\n        ${String(c.detail).split('\n').join('\n        ')}`}`);
    }
    if (checks.length < EXPECTED_CHECKS) {
      failed++;
      console.log(`    ✘ ran ${checks.length} of ${EXPECTED_CHECKS} checks`);
    }
    return { passed, failed };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

let counts;
try {
  counts = main();
} catch (e) {
  console.error(`[neovim] ERROR: ${e instanceof HostSetupError ? e.message : (e?.stack ?? e)}`);
  counts = { passed: 0, failed: 1 };
}
console.log(`\nneovim: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed ? 1 : 0);
