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

  it('leaves the date and zone to the editor when none are given', () => {
    const { snippet, text } = service.newPostmortem(builtinTemplates[0]);
    assert.match(snippet, /Date: \$\{CURRENT_YEAR\}-\$\{CURRENT_MONTH\}-\$\{CURRENT_DATE\}\. All times are in UTC\$\{CURRENT_TIMEZONE_OFFSET\}\./);
    assert.match(text, /Date: YYYY-MM-DD\. All times are in \(time zone\)\./);
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
    const text = timeline('- 2024-01-18 23:50 UTC: Deploy.', '- ');
    const insertion = service.timelineEntry(analyze(text), { line: 5, character: 2 }, { millis: now, timeZone: 'Europe/Berlin' });
    assert.equal(applied(text, insertion).split('\n')[5], '- 2024-01-19 15:07 UTC: ');
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

  it('goes on a new line after the entry the cursor is in, nested lines included', () => {
    const text = timeline('- 10:15 UTC – Alert fired.', '  - by the 5xx alert', '- 10:30 UTC – Rolled back.');
    const insertion = service.timelineEntry(analyze(text), { line: 4, character: 3 }, { millis: now });
    assert.deepEqual(insertion.range.start, { line: 5, character: 20 });
    assert.deepEqual(applied(text, insertion).split('\n').slice(4, 8), [
      '- 10:15 UTC – Alert fired.',
      '  - by the 5xx alert',
      '- 15:07 UTC – ',
      '- 10:30 UTC – Rolled back.',
    ]);
  });

  it('writes a generic entry in the editor’s zone when there is no entry to follow', () => {
    const text = md('# Postmortem', '', '## Timeline', '', '');
    const insertion = service.timelineEntry(analyze(text), { line: 4, character: 0 }, { millis: now, timeZone: 'Africa/Lagos' });
    assert.equal(insertion.snippet, '- **16:07 ${2:Africa/Lagos}** – $0');
  });
});
