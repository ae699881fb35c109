import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { createMocha } from '../../integration/mocha';
import { repoRoot, tempFolder } from '../helpers';

// The suite cannot shrink quietly. These tests run the real runner (scripts/test.mjs) on a copy
// of the repository that holds two real unit test files, change the copy as a careless commit
// would, and check that the run goes red.

const TEST_FILES = ['test/unit/time/declaration.test.ts', 'test/unit/time/unreadable.test.ts'];
const RUNNER_FILES = ['scripts/test.mjs', 'scripts/floors.mjs', 'test/support/reporter.js', 'test/unit/hooks.ts'];

interface Run {
  status: number | null;
  output: string;
  /** The counts of the closing `tests: N passed, N failed` line. */
  passed: number;
  failed: number;
}

describe('the test runner on a copy of the repository', function () {
  this.timeout(120_000);
  let copy: { path: string; remove: () => void };

  const write = (file: string, text: string) => writeFileSync(join(copy.path, file), text);
  const original = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
  const setFloors = (floors: Record<string, number>) => write('test/floors.json', JSON.stringify(floors));
  const restore = () => {
    for (const file of TEST_FILES) write(file, original(file));
  };

  function runUnit(): Run {
    const result = spawnSync(process.execPath, ['scripts/test.mjs', 'unit'], {
      cwd: copy.path,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
      timeout: 60_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    const closing = /^tests: (\d+) passed, (\d+) failed$/m.exec(result.stdout);
    assert.ok(closing, `the runner printed its closing line:\n${output}`);
    return { status: result.status, output, passed: Number(closing[1]), failed: Number(closing[2]) };
  }

  let baseline = 0;
  before(() => {
    copy = tempFolder('postmortem-runner-');
    for (const file of [...RUNNER_FILES, ...TEST_FILES]) {
      mkdirSync(join(copy.path, file, '..'), { recursive: true });
      cpSync(join(repoRoot, file), join(copy.path, file));
    }
    // The code under test and the tools are shared with the repository, read-only.
    for (const dir of ['node_modules', 'server', 'protocol']) symlinkSync(join(repoRoot, dir), join(copy.path, dir), 'dir');
    setFloors({ unit: 1 });
    const run = runUnit();
    assert.equal(run.status, 0, run.output);
    assert.equal(run.failed, 0, run.output);
    baseline = run.passed;
    assert.ok(baseline > 10, `the copied files hold their tests: ${baseline}`);
  });
  after(() => copy?.remove());
  beforeEach(() => {
    restore();
    setFloors({ unit: baseline });
  });

  it('passes on the unchanged copy when the floor is exactly the number of tests', () => {
    const run = runUnit();
    assert.equal(run.status, 0, run.output);
    assert.deepEqual([run.passed, run.failed], [baseline, 0]);
  });

  it('fails when a test file gains an it.only', () => {
    write(TEST_FILES[0], original(TEST_FILES[0]).replace(/\bit\(/, 'it.only('));
    const run = runUnit();
    assert.notEqual(run.status, 0, run.output);
    assert.ok(run.failed > 0, run.output);
    assert.match(run.output, /\.only` forbidden/);
  });

  it('fails when a test file gains a describe.only', () => {
    write(TEST_FILES[1], original(TEST_FILES[1]).replace(/\bdescribe\(/, 'describe.only('));
    const run = runUnit();
    assert.notEqual(run.status, 0, run.output);
    assert.ok(run.failed > 0, run.output);
  });

  it('fails when a test file gains an it.skip', () => {
    write(TEST_FILES[0], original(TEST_FILES[0]).replace(/\bit\(/, 'it.skip('));
    const run = runUnit();
    assert.notEqual(run.status, 0, run.output);
    assert.ok(run.failed > 0, run.output);
    assert.match(run.output, /Pending test forbidden/);
  });

  it('fails when a test file gains a describe.skip', () => {
    write(TEST_FILES[1], original(TEST_FILES[1]).replace(/\bdescribe\(/, 'describe.skip('));
    const run = runUnit();
    assert.notEqual(run.status, 0, run.output);
    assert.ok(run.failed > 0, run.output);
  });

  it('fails when a test skips itself at run time', () => {
    write(TEST_FILES[0], `${original(TEST_FILES[0])}\nit('skips itself', function () {\n  this.skip();\n});\n`);
    const run = runUnit();
    assert.notEqual(run.status, 0, run.output);
    assert.ok(run.failed > 0, run.output);
  });

  it('fails when a test file is lost and the step runs fewer tests than its floor', () => {
    rmSync(join(copy.path, TEST_FILES[1]));
    const run = runUnit();
    assert.notEqual(run.status, 0, run.output);
    assert.ok(run.passed > 0 && run.passed < baseline, run.output);
    assert.match(run.output, new RegExp(`unit: ran ${run.passed} test\\(s\\), fewer than its floor of ${baseline}`));
  });

  it('fails when the step has no floor', () => {
    setFloors({ lsp: 1 });
    const run = runUnit();
    assert.notEqual(run.status, 0, run.output);
    assert.match(run.output, /unit: no floor in test\/floors\.json/);
  });
});

describe('the integration suite runner', () => {
  // test/integration/index.ts builds its mocha with createMocha; run it on suites written here.
  let folder: { path: string; remove: () => void };
  before(() => {
    folder = tempFolder('postmortem-integration-rules-');
  });
  after(() => folder?.remove());

  function run(name: string, source: string): Promise<{ failures: number; error?: Error }> {
    const file = join(folder.path, `${name}.test.js`);
    writeFileSync(file, source);
    const mocha = createMocha(Mocha.reporters.Base as unknown as Mocha.ReporterConstructor);
    mocha.addFile(file);
    return new Promise((resolve) => {
      try {
        mocha.run((failures) => resolve({ failures }));
      } catch (error) {
        resolve({ failures: 0, error: error as Error });
      }
    });
  }

  it('passes a suite without only or skip', async () => {
    const result = await run('plain', "describe('s', () => { it('a', () => {}); it('b', () => {}); });");
    assert.deepEqual(result, { failures: 0 });
  });

  it('fails a suite with an it.only', async () => {
    const result = await run('only', "describe('s', () => { it.only('a', () => {}); it('b', () => {}); });");
    assert.match(String(result.error ?? `${result.failures} failures`), /\.only` forbidden/);
  });

  it('fails a suite with an it.skip or a test that skips itself', async () => {
    const result = await run('skip', "describe('s', () => { it.skip('a', () => {}); it('b', function () { this.skip(); }); it('c', () => {}); });");
    assert.equal(result.failures, 2);
  });
});
