import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Analysis } from '../../../server/src/service';
import { generatedPostmortem } from './generated';
import { analyzeUnforced, loadReadingFixtures, type Reading, readingOf } from './support';
import { type Transformation, transformations } from './transformations';

// KNOWN_READING_GAPS: rewritings the service reads differently today, as `<fixture> <transformation>`
// (`<fixture> combined` for rewritings in a row, `generated <transformation>` for the generated
// documents). Each is a case of /work/notes/reading-failures-found.md (minimal text, the rewriting,
// expected vs actual). They are left out of the cases below and of the rewritings in a row, so the
// suite passes while the reading is being fixed; the lead removes an entry once it holds.
// `READING_GAPS=run` runs them as ordinary cases (with METAMORPHIC_RUNS=20 to see which hold now:
// a rewriting placed at random may miss the failing place in one run). A name here that matches no
// case fails the suite.
const KNOWN_READING_GAPS: readonly string[] = [
  // G6 Unbalanced emphasis: fixed for labels alone on their line; left where it meets a kept assignment
  // heading ("* Timeline must contain:") or a label at the head of a paragraph.
  'p4-own-kept-assignment-headings.md unbalanced-emphasis',
  'p7-own-first-person-full-length.md unbalanced-emphasis',
  // G8 A kept assignment heading ("* Timeline must contain:") loses its section when an <img> line is put above
  // it, or when it is written as <h2>/<h3>.
  'p4-own-kept-assignment-headings.md image-before-heading',
  'p4-own-requirement-wording-over-account.md heading-style',
  // G15 Wrapped prose is read as one paragraph now (incident/sources.ts joinWrapped); left: a wrap that puts
  // a field's label and its value's first words on different lines of one paragraph.
  'p5-own-clock-colons-in-fields.md rewrap-prose',
  'p5-own-window-in-prose-after-label.md rewrap-prose',
  // G17 Timeline lines joined with `<br />` and separated by `\\\\` lines, indented by 4 spaces, read as a
  // code block: the tags and backslashes are more code punctuation than prose has.
  'company-br-separated-entries.md indent-bodies',
  // Rewritings in a row that still change the reading (an HTML label and an indented block together; an
  // intent heading restyled as a plain line, which needs an exact name).
  'p3-own-indented-throughout.md combined',
  'p8-own-intent-headings.md combined',
];

// Metamorphic properties: a postmortem rewritten in a way that changes nothing for a careful reader
// (blank lines, indentation, markup around labels, heading style, an image above a heading, "ended
// at" as "ending at", a bulleted timeline as a table, prose wrapped at another width) keeps its
// verdict, its sections, its window and its stated duration. Over every reading fixture that is a
// postmortem, and over generated postmortems. fast-check picks where and how each rewriting is
// applied, with a fixed seed and a bounded number of runs (METAMORPHIC_RUNS and METAMORPHIC_SEED to
// look further). The reference is the original's own reading: a fixture that is read wrong today
// (fixtures.test.ts) is still held to reading the same way after each rewriting.

const seed = Number(process.env.METAMORPHIC_SEED ?? 20261201);
// Runs per fixture and rewriting (each run places the rewriting anew); rewritings in a row get twice as many,
// each rewriting of the generated documents four times as many. The default keeps the file to a few seconds of CPU.
const runs = Math.max(1, Number(process.env.METAMORPHIC_RUNS ?? 1));
const runGaps = process.env.READING_GAPS === 'run';
const names = new Set<string>();

const isGap = (caseName: string) => KNOWN_READING_GAPS.includes(caseName) && !runGaps;

function register(caseName: string, title: string, body: () => void): void {
  names.add(caseName);
  if (!isGap(caseName)) it(title, body);
}

// The same rewritten text comes up again across runs and rewritings in a row; analyse it once.
const analyses = new Map<string, Analysis>();
function analysed(text: string): Analysis {
  let analysis = analyses.get(text);
  if (!analysis) {
    analysis = analyzeUnforced(text);
    analyses.set(text, analysis);
  }
  return analysis;
}

/** Asserts the rewritten text reads as `want`, saying what changed. */
function assertSameReading(rewritten: string, want: Reading): void {
  const got = readingOf(analysed(rewritten));
  const changed = (Object.keys(want) as (keyof Reading)[]).filter((k) => JSON.stringify(got[k]) !== JSON.stringify(want[k]));
  assert.deepEqual(
    got,
    want,
    `the rewriting changed ${changed.join(', ')}: ${changed.map((k) => `${k} ${JSON.stringify(want[k])} -> ${JSON.stringify(got[k])}`).join('; ')}`,
  );
}

/** One to three rewritings in a row, each placed by an analysis of the text before it. */
function inARow(text: string, usable: readonly Transformation[]): fc.Arbitrary<{ text: string; applied: string[] }> {
  return fc.shuffledSubarray([...usable], { minLength: Math.min(2, usable.length), maxLength: 3 }).chain((chosen) =>
    chosen.reduce<fc.Arbitrary<{ text: string; applied: string[] }>>(
      (previous, t) =>
        previous.chain((step) => {
          const next = t.rewrite(step.text, analysed(step.text));
          return next ? next.map((rewritten) => ({ text: rewritten, applied: [...step.applied, t.name] })) : fc.constant(step);
        }),
      fc.constant({ text, applied: [] }),
    ),
  );
}

describe('metamorphic: rewritings a careful reader reads the same way keep the reading', () => {
  const fixtures = loadReadingFixtures().filter((f) => f.expected.isPostmortem === true);
  const applied = new Map<string, number>(transformations.map((t) => [t.name, 0]));

  for (const { name, text } of fixtures) {
    describe(name, () => {
      // Placing a rewriting needs the original's analysis when the cases are collected.
      const original: Analysis = analysed(text);
      const want = readingOf(original);
      const usable: Transformation[] = [];
      for (const t of transformations) {
        const rewrites = t.rewrite(text, original);
        if (!rewrites) continue;
        applied.set(t.name, (applied.get(t.name) ?? 0) + 1);
        const caseName = `${name} ${t.name}`;
        if (!isGap(caseName)) usable.push(t);
        register(caseName, `keeps the reading when ${t.title}`, () => {
          fc.assert(
            fc.property(rewrites, (rewritten) => assertSameReading(rewritten, want)),
            { seed, numRuns: runs, includeErrorInReport: true },
          );
        });
      }
      if (usable.length >= 2)
        register(`${name} combined`, 'keeps the reading under several of these rewritings in a row', () => {
          fc.assert(
            fc.property(inARow(text, usable), ({ text: rewritten }) => assertSameReading(rewritten, want)),
            { seed, numRuns: 2 * runs, includeErrorInReport: true },
          );
        });
    });
  }

  describe('generated postmortems', () => {
    const generatedRuns = 4 * runs;
    register('generated reading', 'read as they were built: verdict, sections, window and stated duration', () => {
      fc.assert(
        fc.property(generatedPostmortem, ({ text, reading }) => assertSameReading(text, reading)),
        { seed, numRuns: generatedRuns, includeErrorInReport: true },
      );
    });
    for (const t of transformations) {
      register(`generated ${t.name}`, `keep the reading when ${t.title}`, () => {
        const rewritten = generatedPostmortem.chain(({ text }) => {
          const original = analysed(text);
          const next = t.rewrite(text, original);
          return (next ?? fc.constant(text)).map((r) => ({ text: r, want: readingOf(original) }));
        });
        fc.assert(
          fc.property(rewritten, ({ text, want }) => assertSameReading(text, want)),
          { seed, numRuns: generatedRuns, includeErrorInReport: true },
        );
      });
    }
  });

  it('applies every rewriting to at least three fixtures', () => {
    assert.deepEqual(
      [...applied].filter(([, n]) => n < 3).map(([t, n]) => `${t}: ${n}`),
      [],
    );
  });

  it('names only existing cases in KNOWN_READING_GAPS', () => {
    assert.deepEqual(
      KNOWN_READING_GAPS.filter((g) => !names.has(g)),
      [],
    );
  });
});
