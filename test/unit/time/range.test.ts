import { strict as assert } from 'node:assert';
import { findTimeRange, findTimes, minutesBetween } from '../../../server/src/service/time';

describe('time/range: findTimeRange', () => {
  const ranges: {
    name: string;
    text: string;
    minutes: number;
    zoneText?: string;
    zone?: string;
    startDate?: string;
    endDate?: string;
  }[] = [
    {
      name: 'reads a spaced tilde between two times as a range, the zone written once: 30 minutes',
      text: '(13:20pm ~ 13:50pm EAT)',
      minutes: 30,
      zoneText: 'EAT',
      zone: 'Africa/Nairobi',
    },
    {
      name: 'reads an am/pm range with the zone written once after it as 90 minutes',
      text: '08:00 AM - 09:30 AM (UTC)',
      minutes: 90,
      zoneText: 'UTC',
      zone: 'UTC',
    },
    {
      name: 'reads "from X to Y WAT" with a date written once as 150 minutes',
      text: 'January 15, 2024, from 10:00 to 12:30 WAT',
      minutes: 150,
      zoneText: 'WAT',
      zone: 'Africa/Lagos',
      startDate: '2024-01-15',
      endDate: '2024-01-15',
    },
    {
      name: 'reads a range with a UTC offset in parentheses as 50 minutes',
      text: 'March 1, 2025, from 10:15 AM to 11:05 AM (UTC+2)',
      minutes: 50,
      zoneText: 'UTC+2',
      zone: 'UTC+2',
      startDate: '2025-03-01',
      endDate: '2025-03-01',
    },
    {
      name: 'reads a range spanning two written dates in PST as 1000 minutes',
      text: 'Sunday, May 13th, 2023, 10:20 pm (PST) - Monday, May 14th, 2023, 3:00 pm (PST)',
      minutes: 1000,
      zoneText: 'PST',
      zone: 'UTC-8',
      startDate: '2023-05-13',
      endDate: '2023-05-14',
    },
    { name: 'reads a range that crosses midnight as 100 minutes', text: '23:30 to 01:10', minutes: 100 },
    {
      name: 'reads a dated range that crosses midnight as 100 minutes and dates the end the next day',
      text: '2024-01-15 23:30 to 01:10 UTC',
      minutes: 100,
      startDate: '2024-01-15',
      endDate: '2024-01-16',
    },
    {
      name: 'reads the spring-forward night in New York as 60 minutes',
      text: '2024-03-10 01:30 to 03:30 America/New_York',
      minutes: 60,
      zone: 'America/New_York',
    },
    {
      name: 'reads the fall-back night in New York as 180 minutes',
      text: '2024-11-03 00:30 to 02:30 America/New_York',
      minutes: 180,
      zone: 'America/New_York',
    },
    {
      name: 'reads the spring-forward night in Pacific Time as 60 minutes',
      text: 'March 10, 2024, 01:30 - 03:30 Pacific Time',
      minutes: 60,
      zone: 'America/Los_Angeles',
    },
    { name: 'reads "between X and Y" as a range', text: 'between 10:00 and 11:00 EST', minutes: 60, zone: 'UTC-5' },
    { name: 'reads an en dash as a range separator', text: '10:00–10:45 UTC', minutes: 45 },
    { name: 'reads "until" as a range separator', text: 'from 9:15 am until 11 am', minutes: 105 },
    {
      name: 'reads a range whose ends are written with full dates',
      text: '2024-01-19 15:00 to 2024-01-20 03:30 UTC',
      minutes: 750,
      startDate: '2024-01-19',
      endDate: '2024-01-20',
    },
    { name: 'takes pm from the end of the range for the start', text: '10:15 - 11:05 PM', minutes: 50 },
    {
      name: 'reads a range whose ends are in different zones as real instants',
      text: '10:00 UTC - 12:30 CEST',
      minutes: 30,
    },
  ];

  for (const r of ranges) {
    it(r.name, () => {
      const range = findTimeRange(r.text);
      assert.ok(range, `no range in ${r.text}`);
      assert.equal(minutesBetween(range.start, range.end), r.minutes);
      if (r.zoneText) {
        assert.equal(range.start.zone?.text, r.zoneText);
        assert.equal(range.end.zone?.text, r.zoneText);
      }
      if (r.zone) {
        assert.equal(range.start.zone?.zone, r.zone);
        assert.equal(range.end.zone?.zone, r.zone);
      }
      const iso = (x: typeof range.start) => x.date && `${x.date.year}-${String(x.date.month).padStart(2, '0')}-${String(x.date.day).padStart(2, '0')}`;
      if (r.startDate) assert.equal(iso(range.start), r.startDate);
      if (r.endDate) assert.equal(iso(range.end), r.endDate);
      for (const end of [range.start, range.end]) assert.equal(r.text.slice(end.start, end.end), end.text);
    });
  }

  it('says what each end borrowed from the other', () => {
    const range = findTimeRange('January 15, 2024, from 10:00 to 12:30 WAT');
    assert.deepEqual(range?.start.inferred, ['zone taken from the end of the range']);
    assert.deepEqual(range?.end.inferred, ['date taken from the start of the range']);
  });

  it('returns both ends of a range from findTimes too, with the shared zone', () => {
    const times = findTimes('08:00 AM - 09:30 AM (UTC)');
    assert.deepEqual(
      times.map((t) => [t.text, t.zone?.zone]),
      [
        ['08:00 AM', 'UTC'],
        ['09:30 AM (UTC)', 'UTC'],
      ],
    );
  });

  it('finds no range where two times are not joined by a range word', () => {
    assert.equal(findTimeRange('paged at 10:00, resolved at 11:00'), null);
    assert.equal(findTimeRange('10:00 and 11:00'), null);
    assert.equal(findTimeRange('no times here'), null);
    // A tilde against the second time is "about" it, not a range.
    assert.equal(findTimeRange('paged 10:00 ~10:30 escalated'), null);
  });

  it('does not chain a third time onto a range', () => {
    const times = findTimes('10:00 - 11:00 - 12:00 UTC');
    assert.equal(times.length, 3);
    assert.equal(times[0].zone, null);
    assert.equal(times[2].zone?.zone, 'UTC');
  });
});

describe('time/range: minutesBetween for separately written times', () => {
  const pairs: { name: string; start: string; end: string; minutes: number }[] = [
    { name: 'reads Start/End lines in UTC as 210 minutes', start: 'Start Time: 2024-01-19 15:00 UTC', end: 'End Time: 2024-01-19 18:30 UTC', minutes: 210 },
    {
      name: 'reads Start/End lines in SAST as 255 minutes',
      start: '*Start Time:* 2023-03-15 14:30 SAST',
      end: '*End Time:* 2023-03-15 18:45 SAST',
      minutes: 255,
    },
    { name: 'reads ISO instants with different offsets', start: '2024-03-10T01:30:00-05:00', end: '2024-03-10T06:30Z', minutes: 0 },
    { name: 'reads a dated start and an undated later end as the same day', start: '2024-01-19 23:00 UTC', end: '23:45', minutes: 45 },
    { name: 'reads a dated start and an undated earlier end as the next day', start: '2024-01-19 23:00 UTC', end: '01:00', minutes: 120 },
    { name: 'reads an undated start before a dated end as the day before', start: '23:00', end: '2024-01-20 01:00 UTC', minutes: 120 },
  ];
  for (const p of pairs) {
    it(p.name, () => {
      const [start] = findTimes(p.start);
      const [end] = findTimes(p.end);
      assert.equal(minutesBetween(start, end), p.minutes);
    });
  }

  it('uses the section zone for times written without one, DST included', () => {
    const [start] = findTimes('2024-03-10 01:00');
    const [end] = findTimes('2024-03-10 04:00');
    const defaultZone = { text: 'Eastern Time', zone: 'America/New_York' };
    assert.equal(minutesBetween(start, end, { defaultZone }), 120);
    assert.equal(minutesBetween(start, end), 180);
  });

  it('uses the incident date for undated times, so DST applies', () => {
    const [start, end] = findTimes('01:30 - 03:30 America/New_York');
    assert.equal(minutesBetween(start, end), 120);
    assert.equal(minutesBetween(start, end, { referenceDate: { year: 2024, month: 3, day: 10 } }), 60);
  });
});

describe('time/range: a minus after UTC, spaced, is still a range', () => {
  it('reads "10:00 UTC - 11:00" as a range in UTC, and "10:00 GMT + 1" as one time in UTC+1', () => {
    assert.equal(findTimeRange('10:00 UTC - 11:00')?.end.zone?.zone, 'UTC');
    assert.deepEqual(
      findTimes('10:00 GMT + 1').map((t) => t.zone?.zone),
      ['UTC+1'],
    );
  });
});
