import { strict as assert } from 'node:assert';
import type { Analysis, HeadingStyle, Range } from '../../server/src/service';
import { analyze, applyFix, crlf, findings, findingsWith, md, onlySection, sectionIds, splitLines } from './helpers';

// Every heading style the parser recognises, with exact 0-based positions.

/** The range of the whole of `line` without its indentation and trailing spaces. */
function wholeLine(text: string, line: number, endLine = line): Range {
  const lines = splitLines(text);
  const start = lines[line].length - lines[line].trimStart().length;
  return { start: { line, character: start }, end: { line: endLine, character: lines[endLine].trimEnd().length } };
}

function assertHeading(text: string, id: string, expected: { style: HeadingStyle; level: number; line: number; endLine?: number; heading?: string }) {
  const section = onlySection(analyze(text), id);
  assert.equal(section.style, expected.style, `style of ${id}`);
  assert.equal(section.level, expected.level, `level of ${id}`);
  assert.deepEqual(section.headingRange, wholeLine(text, expected.line, expected.endLine ?? expected.line), `range of ${id}`);
  if (expected.heading !== undefined) assert.equal(section.heading, expected.heading);
}

describe('headings: ATX', () => {
  const text = md(
    '# Postmortem: the great cache stampede',
    '',
    '## 📝 Issue Summary:',
    'Every cache node restarted at once and the database took the full read load.',
    '',
    '### ⏳ Timeline (a.k.a. How We Panicked in Real-Time)',
    '- 10:02 UTC - hit rate drops to zero',
    '',
    '#### 🔍 Root Cause and Resolution',
    'A configuration push restarted every node in the same minute.',
    '',
    '###### 🛠️ Corrective and Preventative Measures',
    '- Stagger restarts across availability zones.',
  );

  it('recognises an ATX heading with an emoji and a trailing colon as the summary', () => {
    assertHeading(text, 'summary', { style: 'atx', level: 2, line: 2, heading: '## 📝 Issue Summary:' });
    assert.deepEqual(onlySection(analyze(text), 'summary').headingRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } });
  });

  it('recognises a timeline heading with a humorous parenthetical aside', () => {
    assertHeading(text, 'timeline', { style: 'atx', level: 3, line: 5 });
    assert.equal(onlySection(analyze(text), 'timeline').label, '⏳ Timeline (a.k.a. How We Panicked in Real-Time)');
  });

  it('recognises ATX headings at levels four and six', () => {
    assertHeading(text, 'root-cause', { style: 'atx', level: 4, line: 8 });
    assertHeading(text, 'corrective-actions', { style: 'atx', level: 6, line: 11 });
  });

  it('keeps the title out of the sections and reads it as the title', () => {
    const analysis = analyze(text);
    assert.deepEqual(sectionIds(analysis), ['summary', 'timeline', 'root-cause', 'corrective-actions']);
    assert.deepEqual(analysis.document.title, { text: 'Postmortem: the great cache stampede', line: 0 });
  });

  it('ends a section on the last line with text before the next heading', () => {
    const analysis = analyze(text);
    const summary = onlySection(analysis, 'summary');
    assert.equal(summary.range.start.line, 2);
    assert.equal(summary.range.end.line, 3);
    assert.equal(summary.bodyStartLine, 3);
    assert.equal(onlySection(analysis, 'corrective-actions').range.end.line, 12);
  });

  it('measures an indented heading with closing hashes from its first hash', () => {
    const indented = md('   ## Timeline ##', '- 10:00 UTC - alert');
    assertHeading(indented, 'timeline', { style: 'atx', level: 2, line: 0 });
    assert.deepEqual(onlySection(analyze(indented), 'timeline').headingRange.start, { line: 0, character: 3 });
  });
});

describe('headings: setext', () => {
  it('recognises a setext heading underlined with = as a level-one section spanning both lines', () => {
    const text = md('Issue Summary', '=============', '', 'The export job stalled for two hours.');
    assertHeading(text, 'summary', { style: 'setext', level: 1, line: 0, endLine: 1, heading: 'Issue Summary\n=============' });
  });

  it('recognises a setext heading underlined with - as a level-two section', () => {
    const text = md('Some intro text.', '', 'Root Cause & Resolution', '-----------------------', '', 'A full disk.');
    assertHeading(text, 'root-cause', { style: 'setext', level: 2, line: 2, endLine: 3 });
  });

  // CommonMark makes the whole paragraph above an underline the heading; the writer underlined its last line.
  it('reads an underlined line right after a paragraph as the heading, and the paragraph as the section before', () => {
    const text = md(
      'Root Cause',
      '----------',
      '',
      'A retry loop sent the same oversized batch again and again.',
      'We split the batch by size and the queue drained.',
      'Corrective Actions',
      '------------------',
      '',
      '- Split import batches by size.',
    );
    assertHeading(text, 'root-cause', { style: 'setext', level: 2, line: 0, endLine: 1 });
    assertHeading(text, 'corrective-actions', { style: 'setext', level: 2, line: 5, endLine: 6, heading: 'Corrective Actions\n------------------' });
    const cause = onlySection(analyze(text), 'root-cause');
    assert.equal(cause.range.end.line, 4, 'the paragraph stays in the root cause');
  });

  it('keeps a paragraph whose last line ends a sentence as one underlined heading, as CommonMark reads it', () => {
    const text = md('Intro.', '', 'The queue stalled for two hours', 'and nobody was paged.', '---', '', 'Root Cause', '----------', '', 'A full disk.');
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.document.otherHeadings.map((h) => h.line),
      [2],
      'the two lines above the underline are one heading starting at their first line',
    );
    assert.equal(onlySection(analysis, 'root-cause').headingRange.start.line, 6);
  });

  it('reads an underlined line right after a list item as a heading (CommonMark joins it to the item)', () => {
    const text = md('Timeline', '--------', '- 09:10 UTC: uploads fail', '- 10:25 UTC: uploads work again', 'Root Cause', '----------', 'A full disk.');
    assertHeading(text, 'root-cause', { style: 'setext', level: 2, line: 4, endLine: 5, heading: 'Root Cause\n----------' });
    assert.deepEqual(sectionIds(analyze(text)), ['timeline', 'root-cause']);
  });

  it('keeps a lower-case last line as a part of the heading above it (a wrapped line)', () => {
    const text = md('Root Cause and', 'resolution', '----------', '', 'A full disk.');
    assertHeading(text, 'root-cause', { style: 'setext', level: 2, line: 0, endLine: 2 });
  });
});

describe('headings: pseudo-headings', () => {
  it('recognises a bold pseudo-heading with a trailing colon as the summary', () => {
    const text = md('Outage of the billing exporter', '', '**Issue Summary:**', 'Exports were late by three hours.');
    assertHeading(text, 'summary', { style: 'bold', level: 0, line: 2, heading: '**Issue Summary:**' });
  });

  it('recognises bold with the colon outside and underscores as bold pseudo-headings', () => {
    const text = md('**Timeline**:', '- 10:00 UTC - alert', '', '__Root Cause and Resolution__', 'A full disk.');
    assertHeading(text, 'timeline', { style: 'bold', level: 0, line: 0 });
    assertHeading(text, 'root-cause', { style: 'bold', level: 0, line: 3 });
  });

  it('recognises a plain line ending in a colon as a section', () => {
    const text = md('Issue Summary:', 'Exports were late by three hours.', '', 'Timeline:', '- 10:00 UTC - alert');
    assertHeading(text, 'summary', { style: 'plain', level: 0, line: 0, heading: 'Issue Summary:' });
    assertHeading(text, 'timeline', { style: 'plain', level: 0, line: 3 });
  });

  it('recognises a bare plain line only when it names a section exactly', () => {
    const text = md('Issue Summary', 'Exports were late by three hours.', '', 'Timline', '- 10:00 UTC - alert', '', 'Summary of a long week', 'More text.');
    assertHeading(text, 'summary', { style: 'plain', level: 0, line: 0 });
    assert.deepEqual(sectionIds(analyze(text)), ['summary']);
  });

  it('does not take a bare section name in the middle of a paragraph for a heading', () => {
    const text = md('We looked at the', 'Timeline', 'and found nothing.');
    assert.deepEqual(sectionIds(analyze(text)), []);
  });

  it('reads a pseudo-heading with a colon and a typo as its section', () => {
    const text = md('**Timline:**', '- 10:00 UTC - alert');
    assertHeading(text, 'timeline', { style: 'bold', level: 0, line: 0 });
  });
});

describe('headings: list-item labels are fields, not sections', () => {
  const text = md(
    '## Issue Summary',
    '',
    '- **Duration:** 2 hours 10 minutes',
    '- Impact: 40% of uploads failed',
    '- Window:',
    '  - *Start Time:* 2024-05-02 09:10 UTC',
    '  - *End Time:* 2024-05-02 11:20 UTC',
  );
  let analysis: Analysis;
  beforeEach(() => {
    analysis = analyze(text);
  });

  it('reads a bold list label, a plain list label and nested italic labels as fields of the summary', () => {
    assert.deepEqual(sectionIds(analysis), ['summary']);
    assert.deepEqual(
      analysis.document.fields.map((f) => [f.id, f.sectionId, f.style, f.value]),
      [
        ['duration', 'summary', 'list', '2 hours 10 minutes'],
        ['impact', 'summary', 'list', '40% of uploads failed'],
        ['start', 'summary', 'list', '2024-05-02 09:10 UTC'],
        ['end', 'summary', 'list', '2024-05-02 11:20 UTC'],
      ],
    );
  });

  it('gives each field label its exact range, markup included', () => {
    const ranges = analysis.document.fields.map((f) => [
      f.labelRange.start.line,
      f.labelRange.start.character,
      f.labelRange.end.line,
      f.labelRange.end.character,
    ]);
    assert.deepEqual(ranges, [
      [2, 2, 2, 15],
      [3, 2, 3, 9],
      [5, 4, 5, 17],
      [6, 4, 6, 15],
    ]);
  });

  it('is not missing a duration when the summary gives start and end fields', () => {
    assert.deepEqual(
      findingsWith(analysis, 'missing-field').map((d) => d.data?.fieldId),
      ['root-cause'],
    );
  });
});

describe('headings: HTML', () => {
  it('recognises <h3> and <h2 id> headings with their level', () => {
    const text = md('<h2 id="summary">Issue Summary</h2>', '', 'Exports were late.', '', '<h3>Timeline</h3>', '', '- 10:00 UTC - alert');
    assertHeading(text, 'summary', { style: 'html', level: 2, line: 0 });
    assertHeading(text, 'timeline', { style: 'html', level: 3, line: 4, heading: '<h3>Timeline</h3>' });
  });
});

describe('headings: #Timeline without a space', () => {
  const text = md('# Postmortem: queue backlog', '', '#Timeline', '- 10:00 UTC - consumers stall', '', '##Root Cause and Resolution', 'A poison message.');

  it('recognises #Timeline as the timeline and reports heading-space on it', () => {
    const analysis = analyze(text);
    const timeline = onlySection(analysis, 'timeline');
    assert.equal(timeline.style, 'atx');
    assert.equal(timeline.level, 1);
    assert.equal(timeline.missingSpace, true);
    assert.deepEqual(timeline.headingRange, wholeLine(text, 2));
    assert.equal(onlySection(analysis, 'root-cause').level, 2);
    assert.deepEqual(
      findingsWith(analysis, 'heading-space').map((d) => d.range.start.line),
      [2, 5],
    );
  });

  it('fixes heading-space by inserting one space after the hashes', () => {
    const analysis = analyze(text);
    const finding = findingsWith(analysis, 'heading-space')[0];
    assert.deepEqual(finding.fixes[0].kind, 'replace');
    const fixed = applyFix(text, analysis, finding.fixes[0]);
    assert.equal(splitLines(fixed)[2], '# Timeline');
    const after = analyze(fixed);
    assert.equal(onlySection(after, 'timeline').missingSpace, undefined);
    assert.deepEqual(
      findings(after).filter((f) => f.startsWith('heading-space')),
      ['heading-space@6'],
    );
  });

  it('does not read a hashtag in a sentence as a heading', () => {
    assert.deepEqual(sectionIds(analyze(md('#incident was the channel we used for the timeline.'))), []);
    assert.deepEqual(sectionIds(analyze(md('#timeline was busy all night', 'and nobody slept.'))), []);
  });
});

describe('headings: numbering, "&", spelling and typos', () => {
  it('recognises numbered headings: "1. Issue Summary" alone, "## 2) Timeline", "### 3. ..." and roman numerals', () => {
    const text = md(
      '1. Issue Summary',
      '',
      'Uploads failed for two hours.',
      '',
      '## 2) Timeline',
      '- 10:00 UTC - alert',
      '',
      '### 3. Root Cause and Resolution',
      'A certificate expired.',
      '',
      '## IV. Corrective and Preventative Measures',
      '- Renew certificates automatically.',
    );
    assertHeading(text, 'summary', { style: 'plain', level: 0, line: 0, heading: '1. Issue Summary' });
    assertHeading(text, 'timeline', { style: 'atx', level: 2, line: 4 });
    assertHeading(text, 'root-cause', { style: 'atx', level: 3, line: 7 });
    assertHeading(text, 'corrective-actions', { style: 'atx', level: 2, line: 10 });
  });

  it('reads a numbered heading followed by lazy text and a numbered heading with a colon', () => {
    const text = md('1. Issue Summary', 'Uploads failed for two hours.', '', '2. Timeline:', '- 10:00 UTC - alert');
    assertHeading(text, 'summary', { style: 'plain', level: 0, line: 0 });
    assertHeading(text, 'timeline', { style: 'plain', level: 0, line: 3 });
    assert.equal(onlySection(analyze(text), 'summary').range.end.line, 1);
  });

  it('does not read a numbered table of contents as sections', () => {
    const text = md('Contents:', '', '1. Issue Summary', '2. Timeline', '3. Root Cause and Resolution');
    assert.deepEqual(sectionIds(analyze(text)), []);
  });

  it('treats "&" like "and"', () => {
    const analysis = analyze(md('## Root Cause & Resolution', 'A full disk.'));
    const section = onlySection(analysis, 'root-cause');
    assert.equal(section.part, undefined);
  });

  for (const heading of ['## Corrective and Preventative Measures', '## Corrective and Preventive Measures', '## Corrective & Preventive Measures']) {
    it(`reads "${heading}" as the corrective actions`, () => {
      assert.deepEqual(sectionIds(analyze(md(heading, '- Add an alert.'))), ['corrective-actions']);
    });
  }

  for (const [heading, id] of [
    ['## Timline', 'timeline'],
    ['## Corective and Preventive Measures', 'corrective-actions'],
    ['## Isue Summary', 'summary'],
    ['## Root Cuase and Resolution', 'root-cause'],
  ]) {
    it(`forgives the small typo in "${heading}"`, () => {
      assert.deepEqual(sectionIds(analyze(md(heading, 'Some text.'))), [id]);
    });
  }

  it('does not stretch typo forgiveness to a different word', () => {
    assert.deepEqual(sectionIds(analyze(md('## Timezone', 'All times in UTC.'))), []);
  });
});

describe('headings: what is not a heading', () => {
  it('ignores headings inside fenced code blocks', () => {
    const text = md('Intro.', '', '```markdown', '## Timeline', '```', '', '~~~', '## Issue Summary', '~~~');
    assert.deepEqual(sectionIds(analyze(text)), []);
  });

  it('ignores headings inside indented code', () => {
    assert.deepEqual(sectionIds(analyze(md('Intro paragraph.', '', '    ## Timeline', '    - 10:00 UTC'))), []);
  });

  it('ignores headings inside HTML comments, on one line or several', () => {
    const text = md('Intro.', '', '<!-- ## Timeline -->', '', '<!--', '## Issue Summary', '<h3>Root Cause</h3>', '-->');
    assert.deepEqual(sectionIds(analyze(text)), []);
  });

  it('ignores heading-like lines inside front matter', () => {
    const text = md('---', 'title: Issue Summary', 'summary: "## Timeline"', '---', '', 'Root Cause:', 'A full disk.');
    const analysis = analyze(text);
    assert.deepEqual(sectionIds(analysis), ['root-cause']);
    assert.equal(onlySection(analysis, 'root-cause').headingRange.start.line, 5);
  });
});

describe('headings: line breaks, byte order mark and lazy lines', () => {
  const lines = [
    '# Postmortem: login errors',
    '',
    '## Issue Summary',
    'Logins failed.',
    '',
    '**Timeline:**',
    '- 10:00 UTC - errors rise',
    '',
    'Root Cause and Resolution:',
    'A bad key.',
  ];

  function headingRanges(text: string) {
    return analyze(text).document.sections.map((s) => [s.id, s.style, s.headingRange, s.range]);
  }

  it('gives the same positions for a CRLF document as for its LF twin', () => {
    assert.deepEqual(headingRanges(crlf(...lines)), headingRanges(md(...lines)));
  });

  it('keeps lines free of carriage returns and records CRLF breaks', () => {
    const analysis = analyze(crlf(...lines));
    assert.ok(analysis.document.lines.every((l) => !l.includes('\r')));
    assert.equal(analysis.document.eols[0], '\r\n');
  });

  it('measures a first-line heading after a byte order mark so that its range slices exactly the heading', () => {
    const text = `\uFEFF${crlf('## Issue Summary', 'Logins failed.', '', '## Timeline', '- 10:00 UTC - errors rise')}`;
    const analysis = analyze(text);
    assert.equal(analysis.document.hasBom, true);
    const summary = onlySection(analysis, 'summary');
    const first = analysis.document.lines[0];
    assert.equal(first.slice(summary.headingRange.start.character, summary.headingRange.end.character), '## Issue Summary');
    assert.deepEqual(onlySection(analysis, 'timeline').headingRange, { start: { line: 3, character: 0 }, end: { line: 3, character: 11 } });
  });

  it('reads front matter after a byte order mark', () => {
    const text = `\uFEFF${crlf('---', 'postmortem: true', '---', '## Timeline', '- 10:00 UTC - errors rise')}`;
    const analysis = analyze(text);
    assert.equal(analysis.document.frontMatter?.endLine, 2);
    assert.deepEqual(onlySection(analysis, 'timeline').headingRange.start, { line: 3, character: 0 });
  });

  it('reads an unindented line after a list item as a line of its own, not a lazy continuation', () => {
    const text = md('Timeline:', '- 12:10 PM: alerts fire', '- 12:30 PM: fixed', 'Root Cause and Resolution:', 'A bad key was deployed.');
    const analysis = analyze(text);
    assert.deepEqual(sectionIds(analysis), ['timeline', 'root-cause']);
    assertHeading(text, 'root-cause', { style: 'plain', level: 0, line: 3 });
    assert.equal(onlySection(analysis, 'timeline').range.end.line, 2);
    assert.deepEqual(
      analysis.document.timeline.map((e) => [e.line, e.timeText, e.text]),
      [
        [1, '12:10 PM', 'alerts fire'],
        [2, '12:30 PM', 'fixed'],
      ],
    );
  });
});

describe('headings: a label right after a table, with no blank line between', () => {
  const doc = (label: string) =>
    md(
      '# PM',
      '',
      '**Timeline:**',
      '',
      '| Time | Event |',
      '|---|---|',
      '| 13:20 UTC | detected |',
      '| 13:50 UTC | fixed |',
      label,
      '',
      'A clean-up script ran.',
    );

  it('ends the table and heads a section (GFM would keep it as a row)', () => {
    const a = analyze(doc('**Root Cause and Resolution:**'));
    assert.deepEqual(
      a.document.sections.map((s) => [s.id, s.headingRange.start.line]),
      [
        ['timeline', 2],
        ['root-cause', 8],
      ],
    );
    assert.equal(a.document.timeline.length, 2);
  });

  it("keeps a quote's lazy line in the quote, and a quoted table's rows in it", () => {
    const quote = analyze(md('# PM', '', '> a | b', 'lazy line', '', 'After.'));
    assert.deepEqual(
      quote.document.blocks.map((b) => [b.type, b.startLine, b.endLine]),
      [
        ['heading', 0, 1],
        ['blockquote', 2, 4],
        ['paragraph', 5, 6],
      ],
    );
    const table = analyze(md('# PM', '', '> | a | b |', '> |---|---|', '> | 1 | 2 |', '> more'));
    assert.deepEqual(
      table.document.blocks.map((b) => [b.type, b.startLine, b.endLine]),
      [
        ['heading', 0, 1],
        ['blockquote', 2, 6],
      ],
    );
  });
});

describe("headings: a word processor's outline bullets pasted as text", () => {
  it('reads "o⇥Prevention" and "•⇥10:00 UTC: …" as a label and an entry', () => {
    const a = analyze(
      md(
        '# Postmortem',
        '',
        'o\tIssue Summary',
        '•\tFrom 10:00 to 11:00 UTC the site was down for all users. The root cause was a typo.',
        'o\tTimeline',
        '•\t10:00 UTC: alert',
        '•\t11:00 UTC: fixed',
        'o\tPrevention',
        '•\tAdd a linter to the deploy.',
      ),
    );
    assert.deepEqual(sectionIds(a), ['summary', 'timeline', 'corrective-actions']);
    assert.equal(a.document.timeline.length, 2);
  });

  it('does not take a word starting with o for a bullet', () => {
    assert.deepEqual(sectionIds(analyze(md('# Postmortem', '', 'on Timeline', 'nothing'))), []);
  });
});

describe('headings: a question on a line of its own', () => {
  it('heads a required section over its answer, not an optional one inside the summary', () => {
    const a = analyze(
      md(
        '# PM',
        '',
        '## Summary',
        '',
        'The site was down from 10:00 to 11:00 UTC.',
        '',
        'How many users were affected?',
        '',
        'All of them.',
        '',
        'What was the root cause?',
        '',
        'A full disk.',
      ),
    );
    assert.deepEqual(sectionIds(a), ['summary', 'root-cause']);
  });
  it('does not head anything inside a sentence run over two lines', () => {
    const a = analyze(md('# PM', '', '## Summary', '', 'We asked ourselves', 'What was the root cause?', 'A full disk.'));
    assert.deepEqual(sectionIds(a), ['summary']);
  });
});

describe('headings: an exact section name alone, whatever its first letter', () => {
  it('reads "issue Summary" at the start of a paragraph as the summary', () => {
    const a = analyze(md('# Postmortem', '', 'issue Summary', '', 'The site was down from 10:00 to 11:00 UTC.', '', '## Timeline', '', '- 10:00 UTC: down'));
    assert.deepEqual(sectionIds(a), ['summary', 'timeline']);
  });

  it('does not read a lower-case name in the middle of a paragraph', () => {
    const a = analyze(md('# Postmortem', '', '## Notes', '', 'We wrote the first draft.', 'timeline', 'came later.'));
    assert.deepEqual(sectionIds(a), []);
  });
});

describe('headings: a parent over parts, a typed semicolon, the assignment wording in HTML', () => {
  it('reads an empty heading over headings of its own level that are its parts as their parent', () => {
    const text = md(
      '## Root Cause',
      'A timeout default changed in a client upgrade.',
      '',
      '<h3>Action Items</h3>',
      '',
      '### Prevention',
      '- Set every client timeout explicitly.',
      '',
      '### Detection',
      '- Alert on upload errors above 1%.',
      '',
      '### Fixes',
      '- Pin the client version.',
    );
    assert.deepEqual(sectionIds(analyze(text)), ['root-cause', 'corrective-actions']);
    assert.equal(onlySection(analyze(text), 'corrective-actions').range.end.line, 12);
  });

  it('keeps an empty heading over a single heading of its level a section of its own', () => {
    const text = md('## Impact', '', '## Detection', 'The upload error alert fired after 15 minutes.');
    assert.deepEqual(sectionIds(analyze(text)), ['impact', 'detection']);
  });

  it('reads a short name ending in a semicolon typed for its colon as a label', () => {
    const text = md('**Root Cause**', 'A full disk.', '', 'Corrective and preventative measures;', '- Alert at 80% disk.');
    assert.deepEqual(sectionIds(analyze(text)), ['root-cause', 'corrective-actions']);
  });

  it('reads an HTML heading that keeps the assignment wording over an account as its section', () => {
    const text = md(
      '## Timeline',
      '- 09:10 UTC: uploads fail',
      '',
      '<h3>Root cause and resolution must contain</h3>',
      '',
      'The upload server kept every temporary file and the disk filled up. We removed the old files.',
    );
    assert.ok(sectionIds(analyze(text)).includes('root-cause'));
  });
});

describe('headings: measures to come', () => {
  it('reads "Future mitigations and product improvements" as the corrective measures, not the resolution too', () => {
    const text = md(
      '### Incident timeline',
      '- 07:06 PDT: paged for a growing backlog',
      '',
      '### Future mitigations and product improvements',
      '- Alert on nacks.',
    );
    assert.deepEqual(sectionIds(analyze(text)), ['timeline', 'corrective-actions']);
  });

  it('still reads "Mitigation and recovery" as the resolution', () => {
    const text = md('### Mitigation and recovery', 'We rolled the hotfix out and the backlog drained.');
    assert.deepEqual(sectionIds(analyze(text)), ['root-cause']);
  });
});

describe('headings: a record of bold list items, each a name over its own list', () => {
  const text = md(
    '# Incident on 2020-09-21 - some components destroyed',
    '',
    '- **Key events**',
    '  - First detected 2020-09-21 18:27',
    '  - Resolved 2020-09-21 21:41',
    '',
    '- **Time to resolve**: 3h 14m',
    '',
    '- **Impact**:',
    '  - Some users could not reach their services.',
    '',
    '- **Resolution**:',
    '  - The deleted components were applied again.',
  );

  it('reads the named items as sections, the one without a colon too', () => {
    assert.deepEqual(sectionIds(analyze(text)), ['timeline', 'impact', 'root-cause']);
  });

  it('ends an item section at the next item of its list, so the field after it is read', () => {
    const a = analyze(text);
    assert.equal(onlySection(a, 'timeline').range.end.line, 4);
    assert.equal(a.incident.statedDuration?.minutes, 194);
  });
});
