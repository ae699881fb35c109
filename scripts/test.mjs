// Runs every test: type-check, lint and format, build, unit, language server, grammar, the packaged
// .vsix, integration and the UI test (a real VS Code in Chromium), printing each runner's summary and
// one closing line with the totals.
//
//   npm test                      everything (integration host: $POSTMORTEM_TEST_HOST, default code-server)
//   npm test -- unit lsp          only the named steps (typecheck lint build unit lsp neovim grammar report package integration web ui)
//
// A suite cannot shrink unnoticed: mocha runs with --forbid-only and --forbid-pending (an `.only`
// or `.skip` left in a file is a failure), and every counted step fails when it runs fewer tests
// than its floor in test/floors.json (a lost file or a suite that stopped loading is a red run).
// A step with `needs` runs that step first when it was not asked for (the lsp tests start the built server).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFloor, readFloors } from './floors.mjs';

const wanted = process.argv.slice(2);
const bin = (name) => join('node_modules', '.bin', name);
const mocha = (glob, ...options) => [
  bin('mocha'),
  ...['--require', 'tsx/cjs', '--reporter', 'test/support/reporter.js', '--timeout', '20000', '--forbid-only', '--forbid-pending'],
  ...options,
  glob,
];
const steps = [
  { name: 'typecheck', command: [bin('tsc'), '--noEmit', '-p', '.'] },
  { name: 'lint', command: [bin('biome'), 'check', '.'] },
  { name: 'build', command: ['node', 'scripts/build.mjs'] },
  // The unit tests forget every remembered reading before each test (test/unit/hooks.ts).
  { name: 'unit', command: mocha('test/unit/**/*.test.ts', '--require', './test/unit/hooks.ts'), counted: true },
  { name: 'lsp', command: mocha('test/lsp/**/*.test.ts'), counted: true, needs: 'build' },
  { name: 'neovim', command: ['node', 'test/neovim/run.mjs'], counted: true, statsFromOutput: true },
  { name: 'grammar', command: ['node', 'test/grammar/run.mjs'], counted: true, statsFromOutput: true },
  { name: 'report', command: mocha('test/report/**/*.test.ts'), counted: true },
  { name: 'package', command: ['node', 'scripts/package.mjs', '--check'], counted: true, statsFromOutput: true },
  { name: 'integration', command: ['node', 'scripts/integration.mjs'], counted: true, statsFromOutput: true },
  { name: 'web', command: ['node', 'scripts/web-test.mjs'], counted: true, statsFromOutput: true },
  { name: 'ui', command: ['node', 'scripts/ui-test.mjs'], counted: true, statsFromOutput: true },
];
const chosen = steps.filter((s) => wanted.length === 0 || wanted.includes(s.name) || steps.some((t) => t.needs === s.name && wanted.includes(t.name)));
let floors;
try {
  floors = readFloors();
} catch (e) {
  console.error(`tests: ${e.message}`);
  process.exit(1);
}

const statsDir = mkdtempSync(join(tmpdir(), 'postmortem-test-'));
let passed = 0;
let failed = 0;
const summary = [];
for (const step of chosen) {
  console.log(`\n── ${step.name} ──`);
  const statsFile = join(statsDir, `${step.name}.json`);
  const started = Date.now();
  const result = spawnSync(step.command[0], step.command.slice(1), {
    stdio: step.statsFromOutput ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, POSTMORTEM_TEST_STATS: statsFile, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (step.statsFromOutput && result.stdout) process.stdout.write(result.stdout);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  if (step.counted) {
    let stats;
    try {
      stats = JSON.parse(readFileSync(statsFile, 'utf8'));
    } catch {
      const m = [...(result.stdout ?? '').matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
      stats = m ? { passed: Number(m[1]), failed: Number(m[2]) } : { passed: 0, failed: 1 };
    }
    // A runner that failed without counting a failure (crash, timeout) still counts as one.
    if (!ok && stats.failed === 0) stats.failed = 1;
    const short = checkFloor(floors, step.name, stats);
    if (short) {
      console.log(`\n${short}`);
      stats.failed++;
    }
    passed += stats.passed;
    failed += stats.failed;
    summary.push(`${step.name}: ${stats.passed} passed, ${stats.failed} failed (${seconds}s)${short ? ' (below its floor)' : ''}`);
  } else {
    if (!ok) failed++;
    summary.push(`${step.name}: ${ok ? 'ok' : 'FAILED'} (${seconds}s)`);
  }
}
rmSync(statsDir, { recursive: true, force: true });
console.log(`\n── summary ──\n${summary.join('\n')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
