import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { findTimes, findUnreadableTimes, formatDuration, minutesBetween, parseStatedDuration } from '../../../server/src/service/time';

const RUNS = { seed: 42, numRuns: 300 };
const MINUTE = 60_000;

// Zones as a postmortem would write them, and the luxon zone to format the wall clock in.
const ZONES: { text: string; zone: string }[] = [
  { text: 'UTC', zone: 'UTC' },
  { text: 'America/New_York', zone: 'America/New_York' },
  { text: 'America/Los_Angeles', zone: 'America/Los_Angeles' },
  { text: 'America/St_Johns', zone: 'America/St_Johns' },
  { text: 'America/Sao_Paulo', zone: 'America/Sao_Paulo' },
  { text: 'Europe/London', zone: 'Europe/London' },
  { text: 'Europe/Berlin', zone: 'Europe/Berlin' },
  { text: 'Europe/Moscow', zone: 'Europe/Moscow' },
  { text: 'Africa/Lagos', zone: 'Africa/Lagos' },
  { text: 'Asia/Kolkata', zone: 'Asia/Kolkata' },
  { text: 'Asia/Kathmandu', zone: 'Asia/Kathmandu' },
  { text: 'Australia/Sydney', zone: 'Australia/Sydney' },
  { text: 'Australia/Lord_Howe', zone: 'Australia/Lord_Howe' },
  { text: 'Pacific/Chatham', zone: 'Pacific/Chatham' },
  { text: 'Pacific Time', zone: 'America/Los_Angeles' },
  { text: 'Eastern Time', zone: 'America/New_York' },
  { text: 'WAT', zone: 'Africa/Lagos' },
  { text: 'PST', zone: 'UTC-8' },
  { text: 'UTC+2', zone: 'UTC+2' },
  { text: 'UTC-5', zone: 'UTC-5' },
  { text: 'GMT+1', zone: 'UTC+1' },
  { text: 'UTC+05:30', zone: 'UTC+5:30' },
  { text: 'UTC-03:30', zone: 'UTC-3:30' },
  { text: 'UTC+14', zone: 'UTC+14' },
];

// Ways the wall clock is written (luxon formats, English names).
const FORMATS = ['yyyy-MM-dd HH:mm', 'MMMM d, yyyy, h:mm a', 'd MMM yyyy HH:mm', 'yyyy-MM-dd HH:mm:ss', 'cccc, MMMM d, yyyy, h:mm a'];

const instant = fc.integer({ min: Date.UTC(2000, 0, 1) / MINUTE, max: Date.UTC(2035, 11, 31) / MINUTE }).map((m) => m * MINUTE);
const written = fc.record({ millis: instant, zone: fc.constantFrom(...ZONES), format: fc.constantFrom(...FORMATS) });

function wallClock(w: { millis: number; zone: { text: string; zone: string }; format: string }): string {
  return `${DateTime.fromMillis(w.millis, { zone: w.zone.zone }).toFormat(w.format, { locale: 'en-US' })} ${w.zone.text}`;
}

/** A wall clock shown twice (fall-back) cannot say which instant it was; such texts are skipped. */
function isRepeatedWallClock(w: { millis: number; zone: { zone: string } }): boolean {
  const shown = (ms: number) => DateTime.fromMillis(ms, { zone: w.zone.zone }).toFormat('yyyy-MM-dd HH:mm');
  return [30, 60, 120].some((m) => shown(w.millis - m * MINUTE) === shown(w.millis) || shown(w.millis + m * MINUTE) === shown(w.millis));
}

// Text that looks a bit like a timeline, to reach more of the reader than random noise does.
const fragment = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '10:00',
    '23:59:59',
    ' - ',
    ' to ',
    'UTC',
    '(PST)',
    'UTC+2',
    'America/New_York',
    '2024-01-19',
    '04-12-2022',
    '~',
    'about ',
    'am',
    'pm',
    '2100hrs',
    'HH:mm',
    '14:??',
    '25:99',
    'between ',
    ' and ',
    '**',
    '|',
    'T',
    'Z',
    ':',
    '.',
    '\u{1F600}',
    '\uD800',
  ),
);
const noisyLine = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

describe('time: properties', () => {
  it('measures the minutes between two written wall clocks as the true difference between the instants', () => {
    fc.assert(
      fc.property(written, written, (start, end) => {
        fc.pre(!isRepeatedWallClock(start) && !isRepeatedWallClock(end));
        const [s] = findTimes(wallClock(start));
        const [e] = findTimes(wallClock(end));
        assert.ok(s && e, `unread: ${wallClock(start)} / ${wallClock(end)}`);
        assert.equal(minutesBetween(s, e), (end.millis - start.millis) / MINUTE, `${wallClock(start)} → ${wallClock(end)}`);
      }),
      RUNS,
    );
  });

  it('reads back every formatted duration as the same number of minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (m) => parseStatedDuration(formatDuration(m))?.minutes === m),
      RUNS,
    );
  });

  it('never throws on arbitrary text and returns times that lie inside it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), noisyLine), (line) => {
        for (const t of findTimes(line)) {
          assert.ok(0 <= t.start && t.start < t.end && t.end <= line.length, `${t.start}..${t.end} in ${line.length}`);
          assert.equal(line.slice(t.start, t.end), t.text);
        }
        for (const u of findUnreadableTimes(line)) assert.equal(line.slice(u.start, u.end), u.text);
      }),
      RUNS,
    );
  });
});
