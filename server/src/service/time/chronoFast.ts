// chrono-node's reading of a line, without chrono, for the lines in which only its numeric parsers
// can find anything: no month or weekday name, no "5 minutes later", "2 hours ago" or "within an
// hour". Those are most lines that hold a time ("- **14:05 UTC** – paged", "2024-01-19 15:00",
// "19/01/2024 14:05"). The reading follows chrono step by step: the same patterns (taken from the
// configured parsers), the same way of moving through the text, the same checks, the same refiners
// in the same order, on light objects instead of chrono's. Anything this file does not follow
// exactly (a date without a year, "in the morning", a merge only words could make) is left to chrono.
//
// The configuration it follows is fixed by a fingerprint of chrono's patterns and refiners: a
// different chrono (an upgrade) turns the fast reader off until this file is checked against it.
// A differential property test (test/unit/time/fastReading.test.ts) compares both readings.
import { onForget } from '../incremental/memo';
import type { ChronoReading } from './types';

export interface ChronoPatterns {
  /** The configured parsers, in order: each one's class name and pattern. */
  parsers: readonly { name: string; pattern: RegExp }[];
  /** The configured refiners' class names, in order. */
  refiners: readonly string[];
}

// ---- Components: chrono's ParsingComponents, as values with "implied" and "known" bits ---------

const Y = 0;
const MO = 1;
const D = 2;
const H = 3;
const MI = 4;
const S = 5;
const MS = 6;
const TZ = 7;
const MER = 8;
const WEEKDAY = 9;
const AM = 0;
const PM = 1;

class Parts {
  values: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  /** Components with a value, known or implied. */
  has = 0;
  /** Components the text states (chrono: isCertain). */
  known = 0;

  get(c: number): number | null {
    return this.has & (1 << c) ? this.values[c] : null;
  }
  isCertain(c: number): boolean {
    return (this.known & (1 << c)) !== 0;
  }
  assign(c: number, value: number): this {
    this.values[c] = value;
    this.has |= 1 << c;
    this.known |= 1 << c;
    return this;
  }
  imply(c: number, value: number): this {
    if (this.known & (1 << c)) return this;
    this.values[c] = value;
    this.has |= 1 << c;
    return this;
  }
  clone(): Parts {
    const p = new Parts();
    p.values = this.values.slice();
    p.has = this.has;
    p.known = this.known;
    return p;
  }
  isOnlyDate(): boolean {
    return !this.isCertain(H) && !this.isCertain(MI) && !this.isCertain(S);
  }
  isOnlyTime(): boolean {
    return !this.isCertain(WEEKDAY) && !this.isCertain(D) && !this.isCertain(MO) && !this.isCertain(Y);
  }
  isValidDate(): boolean {
    const year = this.get(Y) as number;
    const month = this.get(MO) as number;
    const day = this.get(D) as number;
    const hour = this.get(H);
    const minute = this.get(MI);
    const second = this.get(S) as number;
    const millisecond = this.get(MS) as number;
    // The common case, without a Date: nothing can roll over into the next minute, day or month.
    if (
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= 28 &&
      hour !== null &&
      hour >= 0 &&
      hour <= 23 &&
      minute !== null &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59 &&
      millisecond >= 0 &&
      millisecond <= 999
    )
      return true;
    const date = new Date(Date.UTC(year, month - 1, day, hour as number, minute as number, second, millisecond));
    date.setUTCFullYear(year);
    if (date.getUTCFullYear() !== year) return false;
    if (date.getUTCMonth() !== month - 1) return false;
    if (date.getUTCDate() !== day) return false;
    if (hour != null && date.getUTCHours() !== hour) return false;
    if (minute != null && date.getUTCMinutes() !== minute) return false;
    return true;
  }
}

interface Result {
  index: number;
  text: string;
  start: Parts;
}

/** The day chrono fills in (ParsingComponents' constructor, with the reading's timezone 0). */
interface ReferenceDay {
  year: number;
  month: number;
  day: number;
}

let lastReference = Number.NaN;
let lastDay: ReferenceDay = { year: 0, month: 0, day: 0 };

function referenceDay(reference: Date): ReferenceDay {
  const t = reference.getTime();
  if (t !== lastReference) {
    // ReferenceWithTimezone.getDateWithAdjustedTimezone with a timezone offset of 0.
    const date = new Date(t);
    date.setMinutes(date.getMinutes() - -reference.getTimezoneOffset());
    lastDay = { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
    lastReference = t;
  }
  return lastDay;
}

/** context.createParsingComponents(known): the known values, the rest implied from the reference. */
function components(day: ReferenceDay, known?: { day: number; month: number; year: number }): Parts {
  const p = new Parts();
  if (known) p.assign(D, known.day).assign(MO, known.month).assign(Y, known.year);
  return p.imply(D, day.day).imply(MO, day.month).imply(Y, day.year).imply(H, 12).imply(MI, 0).imply(S, 0).imply(MS, 0);
}

/** Thrown where chrono would do something this reader does not follow: chrono reads the line. */
const LEAVE_TO_CHRONO = new Error('left to chrono');

// ---- The parsers chrono runs on numbers ---------------------------------------------------------

type Extracted = Result | Parts | { day: number; month: number; year: number } | null | undefined;

/** Chrono.executeParser: every match of `pattern` in `text`, moving on as chrono does. */
function execute(text: string, pattern: RegExp, day: ReferenceDay, extract: (match: RegExpExecArray) => Extracted, out: Result[]): void {
  let remaining = text;
  let match = pattern.exec(remaining);
  while (match) {
    match.index = match.index + text.length - remaining.length;
    const extracted = extract(match);
    if (!extracted) {
      remaining = text.substring(match.index + 1);
      match = pattern.exec(remaining);
      continue;
    }
    let result: Result;
    if (extracted instanceof Parts) result = { index: match.index, text: match[0], start: extracted };
    else if ('start' in extracted) result = extracted;
    else result = { index: match.index, text: match[0], start: components(day, extracted) };
    out.push(result);
    remaining = text.substring(result.index + result.text.length);
    match = pattern.exec(remaining);
  }
}

/** AbstractParserWithWordBoundaryChecking.extract: the leading boundary is taken off the match. */
function withoutBoundary(match: RegExpExecArray): RegExpExecArray {
  const header = match[1] ?? '';
  match.index = match.index + header.length;
  match[0] = match[0].substring(header.length);
  for (let i = 2; i < match.length; i++) match[i - 1] = match[i];
  return match;
}

/** ENYearMonthDayParser (not strict): "2024-01-19", "2024/01/19", "2024 01 19". */
function yearMonthDay(match: RegExpExecArray): Extracted {
  withoutBoundary(match);
  if (match[2] !== undefined) throw LEAVE_TO_CHRONO; // a month name
  const year = Number.parseInt(match[1], 10);
  let day = Number.parseInt(match[4], 10);
  let month = Number.parseInt(match[3], 10);
  if (month < 1 || month > 12) {
    if (day >= 1 && day <= 12) [month, day] = [day, month];
  }
  if (day < 1 || day > 31) return null;
  return { day, month, year };
}

/** ISOFormatParser: "2024-01-19", "2024-01-19T15:00:00+02:00". */
function iso(match: RegExpExecArray, day: ReferenceDay): Extracted {
  withoutBoundary(match);
  const p = components(day, { year: Number.parseInt(match[1], 10), month: Number.parseInt(match[2], 10), day: Number.parseInt(match[3], 10) });
  if (match[4] != null) {
    p.assign(H, Number.parseInt(match[4], 10));
    p.assign(MI, Number.parseInt(match[5], 10));
    if (match[6] != null) p.assign(S, Number.parseInt(match[6], 10));
    if (match[7] != null) p.assign(MS, Number.parseInt(match[7], 10));
    if (match[8] != null) {
      let offset = 0;
      if (match[9]) {
        const hourOffset = Number.parseInt(match[9], 10);
        let minuteOffset = 0;
        if (match[10] != null) minuteOffset = Number.parseInt(match[10], 10);
        offset = hourOffset * 60;
        if (offset < 0) offset -= minuteOffset;
        else offset += minuteOffset;
      }
      p.assign(TZ, offset);
    }
  }
  return p;
}

/** The year SlashDateFormatParser makes of two or four digits. */
function mostLikelyYear(year: number): number {
  if (year < 100) return year > 50 ? year + 1900 : year + 2000;
  return year;
}

/** SlashDateFormatParser: "19/01/2024", "01.19.24", "19-01-2024". */
function slashDate(match: RegExpExecArray, text: string, littleEndian: boolean, day: ReferenceDay): Extracted {
  const index = match.index + match[1].length;
  const indexEnd = match.index + match[0].length - match[5].length;
  if (index > 0 && /\d\/?$/.test(text.substring(0, index))) return undefined;
  if (indexEnd < text.length && /^\/?\d/.test(text.substring(indexEnd))) return undefined;
  const written = text.substring(index, indexEnd);
  if (/^\d\.\d$/.test(written) || /^\d\.\d{1,2}\.\d{1,2}\s*$/.test(written)) return undefined;
  if (!match[4] && written.indexOf('/') < 0) return undefined;
  let month = Number.parseInt(match[littleEndian ? 3 : 2], 10);
  let date = Number.parseInt(match[littleEndian ? 2 : 3], 10);
  if (month < 1 || month > 12) {
    if (month > 12) {
      if (date >= 1 && date <= 12 && month <= 31) [date, month] = [month, date];
      else return null;
    }
  }
  if (date < 1 || date > 31) return null;
  // Without a year chrono takes the year closest to the reference, in the machine's local time.
  if (!match[4]) throw LEAVE_TO_CHRONO;
  const p = components(day);
  p.assign(D, date);
  p.assign(MO, month);
  p.assign(Y, mostLikelyYear(Number.parseInt(match[4], 10)));
  return { index, text: written, start: p };
}

/** ENSlashMonthFormatParser: "3/2024" (a month; its day is implied). */
function slashMonth(match: RegExpExecArray, text: string, day: ReferenceDay): Extracted {
  withoutBoundary(match);
  if (/\d\/?$/.test(text.substring(0, match.index))) return null;
  return components(day).imply(D, 1).assign(MO, Number.parseInt(match[1], 10)).assign(Y, Number.parseInt(match[2], 10));
}

/** ENTimeExpressionParser, not strict, with its following pattern turned off (chrono.ts). */
function timeExpression(match: RegExpExecArray, day: ReferenceDay): Extracted {
  const start = primaryTime(match, day);
  if (!start) {
    if (/^\d{4}/.test(match[0])) match.index += 4;
    else match.index += match[0].length;
    return null;
  }
  const index = match.index + match[1].length;
  const written = match[0].substring(match[1].length);
  match.index += match[0].length;
  return withoutFollowingPattern({ index, text: written, start });
}

/** AbstractTimeExpressionParser.extractPrimaryTimeComponents, and the English parser's additions. */
function primaryTime(match: RegExpExecArray, day: ReferenceDay): Parts | null {
  const p = components(day);
  let minute = 0;
  let meridiem: number | null = null;
  let hour = Number.parseInt(match[2], 10);
  if (hour > 100) {
    if (match[2].length === 4 && match[3] == null && !match[6]) return null;
    if (match[3] != null) return null;
    minute = hour % 100;
    hour = Math.floor(hour / 100);
  }
  if (hour > 24) return null;
  if (match[3] != null) {
    if (match[3].length === 1 && !match[6]) return null;
    minute = Number.parseInt(match[3], 10);
  }
  if (minute >= 60) return null;
  if (hour > 12) meridiem = PM;
  if (match[6] != null) {
    if (hour > 12) return null;
    const ampm = match[6][0].toLowerCase();
    if (ampm === 'a') {
      meridiem = AM;
      if (hour === 12) hour = 0;
    }
    if (ampm === 'p') {
      meridiem = PM;
      if (hour !== 12) hour += 12;
    }
  }
  p.assign(H, hour);
  p.assign(MI, minute);
  if (meridiem !== null) p.assign(MER, meridiem);
  else p.imply(MER, hour < 12 ? AM : PM);
  if (match[5] != null) {
    const millisecond = Number.parseInt(match[5].substring(0, 3), 10);
    if (millisecond >= 1000) return null;
    p.assign(MS, millisecond);
  }
  if (match[4] != null) {
    const second = Number.parseInt(match[4], 10);
    if (second >= 60) return null;
    p.assign(S, second);
  }
  // "at night", "in the morning", "in the afternoon" move the hour: left to chrono.
  if (match[0].endsWith('night') || match[0].endsWith('afternoon') || match[0].endsWith('morning')) throw LEAVE_TO_CHRONO;
  return p;
}

/** AbstractTimeExpressionParser.checkAndReturnWithoutFollowingPattern (not strict). */
function withoutFollowingPattern(result: Result): Result | null {
  const text = result.text;
  if (/^\d$/.test(text)) return null;
  if (/^\d\d\d+$/.test(text)) return null;
  if (/\d[apAP]$/.test(text)) return null;
  const ending = text.match(/[^\d:.](\d[\d.]+)$/);
  if (ending) {
    const numbers = ending[1];
    if (numbers.includes('.') && !numbers.match(/\d(\.\d{2})+$/)) return null;
    if (Number.parseInt(numbers, 10) > 24) return null;
  }
  return result;
}

// ---- The refiners ------------------------------------------------------------------------------

/** OverlapRemovalRefiner: of two overlapping results the longer stays (the first when equal). */
function removeOverlaps(results: Result[]): Result[] {
  if (results.length < 2) return results;
  const kept: Result[] = [];
  let previous = results[0];
  for (let i = 1; i < results.length; i++) {
    const result = results[i];
    if (result.index >= previous.index + previous.text.length) {
      kept.push(previous);
      previous = result;
      continue;
    }
    if (result.text.length > previous.text.length) previous = result;
  }
  kept.push(previous);
  return kept;
}

const BETWEEN_DATE_AND_TIME = /^\s*(T|at|after|before|on|of|,|-|\.|∙|:)?\s*$/;

/** ENMergeDateTimeRefiner: a date and a time next to each other become one result. */
function mergeDatesAndTimes(text: string, results: Result[]): Result[] {
  if (results.length < 2) return results;
  const merged: Result[] = [];
  let current = results[0];
  for (let i = 1; i < results.length; i++) {
    const next = results[i];
    const between = text.substring(current.index + current.text.length, next.index);
    const dateThenTime = current.start.isOnlyDate() && next.start.isOnlyTime();
    const timeThenDate = current.start.isOnlyTime() && next.start.isOnlyDate();
    const merge = !(timeThenDate && between.trim() === ':') && (dateThenTime || timeThenDate) && BETWEEN_DATE_AND_TIME.test(between);
    if (!merge) {
      merged.push(current);
      current = next;
      continue;
    }
    const [date, time] = current.start.isOnlyDate() ? [current, next] : [next, current];
    current = { index: current.index, text: current.text + between + next.text, start: mergeDateAndTime(date.start, time.start) };
  }
  merged.push(current);
  return merged;
}

/** mergingCalculation.mergeDateTimeComponent. */
function mergeDateAndTime(date: Parts, time: Parts): Parts {
  const p = date.clone();
  if (time.isCertain(H)) {
    p.assign(H, time.get(H) as number);
    p.assign(MI, time.get(MI) as number);
    if (time.isCertain(S)) {
      p.assign(S, time.get(S) as number);
      if (time.isCertain(MS)) p.assign(MS, time.get(MS) as number);
      else p.imply(MS, time.get(MS) as number);
    } else {
      p.imply(S, time.get(S) as number);
      p.imply(MS, time.get(MS) as number);
    }
  } else {
    p.imply(H, time.get(H) as number);
    p.imply(MI, time.get(MI) as number);
    p.imply(S, time.get(S) as number);
    p.imply(MS, time.get(MS) as number);
  }
  if (time.isCertain(TZ)) p.assign(TZ, time.get(TZ) as number);
  const dateHasMeaningfulMeridiem = date.get(MER) != null && date.isCertain(MER);
  if (time.isCertain(MER)) p.assign(MER, time.get(MER) as number);
  else if (time.get(MER) != null && !dateHasMeaningfulMeridiem) p.imply(MER, time.get(MER) as number);
  if (p.get(MER) === PM && (p.get(H) as number) < 12) {
    if (time.isCertain(H)) p.assign(H, (p.get(H) as number) + 12);
    else p.imply(H, (p.get(H) as number) + 12);
  }
  return p;
}

/** UnlikelyFormatFilter (not strict): bare numbers and impossible dates go. */
function removeUnlikely(results: Result[]): Result[] {
  return results.filter((r) => !/^\d*(\.\d*)?$/.test(r.text.replace(' ', '')) && r.start.isValidDate());
}

// ---- What only chrono's other parsers read -------------------------------------------------------

// Each of chrono's other parsers needs a word: a month or a weekday written next to what makes it a
// date, or a unit of time with "ago", "later", "within". Where none can match, none reads anything.
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_WORDS = [...MONTHS, 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
const WEEKDAY_WORDS = [
  'sunday',
  'sun',
  'monday',
  'mon',
  'tuesday',
  'tue',
  'wednesday',
  'wed',
  'thursday',
  'thurs',
  'thur',
  'thu',
  'friday',
  'fri',
  'saturday',
  'sat',
  'weekend',
  'weekday',
];
// Where a month or a weekday word may be written: the beginning of every one of them.
const STEMS = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat|week/gi;
// What may join a month to the letters before it in one word: "of", an ordinal ("fifthofmay",
// "1stMay", "firstMay"), an era ("2024ADMay"); and after it, an ordinal ("Mayfirst").
const BEFORE_MONTH = /(?:of|st|nd|rd|th|be|ad|bc|ce)$/;
const ORDINAL_START =
  /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty)/;
// Around a weekday: "onMonday", "nextMonday", "Mondayofnextweek".
const BEFORE_WEEKDAY = /(?:on|this|last|past|next)$/;
const AFTER_WEEKDAY = /^(?:of|this|last|past|next)/;
// The word each relative parser ends on, at the end of a word: its pattern is tried only then.
const AGO_WORD = /(?:ago|before|earlier)(?![A-Za-z])/i;
const LATER_WORD = /(?:later|after|now|henceforth|forward|out)(?![A-Za-z])/i;

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** A word of `run` (lower case) that a parser may read, given the letters around it in the run. */
function readableWord(run: string, words: readonly string[], before: RegExp, after: RegExp): boolean {
  for (const word of words) {
    for (let at = run.indexOf(word); at >= 0; at = run.indexOf(word, at + 1)) {
      if (at > 0 && !before.test(run.slice(0, at))) continue;
      const rest = run.slice(at + word.length);
      if (rest === '' || after.test(rest)) return true;
    }
  }
  return false;
}

interface Configured {
  yearMonthDay: RegExp;
  iso: RegExp;
  slashDate: RegExp;
  slashMonth: RegExp;
  timeExpression: RegExp;
  within: RegExp;
  ago: RegExp;
  later: RegExp;
}

/** Whether chrono's word-reading parsers find nothing in `text` (then the numeric ones read it all). */
function onlyNumbersRead(text: string, p: Configured): boolean {
  // A month or a weekday a parser may read: each run of letters holding a stem is looked at once.
  let checkedTo = 0;
  STEMS.lastIndex = 0;
  for (let m = STEMS.exec(text); m; m = STEMS.exec(text)) {
    if (m.index < checkedTo) continue;
    let from = m.index;
    while (from > 0 && isLetter(text.charCodeAt(from - 1))) from--;
    let to = m.index + m[0].length;
    while (to < text.length && isLetter(text.charCodeAt(to))) to++;
    checkedTo = to;
    const run = text.slice(from, to).toLowerCase();
    if (readableWord(run, MONTH_WORDS, BEFORE_MONTH, ORDINAL_START)) return false;
    if (readableWord(run, WEEKDAY_WORDS, BEFORE_WEEKDAY, AFTER_WEEKDAY)) return false;
  }
  // A pattern that matches nowhere in the text gives chrono's parser nothing to extract.
  if (p.within.test(text)) return false;
  if (AGO_WORD.test(text) && p.ago.test(text)) return false;
  if (LATER_WORD.test(text) && p.later.test(text)) return false;
  return true;
}

// ---- The configuration followed ----------------------------------------------------------------

const PARSERS = [
  'ENYearMonthDayParser',
  'ISOFormatParser',
  'SlashDateFormatParser',
  'ENTimeUnitWithinFormatParser',
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENWeekdayParser',
  'ENSlashMonthFormatParser',
  'ENTimeExpressionParser',
  'ENTimeUnitAgoFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENYearMonthNameParser',
];
const REFINERS = [
  'OverlapRemovalRefiner',
  'ENMergeRelativeAfterDateRefiner',
  'ENMergeRelativeFollowByDateRefiner',
  'OverlapRemovalRefiner',
  'MergeWeekdayComponentRefiner',
  'ENMergeDateTimeRefiner',
  'OverlapRemovalRefiner',
  'ForwardDateRefiner',
  'UnlikelyFormatFilter',
  'ENMergeDateTimeRefiner',
  'ENExtractYearSuffixRefiner',
];
/** FNV-1a of the parsers' names and patterns, and the refiners' names, of chrono-node 2.10.3 as chrono.ts configures it. */
export const CHRONO_FINGERPRINT = 0xc75f1666;

/** FNV-1a, 32 bits. */
function fingerprint(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The fingerprint of a configuration (for the test that keeps CHRONO_FINGERPRINT honest). */
export function fingerprintOf(patterns: ChronoPatterns): number {
  return fingerprint([...patterns.parsers.map((p) => `${p.name} /${p.pattern.source}/${p.pattern.flags}`), ...patterns.refiners].join('\n'));
}

let configured = new WeakMap<ChronoPatterns, Configured | null>();
onForget(() => {
  configured = new WeakMap();
  lastReference = Number.NaN;
});

function configure(patterns: ChronoPatterns): Configured | null {
  let c = configured.get(patterns);
  if (c !== undefined) return c;
  c = null;
  const names = patterns.parsers.map((p) => p.name);
  if (names.join() === PARSERS.join() && patterns.refiners.join() === REFINERS.join() && fingerprintOf(patterns) === CHRONO_FINGERPRINT) {
    const of = (name: string) => patterns.parsers[PARSERS.indexOf(name)].pattern;
    c = {
      yearMonthDay: of('ENYearMonthDayParser'),
      iso: of('ISOFormatParser'),
      slashDate: of('SlashDateFormatParser'),
      slashMonth: of('ENSlashMonthFormatParser'),
      timeExpression: of('ENTimeExpressionParser'),
      within: of('ENTimeUnitWithinFormatParser'),
      ago: of('ENTimeUnitAgoFormatParser'),
      later: of('ENTimeUnitLaterFormatParser'),
    };
  }
  configured.set(patterns, c);
  return c;
}

/** Whether the fast reader follows this configuration (false: chrono reads every line). */
export function fastReaderFollows(patterns: ChronoPatterns): boolean {
  return configure(patterns) !== null;
}

const NAMES: [number, keyof ChronoReading['known']][] = [
  [Y, 'year'],
  [MO, 'month'],
  [D, 'day'],
  [H, 'hour'],
  [MI, 'minute'],
  [S, 'second'],
  [TZ, 'timezoneOffset'],
];

/**
 * What chrono (configured as in chrono.ts, `littleEndian` for day-first dates) reads in `text`,
 * or undefined when the text needs chrono itself.
 */
export function readLikeChrono(text: string, littleEndian: boolean, reference: Date, patterns: ChronoPatterns): ChronoReading[] | undefined {
  const p = configure(patterns);
  if (!p || !onlyNumbersRead(text, p)) return undefined;
  const day = referenceDay(reference);
  let results: Result[] = [];
  try {
    // In the configured parsers' order; the stable sort keeps it for results at one index.
    execute(text, p.yearMonthDay, day, yearMonthDay, results);
    execute(text, p.iso, day, (m) => iso(m, day), results);
    execute(text, p.slashDate, day, (m) => slashDate(m, text, littleEndian, day), results);
    execute(text, p.slashMonth, day, (m) => slashMonth(m, text, day), results);
    execute(text, p.timeExpression, day, (m) => timeExpression(m, day), results);
  } catch (error) {
    if (error === LEAVE_TO_CHRONO) return undefined;
    throw error;
  }
  results.sort((a, b) => a.index - b.index);
  results = removeOverlaps(results);
  // ENMergeRelativeAfterDateRefiner and ENMergeRelativeFollowByDateRefiner merge only around
  // results these parsers never make ("+2 days", "3 days before"); MergeWeekdayComponentRefiner
  // only after a weekday. Should one ever apply, chrono reads the line.
  for (let i = 0; i + 1 < results.length; i++) {
    const between = text.substring(results[i].index + results[i].text.length, results[i + 1].index);
    if (/^\s*$/.test(between) && (/^[+-]/.test(results[i + 1].text) || /\s+(?:before|from|after|since)$/i.test(results[i].text))) return undefined;
  }
  results = removeOverlaps(results);
  results = mergeDatesAndTimes(text, results);
  results = removeOverlaps(results);
  // ForwardDateRefiner: nothing without the forwardDate option.
  results = removeUnlikely(results);
  results = mergeDatesAndTimes(text, results);
  // ENExtractYearSuffixRefiner reads a year after a date written without one: left to chrono.
  if (results.some((r) => r.start.isCertain(MO) && !r.start.isCertain(Y))) return undefined;
  return results.map((r) => {
    const known: ChronoReading['known'] = {};
    const implied: ChronoReading['implied'] = {};
    for (const [c, name] of NAMES) {
      const value = r.start.get(c);
      if (r.start.isCertain(c)) known[name] = value as number;
      else if (value !== null) implied[name] = value;
    }
    return { index: r.index, text: r.text, relative: false, known, implied };
  });
}
