import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { allRules, type Analysis, createPostmortemService, type Range } from '../../../server/src/service';

// Property tests over the whole service with hostile input. CI runs a fixed seed and a bounded
// number of runs; `npm run fuzz` runs many more (FUZZ_RUNS, FUZZ_SEED).

const runs = Number(process.env.FUZZ_RUNS ?? 150);
const seed = Number(process.env.FUZZ_SEED ?? 20261124);
const service = createPostmortemService();
const knownCodes = new Set([...allRules.map((r) => r.code), 'unknown-template', 'large-document']);

const sectionNames = [
  'Issue Summary',
  'Timeline',
  'Root Cause and Resolution',
  'Corrective and Preventative Measures',
  'Summary',
  'Action Items',
  'Contributing Factors',
  'Impact',
  'Lessons Learned',
  'Timline',
];
const headingLine = fc
  .tuple(fc.constantFrom('# ', '## ', '### ', '#', '**', '', '<h3>', '1. '), fc.constantFrom(...sectionNames), fc.constantFrom('', ':', ' (UTC)', ' 🚨'))
  .map(([mark, name, tail]) => (mark === '**' ? `**${name}${tail}**` : mark === '<h3>' ? `<h3>${name}</h3>` : `${mark}${name}${tail}`));
const timeText = fc.constantFrom(
  '10:15 AM',
  '15:00 UTC',
  '2024-01-19 15:00 UTC',
  '25:99',
  '2024-02-30',
  '14:??',
  'HH:mm',
  '~19:30',
  '2100hrs WAT',
  '23:30',
  '01:10 GMT+1',
  '10:00 Mars/Olympus',
);
const markdownLine = fc.oneof(
  headingLine,
  fc.tuple(fc.constantFrom('- ', '  - ', '* ', '1. ', '- [ ] ', '> '), fc.oneof(timeText, fc.string())).map(([a, b]) => a + b),
  fc.tuple(fc.constantFrom('- **Duration:** ', 'Start Time: ', '**Impact:** ', 'End: ', 'Duration: '), fc.oneof(timeText, fc.string())).map(([a, b]) => a + b),
  fc.constantFrom(
    '```',
    '~~~',
    '---',
    '***',
    '',
    '<!-- postmortem-disable-next-line missing-field -->',
    '<!-- comment',
    '-->',
    '| Time | Event |',
    '|---|---|',
    '\t    code',
  ),
  fc.tuple(timeText, fc.string()).map(([t, s]) => `| ${t} | ${s} |`),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('â€™ ğŸš¨ Ã©', '\u0000\u0001', '\uFEFF# Title', '\uD800'),
);
const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
const markdownDocument = fc.array(fc.tuple(markdownLine, lineBreak), { maxLength: 60 }).map((parts) => parts.map(([l, b]) => l + b).join(''));
/** Lines that make action items and timelines: what the writing actions work on. */
const writingLine = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('- [ ] ', '- [x] ', '✅ ', '  - ', '1. ', '- '),
      fc.oneof(fc.constantFrom('Improve monitoring', 'Patch the server', 'Alert on pool saturation', 'Tasks:'), fc.string({ maxLength: 20 })),
      fc.constantFrom('', ' (owner: @dana, due 2024-02-01, OPS-12)', ' — @lee', ' (type: prevent; due: next sprint)', ' #42', ' (https://example.com/t/1)'),
    )
    .map(([a, b, c]) => a + b + c),
  fc.constantFrom(
    '| Action | Owner | Status |',
    '| Action Item | Type | Owner | Bug |',
    '|---|---|---|',
    '| Add alert | @lee | done |',
    '| Split \\| queue | n/a | In progress |',
  ),
  fc.tuple(timeText, fc.string({ maxLength: 20 })).map(([t, s]) => `- ${t} – ${s}`),
  fc.constantFrom(
    '## Timeline',
    '## Action Items',
    '## Corrective and Preventative Measures',
    '**Action Items:**',
    '- **Duration:** 2024-01-19 23:30 – 2024-01-20 01:10 UTC',
  ),
  fc.constantFrom('<!-- postmortem-timeline-diagram -->', '```mermaid', '<!-- /postmortem-timeline-diagram -->'),
);
const someLines = fc.array(fc.oneof({ arbitrary: markdownLine, weight: 1 }, { arbitrary: writingLine, weight: 3 }), { maxLength: 15 });
/** A timeline and an action items section, each with hostile and writing lines, and sometimes a table of actions. */
const writingDocument = fc
  .tuple(someLines, someLines, someLines, fc.boolean(), lineBreak)
  .map(([before, timeline, actions, table, eol]) =>
    [
      ...before,
      '## Timeline',
      ...timeline,
      '## Action Items',
      ...(table
        ? [
            '| Action | Owner | Due | Status |',
            '|---|---|---|---|',
            '| Add an alert on queue depth | @lee | 2024-02-01 | done |',
            '| Split \\| the queue | n/a | | In progress |',
          ]
        : []),
      ...actions,
    ].join(eol),
  );

function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Lines for comparing before and after a fix: a byte order mark stays at the very start, wherever line 0 moves. */
function contentLines(text: string): string[] {
  return linesOf(text.replace(/^\uFEFF/, ''));
}

function assertRangeInside(range: Range, lines: string[], what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}: character ${p.character} outside line ${p.line}`);
  }
  assert.ok(
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character),
    `${what}: range ends before it starts`,
  );
}

function checkInvariants(text: string, analysis: Analysis): void {
  const lines = linesOf(text);
  for (const d of analysis.diagnostics) {
    assert.ok(knownCodes.has(d.code), `unknown code ${d.code}`);
    assertRangeInside(d.range, lines, d.code);
  }
  for (const s of analysis.document.sections) {
    assertRangeInside(s.range, lines, `section ${s.id}`);
    assertRangeInside(s.headingRange, lines, `heading ${s.id}`);
  }
  for (const e of analysis.document.timeline) assertRangeInside(e.timeRange, lines, 'timeline entry');
  for (const f of analysis.document.fields) assertRangeInside(f.labelRange, lines, `field ${f.id}`);
}

/** Every line of `before` is still in `after`, in order. */
function keepsEveryLine(before: string, after: string): boolean {
  const original = contentLines(before);
  const fixed = contentLines(after);
  let j = 0;
  for (const line of original) {
    while (j < fixed.length && fixed[j] !== line) j++;
    if (j === fixed.length) return false;
    j++;
  }
  return true;
}

/** Fixes that by definition change a value (and are checked by their own invariants). */
const valueChangingFixes = /repair|duration|sort|correct/i;

describe('the service under hostile input', function () {
  this.timeout(120_000);

  it('never throws, keeps every range inside the document and reports only known codes', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        checkInvariants(text, service.analyze(text, { force: true }));
      }),
      { seed, numRuns: runs },
    );
  });

  it('gives the same analysis twice for the same text', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        const a = service.analyze(text, { force: true });
        const b = service.analyze(text, { force: true });
        assert.deepEqual(
          b.diagnostics.map((d) => [d.code, d.range, d.message]),
          a.diagnostics.map((d) => [d.code, d.range, d.message]),
        );
        assert.deepEqual(b.document.sections, a.document.sections);
      }),
      { seed, numRuns: Math.ceil(runs / 2) },
    );
  });

  it('applies any offered insertion fix without losing or reordering a line', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        const analysis = service.analyze(text, { force: true });
        for (const d of analysis.diagnostics) {
          for (const fix of d.fixes) {
            if (valueChangingFixes.test(fix.title) || fix.kind === 'replace') continue;
            const fixed = service.applyEdits(text, analysis, service.editsForFix(analysis, fix));
            assert.ok(keepsEveryLine(text, fixed), `${fix.title} lost a line`);
            checkInvariants(fixed, service.analyze(fixed, { force: true }));
          }
          const suppressed = service.applyEdits(text, analysis, [service.suppress(analysis, d, 'line')]);
          assert.ok(keepsEveryLine(text, suppressed), 'a disable comment lost a line');
        }
      }),
      { seed, numRuns: Math.ceil(runs / 2) },
    );
  });

  it('applies any writing action without losing a line or a value: diagrams only add, conversions keep every item', () => {
    const everything = (text: string): Range => {
      const lines = linesOf(text);
      return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
    };
    // Runs of spaces are one space in Markdown: a table cell writes them so.
    const items = (a: Analysis) =>
      service.actionItems(a).map((i) => JSON.stringify([i.text, i.done, i.owner, i.due, i.tickets, i.notes]).replace(/\s+/g, ' ').replace(/" | "/g, '"'));
    fc.assert(
      fc.property(writingDocument, (text) => {
        const analysis = service.analyze(text, { force: true });
        for (const action of service.writingActionsAt(analysis, everything(text))) {
          const fixed = service.applyEdits(text, analysis, action.edits);
          const after = service.analyze(fixed, { force: true });
          checkInvariants(fixed, after);
          if (action.fix.kind === 'timeline-diagram') {
            // Only a diagram written before (from its marker on) is replaced; every other line stays.
            const [edit] = action.edits;
            const lines = linesOf(text);
            const replaced = edit.range.start.line !== edit.range.end.line || edit.range.start.character !== edit.range.end.character;
            if (replaced) assert.match(lines[edit.range.start.line], /^\s*<!--\s*postmortem-timeline-diagram\b/);
            const kept = replaced ? [...lines.slice(0, edit.range.start.line), ...lines.slice(edit.range.end.line + 1)] : lines;
            assert.ok(keepsEveryLine(kept.join('\n'), fixed), `${action.title} lost a line`);
          } else {
            assert.deepEqual(items(after), items(analysis), `${action.title} changed an action item:\n${fixed}`);
          }
        }
      }),
      { seed, numRuns: Math.ceil(runs / 2) },
    );
  });

  it('fixes everything to convergence, and the fixed missing sections are gone', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        const { text: fixed } = service.fixAll(text, { force: true });
        const after = service.analyze(fixed, { force: true });
        checkInvariants(fixed, after);
        assert.deepEqual(after.missingSections, []);
        // A second run has nothing left to do.
        assert.equal(service.fixAll(fixed, { force: true }).text, fixed);
      }),
      { seed, numRuns: Math.ceil(runs / 3) },
    );
  });

  it('survives a 50,000-character line, 20 levels of nesting and 10,000 timeline entries', () => {
    const longLine = `## Timeline\n\n- 10:00 UTC ${'x'.repeat(50_000)}\n`;
    const nested = Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- level ${i} 10:${String(i).padStart(2, '0')}`).join('\n');
    const many = [
      '# Postmortem',
      '',
      '## Timeline',
      '',
      ...Array.from({ length: 10_000 }, (_, i) => `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} UTC – step ${i}`),
    ].join('\n');
    // A document of nothing but blank lines (a byte order mark, spaces) has its findings at its start.
    for (const text of [longLine, `## Timeline\n\n${nested}\n`, many, '\u0000'.repeat(1000), '\r\r\r\n\n\r', '\uFEFF', '\uFEFF  \n \t\n']) {
      checkInvariants(text, service.analyze(text, { force: true }));
    }
  });

  it('keeps reporting when one rule throws', () => {
    const broken = {
      ...allRules[0],
      code: 'broken-rule',
      check: () => {
        throw new Error('boom');
      },
    };
    const errors: string[] = [];
    const withBrokenRule = createPostmortemService({ rules: [broken, ...allRules], logger: { error: (m) => errors.push(m) } });
    const analysis = withBrokenRule.analyze('# Postmortem: x\n\n## Timeline\n\n- 10:00 UTC – a thing\n', { force: true });
    assert.ok(analysis.diagnostics.some((d) => d.code === 'missing-section'));
    assert.equal(errors.length, 1);
    assert.match(errors[0], /broken-rule.*boom/);
  });

  it('analyses only the structure of a document above the size limit, and says so once', () => {
    const text = `# Postmortem\n\n## Timeline\n\n${'- 10:00 UTC – step\n'.repeat(2000)}`;
    const analysis = service.analyze(text, { force: true, settings: { maxDocumentSize: 1000 } });
    assert.equal(analysis.diagnostics.filter((d) => d.code === 'large-document').length, 1);
    assert.ok(analysis.diagnostics.some((d) => d.code === 'missing-section'));
  });
});
