import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../../server/src/service';
import { analyze, md } from '../incident/support';

// Both sides of every boundary of the time rules: the value where a rule starts to report and
// the value just before it. A rule whose boundary moves by a minute fails here.

const withCode = (text: string, code: string): Diagnostic[] => analyze(text).diagnostics.filter((d) => d.code === code);
const lines = (found: Diagnostic[]) => found.map((d) => d.range.start.line + 1);

describe('rules: timeline-order at the boundary', () => {
  const timeline = (...entries: string[]) => md('## Summary', '- Duration: 2024-01-15 from 09:00 to 11:30 WAT', '', '## Timeline', ...entries);

  it('keeps entries at the same minute in order', () => {
    assert.deepEqual(
      withCode(timeline('- 09:00 WAT: alert', '- 10:30 WAT: escalation', '- 10:30 WAT: rollback', '- 11:30 WAT: recovered'), 'timeline-order'),
      [],
    );
  });

  it('reports an entry one minute earlier than the one before it, with the line it follows and the sort fix', () => {
    const [d, ...rest] = withCode(
      timeline('- 09:00 WAT: alert', '- 10:30 WAT: escalation', '- 10:29 WAT: rollback', '- 11:30 WAT: recovered'),
      'timeline-order',
    );
    assert.deepEqual(rest, []);
    assert.equal(d.range.start.line, 6);
    assert.deepEqual(d.data, { previousLine: 5 });
    assert.equal(d.message, '"10:29 WAT" is earlier than "10:30 WAT", the entry before it on line 6: sort the timeline, or check the time and its day.');
    assert.deepEqual(
      d.fixes.map((f) => [f.kind, f.title]),
      [['sort-timeline', 'Sort timeline chronologically']],
    );
  });
});

describe('rules: timeline-order on a timeline written newest first', () => {
  const timeline = (...entries: string[]) => md('## Summary', '- Duration: 2024-01-15 from 09:00 to 11:30 WAT', '', '## Timeline', ...entries);

  it('reports a timeline that runs newest first once, at its first entry, with the sort fix', () => {
    const [d, ...rest] = withCode(
      timeline('- 11:30 WAT: resolved', '- 10:30 WAT: fix deployed', '- 10:30 WAT: monitoring', '- 09:00 WAT: investigating'),
      'timeline-order',
    );
    assert.deepEqual(rest, []);
    assert.equal(d.range.start.line, 4);
    assert.deepEqual(d.data, { newestFirst: true, oldestLine: 7 });
    assert.equal(
      d.message,
      'The timeline runs newest first, from "11:30 WAT" back to "09:00 WAT" on line 8, as a status page lists its updates: a postmortem tells it oldest first. Sort the timeline.',
    );
    assert.deepEqual(
      d.fixes.map((f) => [f.kind, f.title]),
      [['sort-timeline', 'Sort timeline chronologically']],
    );
  });

  it('reads three entries going back as newest first, and skips an entry whose time cannot be read', () => {
    const three = withCode(timeline('- 11:30 WAT: resolved', '- 10:30 WAT: fix deployed', '- 09:00 WAT: investigating'), 'timeline-order');
    assert.deepEqual(
      three.map((d) => d.data),
      [{ newestFirst: true, oldestLine: 6 }],
    );
    const unreadable = withCode(
      timeline('- 11:30 WAT: resolved', '- 25:61 WAT: garbled', '- 10:30 WAT: fix deployed', '- 09:00 WAT: investigating'),
      'timeline-order',
    );
    assert.deepEqual(
      unreadable.map((d) => d.data),
      [{ newestFirst: true, oldestLine: 7 }],
    );
  });

  it('reports each step back when the timeline also goes forward, or goes back only once', () => {
    const forward = withCode(timeline('- 11:30 WAT: resolved', '- 10:30 WAT: fix', '- 10:45 WAT: check', '- 09:00 WAT: alert'), 'timeline-order');
    assert.deepEqual(
      forward.map((d) => d.data),
      [{ previousLine: 4 }, { previousLine: 6 }],
    );
    const once = withCode(timeline('- 11:30 WAT: resolved', '- 11:30 WAT: noted', '- 09:00 WAT: alert'), 'timeline-order');
    assert.deepEqual(
      once.map((d) => d.data),
      [{ previousLine: 5 }],
    );
    const two = withCode(timeline('- 11:30 WAT: resolved', '- 09:00 WAT: alert'), 'timeline-order');
    assert.deepEqual(
      two.map((d) => d.data),
      [{ previousLine: 4 }],
    );
  });
});

describe('rules: timeline-outside-window at the boundaries', () => {
  // The incident runs 10:00 to 12:00 UTC; a lead-up of 2 hours (from 08:00) is normal.
  const doc = (...entries: string[]) =>
    md('# Postmortem – 2024-06-01', '', '## Summary', '- Duration: 10:00 - 12:00 UTC (2 hours)', '', '## Timeline', ...entries);
  const outside = (...entries: string[]) => withCode(doc(...entries), 'timeline-outside-window');

  it('accepts an entry exactly 2 hours before the start', () => {
    assert.deepEqual(outside('- 08:00 deploy', '- 10:00 alert', '- 12:00 fixed'), []);
  });

  it('reports an entry 2 hours and 1 minute before the start, and says so', () => {
    const found = outside('- 07:59 deploy', '- 10:00 alert', '- 12:00 fixed');
    assert.deepEqual(lines(found), [7]);
    assert.deepEqual(found[0].data, { before: 'start' });
    assert.equal(found[0].message, '"07:59" is more than 2 hours before the incident started (10:00, the Duration field): check its day, or the start time.');
    assert.deepEqual(found[0].fixes, []);
  });

  it('accepts an entry at the minute the incident ended', () => {
    assert.deepEqual(outside('- 10:00 alert', '- 12:00 fixed'), []);
  });

  it('reports an entry one minute after the end, and says so', () => {
    // (Not a follow-up such as "all clear" or "review scheduled": those are normal after the end.)
    const found = outside('- 10:00 alert', '- 12:00 fixed', '- 12:01 cache warmed');
    assert.deepEqual(lines(found), [9]);
    assert.deepEqual(found[0].data, { after: 'end' });
    assert.equal(found[0].message, '"12:01" is after the incident ended (12:00 UTC, the Duration field): if the impact lasted longer, correct the end time.');
  });

  it('reports each of two entries at the same minute after the end: the same minute is not out of order', () => {
    assert.deepEqual(lines(outside('- 10:00 alert', '- 12:00 fixed', '- 13:15 call', '- 13:15 notes')), [9, 10]);
  });

  it('reports each of two entries at the same minute long before the start', () => {
    assert.deepEqual(lines(outside('- 07:00 deploy', '- 07:00 deploy again', '- 10:00 alert', '- 12:00 fixed')), [7, 8]);
  });
});

describe('rules: duration-mismatch at the tolerance', () => {
  // 10:00 to 12:00 is 120 minutes. A duration stated exactly may be off by 1 minute.
  const stated = (range: string, duration: string) => withCode(md('## Summary', `- Duration: ${range} UTC (${duration})`), 'duration-mismatch');

  it('accepts an exact duration 1 minute off', () => {
    assert.deepEqual(stated('10:00 - 12:00', '2 hours 1 minute'), []);
    assert.deepEqual(stated('10:00 - 12:00', '1 hour 59 minutes'), []);
  });

  it('reports an exact duration 2 minutes off, with both durations', () => {
    const found = stated('10:00 - 12:00', '2 hours 2 minutes');
    assert.deepEqual(lines(found), [2]);
    assert.deepEqual(found[0].data, { statedMinutes: 122, durationMinutes: 120 });
    assert.equal(found[0].message, 'The duration states 2 hours 2 minutes, but 10:00–12:00 UTC is 2 hours.');
    assert.deepEqual(
      found[0].fixes.map((f) => f.kind),
      ['write-duration'],
    );
  });

  it('reports an exact duration 6 minutes off where "about" would be accepted', () => {
    assert.deepEqual(lines(stated('10:00 - 10:30', '24 minutes')), [2]);
    assert.deepEqual(stated('10:00 - 10:30', 'about 24 minutes').length, 1);
  });

  it('accepts an approximate duration off by 10% of the real one, and reports one off by a minute more', () => {
    // 10:00 to 13:20 is 200 minutes: "about 3 hours 40 minutes" may be 20 minutes off.
    assert.deepEqual(stated('10:00 - 13:20', 'about 3 hours 40 minutes'), []);
    assert.deepEqual(stated('10:00 - 13:20', 'about 3 hours 1 minute'), []);
    // 21 minutes off is more than 10%.
    const found = stated('10:00 - 13:20', 'about 3 hours 41 minutes');
    assert.deepEqual(found[0]?.data, { statedMinutes: 221, durationMinutes: 200 });
    assert.deepEqual(lines(stated('10:00 - 13:20', 'about 2 hours 59 minutes')), [2]);
  });

  it('accepts a duration in whole hours within the hour it rounds to (29 minutes either way), and reports 30 off', () => {
    // "19 hours" for 19h19m: a length written to the hour.
    assert.deepEqual(stated('10:00 - 12:29', '2 hours'), []);
    assert.deepEqual(stated('10:00 - 11:31', '2 hours'), []);
    assert.deepEqual(lines(stated('10:00 - 12:30', '2 hours')), [2]);
    assert.deepEqual(lines(stated('10:00 - 11:30', '2 hours')), [2]);
    // "about 3 hours" for 3h21m: within the hour, though more than 10% off.
    assert.deepEqual(stated('10:00 - 13:21', 'about 3 hours'), []);
    assert.deepEqual(stated('10:00 - 13:29', '~3h'), []);
  });

  it('rounds "1.5 hours" to the half hour and minutes to the minute', () => {
    assert.deepEqual(stated('10:00 - 11:44', '1.5 hours'), []);
    assert.deepEqual(lines(stated('10:00 - 11:45', '1.5 hours')), [2]);
    assert.deepEqual(lines(stated('10:00 - 12:02', '120 minutes')), [2]);
  });

  it('gives a short approximate duration at least 5 minutes either way', () => {
    // 10% of 30 minutes is 3; the tolerance is 5.
    assert.deepEqual(stated('10:00 - 10:30', 'about 25 minutes'), []);
    assert.deepEqual(stated('10:00 - 10:30', 'about 35 minutes'), []);
    assert.deepEqual(lines(stated('10:00 - 10:30', 'about 24 minutes')), [2]);
    assert.deepEqual(lines(stated('10:00 - 10:30', 'about 36 minutes')), [2]);
  });
});

describe('rules: end-before-start at the boundary', () => {
  const window = (start: string, end: string) => md('## Summary', `- Start: 2024-02-01 ${start} UTC`, `- End: 2024-02-01 ${end} UTC`);

  it('accepts an end at the same minute as the start', () => {
    assert.deepEqual(withCode(window('10:00', '10:00'), 'end-before-start'), []);
  });

  it('reports an end one minute before the start, on the end, with both instants', () => {
    const found = withCode(window('10:00', '09:59'), 'end-before-start');
    assert.deepEqual(lines(found), [3]);
    assert.deepEqual(found[0].data, { start: '2024-02-01T10:00:00Z', end: '2024-02-01T09:59:00Z' });
    assert.match(
      found[0].message,
      /^The incident ends before it starts \(.+\): check the date, the clock or the am\/pm of "2024-02-01 09:59 UTC" and "2024-02-01 10:00 UTC"\.$/,
    );
  });
});

describe('rules: missing-duration and missing-timezone say which time', () => {
  it('reports the start and the end without a zone each on its own line, named', () => {
    const found = withCode(md('## Summary', '- Start: 2024-02-01 10:00', '- End: 2024-02-01 12:00'), 'missing-timezone');
    assert.deepEqual(
      found.map((d) => [d.range.start.line + 1, d.data?.which]),
      [
        [2, 'start'],
        [3, 'end'],
      ],
    );
    assert.match(found[0].message, /^The start time "2024-02-01 10:00" has no time zone/);
    assert.match(found[1].message, /^The end time "2024-02-01 12:00" has no time zone/);
  });

  it('reports one missing zone for a range on one line', () => {
    const found = withCode(md('## Summary', '- Duration: 10:00 - 12:00'), 'missing-timezone');
    assert.deepEqual(
      found.map((d) => [d.range.start.line + 1, d.data?.which]),
      [[2, 'start']],
    );
  });

  it('reports a missing duration with the minutes it would state', () => {
    const found = withCode(md('## Summary', '- Start: 2024-02-01 10:00 UTC', '- End: 2024-02-01 12:00 UTC'), 'missing-duration');
    assert.deepEqual(
      found.map((d) => [d.range.start.line + 1, d.data]),
      [[3, { durationMinutes: 120 }]],
    );
  });
});
