import { strict as assert } from 'node:assert';
import { findTimes, type LocalDate, type ParsedTime } from '../../../server/src/service/time';

/** What a test cares about in one found time; unspecified fields are not checked. */
interface Expected {
  text: string;
  clock: string; // "HH:mm" or "HH:mm:ss", 24-hour
  date?: LocalDate | null;
  zone?: string | null; // luxon zone
  zoneText?: string;
  approximate?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const clockOf = (t: ParsedTime) => `${pad(t.hour)}:${pad(t.minute)}${t.second !== undefined ? `:${pad(t.second)}` : ''}`;

function check(line: string, found: ParsedTime[], expected: Expected[]) {
  assert.deepEqual(
    found.map((t) => t.text),
    expected.map((e) => e.text),
    `times found in ${JSON.stringify(line)}`,
  );
  found.forEach((t, i) => {
    const e = expected[i];
    assert.equal(line.slice(t.start, t.end), t.text, 'offsets point at the text');
    assert.equal(clockOf(t), e.clock, `clock of ${t.text}`);
    if (e.date !== undefined) assert.deepEqual(t.date, e.date, `date of ${t.text}`);
    if (e.zone !== undefined) assert.equal(t.zone?.zone ?? null, e.zone, `zone of ${t.text}`);
    if (e.zoneText !== undefined) assert.equal(t.zone?.text, e.zoneText, `zone text of ${t.text}`);
    assert.equal(t.approximate ?? false, e.approximate ?? false, `approximate ${t.text}`);
  });
}

const d = (year: number, month: number, day: number): LocalDate => ({ year, month, day });

describe('time/parse: findTimes', () => {
  const fixtures: { name: string; line: string; times: Expected[] }[] = [
    {
      name: 'reads a date, a 24-hour time and an abbreviation after a label',
      line: 'Start Time: 2024-01-19 15:00 UTC',
      times: [{ text: '2024-01-19 15:00 UTC', clock: '15:00', date: d(2024, 1, 19), zone: 'UTC' }],
    },
    {
      name: 'reads a date written with non-breaking hyphens, Unicode hyphens or minus signs',
      line: 'Start: 2025\u201104\u201111 13:05 UTC, end: 11\u201004\u20102025 14:31 UTC, or 2025\u221204\u221211 at 15:00',
      times: [
        { text: '2025\u201104\u201111 13:05 UTC', clock: '13:05', date: d(2025, 4, 11), zone: 'UTC' },
        { text: '11\u201004\u20102025 14:31 UTC', clock: '14:31', date: d(2025, 4, 11), zone: 'UTC' },
        { text: '2025\u221204\u221211 at 15:00', clock: '15:00', date: d(2025, 4, 11) },
      ],
    },
    {
      name: 'reads a clock written with an h between hours and minutes, with two-digit hours only',
      line: 'à 14h05, puis 09h30 UTC; 2h30 de panne; build 10h20a',
      times: [
        { text: '14h05', clock: '14:05' },
        { text: '09h30 UTC', clock: '09:30', zone: 'UTC' },
      ],
    },
    {
      name: 'reads a time inside markdown emphasis labels',
      line: '*Start Time:* 2023-03-15 14:30 SAST',
      times: [{ text: '2023-03-15 14:30 SAST', clock: '14:30', date: d(2023, 3, 15), zone: 'Africa/Johannesburg' }],
    },
    {
      name: 'reads a bold am/pm time',
      line: '**10:15 AM** - paged on-call',
      times: [{ text: '10:15 AM', clock: '10:15', date: null, zone: null }],
    },
    {
      name: 'reads a zone followed by a colon',
      line: '15:00 UTC: alerts fired',
      times: [{ text: '15:00 UTC', clock: '15:00', zone: 'UTC' }],
    },
    {
      name: 'reads "3 pm", "3:00pm" and a 24-hour time with WAT',
      line: 'At 3 pm, again at 3:00pm, and 03:45 WAT',
      times: [
        { text: '3 pm', clock: '15:00' },
        { text: '3:00pm', clock: '15:00' },
        { text: '03:45 WAT', clock: '03:45', zone: 'Africa/Lagos' },
      ],
    },
    {
      name: 'reads a parenthesised abbreviation after an am/pm time',
      line: 'paged at 10:20 pm (PST)',
      times: [{ text: '10:20 pm (PST)', clock: '22:20', zone: 'UTC-8', zoneText: 'PST' }],
    },
    {
      name: 'reads military "2100hrs WAT"',
      line: 'Rollback completed at 2100hrs WAT',
      times: [{ text: '2100hrs WAT', clock: '21:00', zone: 'Africa/Lagos' }],
    },
    {
      name: 'reads four digits without a colon or an h as a clock right after a written date, or with a zone after them',
      line: '2024-04-01 0251: wrong block; 0300 UTC paged; 19/01/2024 1405 noted',
      times: [
        { text: '2024-04-01 0251', clock: '02:51', date: d(2024, 4, 1) },
        { text: '0300 UTC', clock: '03:00', zone: 'UTC' },
        { text: '19/01/2024 1405', clock: '14:05', date: d(2024, 1, 19) },
      ],
    },
    {
      name: 'leaves four digits that are a year, a count or a clock without a date or a zone',
      line: 'On January 15, 2024 (UTC) we saw 0251 errors in 2019 UTC terms; code 2359, 2024-04-01 2460, 2024-04-01 0251:30',
      times: [],
    },
    {
      name: 'reads UTC and GMT offsets',
      line: 'first at 10:00 UTC-5, then 11:00 GMT+1',
      times: [
        { text: '10:00 UTC-5', clock: '10:00', zone: 'UTC-5', zoneText: 'UTC-5' },
        { text: '11:00 GMT+1', clock: '11:00', zone: 'UTC+1', zoneText: 'GMT+1' },
      ],
    },
    {
      name: 'reads ISO 8601 with a numeric offset and with Z',
      line: '2024-03-10T01:30:00-05:00 and 2024-03-10T06:30Z',
      times: [
        { text: '2024-03-10T01:30:00-05:00', clock: '01:30:00', date: d(2024, 3, 10), zone: 'UTC-5', zoneText: '-05:00' },
        { text: '2024-03-10T06:30Z', clock: '06:30', date: d(2024, 3, 10), zone: 'UTC', zoneText: 'Z' },
      ],
    },
    {
      name: 'reads an offset attached to a time with a space-separated date',
      line: '2024-01-19 15:00:00+02:00 and 16:00+0530',
      times: [
        { text: '2024-01-19 15:00:00+02:00', clock: '15:00:00', date: d(2024, 1, 19), zone: 'UTC+2', zoneText: '+02:00' },
        { text: '16:00+0530', clock: '16:00', zone: 'UTC+5:30' },
      ],
    },
    {
      name: 'reads "10:00-10:30" as two times, not a time with an offset',
      line: '10:00-10:30',
      times: [
        { text: '10:00', clock: '10:00', zone: null },
        { text: '10:30', clock: '10:30', zone: null },
      ],
    },
    {
      name: 'reads a time written straight after a label colon',
      line: 'Start Time:15:00 UTC',
      times: [{ text: '15:00 UTC', clock: '15:00', zone: 'UTC' }],
    },
    {
      name: 'reads an IANA zone name after a time',
      line: '2024-03-10 01:30 America/New_York',
      times: [{ text: '2024-03-10 01:30 America/New_York', clock: '01:30', date: d(2024, 3, 10), zone: 'America/New_York' }],
    },
    {
      name: 'reads a spoken zone name after a time',
      line: 'at 10:00 Pacific Time',
      times: [{ text: '10:00 Pacific Time', clock: '10:00', zone: 'America/Los_Angeles' }],
    },
    {
      name: 'reads seconds when they are written',
      line: 'first error 14:30:15 UTC',
      times: [{ text: '14:30:15 UTC', clock: '14:30:15', zone: 'UTC' }],
    },
    {
      name: 'reads noon and midnight',
      line: 'deploy at noon, rollback by midnight',
      times: [
        { text: 'noon', clock: '12:00' },
        { text: 'midnight', clock: '00:00' },
      ],
    },
    {
      name: 'reads 12 AM as midnight and 12 PM as noon',
      line: '12:00 AM and 12:30 PM',
      times: [
        { text: '12:00 AM', clock: '00:00' },
        { text: '12:30 PM', clock: '12:30' },
      ],
    },
    {
      name: 'reads day/month-name/year dates',
      line: '06/May/2022 14:00 GMT',
      times: [{ text: '06/May/2022 14:00 GMT', clock: '14:00', date: d(2022, 5, 6), zone: 'UTC' }],
    },
    {
      name: 'reads a date written after the time and zone',
      line: 'Detected 15:00 UTC on 19 Jan 2024',
      times: [{ text: '15:00 UTC on 19 Jan 2024', clock: '15:00', date: d(2024, 1, 19), zone: 'UTC' }],
    },
    {
      name: 'marks approximate times',
      line: '~19:30 someone noticed; about 10:00 the next day; around 3 pm; 16:00-ish',
      times: [
        { text: '19:30', clock: '19:30', approximate: true },
        { text: '10:00', clock: '10:00', approximate: true },
        { text: '3 pm', clock: '15:00', approximate: true },
        { text: '16:00', clock: '16:00', approximate: true },
      ],
    },
    {
      name: 'reads times in a markdown table row',
      line: '| 14:30 | Alert fired | 14:35 |',
      times: [
        { text: '14:30', clock: '14:30' },
        { text: '14:35', clock: '14:35' },
      ],
    },
    {
      name: 'reads a date and a clock joined by a slash',
      line: '- 2024-06-02/09:40 UTC - alerts fired, 2024-06-02/9:55 paged',
      times: [
        { text: '2024-06-02/09:40 UTC', clock: '09:40', date: { year: 2024, month: 6, day: 2 }, zone: 'UTC' },
        { text: '2024-06-02/9:55', clock: '09:55', date: { year: 2024, month: 6, day: 2 } },
      ],
    },
    {
      name: 'reads an afternoon clock of the 24-hour day written with a needless pm, and its zone after it',
      line: '14:00 PM UTC rollback, 23:15pm done, 13:05 p.m. checked',
      times: [
        { text: '14:00 PM UTC', clock: '14:00', zone: 'UTC' },
        { text: '23:15pm', clock: '23:15' },
        { text: '13:05 p.m.', clock: '13:05' },
      ],
    },
    {
      name: 'does not take a pm after a morning clock of the 24-hour day as needless',
      line: '12:30 pm lunch, 09:30 pm call',
      times: [
        { text: '12:30 pm', clock: '12:30' },
        { text: '09:30 pm', clock: '21:30' },
      ],
    },
    {
      name: 'reads a colon typed where the minutes would be (3:AM, 5:PM)',
      line: 'start : 02/02/2022, 3:AM, end : 08/02/2022, 5:PM',
      times: [
        { text: '02/02/2022, 3:AM', clock: '03:00', date: { year: 2022, month: 2, day: 2 } },
        { text: '08/02/2022, 5:PM', clock: '17:00', date: { year: 2022, month: 2, day: 8 } },
      ],
    },
    {
      name: 'reads a zone glued to its clock (12.39UTC, 17:17GMT)',
      line: 'between 12.39UTC (block 8647535) and 17:17GMT',
      times: [
        { text: '12.39UTC', clock: '12:39', zone: 'UTC' },
        { text: '17:17GMT', clock: '17:17', zone: 'UTC' },
      ],
    },
    {
      name: 'reads a.m and p.m without their last dot',
      line: 'From 15/01/2021 3:00 a.m to 17/01/2021 2 p.m (GMT-5)',
      times: [
        { text: '15/01/2021 3:00 a.m', clock: '03:00', date: { year: 2021, month: 1, day: 15 }, zone: 'UTC-5' },
        { text: '17/01/2021 2 p.m (GMT-5)', clock: '14:00', date: { year: 2021, month: 1, day: 17 }, zone: 'UTC-5' },
      ],
    },
    {
      name: 'reads a zone written before its clock (UTC 05:13, GMT+1 14:00, (EAT) 9:40)',
      line: 'From UTC 05:13 to UTC 06:40, then GMT+1 14:00 and (EAT) 9:40',
      times: [
        { text: 'UTC 05:13', clock: '05:13', zone: 'UTC' },
        { text: 'UTC 06:40', clock: '06:40', zone: 'UTC' },
        { text: 'GMT+1 14:00', clock: '14:00', zone: 'UTC+1' },
        { text: '(EAT) 9:40', clock: '09:40', zone: 'Africa/Nairobi' },
      ],
    },
    {
      name: 'takes the zone written after a clock over one before it, and no word before it as a zone',
      line: 'UTC 10:00 PST, at 11:00, Team 12:00, cat 13:00',
      times: [
        { text: '10:00 PST', clock: '10:00', zone: 'UTC-8' },
        { text: '11:00', clock: '11:00', zone: null },
        { text: '12:00', clock: '12:00', zone: null },
        { text: '13:00', clock: '13:00', zone: null },
      ],
    },
    {
      name: 'reads a dotted range after "between" ending in am/pm of either case (between 0.45 and 9.00 AM)',
      line: 'Last night between 0.45 and 9.00 AM (CET), then between 9.30 and 10.45 pm',
      times: [
        { text: '0.45', clock: '00:45', zone: 'UTC+1' },
        { text: '9.00 AM (CET)', clock: '09:00', zone: 'UTC+1' },
        { text: '9.30', clock: '21:30' },
        { text: '10.45 pm', clock: '22:45' },
      ],
    },
    {
      name: 'does not read lower-case words as zones',
      line: '10:00 eat lunch, 11:00 cat pictures',
      times: [
        { text: '10:00', clock: '10:00', zone: null },
        { text: '11:00', clock: '11:00', zone: null },
      ],
    },
  ];
  for (const f of fixtures) {
    it(f.name, () => check(f.line, findTimes(f.line), f.times));
  }

  const notTimes: { what: string; line: string }[] = [
    { what: 'version numbers', line: 'upgraded to 1.7 then v2.3.1 and 10.30' },
    { what: 'percentages', line: 'error rate reached 70% and 99.9%' },
    { what: 'ratios', line: 'a 3:1 ratio and 16:9 screens' },
    { what: 'IP addresses and ports', line: 'host 10.0.0.1:8080 and fe80::12:34:56' },
    { what: 'MAC addresses', line: 'nic 12:34:56:78:9a:bc' },
    { what: 'status codes and bare years', line: 'returned 404 and 503 during 2023' },
    { what: 'durations', line: 'it lasted 4h15m, or 2 hours, or 90 min' },
    { what: 'relative phrases', line: '2 hours ago, within 5 minutes, this morning' },
    { what: 'bare numbers after "at"', line: 'at 5 we met' },
    { what: 'offsets from the start of an incident', line: 'T+10:00 paged' },
    { what: 'placeholders', line: 'Start: HH:mm, End: 14:??, XX:XX, hh:mm AM' },
    { what: 'impossible clocks and dates', line: '25:99 and 2024-02-30' },
    { what: 'a path of numbers', line: 'see /2024-06-02/0940/ and a/2024-06-02/09:40x' },
    { what: 'a version glued to a zone name', line: 'v1.12UTC and 12:39UTCX' },
  ];
  for (const n of notTimes) {
    it(`does not read ${n.what} as times`, () => assert.deepEqual(findTimes(n.line), []));
  }

  it('reports an ambiguous numeric date, reading it day first by default', () => {
    const [t] = findTimes('04-12-2022 10:00 UTC');
    assert.deepEqual(t.date, d(2022, 12, 4));
    assert.equal(t.dateAmbiguity, '04-12-2022 could be 4 December or 12 April; read as 4 December (day first)');
  });

  it('reads an ambiguous numeric date month first when asked, and still reports it', () => {
    const [t] = findTimes('04-12-2022 10:00 UTC', { dateOrder: 'mdy' });
    assert.deepEqual(t.date, d(2022, 4, 12));
    assert.equal(t.dateAmbiguity, '04-12-2022 could be 4 December or 12 April; read as 12 April (month first)');
  });

  it('does not call a numeric date ambiguous when only one reading exists', () => {
    const [t] = findTimes('13-12-2022 10:00', { dateOrder: 'mdy' });
    assert.deepEqual(t.date, d(2022, 12, 13));
    assert.equal(t.dateAmbiguity, undefined);
  });

  it('takes the year of a date written without one from the incident date', () => {
    const [t] = findTimes('May 13th 10:00 UTC', { referenceDate: d(2023, 6, 1) });
    assert.deepEqual(t.date, d(2023, 5, 13));
    assert.deepEqual(t.inferred, ['year taken from the incident date']);
  });

  it('leaves the date out when it has no year and the incident date is unknown', () => {
    assert.equal(findTimes('May 13th 10:00 UTC')[0].date, null);
  });

  it('reads the ambiguous CST by preference and records the choice', () => {
    const [us] = findTimes('12:30 CST');
    const [other] = findTimes('12:30 CST', { ambiguousZones: 'other' });
    assert.equal(us.zone?.zone, 'UTC-6');
    assert.equal(other.zone?.zone, 'Asia/Shanghai');
    assert.match(us.zone?.ambiguous?.chosen ?? '', /^Central Standard Time/);
  });

  it('does not take a declared section zone as written next to the time', () => {
    const [t] = findTimes('10:00 deploy', { defaultZone: { text: 'UTC', zone: 'UTC' } });
    assert.equal(t.zone, null);
  });
});
