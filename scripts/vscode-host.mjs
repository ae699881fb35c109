// Provides a real VS Code for integration tests and demos on machines where VS Code desktop
// cannot be downloaded: code-server (VS Code's own workbench and Node extension host, from the
// npm registry), driven by Debian's chromium through playwright-core.
//
//   ensureCodeServer()      installs pinned code-server into a cache outside the repo (reused)
//   ensurePlaywright()      loads playwright-core (the repo's devDependency, else a pinned cached copy)
//   startCodeServer({...})  starts it on a free 127.0.0.1 port and waits until it answers
//   launchChromium()        starts Debian's chromium headless with the flags this machine needs
//
// Run directly (`node scripts/vscode-host.mjs`) it only installs / checks, then exits.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
/** The VS Code release code-server 4.100.3 is built from (used to pin the Electron host too). */
export const VSCODE_VERSION = '1.100.3';
export const PLAYWRIGHT_CORE_VERSION = '1.65.1';
/** @vscode/ripgrep (pulled in by code-server 4.100.3) looks for this cached download before the network. */
const RIPGREP_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** What code-server needs to install and run (its kerberos module builds against libkrb5; search uses rg). */
export const CODE_SERVER_APT_PACKAGES = ['libkrb5-dev', 'ripgrep'];
/** The browser the tests drive. */
export const BROWSER_APT_PACKAGES = ['chromium'];
export const APT_PACKAGES = [...CODE_SERVER_APT_PACKAGES, ...BROWSER_APT_PACKAGES];

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_ROOT = process.env.POSTMORTEM_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'postmortem-vscode');

const log = (msg) => console.log(`[vscode-host] ${msg}`);

export class HostSetupError extends Error {}

// ---------------------------------------------------------------------------------------------
// apt packages

function dpkgInstalled(pkg) {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

function failMissing(missing, why) {
  const cmd = `${process.getuid?.() === 0 ? '' : 'sudo '}apt-get update && ${process.getuid?.() === 0 ? '' : 'sudo '}apt-get install -y ${missing.join(' ')}`;
  const text =
    `missing Debian package(s): ${missing.join(', ')} (${why}).\n` +
    `[vscode-host] install them with:\n    ${cmd}\n` +
    `[vscode-host] then run this command again.`;
  console.error(`[vscode-host] ERROR: ${text}`);
  throw new HostSetupError(`missing Debian package(s): ${missing.join(', ')}`);
}

export function ensureAptPackages(packages = APT_PACKAGES) {
  log(`checking Debian packages: ${packages.join(' ')}`);
  const missing = packages.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) {
    log('Debian packages present');
    return;
  }
  if (process.getuid?.() !== 0) failMissing(missing, 'not root, so they cannot be installed here');
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) failMissing(missing, 'apt-get not found');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log('apt-get update');
  let r = spawnSync('apt-get', ['update', '-qq'], { env, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stdout + r.stderr);
    failMissing(missing, 'apt-get update failed');
  }
  log(`apt-get install -y ${missing.join(' ')}`);
  r = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { env, encoding: 'utf8' });
  const still = missing.filter((p) => !dpkgInstalled(p));
  if (r.status !== 0 || still.length > 0) {
    console.error(tail(r.stdout + r.stderr, 40));
    failMissing(still.length ? still : missing, 'apt-get install failed');
  }
  log(`installed ${missing.join(' ')}`);
}

// ---------------------------------------------------------------------------------------------
// code-server

export function codeServerDir() {
  return path.join(CACHE_ROOT, `code-server-${CODE_SERVER_VERSION}`);
}
export function codeServerEntry() {
  return path.join(codeServerDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** code-server writes ~/.config/code-server/config.yaml (with a password) unless given a config file; keep ours beside the data. */
function writeConfig(dir) {
  const file = path.join(dir, 'code-server-config.yaml');
  fs.writeFileSync(file, 'auth: none\ncert: false\n');
  return file;
}

function seedRipgrepCache() {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new HostSetupError('rg (Debian package ripgrep) not found on PATH');
  const dir = path.join(os.tmpdir(), RIPGREP_CACHE_DIR);
  const file = path.join(dir, RIPGREP_ASSET);
  if (fs.existsSync(file)) return;
  log(`seeding ripgrep download cache ${file} with ${rg}`);
  fs.mkdirSync(dir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-stage-'));
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  const r = spawnSync('tar', ['-czf', file, '-C', stage, 'rg'], { encoding: 'utf8' });
  fs.rmSync(stage, { recursive: true, force: true });
  if (r.status !== 0) throw new HostSetupError(`could not create ${file}: ${r.stderr}`);
}

/**
 * Installs code-server CODE_SERVER_VERSION into CACHE_ROOT (reused when already there) after making
 * sure the Debian packages it (and, unless `browser` is false, the test browser) need are installed.
 * Returns the entry script.
 */
export function ensureCodeServer({ browser = true } = {}) {
  ensureAptPackages(browser ? APT_PACKAGES : CODE_SERVER_APT_PACKAGES);
  const release = lockCache();
  try {
    return installCodeServer();
  } finally {
    release();
  }
}

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** A lock folder, so two runs started together don't both install into the cache. */
function lockCache() {
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  const lock = path.join(CACHE_ROOT, `code-server-${CODE_SERVER_VERSION}.lock`);
  const deadline = Date.now() + 15 * 60_000;
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      return () => fs.rmSync(lock, { recursive: true, force: true });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let holder = NaN;
    try {
      holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
    } catch {}
    let alive = false;
    try {
      if (holder > 0) alive = process.kill(holder, 0);
    } catch {}
    const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (!alive && age > 2000) {
      log(`removing stale lock ${lock}`);
      fs.rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (!told) log(`waiting for another install (pid ${holder}) to finish: ${lock}`);
    told = true;
    if (Date.now() > deadline) throw new HostSetupError(`timed out waiting for ${lock}`);
    sleepSync(500);
  }
}

function installCodeServer() {
  const dir = codeServerDir();
  const marker = path.join(dir, '.installed');
  if (fs.existsSync(marker) && fs.existsSync(codeServerEntry())) {
    log(`reusing code-server ${CODE_SERVER_VERSION} at ${dir}`);
    return codeServerEntry();
  }
  const started = Date.now();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  seedRipgrepCache();
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'postmortem-vscode-host',
        private: true,
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        // npm 11 is moving to blocking dependency install scripts unless approved here; code-server's
        // postinstall installs VS Code's own modules and argon2 builds/fetches its native binding.
        allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
      },
      null,
      2,
    )}\n`,
  );
  const logFile = path.join(dir, 'install.log');
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (npm install, a few minutes; log: ${logFile})`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], {
    cwd: dir,
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  fs.writeFileSync(logFile, `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  if (r.status !== 0 || !fs.existsSync(codeServerEntry())) {
    console.error(tail(`${r.stdout}\n${r.stderr}`, 40));
    throw new HostSetupError(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${r.status}); see ${logFile}`);
  }
  const check = spawnSync(process.execPath, [codeServerEntry(), '--config', writeConfig(dir), '--version'], { encoding: 'utf8' });
  const version = check.stdout.trim().split('\n').pop() ?? '';
  if (check.status !== 0 || !version.startsWith(CODE_SERVER_VERSION)) {
    throw new HostSetupError(`installed code-server does not start (exit ${check.status}): ${check.stdout}${check.stderr}`);
  }
  fs.writeFileSync(marker, `${version}\n`);
  log(`installed code-server ${version} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return codeServerEntry();
}

// ---------------------------------------------------------------------------------------------
// playwright-core and chromium

/**
 * Loads playwright-core: the repo's own devDependency when installed, otherwise a pinned copy
 * installed into CACHE_ROOT. It never downloads a browser; Debian's chromium is used.
 */
export async function ensurePlaywright() {
  const repoRequire = createRequire(path.join(REPO_ROOT, 'package.json'));
  try {
    const resolved = repoRequire.resolve('playwright-core');
    log(`using playwright-core from ${path.relative(REPO_ROOT, path.dirname(resolved)) || resolved}`);
    const mod = await import(pathToFileURL(resolved).href);
    return mod.default ?? mod;
  } catch (e) {
    if (e?.code !== 'MODULE_NOT_FOUND' && e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  }
  const dir = path.join(CACHE_ROOT, `playwright-core-${PLAYWRIGHT_CORE_VERSION}`);
  const entry = path.join(dir, 'node_modules', 'playwright-core', 'index.js');
  if (!fs.existsSync(entry)) {
    log(`playwright-core is not in the repo's node_modules; installing pinned ${PLAYWRIGHT_CORE_VERSION} into ${dir}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      `${JSON.stringify({ name: 'postmortem-playwright', private: true, dependencies: { 'playwright-core': PLAYWRIGHT_CORE_VERSION } }, null, 2)}\n`,
    );
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0 || !fs.existsSync(entry)) {
      console.error(tail(`${r.stdout}\n${r.stderr}`, 20));
      throw new HostSetupError(`npm install playwright-core@${PLAYWRIGHT_CORE_VERSION} failed`);
    }
  } else {
    log(`using cached playwright-core ${PLAYWRIGHT_CORE_VERSION} from ${dir}`);
  }
  const mod = await import(pathToFileURL(entry).href);
  return mod.default ?? mod;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-breakpad',
  '--disable-crash-reporter',
];

/** Launches Debian's chromium (headless) through playwright-core. */
export async function launchChromium({ headless = true } = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new HostSetupError(`${CHROMIUM_PATH} not found: apt-get install -y chromium`);
  const pw = await ensurePlaywright();
  // Chromium writes "Crash Reports" under $XDG_CONFIG_HOME/chromium whatever the flags; keep that in a temp dir.
  const configHome = path.join(os.tmpdir(), 'postmortem-chromium-config');
  fs.mkdirSync(configHome, { recursive: true });
  return pw.chromium.launch({ executablePath: CHROMIUM_PATH, headless, args: CHROMIUM_ARGS, env: { ...process.env, XDG_CONFIG_HOME: configHome } });
}

// ---------------------------------------------------------------------------------------------
// starting code-server

/** A port on 127.0.0.1 that is free right now: `port` itself, or any free one when `port` is 0. Rejects when `port` is taken. */
export function freePort(port = 0) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(port, '127.0.0.1', () => {
      const { port: bound } = srv.address();
      srv.close(() => resolve(bound));
    });
  });
}

/** The first free port from `start` on (trying `tries` ports). */
export async function firstFreePort(start, tries = 50) {
  for (let port = start; port < start + tries; port++) {
    try {
      return await freePort(port);
    } catch (e) {
      if (e.code !== 'EADDRINUSE' && e.code !== 'EACCES') throw e;
    }
  }
  throw new HostSetupError(`no free port on 127.0.0.1 between ${start} and ${start + tries - 1}`);
}

/** Installs a packaged extension (`npm run package`) into `extensionsDir` with code-server's own installer. Returns the extension id. */
export function installVsix(extensionsDir, userDataDir, vsix) {
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(userDataDir, { recursive: true });
  const r = spawnSync(
    process.execPath,
    [
      codeServerEntry(),
      '--config',
      writeConfig(userDataDir),
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      path.resolve(vsix),
    ],
    { encoding: 'utf8', env: { EXTENSIONS_GALLERY: '{}', ...process.env, XDG_DATA_HOME: path.join(userDataDir, 'xdg-data') }, timeout: 120_000 },
  );
  if (r.status !== 0 || !/successfully installed/.test(r.stdout)) {
    throw new HostSetupError(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${tail(`${r.stdout}\n${r.stderr}`, 20)}`);
  }
  const installed = JSON.parse(fs.readFileSync(path.join(extensionsDir, 'extensions.json'), 'utf8'));
  return installed.map((e) => e.identifier?.id).join(', ');
}

/**
 * Installs the extension at `extensionPath` (default: this checkout) into `extensionsDir` the way
 * an installed extension sits there: a folder named publisher.name-version, here a symlink to the
 * checkout. VS Code then loads it in normal mode (not as an extension under development), and a
 * rebuild plus "Developer: Reload Window" picks up changes. Returns the extension id.
 */
export function linkExtension(extensionsDir, extensionPath = REPO_ROOT) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  fs.mkdirSync(extensionsDir, { recursive: true });
  const link = path.join(extensionsDir, `${id}-${manifest.version}`);
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(extensionPath, link, 'dir');
  return id;
}

function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

export function tail(text, lines = 40) {
  return String(text ?? '')
    .split('\n')
    .slice(-lines)
    .join('\n');
}

export function readTail(file, lines = 40) {
  try {
    return tail(fs.readFileSync(file, 'utf8'), lines);
  } catch {
    return '(no log)';
  }
}

/**
 * Starts code-server on 127.0.0.1 (on `port`, else a free port) and resolves once its HTTP endpoint answers.
 * @param {{ folder: string, userDataDir: string, extensionsDir: string, env?: Record<string,string>,
 *           logFile?: string, readyTimeoutMs?: number, extraArgs?: string[], port?: number }} opts
 * @returns {Promise<{ url: string, port: number, pid: number, logFile: string, exited: () => boolean, stop: () => Promise<void> }>}
 */
export async function startCodeServer({ folder, userDataDir, extensionsDir, env = {}, logFile, readyTimeoutMs = 60_000, extraArgs = [], port: wantedPort }) {
  const entry = codeServerEntry();
  if (!fs.existsSync(entry)) throw new HostSetupError('code-server is not installed: call ensureCodeServer() first');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  logFile ??= path.join(userDataDir, 'code-server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const port = wantedPort ?? (await freePort());
  const out = fs.openSync(logFile, 'w');
  const args = [
    entry,
    '--config',
    writeConfig(userDataDir),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...extraArgs,
    folder,
  ];
  log(`starting code-server on 127.0.0.1:${port} (log: ${logFile})`);
  // Own process group, so stop() ends code-server and everything it spawned (extension host, pty host, watchers).
  // EXTENSIONS_GALLERY={} leaves code-server without a marketplace, so it makes no lookups to open-vsx.org.
  // XDG_DATA_HOME keeps code-server's heartbeat and coder-logs out of ~/.local/share.
  const childEnv = { EXTENSIONS_GALLERY: '{}', ...process.env, XDG_DATA_HOME: path.join(userDataDir, 'xdg-data'), ...env };
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', out, out], env: childEnv });
  fs.closeSync(out);
  let exitInfo = null;
  child.on('exit', (code, signal) => {
    exitInfo = { code, signal };
  });
  const stop = async () => {
    if (exitInfo) return;
    const gone = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const t = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, 5000);
    await gone;
    clearTimeout(t);
    // Children that outlived the parent (same group) get SIGKILL.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  };
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exitInfo) {
      throw new HostSetupError(`code-server exited before answering (${JSON.stringify(exitInfo)}); log tail:\n${readTail(logFile)}`);
    }
    if ((await httpStatus(`${url}healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new HostSetupError(`code-server did not answer on ${url} within ${readyTimeoutMs / 1000} s; log tail:\n${readTail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  log(`code-server is answering at ${url}`);
  return { url, port, pid: child.pid, logFile, exited: () => exitInfo, stop };
}

/**
 * The workbench URL for `folder` on a started code-server, optionally with `openFile` (a path in the
 * folder) open as text from the first paint: the workbench's `openFile` payload, which does not wait
 * for the Markdown preview's webview the way `workbench.startupEditor: readme` does.
 */
export function workbenchUrl(server, folder, { openFile } = {}) {
  const base = `${server.url}?folder=${encodeURIComponent(folder)}`;
  if (!openFile) return base;
  const file = `vscode-remote://127.0.0.1:${server.port}${path.resolve(folder, openFile)}`;
  return `${base}&payload=${encodeURIComponent(JSON.stringify([['openFile', file]]))}`;
}

// ---------------------------------------------------------------------------------------------

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureCodeServer();
    await ensurePlaywright();
  } catch (e) {
    if (!(e instanceof HostSetupError)) throw e;
    console.error(`[vscode-host] ${e.message}`);
    process.exit(1);
  }
}
