// Loaded only in StrykerJS's test runner (stryker.config.mjs mochaOptions.require), never in `npm test`.
//
// For each mutant the runner picks the tests that cover it with one regular expression,
// `(^title one$)|(^title two$)|…`, with an alternative per covering test (1,500 for code every
// analysis runs). Mocha tests each title against it once per enclosing suite (Runner#grepTotal for
// every suite, then once more per test), and V8 compiles a new one for every mutant: about 0.2 s a
// pass over the 2,300 titles here and 0.45 s to compile, well over a second of every mutant run.
// This reads the titles back out of that expression and matches them with a set: the same tests
// run, in the same order. An expression of any other shape is kept as it is.
import Mocha from 'mocha';
import { titleFilter, titlesOf } from './meta/grepFilter';

const original = Mocha.prototype.grep;
Mocha.prototype.grep = function grep(this: Mocha, re: string | RegExp): Mocha {
  const titles = re instanceof RegExp ? titlesOf(re) : undefined;
  return original.call(this, titles ? titleFilter(titles) : re);
};
