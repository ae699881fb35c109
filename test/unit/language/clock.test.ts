import { strict as assert } from 'node:assert';
import { addMinutes, readClock, writeClock } from '../../../server/src/service/language/clock';

// Times written the way the author writes them.

const later = (text: string, minutes = 5) => {
  const shape = readClock(text);
  assert.ok(shape, text);
  return addMinutes(shape, minutes);
};

describe('clock shapes', () => {
  it('moves a time on in its own format and zone', () => {
    const cases: [string, string][] = [
      ['10:15 AM', '10:20 AM'],
      ['10:15 am', '10:20 am'],
      ['10.15 p.m.', '10.20 p.m.'],
      ['11:58 AM', '12:03 PM'],
      ['11:58 p.m.', '12:03 a.m.'],
      ['3 pm', '3:05 pm'],
      ['15:00 UTC', '15:05 UTC'],
      ['9:05 WAT', '9:10 WAT'],
      ['09:05', '09:10'],
      ['14:30:15', '14:35:15'],
      ['2100hrs', '2105hrs'],
      ['2358 hrs SAST', '0003 hrs SAST'],
      ['2024-01-19 15:00 (UTC+2)', '2024-01-19 15:05 (UTC+2)'],
      ['2024-01-19T15:00:00Z', '2024-01-19T15:05:00Z'],
      ['2024-02-29 23:58', '2024-03-01 00:03'],
      ['2024-12-31 23:55 UTC', '2025-01-01 00:00 UTC'],
      ['Jan 15, 10:15', 'Jan 15, 10:20'],
    ];
    for (const [written, expected] of cases) assert.equal(later(written), expected, written);
  });

  it('reads the hour in 24-hour form', () => {
    assert.equal(readClock('12:10 AM')?.hour, 0);
    assert.equal(readClock('12:10 PM')?.hour, 12);
    assert.equal(readClock('1:10 pm')?.hour, 13);
    assert.equal(readClock('2100hrs')?.hour, 21);
  });

  it('writes a given wall-clock time, with its date when the shape has one', () => {
    const shape = readClock('2024-01-19 10:15 AM WAT')!;
    assert.equal(writeClock(shape, { year: 2024, month: 5, day: 2, hour: 16, minute: 7 }), '2024-05-02 4:07 PM WAT');
    assert.equal(writeClock(readClock('**10:15**')!, { hour: 9, minute: 3 }), '**09:03**');
  });

  it('reads nothing that is not a time', () => {
    for (const text of ['HH:MM', 'Deploy 4711', '25:00', '10:75', '13 pm', 'version 1.15']) assert.equal(readClock(text), undefined, text);
  });
});
