import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, type AnalyzeOptions, createPostmortemService, type TextChange } from '../../../server/src/service';
import { moved } from '../../../server/src/service/incremental/blocks';
import { textLookups } from '../../../server/src/service/incremental/lines';
import { forgetRememberedTexts, rememberedCount } from '../../../server/src/service/incremental/memo';
import { markdownSource, splitText } from '../../../server/src/service/parse/assemble';
import { linesTokenized, parseBlocks } from '../../../server/src/service/parse/blocks';
import { largePostmortem, seededRandom, typicalPostmortem } from '../../support/postmortems';

// Re-analysis after edits must equal a full analysis of the new text. Random edit sequences with a
// fixed seed (more with FUZZ_RUNS / FUZZ_SEED, as `npm run fuzz` sets them).

const runs = Math.max(1, Math.round(Number(process.env.FUZZ_RUNS ?? 150) / 5));
const seed = Number(process.env.FUZZ_SEED ?? 20261201);
const service = createPostmortemService();
const options: AnalyzeOptions = { force: true };

const frontMatter = '---\ntitle: Checkout outage\npostmortem:\n  template: standard\n---\n';
const start = [
  `${frontMatter}${typicalPostmortem(seededRandom(7))}`,
  largePostmortem(seededRandom(8), 6_000),
  `\uFEFF${typicalPostmortem(seededRandom(9))}\n\n\`\`\`\n## Not a heading\n10:00 UTC in a fence\n\`\`\`\n\n[ref]: https://example.com\n`,
];

const sectionPaste = fc.constantFrom(
  '\n## Timeline\n\n- 10:00 UTC alert fired\n- 10:20 UTC rollback\n\n',
  '\n## Impact\n\nCheckout was down for 20 minutes; 12% of orders failed.\n',
  '\n**Root Cause:** a bad config push\n',
  '\n| Time (UTC) | Event |\n|---|---|\n| 10:00 | paged |\n| 10:45 | resolved |\n',
  '\n```\n# comment in a fence\n14:00 not a time here\n```\n',
  '\n<!-- postmortem-disable-next-line missing-field -->\n',
  '\n<div>\n\n## Resolution\n\n</div>\n',
  '\n    indented prose after a label reads like prose\n',
  '\n[ref]: https://example.com/other\n',
  '\nDana forgot to check the config. <!-- postmortem-disable-line blame-language -->\n',
  '\n---\n',
  'Start Time: 2024-01-19 15:00 UTC\nEnd Time: 2024-01-19 16:10 UTC\nDuration: 70 minutes\n',
  '\nThe team didn\u00e2\u20ac\u2122t see the alert \u00e2\u20ac\u201c it was muted.\n',
);
const typed = fc.oneof(
  fc.constantFrom('x', ' ', '\n', '\r\n', '\r', '#', '# ', '-', '- ', '*', '**', '`', '```', ':', '|', '1. ', '>', '<!--', '-->', '12:30', '\n\n', '\t'),
  fc.string({ maxLength: 6 }),
);
type Edit = { kind: 'insert' | 'delete' | 'replace'; at: number; length: number; text: string } | { kind: 'line-endings'; to: string };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), length: fc.constant(0), text: typed }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }), text: fc.constant('') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 0, max: 200 }), text: sectionPaste }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('line-endings' as const), to: fc.constantFrom('\n', '\r\n') }) },
);

/** The change as a client sends it, and the text after it. */
function apply(doc: TextDocument, e: Edit, inFrontMatter: boolean): { change: TextChange; text: string } {
  const text = doc.getText();
  let change: TextChange;
  if (e.kind === 'line-endings') {
    change = { text: text.replace(/\r\n|\r|\n/g, e.to) };
  } else {
    // Edits inside the front matter are weighted in: a third of them land in its first 60 characters.
    const at = inFrontMatter ? e.at % Math.min(60, text.length + 1) : e.at % (text.length + 1);
    const end = Math.min(text.length, at + e.length);
    change = { range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: e.text };
  }
  const next = TextDocument.update(TextDocument.create(doc.uri, 'markdown', doc.version, text), [change], doc.version + 1);
  return { change, text: next.getText() };
}

/** What a reader of an analysis sees. */
const seen = (a: Analysis) => ({
  diagnostics: a.diagnostics,
  document: a.document,
  incident: a.incident,
  completeness: a.completeness,
  classification: a.classification,
  missingSections: a.missingSections,
  analyzed: a.analyzed,
});

describe('re-analysis after edits', function () {
  this.timeout(0);

  it('equals a full analysis of the new text after every edit of a random sequence', () => {
    fc.assert(
      fc.property(fc.nat(start.length - 1), fc.array(fc.tuple(edit, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 6 }), (which, edits) => {
        let doc = TextDocument.create('file:///p.md', 'markdown', 1, start[which]);
        let previous = service.analyze(doc.getText(), options);
        for (const [e, inFrontMatter, batch] of edits) {
          const first = apply(doc, e, inFrontMatter && which === 0);
          doc = TextDocument.create(doc.uri, 'markdown', doc.version + 1, first.text);
          const changes = [first.change];
          // Sometimes two edits in one didChange (the second against the text after the first).
          if (batch && e.kind !== 'line-endings') {
            const second = apply(doc, { ...e, at: e.at * 7 + 3 }, false);
            doc = TextDocument.create(doc.uri, 'markdown', doc.version + 1, second.text);
            changes.push(second.change);
          }
          const incremental = service.reanalyze(previous, doc.getText(), changes, options);
          assert.deepStrictEqual(seen(incremental), seen(service.analyze(doc.getText(), options)));
          previous = incremental;
        }
      }),
      { seed, numRuns: runs },
    );
  });

  it('keeps equal to a full analysis across a long chain of one-character edits on a long document', () => {
    const random = seededRandom(11);
    let text = largePostmortem(seededRandom(12), 30_000);
    let previous = service.reanalyze(service.analyze(text, options), text, [], options);
    for (let i = 0; i < 25; i++) {
      const at = Math.floor(random() * text.length);
      const inserted = random() < 0.2 ? '\n' : random() < 0.5 ? 'x' : '';
      text = inserted ? text.slice(0, at) + inserted + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      previous = service.reanalyze(previous, text, [], options);
      assert.deepStrictEqual(seen(previous), seen(service.analyze(text, options)), `after edit ${i + 1} at ${at}`);
    }
  });

  it('reads the same in one-shot mode (the command line): nothing remembered, the same analysis', () => {
    const oneShot = createPostmortemService({ oneShot: true });
    for (const text of [...start, largePostmortem(seededRandom(13), 20_000)]) {
      forgetRememberedTexts();
      const before = textLookups();
      const once = oneShot.analyze(text, options);
      const firstLookups = textLookups() - before;
      // Nothing was kept: the same text read again looks every line up again, and reads the same.
      assert.equal(rememberedCount(), 0);
      const again = oneShot.analyze(text, options);
      assert.equal(textLookups() - before, 2 * firstLookups);
      assert.deepStrictEqual(seen(again), seen(once));
      assert.deepStrictEqual(seen(once), seen(service.analyze(text, options)));
      // A one-shot re-analysis is a full analysis too.
      const edited = `${text}\n- 23:59 UTC closed\n`;
      assert.deepStrictEqual(seen(oneShot.reanalyze(once, edited, [], options)), seen(service.analyze(edited, options)));
    }
    // The default service remembers again after a one-shot one.
    service.analyze(start[0], options);
    assert.ok(rememberedCount() > 0);
  });

  it('parses only what the edit touched already on the first keystroke after a document is opened', () => {
    // The first analysis of a text leaves its blocks for the next re-analysis, as a re-analysis does.
    const text = largePostmortem(seededRandom(14), 40_000);
    const lineCount = splitText(text).lines.length;
    const opened = service.analyze(text, options);
    const doc = TextDocument.create('file:///first.md', 'markdown', 1, text);
    const at = doc.positionAt(Math.floor(text.length / 2));
    const change = { range: { start: at, end: at }, text: 'x' };
    const edited = TextDocument.update(doc, [change], 2).getText();
    const before = linesTokenized();
    const first = service.reanalyze(opened, edited, [change], options);
    const parsed = linesTokenized() - before;
    assert.ok(parsed > 0 && parsed < lineCount / 2, `${parsed} of ${lineCount} lines parsed`);
    assert.deepStrictEqual(seen(first), seen(service.analyze(edited, options)));
  });

  it('reads a block again when only the lines around it changed', () => {
    // An indented block is prose after a label line and code after prose; a bold bullet is a heading
    // when text follows it: the reading of a block depends on the lines with text next to it.
    const cases: [string, string, string][] = [
      ['# Outage\n\nSummary:\n\n    The site was down for most users for an hour today.\n', 'Summary:', 'Summary went.'],
      ['# Outage\n\n## Impact\n\n    Most users could not check out for an hour today.\n', '## Impact', 'Impact was big'],
      ['# Outage\n\n- **Impact**\n\nMost users could not check out.\n', 'Most users could not check out.', '- **Timeline**'],
      // Inline HTML is the one part of inline parsing the blocks read: a comment in an edited paragraph.
      ['# Outage\n\n## Summary\n\nCheckout failed. <!-- postmortem-disable-line blame-language -->\n', 'failed.', 'failed, human error.'],
    ];
    for (const [text, from, to] of cases) {
      const previous = service.reanalyze(service.analyze(text, options), text, [], options);
      const edited = text.replace(from, to);
      assert.deepStrictEqual(seen(service.reanalyze(previous, edited, [], options)), seen(service.analyze(edited, options)), edited);
    }
  });

  it('moves every line number of a block read at another position', () => {
    // A block's fields as parse/blocks.ts gives them: a new line-numbered field must be moved too (incremental/blocks.ts).
    const text = `${typicalPostmortem(seededRandom(3))}\n<!-- note -->\n| Time | Event |\n|---|---|\n| 10:00 | paged |\n\n- **Owner:** sam\n  - nested 10:05\n`;
    const split = splitText(text);
    const blocks = parseBlocks(markdownSource(split.lines, -1), split.lines);
    const shifted = parseBlocks(markdownSource(['', '', ...split.lines], -1), ['', '', ...split.lines]);
    assert.deepStrictEqual(
      blocks.map((b) => moved(b, 2)),
      shifted,
    );
    const keys = (objects: object[]) => [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();
    assert.deepStrictEqual(keys(blocks), ['comments', 'endLine', 'entries', 'labels', 'startLine', 'tableHeader', 'type', 'words']);
    assert.deepStrictEqual(keys(blocks.flatMap((b) => b.entries)), ['content', 'contentStart', 'depth', 'endLine', 'kind', 'line']);
    assert.deepStrictEqual(keys(blocks.flatMap((b) => b.comments)), ['line', 'text']);
  });
});
