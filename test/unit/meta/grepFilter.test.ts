import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { titleFilter, titlesOf } from './grepFilter';

// StrykerJS's mocha runner picks the tests that cover a mutant with `(^title$)|(^title$)|…`, each
// title escaped by @stryker-mutator/util's escapeRegExp. test/unit/stryker-grep.ts swaps that for a
// set of the titles: it must pick exactly the tests the expression picks.

let escapeRegExp: (s: string) => string;
before(async () => {
  // An ES module: loaded at run time, typed here by hand (the project resolves modules as CommonJS).
  ({ escapeRegExp } = (await import('@stryker-mutator/util' as string)) as { escapeRegExp: (s: string) => string });
});

const strykerFilter = (titles: readonly string[]) => new RegExp(titles.map((t) => `(^${escapeRegExp(t)}$)`).join('|'));

const title = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^[a-z .*+\-?^${}()|[\]\\/:'"`→é]{0,30}$/),
  fc.constantFrom('re-analysis after edits (property)', 'a $)|(^ b', 'ends with \\', '\\$)|(^', 'a/b', 'x\ny', '', '|', '$'),
);

describe('the test filter of mutation runs', () => {
  it('reads back the titles StrykerJS wrote, or leaves the expression alone', () => {
    fc.assert(
      fc.property(fc.array(title, { minLength: 1, maxLength: 12 }), (titles) => {
        const read = titlesOf(strykerFilter(titles));
        if (titles.some((t) => /[\n\r\u2028\u2029]/.test(t))) return; // may or may not read back; checked below
        assert.deepEqual(read, titles);
      }),
      { seed: 14, numRuns: 400 },
    );
  });

  it('picks the same titles as the expression it replaces (property)', () => {
    fc.assert(
      fc.property(fc.array(title, { minLength: 1, maxLength: 12 }), fc.array(title, { maxLength: 12 }), (wanted, others) => {
        const re = strykerFilter(wanted);
        const titles = titlesOf(re);
        const filter = titles ? titleFilter(titles) : re;
        for (const t of [...wanted, ...others, ...wanted.map((w) => `${w} `), ...wanted.map((w) => ` ${w}`)]) {
          assert.equal(filter.test(t), re.test(t), JSON.stringify(t));
        }
      }),
      { seed: 14, numRuns: 400 },
    );
  });

  it('reads a title with a line break or a slash either exactly or not at all', () => {
    for (const t of ['x\ny', 'a/b', 'a\r\nb', '/']) {
      const read = titlesOf(strykerFilter([t, 'plain']));
      assert.ok(read === undefined || (read[0] === t && read[1] === 'plain'), JSON.stringify(read));
    }
    assert.deepEqual(titlesOf(strykerFilter(['a/b'])), ['a/b']);
  });

  it('leaves other expressions alone', () => {
    for (const re of [/^only this$/, /(^a$)|(^b$)/i, /(^a$)|b/, /abc/, /(^a$)|(^b$)x/]) assert.equal(titlesOf(re), undefined, re.source);
    assert.deepEqual(titlesOf(/(^a$)|(^b$)/), ['a', 'b']);
  });
});
