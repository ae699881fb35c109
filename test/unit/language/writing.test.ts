// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${1:…}` here is VS Code snippet syntax, not a template literal.
import { strict as assert } from 'node:assert';
import { builtinTemplates, type EntryInsertion } from '../../../server/src/service';
import { parseSnippet, render } from '../meta/snippetSyntax';
import { analyze, md, service } from '../helpers';

// What the commands write: a new postmortem from a template, and a timeline entry for now.

const now = Date.UTC(2024, 0, 19, 15, 7, 30); // 15:07:30 UTC, 16:07 in Lagos (WAT) and Berlin

function applied(text: string, insertion: EntryInsertion): string {
  const parsed = parseSnippet(insertion.snippet);
  assert.deepEqual(parsed.errors, [], insertion.snippet);
  const lines = text.split('\n');
  const { start, end } = insertion.range;
  const line = lines[start.line];
  lines[start.line] = line.slice(0, start.character) + render(parsed.nodes) + line.slice(end.character);
  assert.equal(start.line, end.line);
  return lines.join('\n');
}

describe('New Postmortem', () => {
  for (const template of builtinTemplates) {
    it(`writes a whole ${template.id} postmortem with the date and zone filled in`, () => {
      const skeleton = service.newPostmortem(template, { date: '2024-05-02', timeZone: 'Europe/Berlin' });
      assert.match(skeleton.text, new RegExp(`^---\\npostmortem: \\{ template: ${template.id} \\}\\n---\\n\\n# Postmortem: `));
      assert.match(skeleton.text, /\nDate: 2024-05-02\. All times are in Europe\/Berlin\.\n/);
      assert.ok(!/YYYY-MM-DD|\(time zone\)/.test(skeleton.text), 'no date or zone placeholder left');
      const analysis = analyze(skeleton.text);
      assert.equal(analysis.template.id, template.id);
      assert.deepEqual(analysis.missingSections, []);
      assert.deepEqual(
        analysis.document.sections.map((s) => s.id),
        template.sections.filter((s) => s.required).map((s) => s.id),
      );
    });

    it(`writes the ${template.id} postmortem as a valid snippet that renders to the same text`, () => {
      const skeleton = service.newPostmortem(template, { date: '2024-05-02', timeZone: 'UTC+02:00' });
      const parsed = parseSnippet(skeleton.snippet);
      assert.deepEqual(parsed.errors, []);
      assert.deepEqual(
        [...new Set(parsed.tabstops)].sort((a, b) => a - b),
        [...Array(Math.max(...parsed.tabstops)).keys()].map((i) => i + 1),
      );
      // Only spacing differs: a tab stop leaves a trailing space after a label, or two in an empty table cell.
      const trimmed = (text: string) => text.replace(/[ \t]+$/gm, '').replace(/ {2,}/g, ' ');
      assert.equal(trimmed(render(parsed.nodes)), trimmed(skeleton.text));
    });
  }

  it('leaves the date to the editor and makes the zone a UTC tab stop that every skeleton time mirrors, when none are given', () => {
    const { snippet, text } = service.newPostmortem(builtinTemplates[0]);
    assert.match(snippet, /Date: \$\{CURRENT_YEAR\}-\$\{CURRENT_MONTH\}-\$\{CURRENT_DATE\}\. All times are in \$\{2:UTC\}\./);
    assert.match(snippet, /- \*\*\$\{\d+:HH:MM\} \$2\*\* – /);
    assert.match(text, /Date: YYYY-MM-DD\. All times are in UTC\./);
    assert.doesNotMatch(`${snippet}\n${text}`, /time zone/);
  });
});

describe('Insert Timeline Entry', () => {
  const timeline = (...entries: string[]) => md('# Postmortem', '', '## Timeline', '', ...entries);

  it('writes the current time in the format and zone of the entry before the cursor', () => {
    const text = timeline('- **10:15 AM WAT** – Alert fired.', '');
    const insertion = service.timelineEntry(analyze(text), { line: 5, character: 0 }, { millis: now, timeZone: 'America/New_York' });
    assert.equal(applied(text, insertion).split('\n')[5], '- **4:07 PM WAT** – ');
  });

  it('converts to UTC for an entry written in UTC, and keeps its date format', () => {
    const text = timeline('- 2024-01-19 09:50 UTC: Deploy.', '- ');
    const insertion = service.timelineEntry(analyze(text), { line: 5, character: 2 }, { millis: now, timeZone: 'Europe/Berlin' });
    assert.equal(applied(text, insertion).split('\n')[5], '- 2024-01-19 15:07 UTC: ');
    assert.equal(insertion.snippet, '- ${2:2024-01-19} ${1:15:07} UTC: $0', 'the time is the first tab stop, the date the second');
  });

  it('writes the incident’s date, not today’s, for a past incident, and the time after the entry before the cursor', () => {
    const text = timeline('- 2023-11-02 23:50 UTC: Deploy.', '- 2023-11-03 00:20 UTC: Rolled back.');
    const insertion = service.timelineEntry(analyze(text), { line: 4, character: 3 }, { millis: now, timeZone: 'Europe/Berlin' });
    assert.deepEqual(applied(text, insertion).split('\n').slice(4, 7), [
      '- 2023-11-02 23:50 UTC: Deploy.',
      '- 2023-11-02 23:55 UTC: ',
      '- 2023-11-03 00:20 UTC: Rolled back.',
    ]);
  });

  it('keeps a past incident’s new entry inside the incident and before the entry after it', () => {
    const text = md(
      '# Postmortem',
      '',
      '## Issue Summary',
      '',
      '- **Duration:** 2023-11-02 10:00 – 10:32 UTC',
      '',
      '## Timeline',
      '',
      '- 10:00 UTC – Alert.',
      '- 10:30 UTC – Fixed.',
    );
    const analysis = analyze(text);
    const after = applied(text, service.timelineEntry(analysis, { line: 9, character: 3 }, { millis: now }));
    assert.equal(after.split('\n')[10], '- 10:32 UTC – ');
    const fixed = analyze(after);
    assert.deepEqual(
      fixed.diagnostics.filter((d) => d.code === 'timeline-order' || d.code === 'timeline-outside-window').map((d) => d.code),
      [],
    );
  });

  it('uses the document’s zone for entries without one, else the editor’s', () => {
    const withZone = md('# Postmortem', '', '## Issue Summary', '', '- **Duration:** 14:00 – 16:00 UTC', '', '## Timeline', '', '- 14:00 – Deploy.', '');
    assert.equal(
      applied(withZone, service.timelineEntry(analyze(withZone), { line: 9, character: 0 }, { millis: now, timeZone: 'Asia/Tokyo' })).split('\n')[9],
      '- 15:07 – ',
    );
    const without = timeline('- 14:00 – Deploy.', '');
    assert.equal(
      applied(without, service.timelineEntry(analyze(without), { line: 5, character: 0 }, { millis: now, timeZone: 'Asia/Tokyo' })).split('\n')[5],
      '- 00:07 – ',
    );
  });

  it('puts the current time after the last entry, nested lines included, so the timeline stays in order', () => {
    const text = timeline('- 10:15 UTC – Alert fired.', '- 10:30 UTC – Rolled back.', '  - by the on-call');
    const insertion = service.timelineEntry(analyze(text), { line: 4, character: 3 }, { millis: now });
    assert.deepEqual(insertion.range.start, { line: 6, character: 18 });
    assert.deepEqual(applied(text, insertion).split('\n').slice(4, 8), [
      '- 10:15 UTC – Alert fired.',
      '- 10:30 UTC – Rolled back.',
      '  - by the on-call',
      '- 15:07 UTC – ',
    ]);
  });

  it('writes a generic entry in the editor’s zone when there is no entry to follow', () => {
    const text = md('# Postmortem', '', '## Timeline', '', '');
    const insertion = service.timelineEntry(analyze(text), { line: 4, character: 0 }, { millis: now, timeZone: 'Africa/Lagos' });
    assert.equal(insertion.snippet, '- **${1:16:07} Africa/Lagos** – $0');
  });
});
