// Root hooks of the unit tests (mocha --require, in scripts/test.mjs and stryker.config.mjs).
//
// Before each test every remembered reading and every cache of the service is forgotten, as in a
// new process: no test passes or fails because of what an earlier test read. Mutation testing
// needs it most: StrykerJS loads the modules once and switches mutants while they stay loaded, so a
// line read (and remembered) under one mutant would be answered from memory under the next, and
// the mutated code would never run.
import { forgetEverything } from '../../server/src/service/incremental/memo';

export const mochaHooks = {
  beforeEach(): void {
    forgetEverything();
  },
};
