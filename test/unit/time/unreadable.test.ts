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

  it('says why a token cannot be read', () => {
    assert.deepEqual(
      findUnreadableTimes('25:99 14:?? 2024-02-30 24:00').map((u) => u.reason),
      ['hour 25 and minute 99 out of range', 'a placeholder, not a time', 'not a date in the calendar', 'hour 24 out of range (write 00:00 of the next day)'],
    );
  });
});
