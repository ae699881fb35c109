import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyFix, assertOnlyAdds, assertSameLines, incidentOf, linesOf, timeFindings } from './support';

// The time fixtures: invented postmortems in `test/fixtures/time/`, each carrying inline
//
//     <!-- expect: CODE@LINE ... -->        the time findings (1-based lines), or `none`
//     <!-- incident: { ...json... } -->     the incident as `analyze --format json` reports it
//
// Every fix of every time finding is applied on its own and the text analysed again: the finding
// is gone, and no line was lost (a sort only reorders lines; the other fixes only add text, except
// a corrected duration value).

const folder = join(__dirname, '..', '..', 'fixtures', 'time');
const EXPECT = /<!--\s*expect:\s*([^>]*?)\s*-->/g;
const INCIDENT = /<!--\s*incident:\s*(\{[^>]*\})\s*-->/;

describe('incident: time fixtures', () => {
  const names = readdirSync(folder)
    .filter((f) => f.endsWith('.md'))
    .sort();

  it('has a fixture for each kind of summary', () => {
    assert.ok(names.length >= 6, `only ${names.length} fixtures`);
  });

  for (const name of names) {
    describe(name, () => {
      const text = readFileSync(join(folder, name), 'utf8');
      const expected = [...text.matchAll(EXPECT)]
        .flatMap((m) => m[1].split(/[\s,]+/))
        .filter((x) => x && x !== 'none')
        .sort();
      const incident = INCIDENT.exec(text);

      it('reports exactly the expected time findings', () => {
        assert.deepEqual(timeFindings(analyze(text)), expected);
      });

      it('reads the incident as expected', () => {
        assert.ok(incident, `${name} has an <!-- incident: ... --> comment`);
        assert.deepEqual(incidentOf(analyze(text)), JSON.parse(incident[1]));
      });

      it('has fixes that remove their finding and keep every line', () => {
        const analysis = analyze(text);
        for (const finding of analysis.diagnostics.filter((d) => expected.includes(`${d.code}@${d.range.start.line + 1}`))) {
          for (const fix of finding.fixes) {
            const fixed = applyFix(text, analysis, fix);
            const left = analyze(fixed).diagnostics.filter((d) => d.code === finding.code);
            assert.deepEqual(left, [], `"${fix.title}" left ${finding.code} in place`);
            if (fix.kind === 'sort-timeline') assertSameLines(text, fixed);
            else if (finding.code === 'duration-mismatch') assert.equal(linesOf(fixed).length, linesOf(text).length);
            else assertOnlyAdds(text, fixed);
          }
        }
      });
    });
  }
});
