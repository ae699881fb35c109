import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../server/src/service';
import { analyze, assertKeepsEveryLine, repoRoot, sameFinding, service } from './helpers';

// The fixture runner. Each `test/fixtures/*.md` is an invented postmortem that carries its expected
// findings inline, in HTML comments:
//
//     <!-- expect: CODE@LINE CODE@LINE ... -->
//
// CODE is a diagnostic code and LINE the 1-based line the finding starts on. A finding expected twice on
// one line is written twice; several expect comments add up; `<!-- expect: none -->` says the fixture has
// no finding at all. Every fixture must carry at least one expect comment. Expect comments are HTML
// comments, so they are neither sections nor content (and a section holding only comments is still
// empty); by convention they sit at the end of the file, where editing them moves no other line.
//
// A fixture is analysed forced, as a file named on the command line would be; front matter chooses
// another template when it needs one. The set of (code, line) findings must equal the expected set.
//
// Then every fix is proven the markdownlint way: each fix of each finding is applied on its own to the
// original text, the result is analysed again, and the finding (same code and data) must be gone while
// every original line is still there, in order. "Insert all missing sections" and fix-all are proven
// the same way. A fixture whose name contains `crlf` must keep its CRLF line breaks.

const fixturesFolder = join(repoRoot, 'test', 'fixtures');
const expectComment = /<!--\s*expect:\s*([^>]*?)\s*-->/g;
const knownCodes = new Set([...allRules.map((r) => r.code), 'unknown-template', 'large-document']);

interface Fixture {
  name: string;
  text: string;
  expected: string[];
}

function readExpectations(text: string): string[] | undefined {
  let found = false;
  const expected: string[] = [];
  for (const m of text.matchAll(expectComment)) {
    found = true;
    for (const item of m[1].split(/[\s,]+/).filter(Boolean)) {
      if (item === 'none') continue;
      assert.match(item, /^[a-z][a-z-]*@\d+$/, `"${item}" is not CODE@LINE`);
      assert.ok(knownCodes.has(item.split('@')[0]), `"${item}" names an unknown code`);
      expected.push(item);
    }
  }
  return found ? expected.sort() : undefined;
}

function loadFixtures(): Fixture[] {
  return readdirSync(fixturesFolder)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(fixturesFolder, name), 'utf8');
      const expected = readExpectations(text);
      assert.ok(expected, `${name} has no <!-- expect: ... --> comment`);
      return { name, text, expected };
    });
}

describe('fixtures', () => {
  const fixtures = loadFixtures();

  it('has several fixtures', () => {
    assert.ok(fixtures.length >= 5, `only ${fixtures.length} fixtures`);
  });

  for (const { name, text, expected } of fixtures) {
    describe(name, () => {
      it('reports exactly the expected findings', () => {
        const actual = analyze(text)
          .diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`)
          .sort();
        assert.deepEqual(actual, expected);
      });

      if (name.includes('crlf')) {
        it('is stored with CRLF line breaks', () => {
          assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text));
        });
      }

      it('has every fix remove its finding and keep every line', () => {
        const analysis = analyze(text);
        for (const finding of analysis.diagnostics) {
          for (const fix of finding.fixes) {
            const fixed = service.applyEdits(text, analysis, service.editsForFix(analysis, fix));
            const where = `${finding.code}@${finding.range.start.line + 1} "${fix.title}"`;
            assert.notEqual(fixed, text, `${where} changed nothing`);
            assertKeepsEveryLine(text, fixed);
            const left = analyze(fixed).diagnostics.filter((d) => sameFinding(d, finding));
            assert.deepEqual(
              left.map((d) => d.code),
              [],
              `${where} did not remove the finding:\n${fixed}`,
            );
            if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(fixed), `${where} wrote a bare LF into a CRLF file`);
          }
        }
      });

      it('has "insert all missing sections" leave no section missing and keep every line', () => {
        const analysis = analyze(text);
        const fixed = service.applyEdits(text, analysis, service.insertAllMissingSections(analysis));
        assertKeepsEveryLine(text, fixed);
        assert.deepEqual(analyze(fixed).missingSections, []);
      });

      it('has fix-all converge, keeping every line', () => {
        const { text: fixed } = service.fixAll(text, { force: true });
        assertKeepsEveryLine(text, fixed);
        const again = service.fixAll(fixed, { force: true });
        assert.equal(again.applied, 0, `fix-all found more to fix after converging:\n${fixed}`);
        const fixable = analyze(fixed).diagnostics.filter((d) => d.fixes.length > 0);
        assert.deepEqual(
          fixable.map((d) => `${d.code}@${d.range.start.line + 1}`),
          [],
        );
      });
    });
  }
});
