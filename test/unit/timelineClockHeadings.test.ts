import { strict as assert } from 'node:assert';
import { analyze, md } from './helpers';

// A timeline of `### 12:28` entries where some entries (or the day of the next ones) are written a
// rank too high (`## 13:20`, `## May 12`): the timeline goes on. Any other heading at its rank ends it.

const timeline = (...middle: string[]) =>
  md(
    '# Incident 2024-05-12: API server down',
    '',
    '## Summary',
    '',
    'The API server was unavailable on 12 May 2024.',
    '',
    '## Timeline',
    '',
    '### 11:20 UTC',
    '',
    'The API server became unavailable.',
    '',
    ...middle,
    '',
    '### 14:50 UTC',
    '',
    'The API server is back up and serving requests.',
    '',
    '## Action items',
    '',
    '- [ ] Alert on API server health.',
    '',
  );

describe('clock and date headings inside a timeline', () => {
  for (const heading of ['## 13:20', '## 13:20 UTC', '## May 12', '## 12 May 2024, 13:20', '## 1:20 PM', '## 13:20 - 13:34']) {
    it(`keeps the timeline going over "${heading}"`, () => {
      const a = analyze(timeline(heading, '', 'Rolled back the upgrade.'));
      const t = a.document.sections.find((s) => s.id === 'timeline');
      assert.ok(t);
      assert.ok(
        t.range.end.line >= a.document.lines.indexOf('The API server is back up and serving requests.'),
        `timeline ends on line ${t.range.end.line + 1}`,
      );
      assert.equal(a.incident.durationMinutes, 210);
    });
  }

  for (const heading of ['## Links', '## Root cause', '## Notes 2']) {
    it(`ends the timeline at "${heading}"`, () => {
      const a = analyze(timeline(heading, '', 'Something else.'));
      const t = a.document.sections.find((s) => s.id === 'timeline');
      assert.ok(t);
      assert.ok(t.range.end.line < a.document.lines.indexOf(heading), `timeline ends on line ${t.range.end.line + 1}`);
    });
  }
});
