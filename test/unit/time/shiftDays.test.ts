import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { shiftDays, clockSeconds } from '../../../server/src/service/time/clock';

// shiftDays does its arithmetic with Date in UTC; luxon (the time library the rest of the service
// reads zones with) is the reference it must agree with, on every date and shift.
const byLuxon = (year: number, month: number, day: number, days: number) => {
  const d = DateTime.fromObject({ year, month, day }, { zone: 'UTC' }).plus({ days });
  return { year: d.year, month: d.month, day: d.day };
};

describe('shifting a calendar date by days', () => {
  it('agrees with luxon on any date and shift, leap years and years before 100 included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: -800, max: 800 }),
        (year, month, day, days) => {
          assert.deepEqual(shiftDays({ year, month, day }, days), byLuxon(year, month, day, days));
        },
      ),
      { seed: 20261201, numRuns: 3000 },
    );
  });

  it('crosses month, year and leap-day boundaries', () => {
    assert.deepEqual(shiftDays({ year: 2024, month: 2, day: 28 }, 1), { year: 2024, month: 2, day: 29 });
    assert.deepEqual(shiftDays({ year: 2023, month: 2, day: 28 }, 1), { year: 2023, month: 3, day: 1 });
    assert.deepEqual(shiftDays({ year: 2024, month: 12, day: 31 }, 1), { year: 2025, month: 1, day: 1 });
    assert.deepEqual(shiftDays({ year: 2025, month: 1, day: 1 }, -1), { year: 2024, month: 12, day: 31 });
    assert.deepEqual(shiftDays({ year: 50, month: 3, day: 1 }, -1), { year: 50, month: 2, day: 28 });
  });

  it('keeps a stand-in year a stand-in', () => {
    assert.deepEqual(shiftDays({ year: 2000, month: 1, day: 31, yearUnknown: true }, 1), { year: 2000, month: 2, day: 1, yearUnknown: true });
  });

  it('gives no date for a day that is not in the calendar, as luxon does', () => {
    const shifted = shiftDays({ year: 2023, month: 2, day: 30 }, 1);
    assert.ok(Number.isNaN(shifted.year) && Number.isNaN(shifted.month) && Number.isNaN(shifted.day));
    assert.ok(Number.isNaN(byLuxon(2023, 2, 30, 1).year));
    // A month outside 1 to 12 and a day 0 or past its month's end, whatever the other fields say.
    for (const [year, month, day] of [
      [2023, 13, 5],
      [2023, 0, 5],
      [2024, 4, 31],
      [2024, 3, 0],
      [2023, 12, 32],
    ]) {
      const out = shiftDays({ year, month, day }, 0);
      assert.ok(Number.isNaN(out.year) && Number.isNaN(out.month) && Number.isNaN(out.day), `${year}-${month}-${day}`);
      assert.ok(Number.isNaN(byLuxon(year, month, day, 0).year), `${year}-${month}-${day}`);
    }
  });
});

describe('time: seconds since midnight of a written clock', () => {
  it('counts hours, minutes and seconds, a clock without seconds at its whole minute', () => {
    assert.equal(clockSeconds({ hour: 1, minute: 2, second: 3 }), 3723);
    assert.equal(clockSeconds({ hour: 23, minute: 59 }), 86_340);
    assert.ok(clockSeconds({ hour: 10, minute: 0, second: 30 }) > clockSeconds({ hour: 10, minute: 0, second: 10 }));
  });
});
