import { strict as assert } from 'node:assert';
import { formatDuration, parseStatedDuration, statedSpread } from '../../../server/src/service/time';

// The forms of a stated duration beyond "N unit": halves and quarters, "3+ hours", "three (3)
// hours", the short units, and the words that make a duration approximate only when they stand
// right before it. Each case names the exact text read and the minutes it stands for.

interface Case {
  text: string;
  minutes: number;
  read: string;
  approximate?: boolean;
}

function check(c: Case) {
  const d = parseStatedDuration(c.text);
  assert.ok(d, `a duration in "${c.text}"`);
  assert.deepEqual(
    { minutes: d.minutes, read: d.text, at: c.text.slice(d.start, d.end), approximate: d.approximate ?? false },
    { minutes: c.minutes, read: c.read, at: c.read, approximate: c.approximate ?? false },
  );
}

describe('time/duration: halves and quarters', () => {
  const cases: Case[] = [
    { text: 'down for two and a half hours', minutes: 150, read: 'two and a half hours' },
    { text: 'down for 2 and half hours', minutes: 150, read: '2 and half hours' },
    { text: 'it took an hour and a half', minutes: 90, read: 'an hour and a half' },
    { text: 'it took 3 hours and a half', minutes: 210, read: '3 hours and a half' },
    { text: 'it took 2 days and a half', minutes: 3600, read: '2 days and a half' },
    { text: 'a half-hour of errors', minutes: 30, read: 'a half-hour' },
    { text: 'one half hour of errors', minutes: 30, read: 'one half hour' },
    { text: 'a quarter of an hour of errors', minutes: 15, read: 'a quarter of an hour' },
    { text: 'three quarters of an hour of errors', minutes: 45, read: 'three quarters of an hour' },
    { text: 'a quarter-hour of errors', minutes: 15, read: 'a quarter-hour' },
    { text: 'down for quarter of an hour', minutes: 15, read: 'quarter of an hour' },
    { text: 'it took an hour and a quarter', minutes: 75, read: 'an hour and a quarter' },
    { text: 'it took 2 hours and a quarter', minutes: 135, read: '2 hours and a quarter' },
  ];
  for (const c of cases) it(`reads "${c.text}" as ${c.minutes} minutes`, () => check(c));
});

describe('time/duration: a half, a quarter or a "+" followed by more parts adds them up', () => {
  const cases: Case[] = [
    // The parts' reading starts inside the half ("half hours and 30 minutes"): it must not replace it.
    { text: 'down for two and a half hours and 30 minutes', minutes: 180, read: 'two and a half hours and 30 minutes' },
    { text: 'down for 2 and a half hours, 10 minutes', minutes: 160, read: '2 and a half hours, 10 minutes' },
    { text: 'errors for 3+ hours and 20 minutes', minutes: 200, read: '3+ hours and 20 minutes', approximate: true },
    { text: 'it took an hour and a quarter and 5 minutes', minutes: 80, read: 'an hour and a quarter and 5 minutes' },
  ];
  for (const c of cases) it(`reads "${c.text}" as ${c.minutes} minutes`, () => check(c));

  it('does not add a duration that does not follow right after it', () => {
    const d = parseStatedDuration('down for two and a half hours; the fix took 30 minutes');
    assert.ok(d);
    assert.equal(d.minutes, 150);
    assert.equal(d.text, 'two and a half hours');
  });
});

describe('time/duration: other written forms', () => {
  const cases: Case[] = [
    { text: 'errors for 3+ hours', minutes: 180, read: '3+ hours', approximate: true },
    { text: 'errors for 1.5+ hrs', minutes: 90, read: '1.5+ hrs', approximate: true },
    { text: 'errors for three (3) hours', minutes: 180, read: 'three (3) hours' },
    { text: 'errors for five (5) minutes', minutes: 5, read: 'five (5) minutes' },
    { text: 'for 12 long hours', minutes: 720, read: '12 long hours' },
    { text: 'for two long days', minutes: 2880, read: 'two long days' },
    { text: 'for 30 secs', minutes: 0.5, read: '30 secs' },
    { text: 'for 2 wks', minutes: 20160, read: '2 wks' },
    { text: 'for 10 mins', minutes: 10, read: '10 mins' },
    { text: 'for 1d2h', minutes: 1560, read: '1d2h' },
    { text: 'for 90 seconds', minutes: 1.5, read: '90 seconds' },
    { text: 'for fifteen minutes', minutes: 15, read: 'fifteen minutes' },
    { text: 'for forty-five minutes', minutes: 45, read: 'forty-five minutes' },
    { text: 'for Two Hours', minutes: 120, read: 'Two Hours' },
    { text: 'for 2 hours 30 minutes 15 seconds', minutes: 150.25, read: '2 hours 30 minutes 15 seconds' },
  ];
  for (const c of cases) it(`reads "${c.text}" as ${c.minutes} minutes`, () => check(c));
});

describe('time/duration: one-letter units a space apart, clocks with an hour word, minutes after the h', () => {
  const cases: Case[] = [
    // One-letter units a space after their digits: hours, days and weeks alone, any after such a part.
    { text: '13:05–14:31 UTC (1 h 26 m)', minutes: 86, read: '1 h 26 m' },
    { text: 'about 1.5 h', minutes: 90, read: '1.5 h', approximate: true },
    { text: '2 d 3 h 5 m', minutes: 3065, read: '2 d 3 h 5 m' },
    { text: '2 H 10 M', minutes: 130, read: '2 H 10 M' },
    { text: '1h 26 m', minutes: 86, read: '1h 26 m' },
    { text: '1 h, 26 m and 30 s', minutes: 86.5, read: '1 h, 26 m and 30 s' },
    { text: 'lasted 3 h for 5 m users', minutes: 180, read: '3 h' },
    // Hours and minutes written as a clock, with an hour unit.
    { text: 'Duration: 1:30 hours (14:00 to 15:30 UTC)', minutes: 90, read: '1:30 hours' },
    { text: 'about 0:45 hrs', minutes: 45, read: '0:45 hrs', approximate: true },
    { text: '26:05 hrs of degraded service', minutes: 1565, read: '26:05 hrs' },
    // Minutes after the h without a unit of their own.
    { text: 'Durée : 2h30', minutes: 150, read: '2h30' },
    { text: '1h05 of downtime', minutes: 65, read: '1h05' },
  ];
  for (const c of cases) it(`reads "${c.text}" as ${c.minutes} minutes`, () => check(c));
});

describe('time/duration: the first duration of a line', () => {
  it('reads the earliest of two durations', () => {
    check({ text: '5 minutes to detect, 2 hours to fix', minutes: 5, read: '5 minutes' });
  });

  it('reads a half form after a plain duration where it is written, not first', () => {
    check({ text: '10 minutes later, two and a half hours in all', minutes: 10, read: '10 minutes' });
  });

  it('prefers the whole "two and a half hours" over the "half hours" inside it', () => {
    check({ text: 'two and a half hours', minutes: 150, read: 'two and a half hours' });
  });
});

describe('time/duration: approximate only when the word stands right before it', () => {
  const words = ['about', 'around', 'approx.', 'approx', 'approximately', 'roughly', 'nearly', 'almost', 'over', 'under', '~', '≈'];
  for (const word of words) {
    it(`reads "${word} 40 minutes" as approximate`, () => {
      check({ text: `${word} 40 minutes`, minutes: 40, read: '40 minutes', approximate: true });
    });
  }

  it('reads "About 40 minutes" as approximate whatever the case', () => {
    check({ text: 'About 40 minutes', minutes: 40, read: '40 minutes', approximate: true });
  });

  it('does not read "about" earlier in the line as making the duration approximate', () => {
    check({ text: 'We talked about it for 40 minutes', minutes: 40, read: '40 minutes' });
  });

  it('does not read a word that ends in "over" as approximate', () => {
    check({ text: 'failover 40 minutes', minutes: 40, read: '40 minutes' });
  });
});

describe('time/duration: formatDuration at the unit boundaries', () => {
  const formats: [number, string][] = [
    [59, '59 minutes'],
    [59.5, '1 hour'],
    [120, '2 hours'],
    [1439, '23 hours 59 minutes'],
    [1441, '1 day 1 minute'],
    [1500, '1 day 1 hour'],
    [2880, '2 days'],
    [-0.4, '0 minutes'],
    [-1, '-1 minute'],
    [0.4, '0 minutes'],
  ];
  for (const [minutes, text] of formats) {
    it(`writes ${minutes} minutes as "${text}"`, () => assert.equal(formatDuration(minutes), text));
  }
});

describe('time/duration: ranges of lengths and hours joined to minutes by a colon', () => {
  const cases: Case[] = [
    { text: 'for an estimated 10-15 minutes', minutes: 12.5, read: '10-15 minutes', approximate: true },
    { text: 'down for 2 to 3 hours', minutes: 150, read: '2 to 3 hours', approximate: true },
    { text: 'down for 2–3 hrs', minutes: 150, read: '2–3 hrs', approximate: true },
    { text: 'lasted 1hr:35mins', minutes: 95, read: '1hr:35mins' },
    { text: 'lasted 2h:05m', minutes: 125, read: '2h:05m' },
  ];
  for (const c of cases) it(`reads "${c.text}" as ${c.minutes} minutes`, () => check(c));

  it('reads a falling "range" as its first length only', () => {
    assert.equal(parseStatedDuration('for 15-10 minutes')?.minutes, 10);
  });

  it('gives the half spread of a range, and none for one length', () => {
    assert.equal(statedSpread('10-15 minutes'), 2.5);
    assert.equal(statedSpread('2 to 3 hours'), 30);
    assert.equal(statedSpread('3 hours'), 0);
    assert.equal(statedSpread('15-10 minutes'), 0);
  });
});

describe('time/duration: the edges of ranges and of "long"', () => {
  it('reads "2-2 hours" as the one length written last, not as a range', () => {
    const d = parseStatedDuration('for 2-2 hours');
    assert.deepEqual([d?.text, d?.minutes, d?.approximate ?? false], ['2 hours', 120, false]);
    assert.equal(statedSpread('2-2 hours'), 0);
  });

  it('reads "12 long  hours" with two spaces before the unit', () => {
    assert.equal(parseStatedDuration('for 12 long  hours')?.minutes, 720);
  });

  it('reads a range of hours over the minutes inside it', () => {
    const d = parseStatedDuration('down for 1-2 hours 30 minutes');
    assert.equal(d?.text.startsWith('1-2 hours'), true);
  });
});
