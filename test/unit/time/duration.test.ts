import { strict as assert } from 'node:assert';
import { formatDuration, parseStatedDuration } from '../../../server/src/service/time';

describe('time/duration: parseStatedDuration', () => {
  const stated: { text: string; minutes: number; duration: string; approximate?: boolean }[] = [
    { text: 'Duration: 4 hours and 15 minutes', minutes: 255, duration: '4 hours and 15 minutes' },
    { text: 'Approximately 4h15m', minutes: 255, duration: '4h15m', approximate: true },
    { text: '~90 min', minutes: 90, duration: '90 min', approximate: true },
    { text: 'about 1.5 hours of downtime', minutes: 90, duration: '1.5 hours', approximate: true },
    { text: '3h30m', minutes: 210, duration: '3h30m' },
    { text: 'down for 2 hrs', minutes: 120, duration: '2 hrs' },
    { text: '45 minutes', minutes: 45, duration: '45 minutes' },
    { text: '1 hour 30 mins', minutes: 90, duration: '1 hour 30 mins' },
    { text: 'two hours', minutes: 120, duration: 'two hours' },
    { text: 'it took a day', minutes: 1440, duration: 'a day' },
    { text: 'Impact lasted 11 Days', minutes: 15840, duration: '11 Days' },
    { text: '54 hours 10 minutes', minutes: 3250, duration: '54 hours 10 minutes' },
    { text: 'half an hour', minutes: 30, duration: 'half an hour' },
    { text: '2 days 3 hours', minutes: 3060, duration: '2 days 3 hours' },
    { text: '4 hours, and 15 minutes', minutes: 255, duration: '4 hours, and 15 minutes' },
    { text: '90s', minutes: 1.5, duration: '90s' },
    { text: '1 week', minutes: 10080, duration: '1 week' },
  ];
  for (const s of stated) {
    it(`reads "${s.text}" as ${s.minutes} minutes`, () => {
      const d = parseStatedDuration(s.text);
      assert.ok(d);
      assert.equal(d.minutes, s.minutes);
      assert.equal(d.text, s.duration);
      assert.equal(s.text.slice(d.start, d.end), d.text);
      assert.equal(d.approximate ?? false, s.approximate ?? false);
    });
  }

  for (const text of [
    'version 1.7',
    'at 10:00h',
    '5 m users',
    '30 s delay',
    '2 hm',
    '3 ms',
    'at 1:30 the page',
    '12:30 UTC',
    '1:75 hours',
    'data hours',
    'and then',
    'no duration',
    '',
  ]) {
    it(`finds no duration in "${text}"`, () => assert.equal(parseStatedDuration(text), null));
  }
});

describe('time/duration: formatDuration', () => {
  const formats: [number, string][] = [
    [0, '0 minutes'],
    [1, '1 minute'],
    [45, '45 minutes'],
    [60, '1 hour'],
    [61, '1 hour 1 minute'],
    [255, '4 hours 15 minutes'],
    [1440, '1 day'],
    [3060, '2 days 3 hours'],
    [2 * 1440 + 1, '2 days 1 minute'],
    [89.6, '1 hour 30 minutes'],
    [-90, '-1 hour 30 minutes'],
  ];
  for (const [minutes, text] of formats) {
    it(`writes ${minutes} minutes as "${text}"`, () => assert.equal(formatDuration(minutes), text));
  }
});
