import { strict as assert } from 'node:assert';
import { findDates, findTimes, parseStatedDuration, placeTime, STAND_IN_DAY } from '../../../server/src/service/time';

// What issue 3 added to the time library: dates on their own, placing a time on a day and in a
// zone, and a few more ways of writing times, zones and durations.

describe('time library: additions for the incident reader', () => {
  it('finds dates written without a time, with their offsets', () => {
    const line = '- Sunday, August 4th, 2024: the long night';
    const [d] = findDates(line);
    assert.deepEqual(d.date, { year: 2024, month: 8, day: 4 });
    assert.equal(line.slice(d.start, d.end), d.text);
  });

  it('gives a date without a year the reference year, and leaves it out without one', () => {
    assert.deepEqual(findDates('- Monday, May 13th:'), []);
    assert.deepEqual(
      findDates('- Monday, May 13th:', { referenceDate: { year: 2019, month: 5, day: 1 } }).map((d) => d.date),
      [{ year: 2019, month: 5, day: 13 }],
    );
  });

  it('reads a date written as numbers and commas, month first when the day is over 12', () => {
    const [t] = findTimes('Start Time: 07, 23, 2024, 08:00 AM UTC.');
    assert.deepEqual(t.date, { year: 2024, month: 7, day: 23 });
  });

  it('does not read the article after a clock as am', () => {
    assert.deepEqual(
      findTimes('- 22:00 a deploy started').map((t) => [t.text, t.hour]),
      [['22:00', 22]],
    );
  });

  it('reads a GMT offset with a space before the sign, and a zone after "in"', () => {
    assert.equal(findTimes('from 10:00 GMT +1 to 11:00 GMT +1')[0].zone?.zone, 'UTC+1');
    assert.equal(findTimes('at 10:00 AM in UTC')[0].zone?.zone, 'UTC');
    assert.equal(findTimes('10:00 UTC - 5 users were affected')[0].zone?.zone, 'UTC');
  });

  it('reads halves, plus signs and numbers written twice in stated durations', () => {
    const read = (text: string) => parseStatedDuration(text)?.minutes;
    assert.equal(read('about two and a half hours'), 150);
    assert.equal(read('an hour and a half'), 90);
    assert.equal(read('one and a half hours'), 90);
    assert.equal(read('3+ hours'), 180);
    assert.equal(parseStatedDuration('3+ hours')?.approximate, true);
    assert.equal(read('three (3) hours'), 180);
    assert.equal(read('2 hours and 30 minutes'), 150);
  });

  it('places a time on a day in a zone, or on a stand-in day when the day is unknown', () => {
    const [t] = findTimes('10:30 WAT');
    const placed = placeTime(t, { year: 2024, month: 1, day: 2 }, t.zone);
    assert.equal(placed?.iso, '2024-01-02T09:30:00Z');
    assert.equal(placed?.millis, Date.UTC(2024, 0, 2, 9, 30));
    const undated = placeTime(t, null, t.zone);
    assert.equal(undated?.iso, null);
    assert.equal(undated?.millis, null);
    assert.equal(undated?.at, Date.UTC(STAND_IN_DAY.year, STAND_IN_DAY.month - 1, STAND_IN_DAY.day, 9, 30));
    const unzoned = placeTime(t, { year: 2024, month: 1, day: 2 }, null);
    assert.equal(unzoned?.iso, '2024-01-02T10:30:00');
    assert.equal(unzoned?.millis, null);
  });
});
