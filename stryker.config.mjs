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

export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  packageManager: 'npm',
  mutate,
  testRunner: 'mocha',
  mochaOptions: {
    spec: ['test/unit/**/*.test.ts'],
    // Left out: the CLI tests run the bundled server/dist, not the mutated sources; the runner
    // tests run scripts/test.mjs on a copy of the repository; the grammar test reads the
    // TextMate grammar. None can see a mutant. The fuzz tests check invariants on random input
    // (no crash, no lost line) for 6 of the suite's 13 seconds: every mutant that survives would
    // pay for them again, for a handful of kills the boundary tests make anyway. The web test
    // bundles and packages the extension (12 s), from the sandbox's instrumented sources, which
    // are bigger than the .vsix limit it checks.
    ignore: [
      'test/unit/cli.test.ts',
      'test/unit/meta/runner.test.ts',
      'test/unit/meta/grammar.test.ts',
      'test/unit/meta/web.test.ts',
      'test/unit/robustness/fuzz.test.ts',
    ],
    // test/unit/hooks.ts forgets every remembered reading before each test: the modules stay loaded
    // while mutants are switched, and a reading remembered under another mutant would hide this one.
    require: ['tsx/cjs', './test/unit/hooks.ts'],
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
