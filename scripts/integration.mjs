// Runs the extension's integration tests (test/integration/suite) inside a real VS Code.
//
//   node scripts/integration.mjs               # POSTMORTEM_TEST_HOST=code-server (default)
//   POSTMORTEM_TEST_HOST=electron node scripts/integration.mjs
//   node scripts/integration.mjs --build-only  # only bundle the suite to test/integration/dist
//
// Hosts (chosen explicitly; one never falls back to the other):
//   code-server  code-server (VS Code's workbench and Node extension host, from npm) in Debian's
//                chromium driven by playwright-core. Works offline once cached.
//   electron     VS Code desktop through @vscode/test-electron's runTests (downloads VS Code,
//                needs a display: run under xvfb-run on a headless Linux box).
//
// Environment:
//   POSTMORTEM_TEST_HOST            code-server | electron
//   POSTMORTEM_EXTENSION_PATH       extension to load (default: the repo root, built first with scripts/build.mjs)
//   POSTMORTEM_SKIP_BUILD=1         don't run scripts/build.mjs
//   POSTMORTEM_INTEGRATION_TIMEOUT_MS  overall deadline for the results (default 300000)
//   POSTMORTEM_KEEP_TMP=1           keep the temp workspace / user-data dir
//   POSTMORTEM_VSCODE_EXECUTABLE    electron host: use this VS Code binary instead of downloading
//   POSTMORTEM_TEST_GREP            only run tests whose full title matches this regular expression
//
// Prints each test like mocha's spec reporter, the summary, then `integration: N passed, N failed`,
// and exits 1 on any failure, timeout or activation failure.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_ROOT, REPO_ROOT, VSCODE_VERSION, HostSetupError, ensureCodeServer, launchChromium, readTail, startCodeServer } from './vscode-host.mjs';

const SUITE_SRC = path.join(REPO_ROOT, 'test', 'integration');
const SUITE_DIST = path.join(SUITE_SRC, 'dist');
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const SCREENSHOT = path.join(RESULTS_DIR, 'integration-workbench.png');
const DEADLINE_MS = Number(process.env.POSTMORTEM_INTEGRATION_TIMEOUT_MS || 300_000);
const EXTENSION_ID = 'postmortem-tools.postmortem-lsp';

export const TEST_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
};

const log = (msg) => console.log(`[integration] ${msg}`);
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const green = (s) => (color ? `\x1b[32m${s}\x1b[0m` : s);
const red = (s) => (color ? `\x1b[31m${s}\x1b[0m` : s);
const cyan = (s) => (color ? `\x1b[36m${s}\x1b[0m` : s);
const gray = (s) => (color ? `\x1b[90m${s}\x1b[0m` : s);

class RunError extends Error {}

// ---------------------------------------------------------------------------------------------
// cleanup on every exit path

const cleanups = [];
let cleaning = null;
async function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (e) {
        console.error(`[integration] cleanup: ${e?.message ?? e}`);
      }
    }
  })();
  return cleaning;
}
const isElectronChild = process.argv.includes('--electron-runner');
for (const sig of isElectronChild ? [] : ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`[integration] ${sig}: stopping`);
    cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// builds

function buildExtension(extensionPath) {
  if (extensionPath !== REPO_ROOT || process.env.POSTMORTEM_SKIP_BUILD === '1') {
    log(`not building the extension (${extensionPath !== REPO_ROOT ? `using ${extensionPath}` : 'POSTMORTEM_SKIP_BUILD=1'})`);
    return;
  }
  log('building the extension: node scripts/build.mjs');
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new RunError(`extension build failed (node scripts/build.mjs exited ${r.status})`);
}

export async function buildSuite() {
  const started = Date.now();
  const { build } = await import('esbuild');
  fs.rmSync(SUITE_DIST, { recursive: true, force: true });
  const suiteFiles = fs.existsSync(path.join(SUITE_SRC, 'suite'))
    ? fs
        .readdirSync(path.join(SUITE_SRC, 'suite'))
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => path.join(SUITE_SRC, 'suite', f))
    : [];
  if (suiteFiles.length === 0) throw new RunError(`no test files in ${path.join(SUITE_SRC, 'suite')}`);
  await build({
    entryPoints: [path.join(SUITE_SRC, 'index.ts'), ...suiteFiles],
    outdir: SUITE_DIST,
    outbase: SUITE_SRC,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    // vscode is provided by the extension host; mocha is required from the repo's node_modules
    // (dist/index.js resolves it by walking up from test/integration/dist).
    external: ['vscode', 'mocha'],
    // jsonc-parser's UMD build requires its parts dynamically; its ES module build bundles cleanly.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  log(`bundled the suite (${suiteFiles.length} file(s)) to ${path.relative(REPO_ROOT, SUITE_DIST)}/ in ${Date.now() - started} ms`);
  return path.join(SUITE_DIST, 'index.js');
}

// ---------------------------------------------------------------------------------------------
// temp workspace

function prepareTemp() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-integration-'));
  if (process.env.POSTMORTEM_KEEP_TMP === '1') log(`temp dir kept: ${root}`);
  else cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
  const workspace = path.join(root, 'workspace');
  fs.cpSync(path.join(REPO_ROOT, 'samples'), workspace, { recursive: true });
  const fixtures = path.join(REPO_ROOT, 'test', 'fixtures');
  if (fs.existsSync(fixtures) && fs.readdirSync(fixtures).length) fs.cpSync(fixtures, path.join(workspace, 'fixtures'), { recursive: true });
  const userDataDir = path.join(root, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(TEST_SETTINGS, null, 2)}\n`);
  const extensionsDir = path.join(root, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  return { root, workspace, userDataDir, extensionsDir, resultsFile: path.join(root, 'results.json') };
}

/** Environment for the extension host: where to write results, and an optional mocha grep. */
function testEnv(tmp) {
  const env = { POSTMORTEM_TEST_RESULTS: tmp.resultsFile };
  if (process.env.POSTMORTEM_TEST_GREP) env.POSTMORTEM_TEST_GREP = process.env.POSTMORTEM_TEST_GREP;
  return env;
}

function readReport(file) {
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The last `n` meaningful log lines: no blank lines, no per-extension path listings, each cut to 240 characters. */
function logTail(text, n) {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\s+(file:\/\/|at )/.test(l))
    .slice(-n)
    .map((l) => (l.length > 240 ? `${l.slice(0, 240)}…` : l))
    .join('\n');
}

function newestFile(dir, pattern) {
  let best = null;
  const walk = (d) => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (pattern.test(e.name)) {
        const m = fs.statSync(p).mtimeMs;
        if (!best || m > best.m) best = { p, m };
      }
    }
  };
  walk(dir);
  return best?.p ?? null;
}

// ---------------------------------------------------------------------------------------------
// hosts

async function runInCodeServer({ extensionPath, testsPath, tmp }) {
  ensureCodeServer();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const serverLog = path.join(RESULTS_DIR, 'integration-code-server.log');
  const browserLog = path.join(RESULTS_DIR, 'integration-browser.log');

  const [server, browser] = await Promise.all([
    startCodeServer({
      folder: tmp.workspace,
      userDataDir: tmp.userDataDir,
      extensionsDir: tmp.extensionsDir,
      logFile: serverLog,
      env: testEnv(tmp),
    }).then((s) => {
      cleanups.push(() => s.stop());
      return s;
    }),
    launchChromium().then((b) => {
      cleanups.push(() => b.close());
      return b;
    }),
  ]);
  log(`chromium ${browser.version()} started`);

  const authority = `127.0.0.1:${server.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`],
    ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`],
  ];
  const workbenchUrl = `${server.url}?folder=${encodeURIComponent(tmp.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const browserLines = [];
  page.on('console', (m) => browserLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => browserLines.push(`[pageerror] ${e.message}`));
  const flushBrowserLog = () => fs.writeFileSync(browserLog, `${browserLines.join('\n')}\n`);
  cleanups.push(async () => flushBrowserLog());

  log(`opening the workbench: ${server.url}?folder=${tmp.workspace}&payload=…`);
  await page.goto(workbenchUrl, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  const deadline = Date.now() + DEADLINE_MS;
  log(`waiting for the extension host to run the suite (deadline ${DEADLINE_MS / 1000} s)`);
  let report = null;
  let failure = null;
  for (;;) {
    report = readReport(tmp.resultsFile);
    if (report) break;
    const exited = server.exited();
    if (exited) {
      failure = `code-server exited (${JSON.stringify(exited)}) before the suite reported`;
      break;
    }
    if (Date.now() > deadline) {
      failure = `no test results after ${DEADLINE_MS / 1000} s: the extension host never finished the suite (results file ${tmp.resultsFile})`;
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  try {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: SCREENSHOT, timeout: 15_000 });
    log(`screenshot: ${path.relative(REPO_ROOT, SCREENSHOT)}`);
  } catch (e) {
    log(`screenshot failed: ${e.message}`);
  }
  flushBrowserLog();

  if (failure) {
    const extHostLog = newestFile(path.join(tmp.userDataDir, 'logs'), /exthost\.log$/);
    let detail = `\n--- code-server log (tail of ${serverLog}) ---\n${logTail(readTail(serverLog, 400), 40)}`;
    if (extHostLog) detail += `\n--- extension host log (tail of ${extHostLog}) ---\n${logTail(readTail(extHostLog, 400), 40)}`;
    detail += `\n--- browser console (tail of ${browserLog}) ---\n${logTail(browserLines.join('\n'), 25) || '(empty)'}`;
    throw new RunError(`${failure}${detail}`);
  }
  return report;
}

async function loadTestElectron() {
  try {
    const mod = await import('@vscode/test-electron');
    return mod.default ?? mod;
  } catch (e) {
    throw new RunError(`POSTMORTEM_TEST_HOST=electron needs @vscode/test-electron (npm install): ${e.message}`);
  }
}

async function runInElectron({ extensionPath, testsPath, tmp }) {
  const testElectron = await loadTestElectron();
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    log('warning: no DISPLAY; VS Code desktop needs one (run under `xvfb-run -a`)');
  }
  let executable = process.env.POSTMORTEM_VSCODE_EXECUTABLE;
  if (!executable) {
    const version = process.env.POSTMORTEM_VSCODE_VERSION || VSCODE_VERSION;
    const cachePath = path.join(CACHE_ROOT, 'vscode-test');
    log(`getting VS Code ${version} for the electron host (cache: ${cachePath})`);
    try {
      executable = await testElectron.downloadAndUnzipVSCode({ version, cachePath, timeout: 60_000 });
    } catch (e) {
      throw new RunError(
        `could not download VS Code ${version} for POSTMORTEM_TEST_HOST=electron: ${e?.message ?? e}\n` +
          'No fallback: set POSTMORTEM_TEST_HOST=code-server, or POSTMORTEM_VSCODE_EXECUTABLE to a local VS Code.',
      );
    }
  }
  // @vscode/test-electron's runTests runs in a child process of its own process group, so the
  // deadline (or Ctrl+C) can end VS Code and everything it started.
  const opts = {
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: testsPath,
    extensionTestsEnv: testEnv(tmp),
    // runTests itself adds --no-sandbox, --disable-updates, --skip-welcome, --skip-release-notes, --disable-workspace-trust.
    launchArgs: [tmp.workspace, '--user-data-dir', tmp.userDataDir, '--extensions-dir', tmp.extensionsDir, '--disable-gpu'],
  };
  log(`running the suite in ${executable} (electron, @vscode/test-electron runTests)`);
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--electron-runner'], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, POSTMORTEM_ELECTRON_OPTS: JSON.stringify(opts) },
  });
  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve();
    });
  });
  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {}
  };
  cleanups.push(async () => {
    if (!exitInfo) {
      killGroup('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    killGroup('SIGKILL');
  });
  let timer;
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise((r) => {
      timer = setTimeout(() => r(true), DEADLINE_MS);
    }),
  ]);
  clearTimeout(timer);
  const report = readReport(tmp.resultsFile);
  if (report) return report;
  if (timedOut) throw new RunError(`no test results after ${DEADLINE_MS / 1000} s from the electron host (results file ${tmp.resultsFile})`);
  throw new RunError(`the electron host exited (${JSON.stringify(exitInfo)}) without test results (no fallback to code-server)`);
}

/** Child side of runInElectron: calls runTests with the options the parent passed. */
async function electronRunnerChild() {
  const { runTests } = await loadTestElectron();
  const opts = JSON.parse(process.env.POSTMORTEM_ELECTRON_OPTS);
  try {
    await runTests(opts);
    return 0;
  } catch (e) {
    console.error(`[integration] runTests: ${e?.message ?? e}`);
    return 1;
  }
}

// ---------------------------------------------------------------------------------------------
// report

function fmtMs(ms) {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10}s` : `${Math.round(ms)}ms`;
}

function indentLines(text, pad) {
  return String(text)
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

const sourceMaps = new Map();
/** Rewrites stack frames in the bundled suite (test/integration/dist/*.js) to the TypeScript sources. */
function mapStack(stack) {
  return stack.replace(/((?:file:\/\/)?[^\s()]*test\/integration\/dist\/[^\s():]+\.js):(\d+):(\d+)/g, (whole, file, line, col) => {
    const abs = path.resolve(REPO_ROOT, file.replace(/^file:\/\//, ''));
    if (!sourceMaps.has(abs)) {
      try {
        sourceMaps.set(abs, new SourceMap(JSON.parse(fs.readFileSync(`${abs}.map`, 'utf8'))));
      } catch {
        sourceMaps.set(abs, null);
      }
    }
    const entry = sourceMaps.get(abs)?.findEntry(Number(line) - 1, Number(col) - 1);
    if (!entry?.originalSource) return whole;
    const src = path.relative(REPO_ROOT, path.resolve(path.dirname(abs), entry.originalSource.replace(/^file:\/\//, '')));
    return `${src}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

/** Prints the report like mocha's spec reporter; returns { passed, failed }. */
export function printReport(report, wallMs) {
  const out = [];
  let prevSuite = [];
  const failures = [];
  out.push('');
  for (const t of report.tests) {
    const suite = t.titlePath.slice(0, -1);
    let common = 0;
    while (common < suite.length && common < prevSuite.length && suite[common] === prevSuite[common]) common++;
    for (let i = common; i < suite.length; i++) {
      if (i === 0) out.push('');
      out.push(`${'  '.repeat(i + 1)}${suite[i]}`);
    }
    prevSuite = suite;
    const pad = '  '.repeat(suite.length + 1);
    const title = t.titlePath[t.titlePath.length - 1];
    if (t.state === 'passed') {
      const slow = t.durationMs !== undefined && t.durationMs > 75 ? gray(` (${t.durationMs}ms)`) : '';
      out.push(`${pad}${green('✔')} ${gray(title)}${slow}`);
    } else if (t.state === 'pending') {
      out.push(`${pad}${cyan(`- ${title}`)}`);
    } else {
      failures.push(t);
      out.push(`${pad}${red(`${failures.length}) ${title}`)}`);
    }
  }
  const { passed, pending } = report.totals;
  // A pending (skipped) test is a failure: the suite must not shrink quietly.
  let failed = report.totals.failed + pending;
  out.push('');
  out.push(`  ${green(`${passed} passing`)} ${gray(`(${fmtMs(report.durationMs ?? wallMs)})`)}`);
  if (pending) out.push(`  ${red(`${pending} pending (counted as failing)`)}`);
  if (failed) out.push(`  ${red(`${failed} failing`)}`);
  failures.forEach((t, i) => {
    out.push('');
    const [first, ...rest] = t.titlePath;
    out.push(`  ${i + 1}) ${first}`);
    rest.forEach((s, j) => {
      out.push(`${'  '.repeat(j + 3)} ${s}${j === rest.length - 1 ? ':' : ''}`);
    });
    const err = t.error ?? { message: '(no error recorded)' };
    const stack = mapStack(err.stack?.includes(err.message) ? err.stack : `Error: ${err.message}${err.stack ? `\n${err.stack}` : ''}`);
    out.push(
      red(
        indentLines(
          stack
            .split('\n')
            .filter((l) => !/node_modules[\\/]mocha|node:internal|extensionHostProcess\.js/.test(l))
            .slice(0, 12)
            .join('\n'),
          '     ',
        ),
      ),
    );
    if (err.expected !== undefined || err.actual !== undefined) {
      out.push(`      ${green('+ expected')} ${red('- actual')}`);
      out.push(indentLines(`${red(`- ${err.actual}`)}\n${green(`+ ${err.expected}`)}`, '      '));
    }
  });
  if (report.fatal) {
    failed++;
    out.push('');
    out.push(red(`  mocha could not run the suites:\n${indentLines(report.fatal, '    ')}`));
  }
  const act = report.activation;
  if (!act?.ok) {
    failed++;
    out.push('');
    out.push(red(`  extension ${EXTENSION_ID} failed to activate${act?.installed === false ? ' (not installed)' : ''}:`));
    out.push(red(indentLines(act?.error ?? 'unknown error', '    ')));
  }
  out.push('');
  console.log(out.join('\n'));
  return { passed, failed };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (isElectronChild) return electronRunnerChild();
  if (process.argv.includes('--build-only')) {
    await buildSuite();
    return 0;
  }
  const started = Date.now();
  const hostName = process.env.POSTMORTEM_TEST_HOST || 'code-server';
  if (hostName !== 'code-server' && hostName !== 'electron') {
    throw new RunError(`POSTMORTEM_TEST_HOST must be "code-server" or "electron", not "${hostName}"`);
  }
  const extensionPath = path.resolve(process.env.POSTMORTEM_EXTENSION_PATH || REPO_ROOT);
  log(`host: ${hostName}; extension: ${extensionPath}`);
  if (!fs.existsSync(path.join(extensionPath, 'package.json'))) throw new RunError(`no extension manifest at ${extensionPath}/package.json`);
  buildExtension(extensionPath);
  const testsPath = await buildSuite();
  const tmp = prepareTemp();

  const report = hostName === 'code-server' ? await runInCodeServer({ extensionPath, testsPath, tmp }) : await runInElectron({ extensionPath, testsPath, tmp });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, 'integration-results.json'), `${JSON.stringify(report, null, 2)}\n`);
  log(
    `suite ran in ${report.host?.appName ?? '?'} ${report.host?.vscodeVersion ?? '?'} (${report.host?.remoteName ? `remote: ${report.host.remoteName}` : 'local'} extension host)`,
  );
  const { passed, failed } = printReport(report, Date.now() - started);
  log(`total wall time ${fmtMs(Date.now() - started)}`);
  console.log(`integration: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let code;
  try {
    code = await main();
  } catch (e) {
    const msg = e instanceof RunError || e instanceof HostSetupError ? e.message : (e?.stack ?? String(e));
    console.error(`[integration] ERROR: ${msg}`);
    code = 1;
    console.log('integration: 0 passed, 1 failed');
  }
  await cleanup();
  process.exit(code);
}
