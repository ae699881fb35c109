// Stated durations ("Duration: 4 hours and 15 minutes", "~90 min", "4h15m") and how we write them.
import type { StatedDuration } from './types';

const UNIT_MINUTES: Record<string, number> = { w: 7 * 24 * 60, d: 24 * 60, h: 60, m: 1, s: 1 / 60 };

const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  half: 0.5,
  'half a': 0.5,
  'half an': 0.5,
};

// Long units may follow words ("two hours"); short ones only digits ("90 min"). One-letter units
// touch their digits ("4h15m"), or stand one space after them when they cannot be read otherwise:
// "1.5 h", "2 d", and after such a part any letter ("1 h 26 m"); so "5 m users" is not a duration.
// "for 12 long hours": "long" may stand between the number and the unit.
const LONG_UNIT = '(?:(?:long\\s+)?(?:weeks?|days?|hours?|minutes?|seconds?))';
const SHORT_UNIT = '(?:wks?|hrs?|mins?|secs?)';
const LETTER_UNIT = '[wdhms]';
const WORD_NUMBER = Object.keys(WORD_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** One part of a duration; `following`: after another part, where "26 m" is minutes. */
const part = (capture: boolean, following: boolean) => {
  const g = (body: string) => (capture ? `(${body})` : `(?:${body})`);
  const space = following ? '\\s?' : '(?:\\s(?=[wdh]))?';
  return (
    `(?:(?<![\\p{N}.:])${g('\\d+(?:\\.\\d+)?')}(?:\\s*${g(`${LONG_UNIT}|${SHORT_UNIT}`)}|${space}${g(LETTER_UNIT)})` +
    `|(?<![\\p{L}\\p{N}])${g(WORD_NUMBER)}\\s+${g(LONG_UNIT)})(?!\\p{L})`
  );
};
const DURATION = new RegExp(`(?<![\\p{L}\\p{N}.:])${part(false, false)}(?:(?:\\s*,)?(?:\\s+and)?\\s*${part(false, true)})*`, 'iu');
// Only ever run over what DURATION matched, so every part may be a following one.
const ONE_PART = new RegExp(part(true, true), 'giu');
const APPROXIMATE_BEFORE = /(?:~|≈|\b(?:about|around|approx\.?|approximately|roughly|nearly|almost|over|under))\s*$/i;

const unitMinutes = (written: string) => {
  const unit = written.replace(/^long\s+/i, '');
  return UNIT_MINUTES[unit.toLowerCase().startsWith('mi') ? 'm' : unit[0].toLowerCase()];
};

// "two and a half hours", "an hour and a half", "3+ hours", "three (3) hours": the general pattern
// would read only part of them.
const AMOUNT = `(\\d+(?:\\.\\d+)?|${WORD_NUMBER})`;
const UNIT = `(${LONG_UNIT}|${SHORT_UNIT})`;
const HALF_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}.:])${AMOUNT}\\s+and\\s+(?:a\\s+)?half\\s+${UNIT}(?!\\p{L})`, 'iu');
const HALF_AFTER = new RegExp(`(?<![\\p{L}\\p{N}.:])${AMOUNT}\\s+${UNIT}\\s+and\\s+a\\s+half(?!\\p{L})`, 'iu');
// "a half-hour", "half an hour", "a quarter of an hour", "three quarters of an hour", "an hour and a quarter".
const HALF_HOUR = /(?<![\p{L}\p{N}])(?:(?:a|one)\s+)?half[-\s](?:an?\s+)?hour(?!\p{L})/iu;
const QUARTER_HOUR = /(?<![\p{L}\p{N}])(?:(a|one|three)\s+)?quarters?(?:[-\s]of)?[-\s](?:an?\s+)?hour(?!\p{L})/iu;
const AND_A_QUARTER = new RegExp(`(?<![\\p{L}\\p{N}.:])${AMOUNT}\\s+${UNIT}\\s+and\\s+a\\s+quarter(?!\\p{L})`, 'iu');
const PLUS = new RegExp(`(?<![\\p{L}\\p{N}.:])(\\d+(?:\\.\\d+)?)\\+\\s*${UNIT}(?!\\p{L})`, 'iu');
// "1:30 hours", "0:45 hrs": hours and minutes written as a clock, with an hour word after them ("10:00h" is a clock).
const CLOCK_HOURS = /(?<![\p{N}:.])(\d{1,3}):([0-5]\d)\s*(?:hours?|hrs?)(?!\p{L})/iu;
// "2h30", "1h05": minutes written after the h without a unit of their own.
const HOURS_MINUTES = /(?<![\p{L}\p{N}:.])(\d{1,3})h([0-5]\d)(?![\p{L}\p{N}])/iu;
// "10-15 minutes", "2 to 3 hours": a range of lengths, read as its middle (approximate), with its spread.
const LENGTH_RANGE = new RegExp(`(?<![\\p{L}\\p{N}.:])(\\d+(?:\\.\\d+)?)\\s*(?:-|–|—|to)\\s*(\\d+(?:\\.\\d+)?)\\s*${UNIT}(?!\\p{L})`, 'iu');
// "1hr:35mins", "2h:10m": hours and minutes joined by a colon, each with its unit.
const COLON_JOINED = /(?<![\p{L}\p{N}.:])(\d{1,3})\s*(?:hours?|hrs?|h)\s*:\s*([0-5]?\d)\s*(?:minutes?|mins?|m)(?!\p{L})/iu;
/** A rising range of lengths in `text` ("10-15 minutes"), in minutes, or null ("2-2 hours" is none). */
function lengthRange(text: string): { start: number; text: string; low: number; high: number } | null {
  const range = LENGTH_RANGE.exec(text);
  if (!range || Number(range[2]) <= Number(range[1])) return null;
  const unit = unitMinutes(range[3]);
  return { start: range.index, text: range[0], low: Number(range[1]) * unit, high: Number(range[2]) * unit };
}
const SPELLED_AND_DIGITS = new RegExp(`(?<![\\p{L}\\p{N}])(${WORD_NUMBER})\\s*\\((\\d+)\\)\\s*${UNIT}(?!\\p{L})`, 'iu');

const amountOf = (written: string) => WORD_NUMBERS[written.toLowerCase().replace(/\s+/g, ' ')] ?? Number(written);

interface Candidate {
  start: number;
  text: string;
  minutes: number;
  approximate?: boolean;
}

function specialForms(text: string): Candidate[] {
  const found: Candidate[] = [];
  const half = HALF_BEFORE.exec(text) ?? HALF_AFTER.exec(text);
  if (half) found.push({ start: half.index, text: half[0], minutes: (amountOf(half[1]) + 0.5) * unitMinutes(half[2]) });
  const plus = PLUS.exec(text);
  if (plus) found.push({ start: plus.index, text: plus[0], minutes: Number(plus[1]) * unitMinutes(plus[2]), approximate: true });
  const halfHour = HALF_HOUR.exec(text);
  if (halfHour) found.push({ start: halfHour.index, text: halfHour[0], minutes: 30 });
  const quarter = QUARTER_HOUR.exec(text);
  if (quarter) found.push({ start: quarter.index, text: quarter[0], minutes: quarter[1]?.toLowerCase() === 'three' ? 45 : 15 });
  const andQuarter = AND_A_QUARTER.exec(text);
  if (andQuarter) found.push({ start: andQuarter.index, text: andQuarter[0], minutes: (amountOf(andQuarter[1]) + 0.25) * unitMinutes(andQuarter[2]) });
  const hoursMinutes = HOURS_MINUTES.exec(text);
  if (hoursMinutes) found.push({ start: hoursMinutes.index, text: hoursMinutes[0], minutes: Number(hoursMinutes[1]) * 60 + Number(hoursMinutes[2]) });
  const clock = CLOCK_HOURS.exec(text);
  if (clock) found.push({ start: clock.index, text: clock[0], minutes: Number(clock[1]) * 60 + Number(clock[2]) });
  const range = lengthRange(text);
  if (range) found.push({ start: range.start, text: range.text, minutes: (range.low + range.high) / 2, approximate: true });
  const colon = COLON_JOINED.exec(text);
  if (colon) found.push({ start: colon.index, text: colon[0], minutes: Number(colon[1]) * 60 + Number(colon[2]) });
  const both = SPELLED_AND_DIGITS.exec(text);
  if (both) found.push({ start: both.index, text: both[0], minutes: Number(both[2]) * unitMinutes(both[3]) });
  return found;
}

/** The first duration stated in `text`, in minutes. */
export function parseStatedDuration(text: string): StatedDuration | null {
  const candidates = specialForms(text);
  const m = DURATION.exec(text);
  /** The minutes of the parts of `match` (at `index` in the text) that start at `from` or later. */
  const partsOf = (match: { 0: string; index: number }, from: number) => {
    let minutes = 0;
    for (const part of match[0].matchAll(ONE_PART)) {
      if (match.index + (part.index ?? 0) < from) continue;
      const [, digits, unit, letter, word, wordUnit] = part;
      const amount = word ? WORD_NUMBERS[word.toLowerCase().replace(/\s+/g, ' ')] : Number(digits);
      minutes += amount * unitMinutes(unit ?? letter ?? wordUnit);
    }
    return minutes;
  };
  const parts: Candidate | undefined = m ? { start: m.index, text: m[0], minutes: partsOf(m, 0) } : undefined;
  if (parts) candidates.push(parts);
  if (!candidates.length) return null;
  // The earliest, and of those the longest: "two and a half hours" over its "half hours".
  const best = candidates.reduce((a, b) => (b.start < a.start || (b.start === a.start && b.text.length > a.text.length) ? b : a));
  const bestEnd = best.start + best.text.length;
  // Parts that go on right after a special form add to it: "two and a half hours and 30 minutes" (the
  // parts' reading starts inside it, at "half hours"), "3+ hours and 20 minutes", "an hour and a
  // quarter and 5 minutes" (the first parts read are "an hour", inside it: the next ones follow it).
  let follow: { 0: string; index: number } | undefined;
  if (m && best !== parts) {
    const next = m.index + m[0].length > bestEnd ? m : DURATION.exec(text.slice(bestEnd));
    const index = next === m ? m.index : next ? bestEnd + next.index : -1;
    if (next && (index < bestEnd || /^\s*(?:,|and)?\s*$/i.test(text.slice(bestEnd, index)))) follow = { 0: next[0], index };
  }
  const overlapping = candidates.filter((c) => c !== best && !(follow && c === parts) && c.start < bestEnd && best.start < c.start + c.text.length);
  let chosen = overlapping.reduce((a, b) => (b.text.length > a.text.length ? b : a), best);
  if (follow && chosen === best) {
    const end = follow.index + follow[0].length;
    chosen = { ...best, text: text.slice(best.start, end), minutes: best.minutes + partsOf(follow, bestEnd) };
  }
  const approximate = chosen.approximate || APPROXIMATE_BEFORE.test(text.slice(0, chosen.start));
  return {
    minutes: chosen.minutes,
    start: chosen.start,
    end: chosen.start + chosen.text.length,
    text: chosen.text,
    ...(approximate ? { approximate: true } : {}),
  };
}

/** Half the spread of a stated range of lengths ("10-15 minutes": 2.5), in minutes; 0 for one length. */
export function statedSpread(text: string): number {
  const range = lengthRange(text);
  return range ? (range.high - range.low) / 2 : 0;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "4 hours 15 minutes", "1 hour", "45 minutes", "2 days 3 hours"; rounded to whole minutes. */
export function formatDuration(minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  const parts = [days && plural(days, 'day'), hours && plural(hours, 'hour'), rest && plural(rest, 'minute')].filter(Boolean);
  return `${minutes < 0 && total ? '-' : ''}${parts.join(' ') || '0 minutes'}`;
}
