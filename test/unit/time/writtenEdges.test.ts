import { strict as assert } from 'node:assert';
import { findDates, findTimes } from '../../../server/src/service/time';
import { dateOrderShownIn } from '../../../server/src/service/time/written';

// The patterns time/written.ts reads beside chrono, on both sides of each of their checks.

const clocks = (line: string, options?: Parameters<typeof findTimes>[1]) =>
  findTimes(line, options).map((t) => `${t.text}=${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`);

describe('time/written: four-digit clock ranges', () => {
  it('reads a range of four-digit clocks joined by a dash, "to" or "until", with or without a zone', () => {
    assert.deepEqual(clocks('maintenance 0900–1300 PST'), ['0900=09:00', '1300 PST=13:00']);
    assert.deepEqual(clocks('maintenance 0900 to 1300'), ['0900=09:00', '1300=13:00']);
    assert.deepEqual(clocks('down 2330 until 0015 UTC'), ['2330=23:30', '0015 UTC=00:15']);
  });

  it('reads "0900 and 1100" as a range only after "between" (and "between the hours of"); "1900 and 2100" are years', () => {
    assert.deepEqual(clocks('errors between 0900 and 1100'), ['0900=09:00', '1100=11:00']);
    assert.deepEqual(clocks('errors between the hours of 0900 and 1100'), ['0900=09:00', '1100=11:00']);
    assert.deepEqual(clocks('we saw 0900 and 1100 errors'), []);
    assert.deepEqual(clocks('errors between 1900 and 2100'), []);
  });

  it('leaves a pair of years, unless a zone makes them clocks', () => {
    assert.deepEqual(clocks('from 2019-2020 the service grew'), []);
    assert.deepEqual(clocks('the 1900–2000 records'), []);
    assert.deepEqual(clocks('window 2000-2100 UTC'), ['2000=20:00', '2100 UTC=21:00']);
    assert.deepEqual(clocks('window 1800-2000 UTC'), ['1800=18:00', '2000 UTC=20:00']);
  });

  it('leaves numbers that are not clocks: past 23 hours or 59 minutes, or joined to other digits', () => {
    assert.deepEqual(clocks('ids 2400-2500'), []);
    assert.deepEqual(clocks('ids 1260-1300'), []);
    assert.deepEqual(clocks('version 1.0900-1300'), []);
    assert.deepEqual(clocks('ports 0900-13000'), []);
  });
});

describe('time/written: a month and day written before a clock', () => {
  it('takes "September 19" before "19:19 UTC" as the date of the clock', () => {
    const [t] = findTimes('September 19 19:19 UTC', { referenceDate: { year: 2023, month: 1, day: 1 } });
    assert.ok(t);
    assert.deepEqual([t.date?.month, t.date?.day, t.hour, t.minute], [9, 19, 19, 19]);
    assert.equal(findTimes('September 19 19:19 UTC').length, 1);
  });

  it('marks the year as unknown when the year is a stand-in', () => {
    const [t] = findTimes('Sep 3rd, at 07:05 UTC', { referenceDate: { year: 2000, month: 1, day: 1 }, standInYear: true });
    assert.ok(t);
    assert.equal(t.date?.month, 9);
    assert.equal(t.date?.day, 3);
    assert.equal(t.yearUnknown, true);
  });
});

describe('time/written: the date order a document shows', () => {
  it('is day first when a date can only be day first, month first when it can only be month first', () => {
    assert.equal(dateOrderShownIn(['on 13/01/2024 at 10:00']), 'dmy');
    assert.equal(dateOrderShownIn(['on 01/13/2024 at 10:00']), 'mdy');
    assert.equal(dateOrderShownIn(['on 31.12.2024']), 'dmy');
    assert.equal(dateOrderShownIn(['on 12-31-24']), 'mdy');
  });

  it('is none when every date could be either, when both are shown, or when a number is no day', () => {
    assert.equal(dateOrderShownIn(['on 12/01/2024', 'and 01/12/2024']), null);
    assert.equal(dateOrderShownIn(['13/01/2024', '01/13/2024']), null);
    assert.equal(dateOrderShownIn(['32/01/2024', '01/32/2024', '13/13/2024', '00/13/2024', '13/00/2024']), null);
    assert.equal(dateOrderShownIn(['12/12/2024']), null);
    assert.equal(dateOrderShownIn([`${'x'.repeat(2001)} 13/01/2024`]), null);
    assert.equal(dateOrderShownIn(['version 1/13/2024/5']), null);
  });
});

describe('time/written: the repairs made before chrono reads a line', () => {
  const read = (line: string) => findTimes(line).map((t) => [t.text, t.hour, t.minute, t.date ? `${t.date.year}-${t.date.month}-${t.date.day}` : null]);
  const cases: [string, (string | number | null)[][]][] = [
    // Zulu and ISO's T: set aside for chrono, read back by the zone reader.
    ['paged 16:10Z', [['16:10Z', 16, 10, null]]],
    ['paged 16:10:30Z', [['16:10:30Z', 16, 10, null]]],
    ['at T16:10Z', [['T16:10Z', 16, 10, null]]],
    ['T9:05 deploy', [['T9:05', 9, 5, null]]],
    ['at 16:10Zulu', []],
    ['at 16:10ZZ', []],
    ['xT16:10', []],
    // Dates written with long dashes, both or one of them.
    ['on 01–11–2021 at 10:00', [['01–11–2021 at 10:00', 10, 0, '2021-11-1']]],
    ['on 2023–12–18 at 10:00', [['2023–12–18 at 10:00', 10, 0, '2023-12-18']]],
    ['on 2023-12–18 at 10:00', [['2023-12–18 at 10:00', 10, 0, '2023-12-18']]],
    ['on 2023–12-18 at 10:00', [['2023–12-18 at 10:00', 10, 0, '2023-12-18']]],
    ['on 01-11–2021 at 10:00', [['01-11–2021 at 10:00', 10, 0, '2021-11-1']]],
    ['on 12345–11–2021 at 10:00', [['10:00', 10, 0, null]]],
    // A zone glued to the clock.
    ['at 12:39UTC', [['12:39UTC', 12, 39, null]]],
    ['at 17.17GMT', [['17.17GMT', 17, 17, null]]],
    ['at 12:39:10UTC', [['12:39:10UTC', 12, 39, null]]],
    ['at 112:39UTC', []],
    ['at 12:39UTCX', []],
    ['at 12:69UTC', []],
    ['at 12:39:70UTC', []],
    // Meridiems typed short or after a colon, a space after the colon, a needless pm.
    ['at 3:00 a.m', [['3:00 a.m', 3, 0, null]]],
    ['at 2 p.m', [['2 p.m', 14, 0, null]]],
    ['at 3:AM', [['3:AM', 3, 0, null]]],
    ['at 5: PM', [['5: PM', 17, 0, null]]],
    ['at 12: 48pm', [['12: 48pm', 12, 48, null]]],
    ['at 12: 485pm', []],
    ['at 14:00 PM', [['14:00 PM', 14, 0, null]]],
    // A date and a clock joined by a slash; clocks written with a dot before a zone or am/pm only.
    ['at 2024-06-02/09:40', [['2024-06-02/09:40', 9, 40, '2024-6-2']]],
    ['at 19.19 UTC', [['19.19 UTC', 19, 19, null]]],
    ['at 8.35 AM', [['8.35 AM', 8, 35, null]]],
    [
      'at 19.19 - 02.33 UTC',
      [
        ['19.19', 19, 19, null],
        ['02.33 UTC', 2, 33, null],
      ],
    ],
    ['version 5.47 LTS', []],
  ];
  for (const [line, expected] of cases) {
    it(`reads ${JSON.stringify(line)} as ${expected.length ? expected.map((e) => e[0]).join(', ') : 'no time'}`, () => {
      assert.deepEqual(read(line), expected);
    });
  }
});

describe('time/written: dates written with commas, and one-letter meridiems', () => {
  const dates = (line: string, dateOrder?: 'dmy' | 'mdy') =>
    findDates(line, dateOrder ? { dateOrder } : undefined).map((d) => `${d.text}=${d.date.year}-${d.date.month}-${d.date.day}`);

  it('reads "03, 14, 2024" in the one order that is possible, and the configured one when both are', () => {
    assert.deepEqual(dates('on 03, 14, 2024 at 10:00'), ['03, 14, 2024=2024-3-14']);
    assert.deepEqual(dates('on 14, 03, 2024 at 10:00'), ['14, 03, 2024=2024-3-14']);
    assert.deepEqual(dates('on 03, 04, 2024 at 10:00'), ['03, 04, 2024=2024-4-3']);
    assert.deepEqual(dates('on 03, 04, 2024 at 10:00', 'mdy'), ['03, 04, 2024=2024-3-4']);
    assert.deepEqual(dates('on 12, 31, 2024'), ['12, 31, 2024=2024-12-31']);
    assert.deepEqual(dates('on 31, 12, 2024'), ['31, 12, 2024=2024-12-31']);
    assert.deepEqual(dates('on 02, 29, 2024'), ['02, 29, 2024=2024-2-29']);
  });

  it('reads no date where neither order is a day of the calendar', () => {
    for (const line of ['on 02, 29, 2023', 'on 04, 31, 2024', 'on 13, 13, 2024', 'on 00, 12, 2024', 'on 12, 00, 2024', 'on 32, 12, 2024']) {
      assert.deepEqual(dates(line), [], line);
    }
  });

  it('reads "11:21a" and "12:28p" as am and pm, 12 a as midnight, and nothing past 12 or glued to letters', () => {
    assert.deepEqual(clocks('at 11:21a'), ['11:21a=11:21']);
    assert.deepEqual(clocks('at 12:28p'), ['12:28p=12:28']);
    assert.deepEqual(clocks('at 12:05a'), ['12:05a=00:05']);
    assert.deepEqual(clocks('at 1:05P'), ['1:05P=13:05']);
    assert.deepEqual(clocks('at 1:05 p'), ['1:05 p=13:05']);
    assert.deepEqual(clocks('at 13:05p'), []);
    assert.deepEqual(clocks('at 1:05pa'), []);
  });
});
