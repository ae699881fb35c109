import * as assert from 'node:assert/strict';
import { forgetRememberedTexts } from '../../../server/src/service/incremental/memo';
import { findDates, findTimes, type TimeReadingOptions } from '../../../server/src/service/time';

describe('remembered time readings', () => {
  it('reads a line the same way whether remembered or not', () => {
    const line = '- **10:15 AM WAT** – alert fired, escalated at 10:40';
    const options = { referenceDate: { year: 2024, month: 1, day: 15 } };
    forgetRememberedTexts();
    const cold = findTimes(line, options);
    const warm = findTimes(line, options);
    assert.deepEqual(warm, cold);
    assert.equal(warm.length, 2);
  });

  it('keys a reading by its options as well as its text', () => {
    const line = 'started at 09:00 CST';
    const us = findTimes(line, { ambiguousZones: 'us' })[0];
    const other = findTimes(line, { ambiguousZones: 'other' })[0];
    assert.notEqual(us.zone?.zone, other.zone?.zone);
  });

  it('hands out a copy of the list, so a caller sorting or emptying it changes nothing remembered', () => {
    const line = '14:00 UTC then 13:00 UTC';
    const first = findTimes(line);
    first.reverse();
    first.length = 0;
    assert.equal(findTimes(line).length, 2);
    assert.equal(findTimes(line)[0].hour, 14);
  });
});

describe('remembered time readings, keyed by what changes a reading', () => {
  it('reads a line under other options as a line never read before would (the reference day, stand-in year, zone and date readings)', () => {
    const may2023 = { year: 2023, month: 5, day: 1 };
    const may2024 = { year: 2024, month: 5, day: 1 };
    const cases: [string, TimeReadingOptions[]][] = [
      ['May 5 at 10:00', [{ referenceDate: may2023 }, { referenceDate: may2024 }, { referenceDate: may2024, standInYear: true }]],
      // The reference's month and day too: the last December 31 before it.
      ['Dec 31 10:00', [{ referenceDate: may2024 }, { referenceDate: { year: 2024, month: 12, day: 31 } }]],
      ['05/06/2024 10:00', [{ dateOrder: 'dmy' }, { dateOrder: 'mdy' }]],
      ['10:00 CST', [{ ambiguousZones: 'us' }, { ambiguousZones: 'other' }]],
    ];
    for (const [line, variants] of cases) {
      const warm = variants.map((o) => [findTimes(line, o), findDates(line, o)]);
      const cold = variants.map((o) => {
        forgetRememberedTexts();
        return [findTimes(line, o), findDates(line, o)];
      });
      assert.deepEqual(warm, cold, line);
      // And the options do change the reading: no two variants of a line read alike.
      assert.equal(new Set(cold.map((c) => JSON.stringify(c))).size, variants.length, line);
    }
  });
});
