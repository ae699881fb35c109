import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { chronoReads, configuredPatterns, readFast, readWithChrono, setFastReading } from '../../../server/src/service/time/chrono';
import { fastReaderFollows, readLikeChrono } from '../../../server/src/service/time/chronoFast';
import { readTimesWithRanges } from '../../../server/src/service/time/range';
import { readWrittenDates } from '../../../server/src/service/time/written';
import type { TimeReadingOptions } from '../../../server/src/service/time';
import { largePostmortem, seededRandom, typicalPostmortem } from '../../support/postmortems';

// The fast reader (time/chronoFast.ts) reads numeric lines the way chrono does, without chrono.
// These tests hold it to chrono: on lines made of what postmortems write, on every line of the
// fixtures and samples, and through the whole time reading (with the fast reader on and off).

const RUNS = { seed: 20240119, numRuns: 1500 };

// What the project reads (test/unit/time/*.test.ts, the fixtures), and what lies around it.
const clock = fc.constantFrom(
  '14:05',
  '9:30',
  '09:30:15',
  '10:15 AM',
  '10:15am',
  '10:15 a.m.',
  '3 pm',
  '3pm',
  '12:00 AM',
  '12:10 am',
  '0900hrs',
  '2100 hrs',
  '1610Z',
  '16:10Z',
  '16:10 Zulu',
  'T16:10Z',
  '23:59:59.123',
  '24:00',
  '25:61',
  '14:??',
  'HH:mm',
  '7.30',
  '10.15 am',
  '11:21a',
  '12:28p',
  '12: 48pm',
  '10：30',
  '930',
  '1234',
  '12:5',
);
const date = fc.constantFrom(
  '2024-01-19',
  '2024-1-9',
  '2024-13-01',
  '2024-02-30',
  '2024/01/19',
  '2024.01.19',
  '2024–01–19',
  '19/01/2024',
  '01/19/2024',
  '04/12/2022',
  '19.01.2024',
  '19-01-2024',
  '01–11–2021',
  '04-12-22',
  '03, 14, 2024',
  '1/2',
  '24/7',
  '3/2024',
  '0/2024',
  '2024-01-19T15:00',
  '2024-01-19T15:00:00',
  '2024-01-19t15:00:00+02:00',
  '2024-01-19T15:00:00-05:30',
  '2024-01-19T15:00:00-00:30',
  '2024-01-19T15:00:00.5Z',
  '2024-01-19T15:00Z',
  '20240119',
);
const zone = fc.constantFrom(' UTC', ' GMT', ' WAT', ' (PST)', ' UTC+2', ' GMT-05:00', ' +02:00', ' America/New_York', ' Pacific Time', ' CST', 'Z', '');
const word = fc.constantFrom(
  'at ',
  'from ',
  'on ',
  'of ',
  'in ',
  'for ',
  'the ',
  'a ',
  'an ',
  'and ',
  'by ',
  'about ',
  '~',
  'between ',
  ' to ',
  ' until ',
  ' - ',
  ' – ',
  ' -> ',
  'before ',
  'after ',
  'later',
  'ago',
  'timeout',
  'rollout',
  "o'clock",
  'at night',
  'in the morning',
  'May',
  'may',
  'March',
  'Jan.',
  'Dec',
  'decided',
  'summary',
  'maybe',
  'Monday',
  'mon.',
  'monitoring',
  'saturated',
  'weekend',
  'first',
  'second',
  '5th',
  'next week',
  'minutes',
  'hours',
  '5 minutes later',
  '2 hours ago',
  'within an hour',
  'in 5 min',
  'engineer',
  'paged',
  'users',
  "it's",
  'incident',
  '37%',
  '3500',
  'v1.2.3',
  '10.0.0.1',
  '512/512',
  'x',
  'café',
  '日本',
  '_',
);
const markup = fc.constantFrom(' ', '  ', ', ', ': ', ' | ', '- ', '**', '`', '(', ')', '[', ']', '/', '.', '-', ':', '+', 'T', 'h', '\t', '\u00a0');
const piece = fc.oneof(
  { weight: 5, arbitrary: clock },
  { weight: 4, arbitrary: date },
  { weight: 2, arbitrary: zone },
  { weight: 5, arbitrary: word },
  { weight: 5, arbitrary: markup },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 3000 }).map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
);
const line = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(''));
const dateOrder = fc.constantFrom<'dmy' | 'mdy'>('dmy', 'mdy');
const reference = fc
  .constantFrom(Date.UTC(2024, 2, 10, 12), Date.UTC(2000, 0, 1, 12), Date.UTC(2023, 11, 31, 12), Date.UTC(2024, 1, 29, 12))
  .map((t) => new Date(t));
const readingOptions = fc.constantFrom<TimeReadingOptions | undefined>(
  undefined,
  { referenceDate: { year: 2024, month: 3, day: 10 } },
  { referenceDate: { year: 2000, month: 1, day: 1 }, standInYear: true },
  { dateOrder: 'mdy', ambiguousZones: 'other' },
);

/** Both readers on one text: the fast one, when it reads it, reads what chrono reads. */
function sameAsChrono(text: string, order: 'dmy' | 'mdy', ref: Date): boolean {
  const fast = readFast(text, order, ref);
  if (fast !== undefined) assert.deepEqual(fast, readWithChrono(text, order, ref), `${order} ${JSON.stringify(text)}`);
  return fast !== undefined;
}

/** The whole time reading of a line, with the fast reader on and off. */
function readingWith(fast: boolean, text: string, options: TimeReadingOptions | undefined) {
  setFastReading(fast);
  try {
    return { times: readTimesWithRanges(text, options), dates: readWrittenDates(text, options) };
  } finally {
    setFastReading(true);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : name.endsWith('.md') ? [path] : [];
  });
}

describe('time: the fast reader reads as chrono does', () => {
  it('follows the chrono configuration chrono.ts sets up (a changed chrono-node turns it off: check chronoFast.ts against it)', () => {
    assert.ok(fastReaderFollows(configuredPatterns));
  });

  it('leaves chrono out of a line it reads itself, and reads every line with chrono while it is turned off', () => {
    const options = { referenceDate: { year: 2024, month: 1, day: 19 } };
    const read = (text: string) => {
      const before = chronoReads();
      const reading = readTimesWithRanges(text, options).times;
      return { reading, chrono: chronoReads() - before };
    };
    const fast = read('14:05 UTC paged, 14:20 UTC rolled back');
    assert.equal(fast.chrono, 0);
    assert.equal(fast.reading.length, 2);
    assert.ok(read('May 5 at 10:00').chrono > 0);
    setFastReading(false);
    try {
      // Another line (a line read before is remembered, whichever reader read it).
      const slow = read('14:05 UTC paged, 14:25 UTC rolled back');
      assert.ok(slow.chrono > 0);
      assert.equal(slow.reading.length, 2);
    } finally {
      setFastReading(true);
    }
    assert.equal(read('14:06 UTC paged').chrono, 0);
  });

  it('reads the numeric formats postmortems write itself, and leaves month names, weekdays and relative times to chrono', () => {
    const ref = new Date(Date.UTC(2024, 0, 19, 12));
    for (const text of [
      '  14:05 UTC   – paged',
      '| 14:05 | rollback |',
      '10:15 AM',
      'Start Time: 2024-01-19 15:00 UTC',
      '2024-01-19T15:00:00Z',
      '19/01/2024 14:05',
      '0900hrs',
      '16:10Z',
    ]) {
      assert.ok(readFast(text, 'dmy', ref) !== undefined, text);
    }
    for (const text of ['May 5 at 10:00', 'Monday, 10:00', '5 minutes later', '2 hours ago', 'within 5 minutes', '19/01 14:05']) {
      assert.equal(readFast(text, 'dmy', ref), undefined, text);
    }
  });

  it('reads every generated line as chrono does, in both date orders and for any reference day', () => {
    let read = 0;
    fc.assert(
      fc.property(line, dateOrder, reference, (text, order, ref) => {
        if (sameAsChrono(text, order, ref)) read++;
      }),
      RUNS,
    );
    // Most generated lines are numeric: a reader that read none would prove nothing.
    assert.ok(read > RUNS.numRuns / 2, `the fast reader read ${read} of ${RUNS.numRuns} lines`);
  });

  it('reads the same times, ranges and dates in every generated line with the fast reader on and off', () => {
    fc.assert(
      fc.property(line, readingOptions, (text, options) => {
        assert.deepEqual(readingWith(true, text, options), readingWith(false, text, options), JSON.stringify(text));
      }),
      { ...RUNS, numRuns: 600 },
    );
  });

  it('reads every line of the fixtures, the samples and the generated postmortems as chrono does', () => {
    const root = join(__dirname, '../../..');
    const texts = [...filesUnder(join(root, 'test/fixtures')), ...filesUnder(join(root, 'samples'))].map((f) => readFileSync(f, 'utf8'));
    texts.push(typicalPostmortem(seededRandom(1)), largePostmortem(seededRandom(4), 20_000));
    const lines = new Set(texts.flatMap((t) => t.split(/\r?\n|\r/)).filter((l) => /\d/.test(l)));
    const ref = new Date(Date.UTC(2024, 2, 10, 12));
    let read = 0;
    for (const text of lines) {
      // As the time reader gives it to chrono: with the emphasis blanked out.
      for (const variant of [text, text.replace(/[*`]/g, ' ')]) {
        for (const order of ['dmy', 'mdy'] as const) if (sameAsChrono(variant, order, ref)) read++;
        assert.deepEqual(readingWith(true, variant, undefined), readingWith(false, variant, undefined), JSON.stringify(variant));
      }
    }
    assert.ok(read > lines.size, `the fast reader read ${read} of ${lines.size * 4} readings`);
  });
});

// Values on both sides of every check the fast reader makes (a month of 12 and 13, a minute of 59
// and 60, a two-digit year of 50 and 51, a day of 28 to 32, an hour of 24 and 25, milliseconds
// of 999 and 1000), in every format it reads, next to what may merge with them or stop them.
const two = (n: number) => String(n).padStart(2, '0');
const edgeYear = fc.constantFrom(2024, 2023, 2000, 1999, 1000, 9999);
const edgeMonth = fc.constantFrom(0, 1, 2, 9, 11, 12, 13, 19, 31, 32);
const edgeDay = fc.constantFrom(0, 1, 9, 12, 13, 28, 29, 30, 31, 32);
const edgeHour = fc.constantFrom(0, 1, 9, 11, 12, 13, 23, 24, 25, 99);
const edgeMinute = fc.constantFrom(0, 5, 59, 60, 99);
const edgeSecond = fc.constantFrom(0, 30, 59, 60);
const edgeFraction = fc.constantFrom('', '.0', '.5', '.999', '.9999', '.1000');
const edgeOffset = fc.constantFrom('', 'Z', '+02:00', '-05:30', '-00:30', '+0530', '+05', '-12');
const isoEdge = fc
  .tuple(edgeYear, edgeMonth, edgeDay, edgeHour, edgeMinute, fc.option(fc.tuple(edgeSecond, edgeFraction)), edgeOffset, fc.constantFrom('T', 't', ' '))
  .map(([y, mo, d, h, mi, s, zone, t]) => `${y}-${two(mo)}-${two(d)}${t}${two(h)}:${two(mi)}${s ? `:${two(s[0])}${s[1]}` : ''}${zone}`);
const ymdEdge = fc
  .tuple(edgeYear, edgeMonth, edgeDay, fc.constantFrom('-', '/', '.', ' ', '–'), fc.boolean())
  .map(([y, mo, d, sep, pad]) => [y, pad ? two(mo) : mo, pad ? two(d) : d].join(sep));
const slashEdge = fc
  .tuple(edgeMonth, edgeDay, fc.constantFrom('', '2024', '24', '50', '51', '49', '99', '00', '100', '1999'), fc.constantFrom('/', '-', '.'), fc.boolean())
  .map(([a, b, y, sep, pad]) => [pad ? two(a) : a, pad ? two(b) : b, ...(y ? [y] : [])].join(sep));
const slashMonthEdge = fc.tuple(edgeMonth, edgeYear).map(([m, y]) => `${m}/${y}`);
const meridiem = fc.constantFrom(
  '',
  '',
  ' am',
  ' pm',
  'am',
  'PM',
  ' a.m.',
  ' p.m.',
  'a',
  'p',
  ' A',
  ' at night',
  ' in the morning',
  ' in the afternoon',
  ' tonight',
);
const timeEdge = fc.oneof(
  fc
    .tuple(edgeHour, edgeMinute, fc.option(fc.tuple(edgeSecond, edgeFraction)), meridiem)
    .map(([h, mi, s, m]) => `${h}:${two(mi)}${s ? `:${two(s[0])}${s[1]}` : ''}${m}`),
  fc.tuple(edgeHour, edgeMinute, meridiem, fc.constantFrom('', 'hrs', ' hrs', 'h', 'Z')).map(([h, mi, m, unit]) => `${two(h)}${two(mi)}${unit}${m}`),
  fc.tuple(edgeHour, meridiem).map(([h, m]) => `${h}${m}`),
  fc.tuple(edgeHour, fc.constantFrom('.', '.'), edgeMinute, fc.constantFrom('', '.5', '.05', '.5.5')).map(([h, dot, mi, more]) => `${h}${dot}${mi}${more}`),
  fc.tuple(edgeHour, fc.integer({ min: 0, max: 9 })).map(([h, d]) => `${h}:${d}`),
);
const edgeJoin = fc.constantFrom(
  ' ',
  ', ',
  ' at ',
  'T',
  ' on ',
  ' of ',
  ' - ',
  ': ',
  ':',
  ' ∙ ',
  ' . ',
  ' and ',
  ' before ',
  ' from ',
  ' +',
  ' -',
  '/',
  '',
  ' | ',
);
const edgeContext = fc.constantFrom('', '', 'paged ', '1/', '12', '/3', 'v', 'x', '(', ')');
const edgePiece = fc.oneof(isoEdge, ymdEdge, slashEdge, slashMonthEdge, timeEdge, timeEdge);
const edgeLine = fc
  .tuple(edgeContext, fc.array(fc.tuple(edgePiece, edgeJoin), { minLength: 1, maxLength: 3 }), edgeContext)
  .map(([before, parts, after]) => before + parts.map(([p, j], i) => (i < parts.length - 1 ? p + j : p)).join('') + after);

describe("time: the fast reader at each of its checks' edges", () => {
  it('reads every line on either side of a check as chrono does, in both date orders and for any reference day', () => {
    let read = 0;
    const runs = { seed: 20261203, numRuns: 4000 };
    fc.assert(
      fc.property(edgeLine, dateOrder, reference, (text, order, ref) => {
        if (sameAsChrono(text, order, ref)) read++;
      }),
      runs,
    );
    assert.ok(read > runs.numRuns / 2, `the fast reader read ${read} of ${runs.numRuns} lines`);
  });

  it('finds in an edge line what chrono finds: the fast reader is not only consistent but right on the values that matter', () => {
    const ref = new Date(Date.UTC(2024, 2, 10, 12));
    const known = (text: string, order: 'dmy' | 'mdy' = 'dmy') => {
      const fast = readFast(text, order, ref);
      assert.ok(fast !== undefined, `the fast reader reads ${JSON.stringify(text)}`);
      assert.deepEqual(fast, readWithChrono(text, order, ref), text);
      return fast.map((r) => r.known);
    };
    // Impossible values are no reading at all; the last possible one is.
    assert.deepEqual(known('2024-01-19T15:60:00Z'), []);
    assert.deepEqual(known('2024-01-19T15:59:59Z'), [{ year: 2024, month: 1, day: 19, hour: 15, minute: 59, second: 59, timezoneOffset: 0 }]);
    assert.deepEqual(known('2024-01-19T24:00:00Z'), []);
    assert.deepEqual(known('2024-02-30'), []);
    assert.deepEqual(known('2024-02-29'), [{ year: 2024, month: 2, day: 29 }]);
    assert.deepEqual(known('2023-02-29'), []);
    assert.deepEqual(known('32/12/2024'), []);
    assert.deepEqual(known('0/12/2024'), []);
    // A month past 12 trades places with a day that can be one.
    assert.deepEqual(known('2024-13-01 10:00'), [{ year: 2024, month: 1, day: 13, hour: 10, minute: 0 }]);
    assert.deepEqual(known('13/12/2024', 'mdy'), [{ year: 2024, month: 12, day: 13 }]);
    assert.deepEqual(known('12/13/2024'), [{ year: 2024, month: 12, day: 13 }]);
    // Two-digit years: 51 is 1951, 50 is 2050.
    assert.deepEqual(known('31/12/51 10:00'), [{ year: 1951, month: 12, day: 31, hour: 10, minute: 0 }]);
    assert.deepEqual(known('31/12/50 10:00'), [{ year: 2050, month: 12, day: 31, hour: 10, minute: 0 }]);
    // The meridiem: 11:59 pm is 23:59, 12 am is midnight, 13 pm is nothing.
    assert.deepEqual(known('11:59 pm'), [{ hour: 23, minute: 59 }]);
    assert.deepEqual(known('12:00 am'), [{ hour: 0, minute: 0 }]);
    assert.deepEqual(known('13:00 pm'), []);
    assert.deepEqual(known('24:00'), []);
    assert.deepEqual(known('7.30'), []);
    // A second of 60 ends the time before it; milliseconds past three digits are cut to three.
    assert.deepEqual(known('2024-01-19 10:00:60'), [{ year: 2024, month: 1, day: 19 }]);
    assert.deepEqual(known('2024-01-19 10:00:59.1000'), [{ year: 2024, month: 1, day: 19, hour: 10, minute: 0, second: 59 }]);
    assert.deepEqual(known('2024-01-19T15:00:00.9999Z'), [{ year: 2024, month: 1, day: 19, hour: 15, minute: 0, second: 0, timezoneOffset: 0 }]);
    // "at night" moves the hour: chrono reads it.
    assert.equal(readFast('10:00 at night', 'dmy', ref), undefined);
  });
});

describe('time: the fast reader turns itself off for a chrono it does not follow', () => {
  it('follows no configuration with another parser, another refiner or another pattern, and then reads nothing itself', () => {
    const ref = new Date(Date.UTC(2024, 0, 19, 12));
    const parsers = configuredPatterns.parsers;
    const changed = [
      { parsers: parsers.slice(1), refiners: configuredPatterns.refiners },
      { parsers: parsers.map((p, i) => (i === 0 ? { ...p, name: 'SomeOtherParser' } : p)), refiners: configuredPatterns.refiners },
      { parsers, refiners: configuredPatterns.refiners.slice(0, -1) },
      { parsers, refiners: [...configuredPatterns.refiners.slice(0, -1), 'SomeOtherRefiner'] },
      {
        parsers: parsers.map((p, i) => (i === parsers.length - 1 ? { ...p, pattern: new RegExp(`${p.pattern.source}x`, p.pattern.flags) } : p)),
        refiners: configuredPatterns.refiners,
      },
      {
        parsers: parsers.map((p, i) => (i === 0 ? { ...p, pattern: new RegExp(p.pattern.source, `${p.pattern.flags}m`) } : p)),
        refiners: configuredPatterns.refiners,
      },
    ];
    for (const patterns of changed) {
      assert.equal(fastReaderFollows(patterns), false, JSON.stringify(patterns.parsers.map((p) => p.name)));
      assert.equal(readLikeChrono('14:05 UTC paged', false, ref, patterns), undefined);
    }
    // The configuration itself, copied: followed (it is the same chrono).
    const copy = { parsers: parsers.map((p) => ({ ...p })), refiners: [...configuredPatterns.refiners] };
    assert.ok(fastReaderFollows(copy));
    assert.ok(readLikeChrono('14:05 UTC paged', false, ref, copy) !== undefined);
  });
});

describe('time: the fast reader reads itself every line no word of which chrono can read', () => {
  const ref = new Date(Date.UTC(2024, 0, 19, 12));

  it('reads a time beside words that hold a month or weekday stem but are neither, and words a relative time ends on without one', () => {
    for (const text of [
      '14:05 monitoring resumed',
      '14:05 decided to roll back',
      '10:00 summary sent',
      '10:00 maybe',
      '10:00 maybe later',
      '10:00 before the deploy',
      '10:00 we went out',
      'xmay 10:00',
      'AMay 10:00',
      'ZMay 10:00',
      'aMay 10:00',
      'zMay 10:00',
      'AMonday 10:00',
      '10:00 Mayor',
    ]) {
      for (const order of ['dmy', 'mdy'] as const) {
        const fast = readFast(text, order, ref);
        assert.ok(fast !== undefined, `the fast reader reads ${JSON.stringify(text)}`);
        assert.deepEqual(fast, readWithChrono(text, order, ref), text);
      }
    }
  });

  it('leaves to chrono a month or weekday word it could read, joined or not', () => {
    for (const text of [
      '10:00 May',
      '10:00 on Monday',
      'fifthofMay 10:00',
      '1stMay 10:00',
      'Mayfirst 10:00',
      'nextMonday 10:00',
      '10:00 3 days later',
      '10:00 2 hours ago',
    ]) {
      assert.equal(readFast(text, 'dmy', ref), undefined, text);
    }
  });

  it('takes the implied day as chrono does in any time zone of the machine', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata', 'UTC']) {
        process.env.TZ = tz;
        for (const t of [Date.UTC(2024, 0, 19, 0, 30), Date.UTC(2024, 0, 19, 12), Date.UTC(2024, 0, 19, 23, 30), Date.UTC(2023, 11, 31, 23, 30)]) {
          const at = new Date(t);
          for (const text of ['14:05 paged', '2024-01-19 14:05', '3/2024']) {
            const fast = readFast(text, 'dmy', at);
            assert.ok(fast !== undefined, text);
            assert.deepEqual(fast, readWithChrono(text, 'dmy', at), `${tz} ${at.toISOString()} ${text}`);
          }
        }
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
