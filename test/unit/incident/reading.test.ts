import { strict as assert } from 'node:assert';
import type { PostmortemSettings } from '../../../server/src/service';
import { analyze, incidentOf, md } from './support';

// Where the incident's start, end, zone and durations are read from, in the formats real
// postmortems use. Every document here is an invented incident.

interface Case {
  name: string;
  text: string;
  settings?: Partial<PostmortemSettings>;
  expected: Partial<ReturnType<typeof incidentOf>>;
}

const cases: Case[] = [
  {
    name: 'reads a 12-hour range with the zone in parentheses, dated by the title',
    text: md(
      '# Postmortem: Image resizer backlog – September 12, 2023',
      '',
      '## Issue Summary',
      '- **Duration**: 07:40 AM - 09:10 AM (UTC)',
      '- **Impact**: thumbnails were missing for 20% of uploads.',
    ),
    expected: { start: '2023-09-12T07:40:00Z', end: '2023-09-12T09:10:00Z', timezone: 'UTC', durationMinutes: 90, statedDurationMinutes: null },
  },
  {
    name: 'reads a range written in a sentence under a Duration label, with the date before it',
    text: md(
      '**Postmortem Report**',
      '',
      'Issue Summary:',
      '',
      'Duration:',
      'The search cluster misbehaved on February 7, 2024, from 09:40 to 11:55 WAT. Nobody enjoyed it.',
      '',
      'Impact:',
      'Search returned empty pages for a third of queries.',
    ),
    expected: { start: '2024-02-07T08:40:00Z', end: '2024-02-07T10:55:00Z', timezone: 'WAT', durationMinutes: 135 },
  },
  {
    name: 'reads Start Time and End Time written on separate lines under the Duration label',
    text: md(
      '## Issue Summary:',
      '',
      '**Duration:**',
      '- Start Time: 2024-05-02 07:15 UTC',
      '- End Time: 2024-05-02 09:00 UTC',
      '',
      '**Impact:**',
      'Login was slow for everyone.',
    ),
    expected: { start: '2024-05-02T07:15:00Z', end: '2024-05-02T09:00:00Z', timezone: 'UTC', durationMinutes: 105 },
  },
  {
    name: 'reads a dated 12-hour range with a UTC offset in parentheses',
    text: md('**Postmortem: The Great Queue Jam**', '', '### Issue Summary', '**Duration:** April 9, 2025, from 9:05 AM to 10:35 AM (UTC+2)  '),
    expected: { start: '2025-04-09T07:05:00Z', end: '2025-04-09T08:35:00Z', timezone: 'UTC+2', durationMinutes: 90 },
  },
  {
    name: 'reads italic Start Time and End Time labels with a South African zone, and the stated duration beside them',
    text: md(
      '**Issue Summary:**',
      '- **Duration:**',
      '  - *Start Time:* 2023-06-21 09:20 SAST',
      '  - *End Time:* 2023-06-21 12:05 SAST',
      '  - *Duration:* Approximately 2 hours and 45 minutes',
    ),
    expected: { start: '2023-06-21T07:20:00Z', end: '2023-06-21T10:05:00Z', timezone: 'SAST', durationMinutes: 165, statedDurationMinutes: 165 },
  },
  {
    name: 'reads ISO 8601 times with offsets, across midnight',
    text: md('## Summary', '- Start: 2024-02-10T21:45:00+01:00', '- End: 2024-02-11T00:15:00+01:00'),
    expected: { start: '2024-02-10T20:45:00Z', end: '2024-02-10T23:15:00Z', timezone: '+01:00', durationMinutes: 150 },
  },
  {
    name: 'reads IANA zone names and follows their daylight saving rules',
    text: md('## Summary', '- Start: 2024-03-10 01:30 America/New_York', '- End: 2024-03-10 03:30 America/New_York'),
    expected: { start: '2024-03-10T06:30:00Z', end: '2024-03-10T07:30:00Z', timezone: 'America/New_York', durationMinutes: 60 },
  },
  {
    name: 'reads military times with an hrs suffix',
    text: md('# Postmortem – June 3, 2022', '', '## Issue Summary', 'Duration: from 2100hrs to 2330hrs WAT'),
    expected: { start: '2022-06-03T20:00:00Z', end: '2022-06-03T22:30:00Z', timezone: 'WAT', durationMinutes: 150 },
  },
  {
    name: 'reads a UTC-5 offset written once for a range',
    text: md('# Postmortem – 2024-10-02', '', '## Summary', '- Duration: 10:00 - 11:30 UTC-5'),
    expected: { start: '2024-10-02T15:00:00Z', end: '2024-10-02T16:30:00Z', timezone: 'UTC-5', durationMinutes: 90 },
  },
  {
    name: 'reads GMT+1 and a day-month-name-year date',
    text: md('## Issue Summary', 'Start: 06/May/2022 14:00 GMT+1', 'End: 06/May/2022 15:20 GMT+1'),
    expected: { start: '2022-05-06T13:00:00Z', end: '2022-05-06T14:20:00Z', timezone: 'GMT+1', durationMinutes: 80 },
  },
  {
    name: 'reads a lower-case pm time with the zone in parentheses and crosses midnight without dates',
    text: md('## Issue Summary', '- **Duration:** 10:20 pm (PST) - 1:05 am (PST)'),
    expected: { start: null, end: null, timezone: 'PST', durationMinutes: 165 },
  },
  {
    name: 'reads an ambiguous numeric date day first by default',
    text: md('## Issue Summary', 'Start: 04-12-2022 09:00 UTC', 'End: 04-12-2022 10:30 UTC'),
    expected: { start: '2022-12-04T09:00:00Z', end: '2022-12-04T10:30:00Z', durationMinutes: 90 },
  },
  {
    name: 'reads an ambiguous numeric date month first when dateOrder is mdy',
    text: md('## Issue Summary', 'Start: 04-12-2022 09:00 UTC', 'End: 04-12-2022 10:30 UTC'),
    settings: { dateOrder: 'mdy' },
    expected: { start: '2022-04-12T09:00:00Z', end: '2022-04-12T10:30:00Z', durationMinutes: 90 },
  },
  {
    name: 'reads approximate times and an approximate stated duration',
    text: md('# Postmortem – 2024-07-01', '', '## Issue Summary', '- Duration: ~19:30 to 20:10 UTC, approximately 40 min'),
    expected: { start: '2024-07-01T19:30:00Z', end: '2024-07-01T20:10:00Z', durationMinutes: 40, statedDurationMinutes: 40 },
  },
  {
    name: 'reads hours and minutes written as a clock with "hours" as the stated duration, and the window beside it',
    text: md('# Postmortem – 2024-07-01', '', '## Issue Summary', '- Duration: 1:30 hours (14:00 to 15:30 UTC)'),
    expected: { start: '2024-07-01T14:00:00Z', end: '2024-07-01T15:30:00Z', timezone: 'UTC', durationMinutes: 90, statedDurationMinutes: 90 },
  },
  {
    name: 'reads "at 14:30 hours" as a time, not a stated duration',
    text: md('# Postmortem – 2024-07-01 (all times UTC)', '', '## Issue Summary', '- Start: at 14:30 hours', '- End: at 15:00 hours'),
    expected: { start: '2024-07-01T14:30:00Z', end: '2024-07-01T15:00:00Z', timezone: 'UTC', durationMinutes: 30, statedDurationMinutes: null },
  },
  {
    name: 'reads a date written with non-breaking hyphens in the title, and a duration in one-letter units a space apart',
    text: md('# Incident Postmortem – Payment API Outage on 2025\u201104\u201111', '**Duration:** 13:05–14:31 UTC (1 h 26 m)'),
    expected: { start: '2025-04-11T13:05:00Z', end: '2025-04-11T14:31:00Z', timezone: 'UTC', durationMinutes: 86, statedDurationMinutes: 86 },
  },
  {
    name: 'takes as the end the time the next sentence says the service was back to normal at ("At this point, ...")',
    text: md(
      '# Service disruption of February 28th, 2017',
      '',
      'At 9:37AM PST, a command removed more servers than intended.',
      '',
      'By 1:18PM PST, the index subsystem was fully recovered. The placement subsystem finished recovery at 1:54PM PST. At this point, the service was operating normally.',
    ),
    expected: { start: '2017-02-28T17:37:00Z', end: '2017-02-28T21:54:00Z', timezone: 'PST', durationMinutes: 257, statedDurationMinutes: null },
  },
  {
    name: 'keeps the first end when no sentence points back at a later one',
    text: md(
      '# Service disruption of February 28th, 2017',
      '',
      'At 9:37AM PST, a command removed more servers than intended.',
      '',
      'By 1:18PM PST, the index subsystem was fully recovered. The placement subsystem finished recovery at 1:54PM PST. Later, the team wrote this report.',
    ),
    expected: { start: '2017-02-28T17:37:00Z', end: '2017-02-28T21:18:00Z', timezone: 'PST', durationMinutes: 221, statedDurationMinutes: null },
  },
  {
    name: 'reads "Outage length:" inside a sentence as the stated duration',
    text: md('# Postmortem', '', '## Summary', '', 'From 09:00 to 11:15 UTC on 2024-02-01. Outage length: 2 hrs 15 mins.'),
    expected: { start: '2024-02-01T09:00:00Z', end: '2024-02-01T11:15:00Z', timezone: 'UTC', durationMinutes: 135, statedDurationMinutes: 135 },
  },
  {
    name: 'reads "The outage length was" in a sentence as the stated duration',
    text: md('# Postmortem', '', '## Summary', '', 'From 09:00 to 11:15 UTC on 2024-02-01. The outage length was 2 hrs 15 mins.'),
    expected: { start: '2024-02-01T09:00:00Z', end: '2024-02-01T11:15:00Z', timezone: 'UTC', durationMinutes: 135, statedDurationMinutes: 135 },
  },
  {
    name: 'reads an Incident length field as the stated duration',
    text: md('# Postmortem', '', '## Summary', '', '- Start: 2024-02-01 09:00 UTC', '- End: 2024-02-01 11:15 UTC', '- Incident length: 2h15m'),
    expected: { start: '2024-02-01T09:00:00Z', end: '2024-02-01T11:15:00Z', timezone: 'UTC', durationMinutes: 135, statedDurationMinutes: 135 },
  },
  {
    name: 'reads a month-day-year date written with commas',
    text: md('## Issue Summary', 'Start Time: 07, 23, 2024, 08:00 AM UTC.', 'End Time: 07, 23, 2024, 09:45 AM UTC.'),
    expected: { start: '2024-07-23T08:00:00Z', end: '2024-07-23T09:45:00Z', durationMinutes: 105 },
  },
  {
    name: 'reads start and end told in summary sentences, and the stated duration in them',
    text: md(
      '# Postmortem',
      '',
      '## Issue Summary',
      'For about 25 minutes on May 4, 2023 at 3:10 p.m. EAT, the payment page was unreachable. At 3:35 p.m. EAT, the page was restored.',
    ),
    expected: { start: '2023-05-04T12:10:00Z', end: '2023-05-04T12:35:00Z', timezone: 'EAT', durationMinutes: 25, statedDurationMinutes: 25 },
  },
  {
    name: 'reads a lasted sentence as the stated duration when no times are given',
    text: md(
      '**Postmortem: Checkout outage - October 2, 2023**',
      '',
      '**Incident Overview:**',
      'On October 2, 2023, our checkout had an outage that lasted for roughly two hours.',
    ),
    expected: { start: null, end: null, durationMinutes: null, statedDurationMinutes: 120 },
  },
  {
    name: 'reads a duration in parentheses right after the range',
    text: md('## Summary', 'From Friday 2024-08-02 22:00 UTC to Saturday 2024-08-03 04:30 UTC (6.5 hours) the reports were stale.'),
    expected: { start: '2024-08-02T22:00:00Z', end: '2024-08-03T04:30:00Z', durationMinutes: 390, statedDurationMinutes: 390 },
  },
  {
    name: 'reads a hyphenated duration before the word outage',
    text: md('## Summary', 'A 45-minute outage hit checkout on 2024-01-02 between 10:00 and 10:45 UTC.'),
    expected: { durationMinutes: 45, statedDurationMinutes: 45 },
  },
  {
    name: 'reads the end of a range on a 12-hour clock without am or pm as the afternoon',
    text: md('# Postmortem – 2024-05-06', '', '## Summary', 'The site was down from 11:00 to 1:30 UTC.'),
    expected: { start: '2024-05-06T11:00:00Z', end: '2024-05-06T13:30:00Z', durationMinutes: 150 },
  },
  {
    name: 'reads start_time and end_time from the front matter when the text has no times',
    text: md(
      '---',
      'title: Storage brown-out',
      'start_time: 2021-04-12T06:10:00Z',
      'end_time: "2021-04-13T08:40:00Z"',
      '---',
      '',
      'The storage layer slowed down.',
    ),
    expected: { start: '2021-04-12T06:10:00Z', end: '2021-04-13T08:40:00Z', durationMinutes: 1590 },
  },
  {
    name: 'prefers the summary fields over the front matter',
    text: md(
      '---',
      'start_time: 2021-04-12T06:10:00Z',
      'end_time: 2021-04-12T07:00:00Z',
      '---',
      '',
      '## Summary',
      '- Start: 2021-04-12 06:20 UTC',
      '- End: 2021-04-12 06:50 UTC',
    ),
    expected: { start: '2021-04-12T06:20:00Z', end: '2021-04-12T06:50:00Z', durationMinutes: 30 },
  },
  {
    name: 'reads Start and End rows of a summary table',
    text: md(
      '## Summary',
      '',
      '| Field | Value |',
      '| --- | --- |',
      '| Start | 2024-02-01 10:00 UTC |',
      '| End | 2024-02-01 12:15 UTC |',
      '| Duration | 2 hours 15 minutes |',
    ),
    expected: { durationMinutes: 135, statedDurationMinutes: 135 },
  },
  {
    name: 'does not read the clock range itself as a stated duration',
    text: md('## Summary', '- Duration: 2100hrs - 2230hrs UTC'),
    expected: { durationMinutes: 90, statedDurationMinutes: null },
  },
  {
    name: 'does not read a Time to recovery statistic outside the summary as the stated duration',
    text: md('## Summary', 'The cache was cold.', '', '## Stats', '', 'Time to recovery: 148 minutes'),
    expected: { statedDurationMinutes: null, durationMinutes: null },
  },
  {
    name: 'reads Start and End written on one line of a Start field',
    text: md('## Issue Summary', '- Start: 10:00 AM EST, End: 12:00 PM EST, on 2024-02-02', '- Impact: all of it'),
    expected: { start: '2024-02-02T15:00:00Z', end: '2024-02-02T17:00:00Z', durationMinutes: 120 },
  },
  {
    name: 'reads began and ended in one summary sentence',
    text: md('## Issue Summary', 'The outage began at 3:00 PM and ended at 5:15 PM (WAT) on Friday, July 7, 2023. About 40% of users were affected.'),
    expected: { start: '2023-07-07T14:00:00Z', end: '2023-07-07T16:15:00Z', timezone: 'WAT', durationMinutes: 135 },
  },
  {
    name: 'reads a stated duration with a half in it',
    text: md('## Issue Summary', 'On March 12, 2024, from 14:00 to 16:30 EAT, uploads failed. The outage lasted two and a half hours.'),
    expected: { durationMinutes: 150, statedDurationMinutes: 150 },
  },
  {
    name: 'finds nothing in a summary without times',
    text: md('## Summary', 'Something broke, and then it was fixed.'),
    expected: { start: null, end: null, timezone: null, durationMinutes: null, statedDurationMinutes: null },
  },
];

describe('incident: reading start, end and duration', () => {
  for (const c of cases) {
    it(c.name, () => {
      const actual = incidentOf(analyze(c.text, c.settings));
      const picked = Object.fromEntries(Object.keys(c.expected).map((k) => [k, actual[k as keyof typeof actual]]));
      assert.deepEqual(picked, c.expected);
    });
  }

  it('gives the exact position of the start and end times in the document', () => {
    const text = md('## Summary', '- **Start:** 2024-02-01 10:00 UTC', '- **End:** 2024-02-01 12:15 UTC');
    const { start, end } = analyze(text).incident;
    const lines = text.split('\n');
    assert.ok(start && end);
    assert.equal(lines[start.range.start.line].slice(start.range.start.character, start.range.end.character), '2024-02-01 10:00 UTC');
    assert.equal(lines[end.range.start.line].slice(end.range.start.character, end.range.end.character), '2024-02-01 12:15 UTC');
    assert.equal(start.text, '2024-02-01 10:00 UTC');
  });

  it('gives a local ISO time without offset when no zone is written or declared', () => {
    const { start, end, timezone } = analyze(md('## Summary', '- Start: 2024-02-01 10:00', '- End: 2024-02-01 11:00')).incident;
    assert.equal(start?.iso, '2024-02-01T10:00:00');
    assert.equal(end?.iso, '2024-02-01T11:00:00');
    assert.equal(start?.millis, null);
    assert.equal(timezone, null);
  });

  it('takes the reference date from the first dated timeline entry when the summary and title have none', () => {
    const text = md('## Summary', '- Duration: 10:00 - 10:30 UTC', '', '## Timeline', '- 2024-09-09 10:00 UTC - alert');
    const { incident } = analyze(text);
    assert.equal(incident.start?.iso, '2024-09-09T10:00:00Z');
    assert.match(incident.referenceDateSource ?? '', /timeline/);
  });

  it('rounds the computed duration to whole minutes', () => {
    const text = md('## Summary', '- Start: 2024-02-01 10:00:20 UTC', '- End: 2024-02-01 10:30:50 UTC');
    assert.equal(analyze(text).incident.durationMinutes, 31);
  });
});
