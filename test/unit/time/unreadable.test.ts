import { strict as assert } from 'node:assert';
import { findUnreadableTimes, isPlaceholderTime } from '../../../server/src/service/time';

describe('time/unreadable: isPlaceholderTime', () => {
  for (const text of ['HH:mm', 'HH:MM', '14:??', 'XX:XX', 'hh:mm AM', 'hh:mm a', 'HH:MM:SS', ' HH:mm ', 'YYYY-MM-DD', 'YYYY-MM-DD HH:mm']) {
    it(`calls "${text}" a placeholder`, () => assert.equal(isPlaceholderTime(text), true));
  }
  for (const text of ['10:00', '10:00 AM', '25:99', 'HH', 'hello', '', '2024-01-19']) {
    it(`does not call "${text}" a placeholder`, () => assert.equal(isPlaceholderTime(text), false));
  }
});

describe('time/unreadable: findUnreadableTimes', () => {
  const lines: { line: string; unreadable: string[] }[] = [
    { line: 'Start: HH:mm, End: 14:??', unreadable: ['HH:mm', '14:??'] },
    { line: '| XX:XX | hh:mm AM |', unreadable: ['XX:XX', 'hh:mm AM'] },
    { line: 'resolved at 25:99 UTC', unreadable: ['25:99'] },
    { line: '12:61 and 10:00:75', unreadable: ['12:61', '10:00:75'] },
    { line: 'on 2024-02-30 at 10:00', unreadable: ['2024-02-30'] },
    { line: 'on 2023-13-01', unreadable: ['2023-13-01'] },
    { line: '31/31/2024', unreadable: ['31/31/2024'] },
    { line: 'at 2500hrs', unreadable: ['2500hrs'] },
    { line: 'at 24:00', unreadable: ['24:00'] },
    { line: 'Date: YYYY-MM-DD HH:mm', unreadable: ['YYYY-MM-DD HH:mm'] },
    { line: 'all fine: 2024-02-29 10:00 UTC, 04/12/2022, 23:59:59', unreadable: [] },
    { line: 'not times: v1.2.3, 3:1, 10.0.0.1:8080, 12:34:56:78:9a:bc', unreadable: [] },
  ];
  for (const l of lines) {
    it(`reports ${l.unreadable.length ? l.unreadable.join(', ') : 'nothing'} in "${l.line}"`, () => {
      const found = findUnreadableTimes(l.line);
      assert.deepEqual(
        found.map((u) => u.text),
        l.unreadable,
      );
      for (const u of found) assert.equal(l.line.slice(u.start, u.end), u.text);
    });
  }

  it('knows the last day of each month, in every year a date can be written with four digits', () => {
    const bad = (date: string) => findUnreadableTimes(`on ${date} 10:00`).map((u) => u.text);
    for (const last of ['2024-01-31', '2024-03-31', '2024-04-30', '2023-12-31', '2024-12-01', '0400-02-29', '9999-12-31'])
      assert.deepEqual(bad(last), [], last);
    for (const past of ['2024-01-32', '2024-04-31', '2023-12-32', '2024-03-00', '2024-00-10', '2024-13-01', '0300-02-29'])
      assert.deepEqual(bad(past), [past], past);
    // In a leap year too, only February has 29 days.
    assert.deepEqual(bad('2024-01-30'), []);
    assert.deepEqual(bad('31/12/2023'), []);
    assert.deepEqual(bad('00/12/2023'), ['00/12/2023']);
  });

  it('knows the leap years: every fourth, but not a century unless it divides by 400', () => {
    const feb29 = (year: number) => findUnreadableTimes(`on ${year}-02-29`).map((u) => u.text);
    assert.deepEqual(feb29(2024), []);
    assert.deepEqual(feb29(2000), []);
    assert.deepEqual(feb29(2023), ['2023-02-29']);
    assert.deepEqual(feb29(2100), ['2100-02-29']);
    assert.deepEqual(feb29(1900), ['1900-02-29']);
    assert.deepEqual(
      findUnreadableTimes('on 29/02/2100').map((u) => u.text),
      ['29/02/2100'],
    );
    assert.deepEqual(findUnreadableTimes('on 29/02/2000'), []);
  });

  it('reads a numeric date day first or month first: unreadable only when neither is a date', () => {
    assert.deepEqual(findUnreadableTimes('on 13/04/2024'), []);
    assert.deepEqual(findUnreadableTimes('on 04/13/2024'), []);
    assert.deepEqual(
      findUnreadableTimes('on 13/13/2024').map((u) => u.reason),
      ['not a date in the calendar, day first or month first'],
    );
  });

  it('suggests the next day only for exactly 24:00', () => {
    assert.deepEqual(
      findUnreadableTimes('at 24:00:00').map((u) => u.reason),
      ['hour 24 out of range (write 00:00 of the next day)'],
    );
    assert.deepEqual(
      findUnreadableTimes('at 24:00:30').map((u) => u.reason),
      ['hour 24 out of range'],
    );
    assert.deepEqual(
      findUnreadableTimes('at 24:05').map((u) => u.reason),
      ['hour 24 out of range'],
    );
  });

  it('reports the first of two readings that overlap, and both of two that only touch', () => {
    // "99/99/2024" and "2024-13-45" share "2024".
    assert.deepEqual(
      findUnreadableTimes('x 99/99/2024-13-45').map((u) => u.text),
      ['99/99/2024'],
    );
    assert.deepEqual(
      findUnreadableTimes('at 2024-02-30 25:00').map((u) => u.text),
      ['2024-02-30', '25:00'],
    );
  });

  it('says why a token cannot be read', () => {
    assert.deepEqual(
      findUnreadableTimes('25:99 14:?? 2024-02-30 24:00').map((u) => u.reason),
      ['hour 25 and minute 99 out of range', 'a placeholder, not a time', 'not a date in the calendar', 'hour 24 out of range (write 00:00 of the next day)'],
    );
  });
});
