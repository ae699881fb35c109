import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { buildCli, repoRoot, tempFolder } from '../helpers';

// The web build (the manifest's `browser` entry) and the .vsix that carries both builds.

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const webBundles = ['client/dist/browser.js', 'server/dist/core.js', 'server/dist/browser.js'];

describe('web build and package', function () {
  this.timeout(180_000);
  before(() => buildCli());

  it('names the web client as the browser entry', () => {
    assert.equal(manifest.browser, './client/dist/browser.js');
    assert.ok(statSync(join(repoRoot, manifest.browser)).size > 0);
  });

  it('requires no Node built-in anywhere in the web bundles', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    for (const file of webBundles) {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      const required = [...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
      assert.deepEqual(
        required.filter((r) => builtins.has(r)),
        [],
        `${file} requires Node built-ins`,
      );
      // The client's only import is the editor's API; the server's worker needs none at all.
      assert.deepEqual([...new Set(required)], file.startsWith('client/') ? ['vscode'] : [], `${file} requires only what its host provides`);
    }
  });

  it('carries the protocol code once: the Node server takes it from core.js', () => {
    const core = readFileSync(join(repoRoot, 'server/dist/core.js'), 'utf8');
    const server = readFileSync(join(repoRoot, 'server/dist/server.js'), 'utf8');
    // Method names that only the platform-neutral JSON-RPC and LSP modules spell out.
    for (const name of ['textDocument/publishDiagnostics', '$/cancelRequest']) {
      assert.ok(core.includes(name), `core.js has ${name}`);
      assert.ok(!server.includes(name), `server.js bundles ${name} a second time`);
    }
    assert.match(server, /require\("\.\/core\.js"\)\.sharedModules/);
  });

  it('packages a .vsix under 500 kB (500,000 bytes) with the Node and the web entries and nothing else', () => {
    const folder = tempFolder();
    try {
      const vsix = join(folder.path, 'postmortem.vsix');
      // The README's screenshots are relative links, which vsce resolves against the repository.
      const result = spawnSync(
        join(repoRoot, 'node_modules', '.bin', 'vsce'),
        [
          'package',
          '--no-dependencies',
          '--allow-missing-repository',
          '--skip-license',
          '--baseImagesUrl',
          'https://github.com/postmortem-tools/postmortem-lsp/raw/HEAD/',
          '-o',
          vsix,
        ],
        { cwd: repoRoot, encoding: 'utf8', timeout: 150_000 },
      );
      assert.equal(result.status, 0, result.stdout + result.stderr);
      const size = statSync(vsix).size;
      assert.ok(size < 500_000, `the .vsix is ${size} bytes`);
      const listing = spawnSync(join(repoRoot, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
      });
      const files = listing.stdout.trim().split('\n').sort();
      for (const f of ['client/dist/extension.js', 'server/dist/server.js', ...webBundles]) assert.ok(files.includes(f), `${f} is packaged`);
      assert.ok(!files.some((f) => f.startsWith('node_modules/') || f.endsWith('.map') || f.endsWith('.ts')), files.join('\n'));
    } finally {
      folder.remove();
    }
  });
});
