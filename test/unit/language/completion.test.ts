// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${1:…}` here is VS Code snippet syntax, not a template literal.
import { strict as assert } from 'node:assert';
import type { Analysis, Completion, Position } from '../../../server/src/service';
import { parseSnippet, render } from '../meta/snippetSyntax';
import { analyze, md, service } from '../helpers';

// Completion items and the text their edits produce. Documents are written with a `‸` where the
// cursor is; each item's edit is applied, with the snippet rendered at its defaults.

function at(text: string): { text: string; position: Position } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('‸'));
  const character = lines[line].indexOf('‸');
  lines[line] = lines[line].slice(0, character) + lines[line].slice(character + 1);
  return { text: lines.join('\n'), position: { line, character } };
}

function complete(withCursor: string, triggerCharacter?: string): { items: Completion[]; analysis: Analysis; text: string } {
  const { text, position } = at(withCursor);
  const analysis = analyze(text);
  return { items: service.completions(analysis, position, { triggerCharacter }), analysis, text };
}

/** The document after accepting the item, tab stops at their defaults. */
function accept(text: string, item: Completion): string {
  const parsed = parseSnippet(item.snippet);
  assert.deepEqual(parsed.errors, [], item.snippet);
  const lines = text.split('\n');
  const { start, end } = item.range;
  assert.equal(start.line, end.line, 'single-line range');
  const line = lines[start.line];
  lines[start.line] = line.slice(0, start.character) + render(parsed.nodes) + line.slice(end.character);
  return lines.join('\n');
}

const summary = [
  '## Issue Summary',
  '',
  '- **Duration:** 2024-01-19 14:30 – 18:45 UTC',
  '- **Impact:** Checkout failed for 30% of users.',
  '- **Root cause:** A bad deploy.',
  '',
];

describe('completion at the start of a line', () => {
  it('offers the missing sections in template order, required and optional', () => {
    const { items } = complete(md('# Postmortem: outage', '', ...summary, '‸'));
    const sections = items.filter((i) => i.kind === 'section');
    assert.deepEqual(
      sections.map((i) => i.label),
      ['Impact', 'Trigger', 'Detection', 'Timeline', 'Root Cause and Resolution', 'Corrective and Preventative Measures', 'Lessons Learned'],
    );
    assert.deepEqual(
      sections.map((i) => i.sortText),
      [...sections.map((i) => i.sortText)].sort(),
    );
    assert.match(sections.find((i) => i.label === 'Timeline')!.detail, /^Required section of Standard/);
    assert.match(sections.find((i) => i.label === 'Impact')!.detail, /^Optional section/);
  });

  it('inserts the heading in the document’s style and level, then the skeleton', () => {
    const { items, text } = complete(md('# Postmortem: outage', '', '### Issue Summary', '', 'Down for an hour.', '', '‸'));
    const timeline = items.find((i) => i.label === 'Timeline')!;
    assert.equal(
      accept(text, timeline),
      md(
        '# Postmortem: outage',
        '',
        '### Issue Summary',
        '',
        'Down for an hour.',
        '',
        '### Timeline',
        '',
        '- **HH:MM UTC$CURRENT_TIMEZONE_OFFSET** – The issue is detected: how, and by whom.'.replace('UTC$CURRENT_TIMEZONE_OFFSET', 'UTC'),
        '- **HH:MM** – What was done next.',
        '- **HH:MM** – Service restored.',
      ),
    );
  });

  it('writes bold, setext and colon headings like the document’s', () => {
    const cases: [string[], string][] = [
      [['**Issue Summary:**'], '**Timeline:**'],
      [['**Issue Summary**:'], '**Timeline**:'],
      [['Issue Summary', '============='], 'Timeline\n========'],
      [['## Issue Summary:'], '## Timeline:'],
      [['<h3>Issue Summary</h3>'], '<h3>Timeline</h3>'],
    ];
    for (const [heading, expected] of cases) {
      const { items } = complete(md('# Postmortem', '', ...heading, '', 'Down for an hour.', '', '‸'));
      const timeline = items.find((i) => i.label === 'Timeline');
      assert.ok(timeline, heading.join(' / '));
      assert.ok(render(parseSnippet(timeline.snippet).nodes).startsWith(`${expected}\n\n`), `${heading.join(' / ')}: ${timeline.snippet}`);
    }
  });

  it('follows the hashes the author typed, and replaces them', () => {
    const { items, text } = complete(md('# Postmortem', '', ...summary, '#### Tim‸'));
    const timeline = items.find((i) => i.label === 'Timeline')!;
    assert.equal(timeline.filterText, '#### Timeline');
    assert.deepEqual(timeline.range, { start: { line: 8, character: 0 }, end: { line: 8, character: 8 } });
    assert.match(accept(text, timeline), /\n#### Timeline\n\n- \*\*HH:MM/);
  });

  it('puts a blank line between a paragraph and the inserted heading', () => {
    const { items } = complete(md('# Postmortem', '', '## Issue Summary', '', 'Down for an hour.', '‸'));
    assert.ok(items.find((i) => i.label === 'Timeline')!.snippet.startsWith('\n## Timeline'));
  });

  it('offers no section already present, in any template', () => {
    const { items } = complete(
      md(
        '---',
        'postmortem: { template: pagerduty }',
        '---',
        '',
        '## Overview',
        '',
        'Down.',
        '',
        '## Timeline',
        '',
        '| Time (UTC) | Event |',
        '|---|---|',
        '| 10:00 | x |',
        '',
        '‸',
      ),
    );
    const labels = items.filter((i) => i.kind === 'section').map((i) => i.label);
    assert.ok(!labels.includes('Overview') && !labels.includes('Timeline'));
    assert.deepEqual(labels.slice(0, 3), ['What Happened', 'Contributing Factors', 'Resolution']);
  });

  it('stays quiet in code, in front matter and in the middle of a line', () => {
    assert.deepEqual(complete(md('# Postmortem', '', '```', '‸', '```')).items, []);
    assert.deepEqual(complete(md('---', 'title: x‸', '---', '# Postmortem')).items, []);
    assert.deepEqual(complete(md('# Postmortem', '', 'Some‸ text')).items, []);
  });

  it('offers sections after a typed space only when the line starts with hashes', () => {
    assert.deepEqual(complete(md('# Postmortem', '', ...summary, 'The ‸'), ' ').items, []);
    assert.ok(complete(md('# Postmortem', '', ...summary, '## ‸'), ' ').items.some((i) => i.label === 'Timeline'));
  });
});

describe('completion after a field label', () => {
  it('offers the shape of a Duration in the incident’s zone, and the computed duration when start and end are known', () => {
    const { items, text } = complete(
      md('# Postmortem', '', '## Issue Summary', '', '- **Start:** 2024-01-19 14:30 WAT', '- **End:** 2024-01-19 18:45 WAT', '- **Duration:**‸'),
    );
    assert.ok(items.every((i) => i.kind === 'field-value'));
    const shape = items.find((i) => i.sortText === '1')!;
    assert.equal(shape.label, '2024-01-19 HH:MM – HH:MM WAT (N hours N minutes)');
    assert.match(shape.detail, /Time range in WAT/);
    assert.equal(accept(text, shape).split('\n')[6], '- **Duration:** 2024-01-19 HH:MM – HH:MM WAT (N hours N minutes)');
    const computed = items.find((i) => i.sortText === '0');
    assert.ok(computed, `a computed duration among: ${items.map((i) => i.label).join(' | ')}`);
    assert.equal(computed.label, '2024-01-19 14:30 WAT – 2024-01-19 18:45 WAT (4 hours 15 minutes)');
    assert.equal(accept(text, computed).split('\n')[6], '- **Duration:** 2024-01-19 14:30 WAT – 2024-01-19 18:45 WAT (4 hours 15 minutes)');
  });

  it('asks for the zone when the document names none', () => {
    const { items } = complete(md('# Postmortem', '', '## Issue Summary', '', 'Duration: ‸'));
    const [shape] = items;
    assert.equal(shape.label, 'YYYY-MM-DD HH:MM – HH:MM time zone (N hours N minutes)');
    assert.ok(!shape.snippet.startsWith(' '), 'no second space after the one typed');
  });

  it('offers a date and time for Start and End, with the zone of the timeline', () => {
    const { items } = complete(md('# Postmortem', '', '## Issue Summary', '', '**Start:**‸', '', '## Timeline', '', '- 14:30 SAST – Alert fired.'));
    assert.equal(items.length, 1);
    assert.equal(items[0].label, 'YYYY-MM-DD HH:MM SAST');
    assert.equal(items[0].snippet, ' ${1:YYYY-MM-DD} ${2:HH:MM} ${3:SAST}');
  });

  it('offers what a good value says for other fields', () => {
    const { items } = complete(md('# Postmortem', '', '## Issue Summary', '', '- **Impact:** ‸'));
    assert.equal(items.length, 1);
    assert.equal(items[0].label, 'Which service was down or slow, what users saw, and what share of users was affected');
    assert.match(items[0].documentation ?? '', /\*\*A good one:\*\*/);
  });

  it('offers nothing once a value is written', () => {
    assert.deepEqual(complete(md('# Postmortem', '', '## Issue Summary', '', '- **Impact:** all users‸')).items, []);
  });
});

describe('completion on a new timeline line', () => {
  const timeline = (...entries: string[]) => md('# Postmortem', '', '## Timeline', '', ...entries);

  it('writes the next entry five minutes after the previous one, in its format', () => {
    const { items, text } = complete(timeline('- **10:15 AM** – Alerts fired.', '- ‸'));
    const [entry] = items;
    assert.equal(entry.kind, 'timeline-entry');
    assert.equal(entry.label, '- **10:20 AM** –');
    assert.equal(entry.preselect, true);
    assert.equal(accept(text, entry).split('\n')[5], '- **10:20 AM** – ');
  });

  it('keeps the zone, the clock and the markup of the previous entry', () => {
    const cases: [string, string][] = [
      ['- 10:15 UTC: Alert fired.', '- 10:20 UTC: '],
      ['* [14:02] Pager went off', '* [14:07] '],
      ['- 2024-01-19 23:58 WAT – Deploy.', '- 2024-01-20 00:03 WAT – '],
      ['- 2100hrs SAST - Rollback.', '- 2105hrs SAST - '],
      ['- 11:58 am – Page.', '- 12:03 pm – '],
      ['- **09:05** — Started.', '- **09:10** — '],
      ['12. **10:15 (UTC+2)** Alert.', '13. **10:20 (UTC+2)** '],
    ];
    for (const [previous, expected] of cases) {
      const { items, text } = complete(timeline(previous, '‸'));
      const entry = items.find((i) => i.kind === 'timeline-entry');
      assert.ok(entry, previous);
      assert.equal(accept(text, entry).split('\n')[5], expected, previous);
    }
  });

  it('writes a table row with the other cells as tab stops', () => {
    const { items } = complete(timeline('| Time (UTC) | Event | Link |', '|---|---|---|', '| 14:28 | Deploy starts | [log](https://x) |', '', '‸'));
    const entry = items.find((i) => i.kind === 'timeline-entry')!;
    assert.equal(entry.snippet, '| 14:33 | $1 | $2 |');
  });

  it('offers a generic entry when the timeline has none yet, with the document’s zone', () => {
    const { items } = complete(md('# Postmortem', '', '## Issue Summary', '', '- **Duration:** 10:00 – 11:00 PST', '', '## Timeline', '', '- ‸'));
    const entry = items.find((i) => i.kind === 'timeline-entry')!;
    assert.equal(entry.snippet, '- **${1:HH:MM} ${2:PST}** – $0');
  });

  it('offers the entry on an empty line after the last one, above the next section, and sections after it', () => {
    const { items } = complete(timeline('- 10:15 UTC – Alert fired.', '', '‸', '', '## Root Cause and Resolution', '', 'A bug.'));
    assert.equal(items[0].kind, 'timeline-entry');
    assert.equal(items[0].label, '- 10:20 UTC –');
    assert.ok(items.length > 1, 'sections follow the entry');
    assert.ok(items.slice(1).every((i) => i.kind === 'section'));
  });

  it('offers no entry outside the timeline', () => {
    const { items } = complete(md('# Postmortem', '', '## Timeline', '', '- 10:15 UTC – Alert fired.', '', '## Root Cause and Resolution', '', '- ‸'));
    assert.deepEqual(items, []);
  });
});

describe('completion of a section skeleton', () => {
  it('fills in the date and zone the document already states', () => {
    const { items } = complete(md('# Postmortem', '', '## Timeline', '', '- 2024-01-19 14:30 WAT – Alert fired.', '', '‸'));
    const summary = items.find((i) => i.label === 'Issue Summary')!;
    assert.match(render(parseSnippet(summary.snippet).nodes), /- \*\*Duration:\*\* 2024-01-19 HH:MM – HH:MM WAT/);
  });
});
