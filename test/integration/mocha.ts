// The integration suite's mocha, kept apart from index.ts (which needs the vscode module) so a
// unit test can prove its rules: like scripts/test.mjs, a left-over `.only` or `.skip` (or
// `this.skip()`) fails the run instead of shrinking it.
import Mocha from 'mocha';

export const MOCHA_TIMEOUT_MS = 20_000;

export function createMocha(reporter: Mocha.ReporterConstructor): Mocha {
  return new Mocha({ ui: 'bdd', timeout: MOCHA_TIMEOUT_MS, color: false, reporter, forbidOnly: true, forbidPending: true });
}
