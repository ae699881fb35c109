import { strict as assert } from 'node:assert';
import { analyze, md } from './helpers';
import { findDates } from '../../server/src/service/time';

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

describe('day headings inside a timeline', () => {
  it('gives the entries under "## May 14" that day, written day first or not', () => {
    const text = md(
      '# Incident report May 13 2025 - workshop capacity',
      '',
      '## Summary',
      '',
      'Workshop users could not start servers on 13 May 2025.',
      '',
      '## Timeline',
      '',
      '_All times in UTC_',
      '',
      '## May 13',
      '',
      '### 20:15',
      '',
      'Users report that servers do not start.',
      '',
      '### 23:40',
      '',
      'Node pool limit raised; servers start again.',
      '',
      '## May 14',
      '',
      '### 09:10',
      '',
      'Limit set back after the workshop.',
      '',
    );
    const a = analyze(text);
    const last = a.document.timeline[a.document.timeline.length - 1];
    assert.equal(last.time, '2025-05-14T09:10:00Z');
    assert.deepEqual(
      a.diagnostics.filter((d) => d.code === 'timeline-order'),
      [],
    );
  });

  it('reads "June 14" as the 14th of June in a document that writes its dates day first', () => {
    const dates = findDates('On June 14 the API failed.', { dateOrder: 'dmy', referenceDate: { year: 2024, month: 6, day: 3 } });
    assert.deepEqual(
      dates.map((d) => d.date),
      [{ year: 2024, month: 6, day: 14 }],
    );
  });
});
