// Mutation testing of the pure postmortem service with StrykerJS: `npm run mutate`
// (scripts/mutate.mjs runs it once per batch and writes docs/mutation.md). Not part of `npm test`.
//
// Each mutant is type-checked first (mutants that do not compile are not counted), then the unit
// tests that cover it run against it. Incremental: results are kept in reports/mutation/ and a
// rerun only tests mutants whose code or covering tests changed (`npm run mutate -- --force`
// redoes everything).
//
// A batch (STRYKER_BATCH, set by scripts/mutate.mjs) is one folder of server/src/service, or
// `files` for the files directly in it; each batch keeps its own results, so an interrupted run
// loses one batch at most. Without STRYKER_BATCH the whole service is one run. STRYKER_MUTATE
// (globs under server/src/service, comma-separated; `npm run mutate -- time/duration.ts`) narrows a
// run to some files: it keeps its own results under the batch name scripts/mutate.mjs gives it.
import { readdirSync } from 'node:fs';
import { sep } from 'node:path';

const batch = process.env.STRYKER_BATCH;
const globs = process.env.STRYKER_MUTATE?.split(',').filter(Boolean);
const mutate = globs?.length
  ? globs.map((g) => `server/src/service/${g}`)
  : !batch
    ? ['server/src/service/**/*.ts']
    : batch === 'files'
      ? ['server/src/service/*.ts']
      : [`server/src/service/${batch}/**/*.ts`];
const out = `reports/mutation/${batch ?? 'all'}`;

/**
 * The unit test files in the order a mutant runs them. A mutant is killed by its first failing test
 * (mocha bails), so the order decides what a killed mutant costs: first the fixture-driven reading
 * tests (a whole reading compared in about 2 ms a test) and the rules' exact-finding tests, then
 * the rest, then the tests that take a tenth of a second or more each (random edit sequences,
 * properties over generated text, every line of the fixtures read twice, statistics over the
 * samples). The same tests run either way.
 */
function testFiles() {
  const first = [
    'test/unit/reading/fixtures.test.ts',
    'test/unit/rules/more-exact.test.ts',
    'test/unit/rules/placeholder-impact-exact.test.ts',
    'test/unit/writing/blameExact.test.ts',
    'test/unit/writing/vagueExact.test.ts',
  ];
  const last = [
    'test/unit/reading/metamorphic.test.ts',
    'test/unit/incremental/reanalyze.test.ts',
    'test/unit/incremental/blocks.test.ts',
    'test/unit/time/properties.test.ts',
    'test/unit/time/fastReading.test.ts',
    'test/unit/writing/actionItems.test.ts',
    'test/unit/stats.test.ts',
  ];
  const all = readdirSync('test/unit', { recursive: true })
    .map((f) => `test/unit/${String(f).split(sep).join('/')}`)
    .filter((f) => f.endsWith('.test.ts'))
    .sort();
  for (const f of [...first, ...last]) if (!all.includes(f)) throw new Error(`stryker.config.mjs: no test file ${f}`);
  return [...first, ...all.filter((f) => !first.includes(f) && !last.includes(f)), ...last];
}

export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  packageManager: 'npm',
  mutate,
  testRunner: 'mocha',
  mochaOptions: {
    spec: testFiles(),
    // Left out: the CLI tests (and the GitHub Action's) run the bundled server/dist, not the mutated
    // sources; the runner tests run scripts/test.mjs on a copy of the repository; the grammar test reads the
    // TextMate grammar. None can see a mutant. The fuzz tests check invariants on random input
    // (no crash, no lost line) for 6 of the suite's 13 seconds: every mutant that survives would
    // pay for them again, for a handful of kills the boundary tests make anyway. The web test
    // bundles and packages the extension (12 s), from the sandbox's instrumented sources, which
    // are bigger than the .vsix limit it checks.
    ignore: [
      'test/unit/cli.test.ts',
      'test/unit/cli-formats.test.ts',
      'test/unit/githubAction.test.ts',
      'test/unit/meta/runner.test.ts',
      'test/unit/meta/grammar.test.ts',
      'test/unit/meta/web.test.ts',
      'test/unit/robustness/fuzz.test.ts',
    ],
    // test/unit/hooks.ts forgets every remembered reading before each test: the modules stay loaded
    // while mutants are switched, and a reading remembered under another mutant would hide this one.
    // test/unit/stryker-grep.ts picks the covering tests of each mutant by title from a set instead
    // of the runner's regular expression of every title (over a second of each mutant run).
    require: ['tsx/cjs', './test/unit/hooks.ts', './test/unit/stryker-grep.ts'],
    'no-config': true,
    'no-package': true,
    'no-opts': true,
  },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutate.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Mutants that only run while a module loads (template tables, regular expressions built at
  // load time) would each need a full reload and every test: they are left out of the score.
  ignoreStatic: true,
  // The machine has 2 cores shared with other work (`npm run mutate -- --concurrency 1` for less).
  concurrency: Number(process.env.STRYKER_CONCURRENCY) || 2,
  incremental: true,
  incrementalFile: `${out}.incremental.json`,
  reporters: ['json', 'html', 'progress'],
  jsonReporter: { fileName: `${out}.json` },
  htmlReporter: { fileName: `${out}.html` },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['/test-results', '/reports', '/client/dist', '/server/dist', '/test/integration/dist', '*.vsix'],
  timeoutMS: 5_000,
  thresholds: { high: 90, low: 85, break: null },
};
