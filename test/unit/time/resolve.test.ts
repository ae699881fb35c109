import { strict as assert } from 'node:assert';
import { Settings } from 'luxon';
import { findTimes, minutesBetween, parseZone, resolveInstant, STAND_IN_DAY, shiftDays, type TimeReadingOptions } from '../../../server/src/service/time';

const incident = { year: 2024, month: 1, day: 19 };

describe('time/resolve: resolveInstant', () => {
  const fixtures: { name: string; line: string; options?: TimeReadingOptions; iso: string | null; zone?: string; assumptions?: string[] }[] = [
    { name: 'reads a dated UTC time with nothing assumed', line: '2024-01-19 15:00 UTC', iso: '2024-01-19T15:00:00Z', zone: 'UTC', assumptions: [] },
    { name: 'reads WAT as UTC+1', line: '2024-01-15 10:00 WAT', iso: '2024-01-15T09:00:00Z', zone: 'Africa/Lagos', assumptions: [] },
    { name: 'reads an offset zone', line: 'March 1, 2025, 10:15 AM (UTC+2)', iso: '2025-03-01T08:15:00Z', zone: 'UTC+2' },
    { name: 'reads an ISO offset', line: '2024-03-10T01:30:00-05:00', iso: '2024-03-10T06:30:00Z', zone: 'UTC-5' },
    { name: 'reads an IANA zone in summer time', line: '2024-07-01 12:00 Europe/London', iso: '2024-07-01T11:00:00Z', zone: 'Europe/London' },
    { name: 'reads Pacific Time through DST', line: '2024-07-01 12:00 Pacific Time', iso: '2024-07-01T19:00:00Z', zone: 'America/Los_Angeles' },
    { name: 'reads seconds to the second', line: '2024-01-19 14:30:15 UTC', iso: '2024-01-19T14:30:15Z' },
    {
      name: 'takes the date from the incident for a time written without one',
      line: '15:00 UTC',
      options: { referenceDate: incident },
      iso: '2024-01-19T15:00:00Z',
      assumptions: ['date taken from the incident'],
    },
    {
      name: 'takes the zone from the section for a time written without one',
      line: '2024-01-19 07:00',
      options: { defaultZone: parseZone('Pacific Time') },
      iso: '2024-01-19T15:00:00Z',
      zone: 'America/Los_Angeles',
      assumptions: ['zone taken from the section: Pacific Time'],
    },
    {
      name: 'prefers the zone written next to the time over the section zone',
      line: '2024-01-19 15:00 UTC',
      options: { defaultZone: parseZone('Pacific Time') },
      iso: '2024-01-19T15:00:00Z',
      assumptions: [],
    },
    {
      name: 'reads a time with no zone anywhere as UTC and says so',
      line: '2024-01-19 15:00',
      iso: '2024-01-19T15:00:00Z',
      assumptions: ['no zone written or declared; read as UTC'],
    },
    { name: 'cannot resolve a time with no date and no incident date', line: '15:00 UTC', iso: null },
    {
      name: 'moves a time skipped by spring-forward past the gap and says so',
      line: '2024-03-10 02:30 America/New_York',
      iso: '2024-03-10T07:30:00Z',
      assumptions: ['02:30 did not exist on 2024-03-10 in America/New_York (clocks sprang forward); read as 03:30'],
    },
    {
      name: 'reads a time repeated by fall-back as its first occurrence and says so',
      line: '2024-11-03 01:30 America/New_York',
      iso: '2024-11-03T05:30:00Z',
      assumptions: ['01:30 happened twice on 2024-11-03 in America/New_York (clocks fell back); read as the first'],
    },
    {
      name: 'reads PST written in summer literally and notes the season',
      line: '2023-07-13 10:00 PST',
      iso: '2023-07-13T18:00:00Z',
      assumptions: ['PST is UTC-8, but on 2023-07-13 America/Los_Angeles clocks were on PDT'],
    },
    {
      name: 'says which reading of CST was used',
      line: '2024-01-19 10:00 CST',
      iso: '2024-01-19T16:00:00Z',
      assumptions: ['CST read as Central Standard Time (US, UTC-6); it can also mean China Standard Time (UTC+8)'],
    },
    {
      name: 'names the zone as written and as read when they differ',
      line: '2024-03-10 02:30 Pacific Time',
      iso: '2024-03-10T10:30:00Z',
      assumptions: ['02:30 did not exist on 2024-03-10 in Pacific Time (America/Los_Angeles) (clocks sprang forward); read as 03:30'],
    },
    {
      name: 'lists every other reading of an ambiguous zone',
      line: '2024-01-19 10:00 IST',
      iso: '2024-01-19T04:30:00Z',
      assumptions: ['IST read as India Standard Time (UTC+5:30); it can also mean Irish Standard Time (UTC+1) or Israel Standard Time (UTC+2)'],
    },
    { name: 'writes a year before 1000 with four digits', line: '0100-01-01 10:00 UTC', iso: '0100-01-01T10:00:00Z', assumptions: [] },
    {
      name: 'reads CST as China Standard Time when other readings are preferred',
      line: '2024-01-19 10:00 CST',
      options: { ambiguousZones: 'other' },
      iso: '2024-01-19T02:00:00Z',
      zone: 'Asia/Shanghai',
    },
  ];
  for (const f of fixtures) {
    it(f.name, () => {
      const [t] = findTimes(f.line, f.options);
      const resolved = resolveInstant(t, f.options);
      if (f.iso === null) return assert.equal(resolved, null);
      assert.ok(resolved);
      assert.equal(resolved.iso, f.iso);
      assert.equal(resolved.millis, Date.parse(f.iso));
      if (f.zone) assert.equal(resolved.zone, f.zone);
      if (f.assumptions) assert.deepEqual(resolved.assumptions, f.assumptions);
    });
  }

  it('carries what a range end borrowed into the assumptions', () => {
    const [, end] = findTimes('January 15, 2024, from 10:00 to 12:30 WAT');
    assert.deepEqual(resolveInstant(end)?.assumptions, ['date taken from the start of the range']);
  });

  it('writes a year after 9999 in full', () => {
    const [t] = findTimes('9999-12-31 23:30 UTC-2');
    assert.equal(resolveInstant(t)?.iso, '10000-01-01T01:30:00Z');
  });

  it('names the clocks of a region in English whatever the default locale', () => {
    const [t] = findTimes('2023-07-13 10:00 PST');
    const locale = Settings.defaultLocale;
    Settings.defaultLocale = 'fr';
    try {
      assert.deepEqual(resolveInstant(t)?.assumptions, ['PST is UTC-8, but on 2023-07-13 America/Los_Angeles clocks were on PDT']);
    } finally {
      Settings.defaultLocale = locale;
    }
  });

  it('reads no season from a stand-in day: AEST on a day no document wrote is no claim about summer time', () => {
    const [t] = findTimes('13:40 AEST');
    // On a written January day Sydney is on summer time, which the note says; on the stand-in day it says nothing.
    assert.deepEqual(resolveInstant(t, { referenceDate: { year: 2000, month: 1, day: 1 } })?.assumptions, [
      'date taken from the incident',
      'AEST is UTC+10, but on 2000-01-01 Australia/Sydney clocks were on GMT+11',
    ]);
    assert.deepEqual(resolveInstant(t, { referenceDate: STAND_IN_DAY })?.assumptions, ['date taken from the incident']);
    assert.deepEqual(resolveInstant(t, { referenceDate: shiftDays(STAND_IN_DAY, 1) })?.assumptions, ['date taken from the incident']);
    const [start] = findTimes('09:05 AEST');
    assert.equal(minutesBetween(start, t), 275);
  });

  it('returns null rather than throwing for a zone luxon does not know', () => {
    const [t] = findTimes('2024-01-19 15:00');
    assert.equal(resolveInstant(t, { defaultZone: { text: 'Mars', zone: 'Mars/Olympus' } }), null);
  });
});

describe('time/resolve: minutesBetween', () => {
  const [cet] = findTimes('10:00 CET');
  const [bare] = findTimes('11:00');

  it("reads an end without a zone in the start's zone, and a start without one in the end's", () => {
    assert.equal(minutesBetween(cet, bare), 60);
    // 11:00 CET to 10:00 CET the next day: the end has no date of its own, so the range crosses midnight.
    assert.equal(minutesBetween(bare, cet), 23 * 60);
  });

  it('takes a start and an end at the same instant as no time at all, not a day', () => {
    assert.equal(minutesBetween(cet, cet), 0);
    assert.equal(minutesBetween(bare, bare), 0);
  });
});
