// Mocha's spec reporter, plus the run's totals written to $POSTMORTEM_TEST_STATS for scripts/test.mjs.
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');

class StatsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.POSTMORTEM_TEST_STATS;
      if (file) writeFileSync(file, JSON.stringify({ passed: this.stats.passes, failed: this.stats.failures, pending: this.stats.pending }));
    });
  }
}

module.exports = StatsReporter;
