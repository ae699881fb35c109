// Builds the .vsix a user installs, and (with --check) proves it is the package we mean to ship.
//
//   node scripts/package.mjs            build and write postmortem-lsp-<version>.vsix in the repo root (npm run package)
//   node scripts/package.mjs --check    build it into a temp folder, then check it, as the `package` step of npm test:
//                                       it lists its files, is under 500 kB, holds no sources, tests, source
//                                       maps or node_modules, and once installed into code-server with
//                                       --install-extension it reports a missing section in the Problems panel
//
// Environment: POSTMORTEM_SKIP_BUILD=1 (don't run scripts/build.mjs), POSTMORTEM_KEEP_TMP=1.
// Prints each check like mocha's spec reporter, then `package: N passed, N failed`.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ensureCodeServer, HostSetupError, installVsix, launchChromium, REPO_ROOT, readTail, startCodeServer } from './vscode-host.mjs';

/** The Marketplace's limit is far higher; ours keeps the download small (see README). */
export const MAX_VSIX_BYTES = 500_000;

/** What must never be in the package, whatever else is added to it (a browser bundle, images). */
export const FORBIDDEN = [
  { why: 'node_modules (dependencies are bundled by esbuild)', test: (f) => /(^|\/)node_modules\//.test(f) },
  { why: 'TypeScript sources', test: (f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') },
  { why: 'source folders', test: (f) => /^extension\/(?:client|server)\/src\//.test(f) || /^extension\/protocol\//.test(f) },
  { why: 'tests', test: (f) => /^extension\/test(?:-results)?\//.test(f) || /\.test\.[cm]?[jt]s$/.test(f) },
  { why: 'source maps', test: (f) => f.endsWith('.map') },
  { why: 'scripts, samples, docs and CI files', test: (f) => /^extension\/(?:scripts|samples|docs|bench|\.ci|\.github)\//.test(f) },
  { why: 'packages built earlier', test: (f) => f.endsWith('.vsix') },
];

const log = (msg) => console.log(`[package] ${msg}`);
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const green = (s) => (color ? `\x1b[32m${s}\x1b[0m` : s);
const red = (s) => (color ? `\x1b[31m${s}\x1b[0m` : s);
const gray = (s) => (color ? `\x1b[90m${s}\x1b[0m` : s);

/** The entries of a zip file (a .vsix is one), read from its central directory. */
export function zipEntries(file) {
  const buf = fs.readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip file (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: broken central directory at entry ${i}`);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    entries.push({ name, size, compressed, method, local });
    at += 46 + nameLength + extraLength + commentLength;
  }
  const read = (entry) => {
    const start = entry.local + 30 + buf.readUInt16LE(entry.local + 26) + buf.readUInt16LE(entry.local + 28);
    const data = buf.subarray(start, start + entry.compressed);
    return entry.method === 0 ? data : inflateRawSync(data);
  };
  return { entries, read };
}

function build() {
  if (process.env.POSTMORTEM_SKIP_BUILD === '1') return;
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new HostSetupError(`the build failed (node scripts/build.mjs exited ${r.status})`);
}

function vscePackage(out) {
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  // No --allow-missing-repository: the manifest's repository is what makes the README's images resolve on the Marketplace.
  const r = spawnSync(vsce, ['package', '--no-dependencies', '--skip-license', '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`vsce package failed (exit ${r.status}):\n${`${r.stdout}\n${r.stderr}`.trim()}`);
  return out;
}

/** Opens the workbench with the installed package and waits for the sample's missing section in the Problems panel. */
async function smokeTest(tmp, vsix) {
  const { openFromExplorer, openProblems, poll, problemRows, waitForWorkbench, UI_SETTINGS } = await import('./ui-test.mjs');
  ensureCodeServer();
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(REPO_ROOT, 'samples'), workspace, { recursive: true });
  const userDataDir = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(UI_SETTINGS, null, 2)}\n`);
  const extensionsDir = path.join(tmp, 'extensions');
  const id = installVsix(extensionsDir, userDataDir, vsix);
  const installed = fs.readdirSync(extensionsDir).filter((d) => !d.startsWith('.') && d !== 'extensions.json');
  if (!installed.some((d) => d.startsWith('postmortem-tools.postmortem-lsp-')))
    throw new Error(`--install-extension left ${installed.join(', ') || 'nothing'} in ${extensionsDir}`);
  const logFile = path.join(tmp, 'code-server.log');
  const server = await startCodeServer({ folder: workspace, userDataDir, extensionsDir, logFile });
  const browser = await launchChromium().catch(async (e) => {
    await server.stop();
    throw e;
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    await openFromExplorer(page, 'missing-timeline-postmortem.md', 'Nightly invoice emails sent twice');
    await openProblems(page);
    await poll(
      async () => (await problemRows(page)).find((r) => r.includes('Missing section "Timeline"')),
      60_000,
      'the Problems panel to list the missing Timeline section',
    );
    return `${id} installed with --install-extension; the Problems panel lists the missing Timeline section`;
  } catch (e) {
    throw new Error(`${e.message}\ncode-server log (tail):\n${readTail(logFile, 15)}`);
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}

async function check() {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-package-'));
  const results = [];
  const step = async (name, run) => {
    const t0 = Date.now();
    try {
      const note = await run();
      results.push({ name, ok: true, ms: Date.now() - t0, note });
      return true;
    } catch (e) {
      results.push({ name, ok: false, ms: Date.now() - t0, error: e?.message ?? String(e) });
      return false;
    }
  };
  try {
    build();
    const vsix = path.join(tmp, 'postmortem-lsp.vsix');
    let files = [];
    const built = await step('builds the .vsix with vsce (the manifest names its repository)', () => {
      vscePackage(vsix);
      const { entries } = zipEntries(vsix);
      files = entries.filter((e) => !e.name.endsWith('/'));
      log(`${path.basename(vsix)}: ${fs.statSync(vsix).size} bytes, ${files.length} files`);
      for (const f of files) log(`  ${f.name} (${f.size} bytes)`);
      return `${files.length} files`;
    });
    if (built) {
      await step(`is under ${MAX_VSIX_BYTES / 1000} kB`, () => {
        const size = fs.statSync(vsix).size;
        if (size >= MAX_VSIX_BYTES) throw new Error(`${size} bytes`);
        return `${(size / 1024).toFixed(0)} KB`;
      });
      await step('holds no sources, tests, source maps or node_modules', () => {
        const bad = files.flatMap((f) => FORBIDDEN.filter((rule) => rule.test(f.name)).map((rule) => `${f.name}: ${rule.why}`));
        if (bad.length) throw new Error(bad.join('\n'));
      });
      await step('holds the manifest, the README, the entries the manifest names and the language server', () => {
        const names = new Set(files.map((f) => f.name));
        const manifest = JSON.parse(
          zipEntries(vsix)
            .read(files.find((f) => f.name === 'extension/package.json'))
            .toString('utf8'),
        );
        // Whatever entries the manifest names (the Node one, and a browser one when there is one).
        const entries = [manifest.main, manifest.browser].filter(Boolean).map((e) => `extension/${e.replace(/^\.\//, '')}`);
        const wanted = ['extension/package.json', 'extension/readme.md', ...entries, 'extension/server/dist/server.js'];
        const missing = wanted.filter((w) => ![...names].some((n) => n.toLowerCase() === w.toLowerCase()));
        if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);
        const readme = zipEntries(vsix)
          .read(files.find((f) => f.name.toLowerCase() === 'extension/readme.md'))
          .toString('utf8');
        const relativeImages = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]).filter((u) => !/^https?:/.test(u));
        if (relativeImages.length) throw new Error(`README images that will not resolve on the Marketplace: ${relativeImages.join(', ')}`);
      });
      await step('installs into code-server with --install-extension and reports a missing section there', () => smokeTest(tmp, vsix));
    }
  } finally {
    if (process.env.POSTMORTEM_KEEP_TMP === '1') log(`temp dir kept: ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log('\n  package (.vsix)');
  for (const r of results)
    console.log(r.ok ? `    ${green('✔')} ${gray(r.name)} ${gray(`(${r.note ? `${r.note}, ` : ''}${r.ms} ms)`)}` : `    ${red(`✗ ${r.name}`)}`);
  for (const r of results.filter((x) => !x.ok)) console.log(`\n  ${r.name}:\n     ${red(r.error.split('\n').join('\n     '))}`);
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed + (results.length === 0 ? 1 : 0);
  log(`total wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`package: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

async function main() {
  if (process.argv.includes('--check')) return check();
  build();
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const out = path.join(REPO_ROOT, `${manifest.name}-${manifest.version}.vsix`);
  vscePackage(out);
  const size = fs.statSync(out).size;
  log(`${path.relative(REPO_ROOT, out)}: ${(size / 1024).toFixed(0)} KB, ${zipEntries(out).entries.length} entries`);
  if (size >= MAX_VSIX_BYTES) {
    console.error(`[package] ERROR: ${size} bytes is over the ${MAX_VSIX_BYTES / 1000} kB limit`);
    return 1;
  }
  return 0;
}

let code;
try {
  code = await main();
} catch (e) {
  console.error(`[package] ERROR: ${e instanceof HostSetupError ? e.message : (e?.message ?? String(e))}`);
  if (process.argv.includes('--check')) console.log('package: 0 passed, 1 failed');
  code = 1;
}
process.exit(code);
