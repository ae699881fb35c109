import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { type BlockMemo, parseBlocksReusing } from '../../../server/src/service/incremental/blocks';
import { markdownSource, splitText } from '../../../server/src/service/parse/assemble';
import { linesTokenized, parseBlocks } from '../../../server/src/service/parse/blocks';
import { largePostmortem, seededRandom } from '../../support/postmortems';

// Re-parsing after an edit parses only the top-level blocks the edit touched, and must give the
// blocks a whole parse gives. Markdown made of every kind of block, next to each other with and
// without blank lines between (a paragraph a table or a list interrupts, a list continued past a
// blank line, a fence never closed, lazy continuation lines), edited line by line.

const runs = Math.max(1, Number(process.env.FUZZ_RUNS ?? 150));
const seed = Number(process.env.FUZZ_SEED ?? 20261202);

const vocabulary = [
  '',
  '',
  '',
  '# Postmortem: cache outage',
  '## Timeline',
  '### 10:05 UTC - paged',
  'Some prose about the incident.',
  'more prose, a lazy continuation',
  '===',
  '---',
  '- 10:00 UTC alert fired',
  '- **Start:** 2024-01-19 15:00 UTC',
  '  - nested item',
  '    indented under the item',
  '1. first step',
  '2) second step',
  '* star item',
  '> quoted line',
  '> - quoted item',
  '```',
  '~~~',
  '    indented code',
  '| Time | Event |',
  '|---|---|',
  '| 10:00 | paged |',
  '<div>',
  '</div>',
  '<!-- postmortem-disable-next-line missing-field -->',
  '<!--',
  '-->',
  '**Root Cause:** a bad config push',
  'Duration: 45 minutes',
  '***',
  '\t- tab item',
];

const doc = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 40 });
type Edit = { at: number; remove: number; insert: string[] };
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.integer({ min: 0, max: 3 }),
  insert: fc.array(fc.constantFrom(...vocabulary), { maxLength: 3 }),
});

/** The blocks of the lines, after front matter of `frontMatter` lines (0: none), the first line after a byte order mark or not. */
function read(lines: string[], previous: BlockMemo | undefined, frontMatter = 0, bom = false) {
  const head = frontMatter ? ['---', ...Array.from({ length: frontMatter - 2 }, (_, i) => `key${i}: value`), '---'] : [];
  const text = `${bom ? '\uFEFF' : ''}${[...head, ...lines].join('\n')}`;
  const split = splitText(text);
  const source = markdownSource(split.lines, frontMatter - 1);
  return { text, split, source, ...parseBlocksReusing(() => source, split.lines, frontMatter, previous) };
}

describe('re-parsing the blocks an edit touched', function () {
  this.timeout(0);

  it('gives the blocks of a whole parse after every edit of a random sequence', () => {
    fc.assert(
      fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 8 }), fc.constantFrom(0, 0, 3), fc.boolean(), (start, edits, frontMatter, bom) => {
        let lines = [...start];
        let previous = read(lines, undefined, frontMatter, bom);
        for (const e of edits) {
          const at = e.at % (lines.length + 1);
          lines = [...lines.slice(0, at), ...e.insert, ...lines.slice(at + e.remove)];
          if (!lines.length) lines = [''];
          const next = read(lines, previous.memo, frontMatter, bom);
          assert.deepStrictEqual(next.blocks, parseBlocks(next.source, next.split.lines), JSON.stringify(lines));
          previous = next;
        }
      }),
      { seed, numRuns: runs },
    );
  });

  it('parses only around a one-line edit of a long document, and the same as a whole parse', () => {
    const lines = largePostmortem(seededRandom(21), 200_000).split('\n');
    const first = read(lines, undefined);
    const random = seededRandom(22);
    let previous = first;
    let current = lines;
    for (let i = 0; i < 20; i++) {
      const at = Math.floor(random() * current.length);
      current = [...current];
      current[at] = `${current[at]} edited`;
      const before = linesTokenized();
      const next = read(current, previous.memo);
      const parsed = linesTokenized() - before;
      assert.ok(parsed < current.length / 4, `edit ${i} at line ${at}: ${parsed} of ${current.length} lines parsed`);
      assert.deepStrictEqual(next.blocks, parseBlocks(next.source, next.split.lines));
      previous = next;
    }
  });
});
