import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { chronoReads, configuredPatterns, readFast, readWithChrono, setFastReading } from '../../../server/src/service/time/chrono';
import { fastReaderFollows } from '../../../server/src/service/time/chronoFast';
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
