// Things that look like times or dates but cannot be read: template placeholders ("HH:mm",
// "14:??"), impossible clocks ("25:99") and impossible dates ("2024-02-30").
import { ownCopy, Remembered } from '../incremental/memo';
import type { UnreadableTime } from './types';

// Placeholder letters templates use for digits.
const FILL = '[Xx?_#]{2}';
const TIME_PLACEHOLDER = `(?:[Hh]{1,2}|${FILL}|\\d{1,2}):(?:[Mm]{2}|${FILL}|\\d{2})(?::(?:[Ss]{2}|${FILL}|\\d{2}))?(?:\\s?(?:[AaPp][Mm]|a)(?![\\p{L}]))?`;
const DATE_PLACEHOLDER = '(?:[Yy]{4}|\\d{4})-(?:MM|\\d{2})-(?:[Dd]{2}|\\d{2})';
const PLACEHOLDER = new RegExp(`(?<![\\p{L}\\p{N}:])(?:${DATE_PLACEHOLDER}(?:[ T]${TIME_PLACEHOLDER})?|${TIME_PLACEHOLDER})(?![\\p{L}\\p{N}?#:])`, 'gu');
const WHOLE_PLACEHOLDER = new RegExp(`^${PLACEHOLDER.source}$`, 'u');
/** A placeholder has at least one non-digit where a digit should be (the am/pm marker does not count). */
const HAS_FILL = /(?:^|[-: T])[^\d\s:T-]/;
const stripMeridiem = (text: string) => text.replace(/\s?(?:[AaPp][Mm]|a)$/, '');

const CLOCK = /(?<![\p{L}\p{N}:.])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\p{N}:]|\.\d)/gu;
const MILITARY = /(?<![\p{L}\p{N}:.])(\d{2})(\d{2})\s?(?:hrs?|h)(?![\p{L}\p{N}])/giu;
const ISO_DATE = /(?<![\p{N}-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\p{N}])/gu;
const NUMERIC_DATE = /(?<![\p{N}/-])(\d{1,2})([-/])(\d{1,2})\2(\d{4})(?![\p{N}])/gu;

/** "HH:mm", "14:??", "XX:XX", "hh:mm AM", "YYYY-MM-DD HH:mm". */
export function isPlaceholderTime(text: string): boolean {
  const trimmed = text.trim();
  return WHOLE_PLACEHOLDER.test(trimmed) && HAS_FILL.test(stripMeridiem(trimmed));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
/** The Gregorian calendar, as luxon keeps it, for the four-digit years the patterns below read (0000 to 9999). */
function isDate(year: number, month: number, day: number): boolean {
  const days = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= days;
}

function clockProblem(hour: number, minute: number, second: number): string | null {
  const problems = [hour > 23 && `hour ${hour}`, minute > 59 && `minute ${minute}`, second > 59 && `second ${second}`].filter(Boolean);
  if (!problems.length) return null;
  const tip = hour === 24 && minute === 0 && second === 0 ? ' (write 00:00 of the next day)' : '';
  return `${problems.join(' and ')} out of range${tip}`;
}

// Each pattern below needs one of these: a colon (clocks, time placeholders), a dash or a slash
// (dates), an h (0900hrs).
const MAY_HOLD_ONE = /[:\-/hH]/;

// The same line always holds the same unreadable times; a line is looked at once (keyed by its text).
// Kept for the lines of the last two analyses (incremental/memo.ts).
const remembered = new Remembered<UnreadableTime[]>();

/** Time- and date-looking tokens in `line` that cannot be read, in order. */
export function findUnreadableTimes(line: string): UnreadableTime[] {
  if (!MAY_HOLD_ONE.test(line)) return [];
  // A key of its own (not a slice of the document's text, which it would keep alive).
  const key = `\u0000${line}`;
  let found = remembered.get(key);
  if (!found) {
    found = scan(ownCopy(line));
    remembered.set(key, found);
  }
  // A copy of the list: callers may filter it; the items themselves are never changed.
  return found.length ? [...found] : [];
}

function scan(line: string): UnreadableTime[] {
  const found: UnreadableTime[] = [];
  const add = (m: RegExpExecArray | RegExpMatchArray, reason: string | null) => {
    const start = m.index ?? 0;
    if (reason) found.push({ text: m[0], start, end: start + m[0].length, reason });
  };
  for (const m of line.matchAll(PLACEHOLDER)) {
    add(m, HAS_FILL.test(stripMeridiem(m[0])) ? 'a placeholder, not a time' : null);
  }
  for (const m of line.matchAll(CLOCK)) add(m, clockProblem(Number(m[1]), Number(m[2]), Number(m[3] ?? 0)));
  for (const m of line.matchAll(MILITARY)) add(m, clockProblem(Number(m[1]), Number(m[2]), 0));
  for (const m of line.matchAll(ISO_DATE)) {
    add(m, isDate(Number(m[1]), Number(m[2]), Number(m[3])) ? null : 'not a date in the calendar');
  }
  for (const m of line.matchAll(NUMERIC_DATE)) {
    const [a, b, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    add(m, isDate(year, b, a) || isDate(year, a, b) ? null : 'not a date in the calendar, day first or month first');
  }
  found.sort((x, y) => x.start - y.start);
  return found.filter((u, i) => i === 0 || u.start >= found[i - 1].end);
}
