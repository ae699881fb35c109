// Runs the web extension test (test/web/suite) in a real web worker extension host: the same
// code-server + Debian chromium set-up as the integration suite, with the user setting
// `"remote.extensionKind": { "postmortem-tools.postmortem-lsp": ["web"] }`, which makes the browser
// workbench run the extension's `browser` entry in its web worker extension host instead of the
// Node one. (["ui"] is not enough for an extension under development on the remote: the workbench
// prefers the remote for it, and "ui" may run remotely; "web" may only run in the web worker.)
// The extension under test is a copy of this checkout with the web bundles only (no
// client/dist/extension.js, no server/dist/server.js), so it cannot have run in Node.
//
//   node scripts/web-test.mjs        (POSTMORTEM_SKIP_BUILD=1: don't run scripts/build.mjs; POSTMORTEM_KEEP_TMP=1: keep the temp dir)
//
// Prints each test like mocha's spec reporter, the web bundle sizes, then `web: N passed, N failed`.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { printReport, TEST_SETTINGS } from './integration.mjs';
import { HostSetupError, REPO_ROOT, ensureCodeServer, launchChromium, readTail, startCodeServer } from './vscode-host.mjs';

const EXTENSION_ID = 'postmortem-tools.postmortem-lsp';
const RESULTS_FILE = '.postmortem-web-results.json';
const DEADLINE_MS = Number(process.env.POSTMORTEM_WEB_TIMEOUT_MS || 240_000);
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
/** What a web extension host needs of the extension: the manifest and the web bundles (and the static contributions). */
const WEB_FILES = ['package.json', 'README.md', 'client/dist/browser.js', 'server/dist/core.js', 'server/dist/browser.js', 'snippets', 'syntaxes'];
const NODE_FILES = ['client/dist/extension.js', 'server/dist/server.js'];

const log = (msg) => console.log(`[web] ${msg}`);
class RunError extends Error {}

const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (e) {
      console.error(`[web] cleanup: ${e?.message ?? e}`);
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => cleanup().finally(() => process.exit(130)));

async function buildSuite(outdir) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(REPO_ROOT, 'test', 'web', 'index.ts')],
    outfile: path.join(outdir, 'index.js'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

function sizeOf(file) {
  const bytes = fs.readFileSync(path.join(REPO_ROOT, file));
  return { file, bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

async function main() {
  if (process.env.POSTMORTEM_SKIP_BUILD !== '1') {
    log('building: node scripts/build.mjs');
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new RunError('build failed');
  }
  const sizes = ['client/dist/browser.js', 'server/dist/core.js', 'server/dist/browser.js'].map(sizeOf);
  const total = sizes.reduce((a, s) => ({ bytes: a.bytes + s.bytes, gzip: a.gzip + s.gzip }), { bytes: 0, gzip: 0 });
  log(`web bundles: ${sizes.map((s) => `${s.file} ${kb(s.bytes)} (${kb(s.gzip)} gzip)`).join(', ')}; together ${kb(total.bytes)} (${kb(total.gzip)} gzip)`);

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-web-'));
  if (process.env.POSTMORTEM_KEEP_TMP === '1') log(`temp dir kept: ${root}`);
  else cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
  const extension = path.join(root, 'extension');
  for (const file of WEB_FILES) fs.cpSync(path.join(REPO_ROOT, file), path.join(extension, file), { recursive: true });
  for (const file of NODE_FILES) if (fs.existsSync(path.join(extension, file))) throw new RunError(`${file} was copied into the web-only extension`);
  await buildSuite(path.join(extension, 'test', 'web', 'dist'));
  const workspace = path.join(root, 'workspace');
  fs.cpSync(path.join(REPO_ROOT, 'samples'), workspace, { recursive: true });
  const userDataDir = path.join(root, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const settings = { ...TEST_SETTINGS, 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  const extensionsDir = path.join(root, 'extensions');

  ensureCodeServer();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const serverLog = path.join(RESULTS_DIR, 'web-code-server.log');
  const server = await startCodeServer({ folder: workspace, userDataDir, extensionsDir, logFile: serverLog });
  cleanups.push(() => server.stop());
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const browserLines = [];
  page.on('console', (m) => browserLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => browserLines.push(`[pageerror] ${e.message}`));
  const workers = [];
  // The workbench starts its web worker extension host (and that host the server's worker) inside an iframe.
  page.on('worker', (w) => {
    workers.push(w.url());
    browserLines.push(`[worker started] ${w.url().slice(0, 120)}`);
    w.on('console', (m) => browserLines.push(`[worker ${m.type()}] ${m.text()}`));
  });
  cleanups.push(async () => fs.writeFileSync(path.join(RESULTS_DIR, 'web-browser.log'), `${browserLines.join('\n')}\n`));

  const authority = `127.0.0.1:${server.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${extension}`],
    ['extensionTestsPath', `vscode-remote://${authority}${path.join(extension, 'test', 'web', 'dist', 'index.js')}`],
  ];
  log('opening the workbench with the web-only extension under development');
  await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, {
    waitUntil: 'domcontentloaded',
    timeout: 60_000,
  });

  const resultsFile = path.join(workspace, RESULTS_FILE);
  const deadline = Date.now() + DEADLINE_MS;
  let report = null;
  while (!report) {
    if (fs.existsSync(resultsFile)) {
      try {
        report = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      } catch {
        // still being written
      }
    }
    if (server.exited()) throw new RunError(`code-server exited before the suite reported; log tail:\n${readTail(serverLog, 30)}`);
    if (!report && Date.now() > deadline) {
      throw new RunError(
        `no results after ${DEADLINE_MS / 1000} s from the web worker extension host\n--- browser console ---\n${browserLines.slice(-30).join('\n')}\n--- code-server log ---\n${readTail(serverLog, 20)}`,
      );
    }
    if (!report) await new Promise((r) => setTimeout(r, 250));
  }
  try {
    await page.screenshot({ path: path.join(RESULTS_DIR, 'web-workbench.png'), timeout: 15_000 });
  } catch (e) {
    log(`screenshot failed: ${e.message}`);
  }
  // Seen from outside too: the Node extension host of code-server never activated the extension.
  const remoteLogs = path.join(userDataDir, 'logs');
  const nodeActivation = findInLogs(remoteLogs, /exthost\.log$/, EXTENSION_ID);
  log(`web workers the page started: ${workers.length}; Node extension host log mentions ${EXTENSION_ID}: ${nodeActivation ? 'yes' : 'no'}`);
  if (nodeActivation) {
    report.tests.push({ titlePath: ['web extension', 'never loads in the Node extension host'], state: 'failed', error: { message: nodeActivation } });
    report.totals.failed++;
  } else {
    report.tests.push({ titlePath: ['web extension', 'never loads in the Node extension host'], state: 'passed' });
    report.totals.passed++;
  }
  const { passed, failed } = printReport(report, 0);
  console.log(`web: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

/** The first line naming `needle` in a log file matching `pattern` under `dir`, or null. */
function findInLogs(dir, pattern, needle) {
  const walk = (d) => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        const found = walk(p);
        if (found) return found;
      } else if (pattern.test(e.name)) {
        const line = fs
          .readFileSync(p, 'utf8')
          .split('\n')
          .find((l) => l.includes(needle));
        if (line) return `${path.relative(dir, p)}: ${line}`;
      }
    }
    return null;
  };
  return walk(dir);
}

let code;
try {
  code = await main();
} catch (e) {
  console.error(`[web] ERROR: ${e instanceof RunError || e instanceof HostSetupError ? e.message : (e?.stack ?? e)}`);
  console.log('web: 0 passed, 1 failed');
  code = 1;
}
await cleanup();
process.exit(code);
