import { strict as assert } from 'node:assert';
import type { Analysis } from '../../../server/src/service';
import { analyze, md } from './support';

// Timeline entry times: what an entry without a date or zone takes from the incident, the
// section, a day line or the entry before it.

const times = (analysis: Analysis) => analysis.document.timeline.map((e) => e.time ?? null);

describe('incident: timeline entry times', () => {
  it("gives entries without a date or zone the incident's date and zone", () => {
    const text = md(
      '# Postmortem – 2024-03-08',
      '',
      '## Summary',
      '- **Duration:** 14:00 - 15:30 EAT',
      '',
      '## Timeline',
      '- 13:55 - canary deploy',
      '- **14:00** – error rate climbs',
      '- 15:30: recovered',
    );
    assert.deepEqual(times(analyze(text)), ['2024-03-08T10:55:00Z', '2024-03-08T11:00:00Z', '2024-03-08T12:30:00Z']);
  });

  it('prefers the zone declared for the timeline section over the incident zone', () => {
    const text = md(
      '## Summary',
      '- Start: 2024-03-08 22:00 UTC',
      '- End: 2024-03-08 23:00 UTC',
      '',
      '## Timeline (all times in Pacific Time)',
      '- 14:00 alert fires',
      '- 15:00 rollback',
    );
    assert.deepEqual(times(analyze(text)), ['2024-03-08T22:00:00Z', '2024-03-08T23:00:00Z']);
  });

  it('reads a zone declared once above a table of times', () => {
    const text = md(
      '## Summary',
      '- Start: 2024-02-01 10:00 CET',
      '',
      '## Timeline',
      '',
      'All times in UTC.',
      '',
      '| Time | Event |',
      '| --- | --- |',
      '| 09:00 | alert |',
      '| 09:20 | fix |',
    );
    assert.deepEqual(times(analyze(text)), ['2024-02-01T09:00:00Z', '2024-02-01T09:20:00Z']);
  });

  it("keeps a table row's own day over the lead-up guess (no year written anywhere)", () => {
    const text = md(
      '## Summary',
      'From 23:30 to 01:15 WAT the job queue stalled.',
      '',
      '## Timeline',
      '| Day | Time | Event |',
      '|-----|------|-------|',
      '| Thu 9 May | 23:30 | Uploads start failing |',
      '| Fri 10 May | 01:15 | Uploads resolved |',
    );
    const notes = analyze(text).document.timeline.map((e) => (e.timeNotes ?? []).filter((n) => n.startsWith('date')));
    assert.deepEqual(notes, [['date 05-09 taken from the date column'], ['date 05-10 taken from the date column']]);
  });

  it('gives the ends of a range crossing midnight the first and last day of "on 9-10 May 2024"', () => {
    const text = md(
      '## Summary',
      'From 23:30 to 01:15 WAT on 9-10 May 2024, the job queue stalled.',
      '',
      '## Timeline',
      '- 23:30 uploads start failing',
      '- 01:15 resolved',
    );
    const { incident } = analyze(text);
    assert.equal(incident.start?.iso, '2024-05-09T22:30:00Z');
    assert.equal(incident.end?.iso, '2024-05-10T00:15:00Z');
    assert.deepEqual(times(analyze(text)), ['2024-05-09T22:30:00Z', '2024-05-10T00:15:00Z']);
  });

  it('keeps the date and zone an entry writes itself', () => {
    const text = md('## Timeline', '- 2024-05-01 08:00 UTC-4 - first page', '- 2024-05-02T01:00:00Z - all clear');
    assert.deepEqual(times(analyze(text)), ['2024-05-01T12:00:00Z', '2024-05-02T01:00:00Z']);
  });

  it('takes the day of a list-item day line above the entries', () => {
    const text = md(
      '## Summary',
      '- **Duration**: Friday, June 14th, 2024, 11:00 pm (UTC) - Saturday, June 15th, 2024, 2:00 am (UTC)',
      '',
      '## Timeline',
      '- Friday, June 14th:',
      '  - 11:00 pm: queue grows',
      '- Saturday, June 15th:',
      '  - 1:00 am: workers restarted',
      '  - 2:00 am: drained',
    );
    assert.deepEqual(times(analyze(text)), ['2024-06-14T23:00:00Z', '2024-06-15T01:00:00Z', '2024-06-15T02:00:00Z']);
  });

  it('takes the day of a bold day line with a date', () => {
    const text = md('## Timeline', '**Day 1 — 2024-01-19**', '- 22:00 UTC a deploy', '', '**Day 2 — 2024-01-20**', '- 01:00 UTC rollback');
    assert.deepEqual(times(analyze(text)), ['2024-01-19T22:00:00Z', '2024-01-20T01:00:00Z']);
  });

  it('counts a numbered day line from the incident date', () => {
    const text = md(
      '## Summary',
      '- Start: 2024-01-19 22:00 UTC',
      '- End: 2024-01-20 02:00 UTC',
      '',
      '## Timeline',
      '### Day 1',
      '- 22:00 alert',
      '### Day 2',
      '- 02:00 fixed',
    );
    assert.deepEqual(times(analyze(text)), ['2024-01-19T22:00:00Z', '2024-01-20T02:00:00Z']);
  });

  it('rolls entries after midnight to the next day when the incident crosses midnight', () => {
    const text = md(
      '## Summary',
      '- Start: 2024-04-20 23:10 UTC',
      '- End: 2024-04-21 01:30 UTC',
      '',
      '## Timeline',
      '- 23:10 disk full',
      '- 23:55 cleanup',
      '- 00:40 restart',
      '- 01:30 green',
    );
    const analysis = analyze(text);
    assert.deepEqual(times(analysis), ['2024-04-20T23:10:00Z', '2024-04-20T23:55:00Z', '2024-04-21T00:40:00Z', '2024-04-21T01:30:00Z']);
    assert.deepEqual(
      analysis.diagnostics.filter((d) => d.code === 'timeline-order'),
      [],
    );
  });

  it('does not roll an earlier entry to the next day when the incident stays within one day', () => {
    const text = md(
      '# Postmortem – 2024-04-20',
      '',
      '## Summary',
      '- Duration: 10:00 - 12:00 UTC',
      '',
      '## Timeline',
      '- 10:00 alert',
      '- 07:30 escalation',
      '- 12:00 fixed',
    );
    assert.deepEqual(times(analyze(text)), ['2024-04-20T10:00:00Z', '2024-04-20T07:30:00Z', '2024-04-20T12:00:00Z']);
  });

  it('places a lead-up entry before midnight on the day before an incident that starts after it', () => {
    const text = md('## Summary', '- Start: 2024-04-21 00:20 UTC', '- End: 2024-04-21 01:00 UTC', '', '## Timeline', '- 23:50 config pushed', '- 00:20 errors');
    assert.deepEqual(times(analyze(text)), ['2024-04-20T23:50:00Z', '2024-04-21T00:20:00Z']);
  });

  it('reads a time after noon on a 12-hour clock without am or pm as the afternoon', () => {
    const text = md(
      '# Postmortem – 2024-05-06',
      '',
      '## Summary',
      'The site was down from 11:00 to 1:30 UTC.',
      '',
      '## Timeline',
      '- 11:00 alert',
      '- 12:30 fix',
      '- 1:30 resolved',
    );
    assert.deepEqual(times(analyze(text)), ['2024-05-06T11:00:00Z', '2024-05-06T12:30:00Z', '2024-05-06T13:30:00Z']);
  });

  it('moves an entry marked as the next day to the next day', () => {
    const text = md(
      '# Postmortem – 2024-05-06',
      '',
      '## Summary',
      'Down from 10:00 to 11:00 UTC.',
      '',
      '## Timeline',
      '- 10:00 alert',
      '- 09:00 (next day) review',
    );
    assert.deepEqual(times(analyze(text)), ['2024-05-06T10:00:00Z', '2024-05-07T09:00:00Z']);
  });

  it('gives null to an entry whose time cannot be read, and a date alone to a date-only entry', () => {
    const text = md(
      '## Timeline',
      '',
      'All times in UTC.',
      '',
      '| Time | Event |',
      '| --- | --- |',
      '| 2024-03-13 10:01 | node down |',
      '| 2024-03-13 14:?? | scaled down |',
      '| 2024-03-14 | closed |',
    );
    assert.deepEqual(times(analyze(text)), ['2024-03-13T10:01:00Z', null, '2024-03-14']);
  });

  it('leaves times null when no date is known anywhere, but still compares them', () => {
    const text = md('## Timeline', '- 10:00 UTC alert', '- 09:00 UTC earlier thing');
    const analysis = analyze(text);
    assert.deepEqual(times(analysis), [null, null]);
    assert.ok((analysis.document.timeline[1].at ?? 0) < (analysis.document.timeline[0].at ?? 0));
  });

  it('says what each entry time took from elsewhere', () => {
    const text = md('# Postmortem – 2024-03-08', '', '## Summary', '- Duration: 14:00 - 15:30 EAT', '', '## Timeline', '- 14:05 alert');
    const notes = analyze(text).document.timeline[0].timeNotes ?? [];
    assert.ok(
      notes.some((n) => /zone EAT taken from the incident/.test(n)),
      notes.join('; '),
    );
    assert.ok(
      notes.some((n) => /date 2024-03-08 taken from the incident/.test(n)),
      notes.join('; '),
    );
  });
});

describe('incident: timeline items whose time stands inside their text', () => {
  const doc = (...entries: string[]) =>
    md(
      '# Postmortem – 2024-03-05',
      '',
      '## Summary',
      '- **Duration:** 14:00 - 15:30 UTC',
      '',
      '## Timeline',
      '',
      ...entries,
      '',
      '## Root cause',
      '',
      'An expired certificate.',
    );
  const read = (text: string) => analyze(text).document.timeline.map((e) => ({ time: e.time ?? null, timeText: e.timeText, text: e.text }));

  it('reads a status-page list, "Label (time): text", as entries timed by their first time', () => {
    assert.deepEqual(read(doc('- **Investigating** (14:05 UTC): failed logins.', '- Identified (14:40 UTC): cause found.', '- Resolved — 15:30 UTC — done.')), [
      { time: '2024-03-05T14:05:00Z', timeText: '14:05 UTC', text: 'Investigating: failed logins.' },
      { time: '2024-03-05T14:40:00Z', timeText: '14:40 UTC', text: 'Identified: cause found.' },
      { time: '2024-03-05T15:30:00Z', timeText: '15:30 UTC', text: 'Resolved: done.' },
    ]);
  });

  it('reads items that end with their time, and a date written with the time', () => {
    assert.deepEqual(read(doc('- Alert fired at 14:05 UTC.', '- Cause found on March 5, 2024 at 2:40 PM UTC', '- 15:30 UTC: fix deployed')), [
      { time: '2024-03-05T14:05:00Z', timeText: '14:05 UTC', text: 'Alert fired' },
      { time: '2024-03-05T14:40:00Z', timeText: 'March 5, 2024 at 2:40 PM UTC', text: 'Cause found' },
      { time: '2024-03-05T15:30:00Z', timeText: '15:30 UTC', text: 'fix deployed' },
    ]);
  });

  it('leaves a list whose items mostly state no time, and a single item with one', () => {
    assert.deepEqual(read(doc('- We looked at the logs.', '- Someone restarted it at 14:40.', '- It worked.')), []);
    assert.deepEqual(read(doc('- Alert fired at 14:05 UTC.', '- We looked at the logs.', '- We restarted it.', '- It worked.')), []);
    // Nested items are not counted: the list's own items decide.
    assert.deepEqual(
      read(doc('- Alert fired at 14:05 UTC.', '  - paged at 14:06', '- Fix deployed at 15:30 UTC.')).map((e) => e.timeText),
      ['14:05 UTC', '15:30 UTC'],
    );
  });

  it('reads numeric dates written with en dashes, and reads them in the order the window was read', () => {
    // Day first, 01–11–2021 to 01–12–2021 would be a month: the window reads them month first, and so does the timeline.
    const text = md(
      '# Postmortem',
      '',
      '## Impact',
      '',
      'Down from midnight 01–11–2021 to 4:00 PM 01–12–2021.',
      '',
      '## Timeline',
      '',
      '* 01–11–2021, 12:00 AM: release',
      '* 01–12–2021, 1:00 PM: first check',
    );
    assert.deepEqual(times(analyze(text)), ['2021-01-11T00:00:00', '2021-01-12T13:00:00']);
  });
});

describe('rules: timeline-outside-window with a window read without a zone', () => {
  const outside = (...entries: string[]) =>
    analyze(md('# Postmortem – 2024-03-05', '', '## Summary', '- **Duration:** 14:00 - 15:30', '', '## Timeline', ...entries))
      .diagnostics.filter((d) => d.code === 'timeline-outside-window')
      .map((d) => d.range.start.line);

  it('compares entries without a zone with it, but not entries read in a zone', () => {
    assert.deepEqual(outside('- 14:00: errors', '- 15:30: fixed', '- 17:00: still errors'), [8]);
    assert.deepEqual(outside('- 14:00 PDT: errors', '- 15:30 PDT: fixed', '- 17:00 PDT: still errors'), []);
  });
});

describe('incident: timelines in other layouts', () => {
  it('reads entries that begin with a clock written 14h05', () => {
    const text = md(
      '# Postmortem',
      '',
      '**Start:** 05.03.2024 14:00 CET',
      '**End:** 05.03.2024 15:45 CET',
      '',
      '## Timeline',
      '',
      '- 14h00 first failed payments',
      '- 15h45 recovered',
    );
    assert.deepEqual(times(analyze(text)), ['2024-03-05T13:00:00Z', '2024-03-05T14:45:00Z']);
  });

  it('takes the zone a day line of the timeline declares ("2015-10-21 (all times UTC)")', () => {
    const text = md(
      '# Postmortem',
      '',
      '## Timeline',
      '',
      '2015-10-21 (all times UTC)',
      '',
      '- 14:54 OUTAGE BEGINS — backends melt down',
      '- 16:00 OUTAGE MITIGATED, flash crowd subsides',
      '- 17:01 INCIDENT ENDS, exit criterion reached',
    );
    const analysis = analyze(text);
    assert.deepEqual(times(analysis).slice(-3), ['2015-10-21T14:54:00Z', '2015-10-21T16:00:00Z', '2015-10-21T17:01:00Z']);
    assert.equal(analysis.incident.timezone, 'UTC');
    assert.equal(analysis.incident.durationMinutes, 66);
    // "INCIDENT ENDS" after the impact ended is the incident's close, not a later impact.
    assert.deepEqual(
      analysis.diagnostics.filter((d) => d.code === 'timeline-outside-window' || d.code === 'missing-timezone'),
      [],
    );
  });
});
