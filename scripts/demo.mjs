// The demo (`npm start`): a real VS Code in your browser with this checkout's extension installed
// and a folder of sample postmortems open.
//
//   npm start                  builds, starts code-server on http://127.0.0.1:8080 (or the next free
//                              port; PORT=NNNN to choose), prints the URL, runs until Ctrl+C
//   npm start -- --check       the same, then opens the URL in headless chromium, checks that the
//                              extension reports the sample's missing section, and stops
//
// code-server (VS Code's workbench and extension host, from the npm registry) is pinned and cached
// in ~/.cache/postmortem-vscode; the first run installs it and the Debian packages it needs and
// says so. The extension is linked into code-server's extensions folder as an installed extension
// (normal mode, not a development host): after a rebuild (`npm run build`), "Developer: Reload
// Window" in the browser picks up the change. The samples are copied to a temp folder, so the
// demo never edits the checkout; the copy is deleted when the demo stops.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CODE_SERVER_VERSION,
  ensureCodeServer,
  firstFreePort,
  freePort,
  HostSetupError,
  launchChromium,
  linkExtension,
  REPO_ROOT,
  readTail,
  startCodeServer,
  workbenchUrl,
} from './vscode-host.mjs';
import { editorText, openFromExplorer, openProblems, poll, problemRows, waitForWorkbench } from './ui-test.mjs';

const DEFAULT_PORT = 8080;
const check = process.argv.includes('--check');
const log = (msg) => console.log(`[demo] ${msg}`);

const DEMO_SETTINGS = {
  'security.workspace.trust.enabled': false,
  // The samples' README says what each file shows. The printed URL opens it as text at once; this
  // opens it (as a preview, once the Markdown extension is up) when the bare URL is used.
  'workbench.startupEditor': 'readme',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
};

let stopServer = async () => {};
let tmpRoot;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await stopServer().catch(() => undefined);
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
  process.exit(code);
}

async function choosePort() {
  if (process.env.PORT) {
    const port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new HostSetupError(`PORT=${process.env.PORT} is not a port number`);
    try {
      return await freePort(port);
    } catch {
      throw new HostSetupError(`PORT=${port} is already in use on 127.0.0.1; choose another (PORT=8090 npm start) or leave PORT unset`);
    }
  }
  return firstFreePort(DEFAULT_PORT);
}

/** Opens the demo as a visitor would and checks the extension works there (for --check). */
async function checkInBrowser(url) {
  log(`checking ${url} in headless chromium`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    await poll(async () => (await editorText(page)).includes('About this folder'), 30_000, 'the samples README, as text');
    log('the samples README is open as text');
    await openFromExplorer(page, 'missing-timeline-postmortem.md', 'Nightly invoice emails sent twice');
    await openProblems(page);
    const row = await poll(
      async () => (await problemRows(page)).find((r) => r.includes('Missing section "Timeline"')),
      60_000,
      'the Problems panel to list the missing Timeline section',
    );
    log(`the Problems panel shows: ${row.split('\n')[0].slice(0, 120)}…`);
    await openFromExplorer(page, 'README.md', 'About this folder');
    // The status bar item hides once the server says the README is not a postmortem; by then
    // a problem of the README's own would be listed (under a "N problems in file README.md" row).
    await page.locator('.statusbar-item', { hasText: /Postmortem \d/ }).waitFor({ state: 'hidden', timeout: 30_000 });
    const readme = (await problemRows(page)).filter((r) => r.includes('README.md'));
    if (readme.length) throw new Error(`README.md, which is not a postmortem, got problems: ${readme.join('; ')}`);
    log('README.md (not a postmortem) has no problems');
    const shot = path.join(REPO_ROOT, 'test-results', 'demo-check.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    log(`screenshot: ${path.relative(REPO_ROOT, shot)}`);
  } finally {
    await browser.close();
  }
}

async function main() {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      console.log(`\n[demo] ${sig === 'SIGINT' ? 'Ctrl+C' : sig}: stopping code-server and removing the temp workspace`);
      void shutdown(0);
    });
  }

  log('building the extension: node scripts/build.mjs');
  const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0)
    throw new HostSetupError(`the extension did not build (node scripts/build.mjs exited ${build.status}); fix the errors above and run npm start again`);

  log(`making sure code-server ${CODE_SERVER_VERSION} is installed (cached after the first run)`);
  ensureCodeServer({ browser: check });

  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-demo-'));
  const workspace = path.join(tmpRoot, 'samples');
  fs.cpSync(path.join(REPO_ROOT, 'samples'), workspace, { recursive: true });
  const userDataDir = path.join(tmpRoot, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(DEMO_SETTINGS, null, 2)}\n`);
  const extensionsDir = path.join(tmpRoot, 'extensions');
  const id = linkExtension(extensionsDir);
  log(`workspace: a copy of samples/ in ${workspace}`);
  log(`extension ${id} installed from ${REPO_ROOT} (linked into ${extensionsDir})`);

  const port = await choosePort();
  const server = await startCodeServer({ folder: workspace, userDataDir, extensionsDir, port, logFile: path.join(tmpRoot, 'code-server.log') });
  stopServer = server.stop;
  const url = workbenchUrl(server, workspace, { openFile: 'README.md' });

  if (check) {
    await checkInBrowser(url);
    log('check passed: the extension runs in the demo and reports the missing Timeline section');
    await shutdown(0);
    return;
  }

  console.log(`
  Postmortem demo is running. Open this in your browser:

      ${url}

  The folder holds sample postmortems and a README. Open missing-timeline-postmortem.md,
  then the Problems panel (Ctrl+Shift+M); put the cursor on the title and press Ctrl+. for
  the quick fixes; hover a section heading. The README explains each sample.

  On another machine? Forward the port first:  ssh -L ${port}:127.0.0.1:${port} <this host>
  Press Ctrl+C to stop.
`);
  // Runs until Ctrl+C; if code-server stops on its own, say why and stop too.
  setInterval(() => {
    const exited = server.exited();
    if (exited && !stopping) {
      console.error(`[demo] code-server stopped (${JSON.stringify(exited)}); log tail:\n${readTail(path.join(tmpRoot, 'code-server.log'), 20)}`);
      void shutdown(1);
    }
  }, 1000);
}

try {
  await main();
} catch (e) {
  console.error(`[demo] ERROR: ${e instanceof HostSetupError ? e.message : (e?.stack ?? String(e))}`);
  await shutdown(1);
}
