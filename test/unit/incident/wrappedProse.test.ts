import { strict as assert } from 'node:assert';
import { analyze, md } from '../helpers';

// Hard-wrapped prose: a reader reads the paragraph, not the line. A range, a date, a clock and its
// meridiem or zone, a stated duration or an end phrase split by a line break read as on one line, and
// every range the reading reports points at the text on the line where it is written.

const postmortem = (...summary: string[]) =>
  md('# Postmortem: a wrapped summary', '', '## Issue Summary', '', ...summary, '', '## Timeline', '', '- 10:00 UTC - Alert fired.', '');

const cases: { name: string; lines: string[]; start: string; end: string; stated?: number }[] = [
  {
    name: 'a range split after "to"',
    lines: ['On 11 March 2025, from 07:05 to', '07:45 UTC, the login page refused every mobile user.'],
    start: '2025-03-11T07:05:00Z',
    end: '2025-03-11T07:45:00Z',
  },
  {
    name: 'a date split between its day and its month',
    lines: ['Between 08:20 and 09:35 UTC on 17', 'September 2024 the thumbnail service returned errors.'],
    start: '2024-09-17T08:20:00Z',
    end: '2024-09-17T09:35:00Z',
  },
  {
    name: 'a clock split from its meridiem and zone',
    lines: ['On 2 May 2024 from 6:15 PM to 7:00', 'PM (UTC), the search box returned nothing.'],
    start: '2024-05-02T18:15:00Z',
    end: '2024-05-02T19:00:00Z',
  },
  {
    name: 'a stated duration split between its number and its unit',
    lines: ['Thumbnails failed on 3 May 2024 from 10:00 to 13:05 UTC. The outage lasted 185', 'minutes.'],
    start: '2024-05-03T10:00:00Z',
    end: '2024-05-03T13:05:00Z',
    stated: 185,
  },
  {
    name: 'a stated duration split inside its words',
    lines: ['The disruption lasted roughly an hour', 'and a half: from 9:15 AM to 10:45 AM (UTC) on 2 May 2024 orders failed.'],
    start: '2024-05-02T09:15:00Z',
    end: '2024-05-02T10:45:00Z',
    stated: 90,
  },
  {
    name: 'an end phrase split from its time',
    lines: ['Commencing at 06:15 UTC on 12 June 2024 and finishing at', '07:05 UTC, every invoice failed to send.'],
    start: '2024-06-12T06:15:00Z',
    end: '2024-06-12T07:05:00Z',
  },
];

describe('hard-wrapped prose in the summary', () => {
  for (const c of cases) {
    it(`reads ${c.name} as on one line, with ranges on the lines where the times are written`, () => {
      const wrapped = analyze(postmortem(...c.lines));
      const joined = analyze(postmortem(c.lines.join(' ')));
      for (const a of [wrapped, joined]) {
        assert.equal(a.incident.start?.iso, c.start);
        assert.equal(a.incident.end?.iso, c.end);
        assert.equal(a.incident.statedDuration?.minutes ?? null, c.stated ?? null);
      }
      const { lines } = wrapped.document;
      for (const t of [wrapped.incident.start, wrapped.incident.end]) {
        assert.ok(t, 'both ends are read');
        const { start, end } = t.range;
        assert.equal(start.line, end.line, `${t.text} lies on one line`);
        assert.ok(
          lines[start.line].slice(start.character, end.character).includes(t.text.split(' ')[0]),
          `${t.text} is on line ${start.line + 1}: ${lines[start.line]}`,
        );
      }
      const stated = wrapped.incident.statedDuration;
      if (c.stated !== undefined) {
        assert.ok(stated);
        const { start, end } = stated.range;
        const written = start.line === end.line ? lines[start.line].slice(start.character, end.character) : lines[start.line].slice(start.character);
        assert.ok(stated.text.startsWith(written.trim().split(' ')[0]), `the stated duration's range starts at "${stated.text}": ${written}`);
      }
    });
  }

  it('keeps a list item, a field and a timeline entry on their own lines', () => {
    const a = analyze(
      md(
        '# Postmortem: lines that stand alone',
        '',
        '## Issue Summary',
        '',
        '**Start:** 4 May 2024, 07:00 PM (UTC)',
        '**End:** 4 May 2024, 08:30 PM (UTC)',
        'Checkout failed for every user',
        '- while the cache was cold, until 09:15 PM (UTC)',
        '',
        '## Timeline',
        '',
        '- 07:00 PM UTC - Deploy.',
        '',
      ),
    );
    assert.equal(a.incident.start?.iso, '2024-05-04T19:00:00Z');
    assert.equal(a.incident.end?.iso, '2024-05-04T20:30:00Z');
    assert.equal(a.incident.durationMinutes, 90);
  });
});

describe('hard-wrapped field values', () => {
  const withDuration = (...value: string[]) =>
    md('# Postmortem: the login outage', '', '**Issue Summary**', '', '**Duration**', ...value, '', '**Timeline**', '', '- 08:00 WAT: logins fail', '');

  it('reads a Duration value wrapped inside its date as on one line, with the date it gives', () => {
    for (const a of [
      analyze(withDuration('2 hours, from 08:00 to 10:00 WAT on 4', 'June 2024.')),
      analyze(withDuration('2 hours, from 08:00 to 10:00 WAT on 4 June 2024.')),
    ]) {
      assert.equal(a.incident.start?.iso, '2024-06-04T07:00:00Z');
      assert.equal(a.incident.end?.iso, '2024-06-04T09:00:00Z');
      assert.equal(a.incident.statedDuration?.minutes, 120);
    }
  });

  it('keeps the lines of a value that end their sentence apart', () => {
    const a = analyze(withDuration('2 hours, from 08:00 to 10:00 WAT.', '4 June was a Tuesday.'));
    assert.equal(a.incident.durationMinutes, 120);
    assert.equal(a.incident.start?.iso ?? null, null, 'no date is joined to the range across a sentence end');
  });
});
