// Single written times in a line: "2024-01-19 15:00 UTC", "10:20 pm (PST)", "~19:30", "2100hrs WAT".
// Each is read on its own; range.ts decides which pairs form a range.
import { type ChronoComponent, type ChronoReading, readDatesAndTimes } from './chrono';
import { offsetZoneName, readZoneAt } from './zones';
import type { LocalDate, ParsedTime, TimeReadingOptions, WrittenDateText, ZoneSpec } from './types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// What chrono reads but a postmortem reader would not call a clock time: "at 5", "this morning".
const LOOKS_LIKE_A_CLOCK = /\d[:：]\d\d|\d\s*[ap]\.?m\b\.?/i;
// "fe80::12:34:56", "1.10:30", "T+10:00", "12:34:56:78" (a MAC address) are not times; "Start:15:00" is.
const JOINED_BEFORE = /(?:[\p{L}\p{N}/+]|\p{N}[:.]|::)$/u;
const JOINED_AFTER = /^(?:[:.]\d|[\p{L}\p{N}])/u;
const LEADING_PREPOSITION = /^(?:at|from)\s+/i;
const HOURS_SUFFIX = /^\s?(?:hrs?|h)(?![\p{L}\p{N}])/iu;
const MILITARY_TIME = /(?<![\p{L}\p{N}:.])([01]\d|2[0-3])([0-5]\d)(?:\s?(?:hrs?|h)|(?=Z(?![\p{L}\p{N}])))(?![\p{L}\p{N}](?<!Z))/giu;
const MIGHT_HOLD_A_TIME = /\d|noon|midday|midnight/i;
const NOON_OR_MIDNIGHT = /\b(?:12\s+)?(noon|midday|midnight)\b/gi;
const APPROXIMATE_BEFORE = /(?:~|≈|\b(?:about|around|approx\.?|approximately|roughly|circa|ca\.|nearly|almost))\s*$/i;
const APPROXIMATE_AFTER = /^-?ish\b/i;
const ISO_OFFSET = /(?:Z|[+-]\d\d:?\d\d)$/;
// "15:00+02:00", "15:00:00-05:00"; "10:00-10:30" is a range, so "-" needs the seconds written.
const ATTACHED_OFFSET = /^([+-])(\d\d):?(\d\d)(?![\d:])/;
const NUMERIC_DATE = /\b(\d{1,2})([-/.]|,\s?)(\d{1,2})\2(\d{4}|\d{2})\b/;
const COMMA_DATE = /(?<![\p{N},.:])(\d{1,2}),\s?(\d{1,2}),\s?((?:19|20)\d{2})(?![\p{N}:])/gu;
const DATE_BEFORE_GAP = /^[\s,]*(?:at|@|-|–)?\s*$/i;
const DATE_AFTER_GAP = /^[\s,]*(?:on|of)?\s*$/i;
const MONTH_DAY_BEFORE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:at\s+)?$/i;
// A dotted clock (and a dotted range's second clock, "between 0.45 and 9.00 AM") followed by a zone or am/pm.
const DOTTED_CLOCK =
  /(?<![\d.,:])([01]?\d|2[0-3])\.([0-5]\d)(?:(\s*(?:-|–|—|to|(?<=\bbetween\s+\d{1,2}\.\d\d\s*)and)\s*)([01]?\d|2[0-3])\.([0-5]\d))?(?=\s*(?:UTC|GMT|[aApP]\.?[mM]\b|\(?[A-Z]{3,4}\b))/g;
const DATE_SLASH_CLOCK = /(?<=(?<![\p{N}/.-])\d{4}-\d{1,2}-\d{1,2})\/(?=\d{1,2}:\d\d(?![\p{N}]))/gu;
// A pm after an afternoon clock of the 24-hour day: "14:00 PM", "23:15pm".
const NEEDLESS_PM = /(?<=(?<![\p{N}:.])(?:1[3-9]|2[0-3])[:.][0-5]\d(?::[0-5]\d)?\s?)p\.?m\b\.?/giu;
const NEEDLESS_PM_AFTER = /^\s?p\.?m\b\.?/i;
// "22:00 a deploy started": an article, which chrono would read as "am".
const ARTICLE_AFTER_CLOCK = /(?<=\d[:.]\d\d\s+)a(?=\s+\p{L})/giu;
// Markdown emphasis around times ("**10:15 AM**") is blanked before reading, keeping offsets.
const EMPHASIS = /[*`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/** A stand-in reference when the incident's date is unknown; only written values are used then. */
const NO_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

interface Found {
  start: number;
  end: number;
  hour: number;
  minute: number;
  second?: number;
  date: LocalDate | null;
  zone: ZoneSpec | null;
  inferred: string[];
}

interface WrittenDate {
  start: number;
  end: number;
  date: LocalDate;
  yearUnknown?: boolean;
}

/** The note on a date whose year is a stand-in (TimeReadingOptions.standInYear). */
export const YEAR_UNKNOWN = 'no year is written, so days are compared within one year';

const certain = (c: ChronoReading, key: ChronoComponent) => c.known[key] ?? null;

function dateOf(c: ChronoReading, options: TimeReadingOptions | undefined, inferred: string[]): LocalDate | null {
  const month = certain(c, 'month');
  const day = certain(c, 'day');
  if (month === null || day === null) return null;
  const year = certain(c, 'year');
  if (year !== null) return { year, month, day };
  // "May 13th": the year comes from the incident, if we know it.
  if (!options?.referenceDate) return null;
  inferred.push(options.standInYear ? YEAR_UNKNOWN : 'year taken from the incident date');
  return { year: c.implied.year ?? options.referenceDate.year, month, day, ...(options.standInYear ? { yearUnknown: true } : {}) };
}

/** Hyphens other than U+002D that word processors and web pages write: U+2010, U+2011, U+2212, U+FE63, U+FF0D. */
const OTHER_HYPHEN = /[\u2010\u2011\u2212\ufe63\uff0d]/;
const OTHER_HYPHENS = new RegExp(OTHER_HYPHEN.source, 'g');

function fromChrono(line: string, options: TimeReadingOptions | undefined): { times: Found[]; dates: WrittenDate[] } {
  let reading = line.replace(EMPHASIS, ' ').replace(ARTICLE_AFTER_CLOCK, (m) => ' '.repeat(m.length));
  // Each repair below keeps every column; each runs only on a line that may need it.
  // "2025‑04‑11": a hyphen of another code point (non-breaking, Unicode hyphen, minus sign).
  if (OTHER_HYPHEN.test(reading)) reading = reading.replace(OTHER_HYPHENS, '-');
  // "16:10Z", "T16:10Z": chrono reads the clock once the letters are set aside (zoneAfter reads the Z).
  if (/\dZ|T\d/.test(reading)) reading = reading.replace(/(?<=\d[:.]\d\d(?::\d\d)?)Z(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])T(?=\d{1,2}:\d\d)/gu, ' ');
  // "01–11–2021", "2023–12–18": a date written with dashes a word processor made long.
  if (/\d[–—]\d/.test(reading))
    reading = reading.replace(
      /(?<=\b\d{1,4})[–—](?=\d{1,2}[-–—]\d{2,4}\b)|(?<=\b\d{1,2}[-–—]\d{1,2})[–—](?=\d{2,4}\b)|(?<=\b\d{4}[-–—]\d{1,2})[–—](?=\d{1,2}\b)/g,
      '-',
    );
  // "19.19 UTC", "19.19 - 02.33 UTC", "8.35 AM": a clock written with a dot, when a zone or am/pm says it is one.
  if (/\d\.\d\d/.test(reading))
    reading = reading.replace(
      DOTTED_CLOCK,
      (m: string, hour: string, minute: string, rest: string | undefined, hour2: string | undefined, minute2: string | undefined, at: number) => {
        // Only before a zone this project knows, or am/pm ("5.47 LTS" is a version).
        const after = at + m.length;
        if (!/^\s*[ap]\.?m\b/i.test(reading.slice(after)) && !readZoneAt(reading, after, options)) return m;
        return hour2 === undefined ? `${hour}:${minute}` : `${hour}:${minute}${rest}${hour2}:${minute2}`;
      },
    );
  // "2024-06-02/09:40": a date and a clock joined by a slash.
  if (/\d\/\d/.test(reading)) reading = reading.replace(DATE_SLASH_CLOCK, ' ');
  // "14:00 PM": a 24-hour clock with a needless pm, which chrono refuses (extend takes it into the time).
  if (/\d\s?[pP]/.test(reading)) reading = reading.replace(NEEDLESS_PM, (m) => ' '.repeat(m.length));
  // "12:39UTC", "17.17GMT": a zone glued to the clock; chrono reads the clock once it is set aside (extend reads the zone).
  if (/\d(?:UTC|GMT)/.test(reading))
    reading = reading.replace(/(?<=(?<![\p{N}])\d{1,2}[:.][0-5]\d(?::[0-5]\d)?)(?:UTC|GMT)(?![\p{L}])/gu, (m) => ' '.repeat(m.length));
  // "3:00 a.m", "2 p.m": the last dot left off, which chrono reads as "a" then a stray ".m".
  if (/\d\s?[aApP]\.[mM]/.test(reading)) reading = reading.replace(/(?<=\d\s?)([ap])\.m(?![.\p{L}])/giu, ' $1m');
  // "3:AM", "5:PM": a colon typed where the minutes would be.
  if (/\d:\s?[aApP]/.test(reading)) reading = reading.replace(/(?<![\p{N}:.])(\d{1,2}):(?=\s?[ap]\.?m\b)/giu, '$1 ');
  // "12: 48pm": a space typed after the colon (moved after the minutes, so columns stay).
  if (/\d: \d/.test(reading)) reading = reading.replace(/(?<![\p{N}:])(\d{1,2}):\s(\d\d)(?!\d)/gu, '$1:$2 ');
  const reference = options?.referenceDate
    ? new Date(Date.UTC(options.referenceDate.year, options.referenceDate.month - 1, options.referenceDate.day, 12))
    : NO_REFERENCE;
  const times: Found[] = [];
  const dates: WrittenDate[] = [];
  for (const result of readDatesAndTimes(reading, options?.dateOrder ?? 'dmy', reference)) {
    if (result.relative) continue; // "2 hours ago", "within 5 minutes"
    const prefix = LEADING_PREPOSITION.exec(result.text)?.[0].length ?? 0;
    const start = result.index + prefix;
    const end = result.index + result.text.length;
    const text = line.slice(start, end);
    const inferred: string[] = [];
    const date = dateOf(result, options, inferred);
    const hour = certain(result, 'hour');
    if (hour === null) {
      if (date) dates.push({ start, end, date, ...(inferred.includes(YEAR_UNKNOWN) ? { yearUnknown: true } : {}) });
      continue;
    }
    if (!LOOKS_LIKE_A_CLOCK.test(reading.slice(start, end))) continue;
    const second = certain(result, 'second');
    // chrono's ISO parser keeps its offset ("T06:30Z", "-05:00"); other zones are read by zoneAfter.
    const offset = certain(result, 'timezoneOffset');
    const isoZone = offset === null ? null : ISO_OFFSET.exec(text);
    times.push({
      start,
      end,
      hour,
      minute: result.known.minute ?? result.implied.minute ?? 0,
      ...(second !== null ? { second } : {}),
      date,
      zone: isoZone ? { text: isoZone[0], zone: offsetZoneName(offset ?? 0) } : null,
      inferred,
    });
  }
  // "03, 14, 2024": numbers and commas, which chrono does not read as a date.
  for (const m of line.matchAll(COMMA_DATE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if ([...times, ...dates].some((x) => start < x.end && x.start < end)) continue;
    const date = numericDate(Number(m[1]), Number(m[2]), Number(m[3]), options?.dateOrder ?? 'dmy');
    if (date) dates.push({ start, end, date });
  }
  return { times, dates };
}

/** Day and month in the order that is possible, or the configured one when both are. */
function numericDate(first: number, second: number, year: number, order: 'dmy' | 'mdy'): LocalDate | null {
  const valid = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  const dayFirst = valid(second, first);
  const monthFirst = valid(first, second);
  if (dayFirst && (order === 'dmy' || !monthFirst)) return { year, month: second, day: first };
  if (monthFirst) return { year, month: first, day: second };
  return null;
}

// "0900–1300 PST": four-digit clocks without a colon, as a range (a pair of years is not a range of clocks).
const MILITARY_RANGE = /(?<![\p{L}\p{N}:.,/-])([01]\d|2[0-3])([0-5]\d)(\s*(?:-|–|—|to|until|and)\s*)([01]\d|2[0-3])([0-5]\d)(?![\p{N}:.,/])/gu;
// "11:21a", "12:28p": a meridiem of one letter.
const ONE_LETTER_MERIDIEM = /(?<![\p{L}\p{N}:.])(1[0-2]|0?[1-9]):([0-5]\d)\s?([ap])(?![\p{L}\p{N}])/giu;
// "14h05", "09h30": the hour and minutes around an h, as French and other European texts write a
// clock. Two-digit hours only: "2h30" is as often a length.
const H_CLOCK = /(?<![\p{L}\p{N}:.])([01]\d|2[0-3])h([0-5]\d)(?![\p{L}\p{N}])/gu;
const looksLikeYear = (hh: string, mm: string) => /^(?:19|20)$/.test(hh) && Number(mm) >= 0;
// "2024-04-01 0251: wrong block", "0300 UTC paged": four digits without a colon or an h are a clock
// right after a written date, or with a zone after them.
const BARE_MILITARY = /(?<![\p{L}\p{N}:.,/-])([01]\d|2[0-3])([0-5]\d)(?![\p{L}\p{N}.,/%]|:\d)/gu;
const DATE_BEFORE =
  /(?:\b\d{4}[-/.\u2010-\u2014\u2212]\d{1,2}[-/.\u2010-\u2014\u2212]\d{1,2}|\b\d{1,2}[-/.\u2010-\u2014\u2212]\d{1,2}[-/.\u2010-\u2014\u2212]\d{2,4})[,\sT]+$/;

function fromPatterns(line: string, options: TimeReadingOptions | undefined): Found[] {
  const found: Found[] = [];
  for (const m of line.matchAll(MILITARY_RANGE)) {
    const start = m.index ?? 0;
    const endStart = start + 4 + m[3].length;
    const zoned = readZoneAt(line, endStart + 4, options) !== null;
    if (!zoned && (looksLikeYear(m[1], m[2]) || looksLikeYear(m[4], m[5]))) continue;
    // "1900 and 2100" is a range only after "between".
    if (/and/i.test(m[3]) && !/\bbetween\s+(?:the\s+(?:hours?|times?|period)\s+of\s+)?$/i.test(line.slice(0, start))) continue;
    found.push({ start, end: start + 4, hour: Number(m[1]), minute: Number(m[2]), date: null, zone: null, inferred: [] });
    found.push({ start: endStart, end: endStart + 4, hour: Number(m[4]), minute: Number(m[5]), date: null, zone: null, inferred: [] });
  }
  for (const m of line.matchAll(MILITARY_TIME)) {
    const start = m.index ?? 0;
    found.push({ start, end: start + m[0].length, hour: Number(m[1]), minute: Number(m[2]), date: null, zone: null, inferred: [] });
  }
  for (const m of line.matchAll(BARE_MILITARY)) {
    const start = m.index ?? 0;
    if (found.some((f) => f.start < start + 4 && start < f.end)) continue;
    const before = line.slice(Math.max(0, start - 16), start);
    if (!DATE_BEFORE.test(before)) {
      if (readZoneAt(line, start + 4, options) === null) continue;
      // "On January 15, 2024 (UTC)", "in 2019 UTC": a year, after a day or a word for one.
      if (looksLikeYear(m[1], m[2]) && /(?:\b\d{1,2}(?:st|nd|rd|th)?,?|\b(?:in|of|since|year|until))\s*$/i.test(before)) continue;
    }
    found.push({ start, end: start + 4, hour: Number(m[1]), minute: Number(m[2]), date: null, zone: null, inferred: [] });
  }
  for (const m of line.matchAll(H_CLOCK)) {
    const start = m.index ?? 0;
    found.push({ start, end: start + m[0].length, hour: Number(m[1]), minute: Number(m[2]), date: null, zone: null, inferred: [] });
  }
  for (const m of line.matchAll(ONE_LETTER_MERIDIEM)) {
    const start = m.index ?? 0;
    const hour = (Number(m[1]) % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
    found.push({ start, end: start + m[0].length, hour, minute: Number(m[2]), date: null, zone: null, inferred: [] });
  }
  for (const m of line.matchAll(NOON_OR_MIDNIGHT)) {
    const start = m.index ?? 0;
    const hour = m[1].toLowerCase() === 'midnight' ? 0 : 12;
    found.push({ start, end: start + m[0].length, hour, minute: 0, date: null, zone: null, inferred: [] });
  }
  return found;
}

const describeDate = (day: number, month: number) => `${day} ${MONTHS[month - 1]}`;

/** "04-12-2022 could be 4 December or 12 April; read as 4 December (day first)", and the other reading. */
function dateAmbiguity(text: string, date: LocalDate | null): { note: string; other: LocalDate } | undefined {
  const m = NUMERIC_DATE.exec(text.replace(/(?<=\d)[–—\u2010\u2011\u2212\ufe63\uff0d](?=\d)/g, '-'));
  if (!m || !date) return undefined;
  const first = Number(m[1]);
  const second = Number(m[3]);
  if (first === second || first > 12 || second > 12) return undefined;
  const dayFirst = date.day === first && date.month === second;
  const chosen = describeDate(date.day, date.month);
  const other = dayFirst ? describeDate(second, first) : describeDate(first, second);
  const [asDmy, asMdy] = dayFirst ? [chosen, other] : [other, chosen];
  return {
    note: `${m[0]} could be ${asDmy} or ${asMdy}; read as ${chosen} (${dayFirst ? 'day first' : 'month first'})`,
    other: { year: date.year, month: date.day, day: date.month },
  };
}

// "16:10Z", "1610Z", "16:10 Zulu": military and aviation UTC.
const ZULU = /^(?:Z|\s?Zulu)(?![\p{L}\p{N}])/u;

/** A zone written right after a time: an attached offset ("+02:00"), Zulu, or a zone (" (PST)", " UTC"). */
function zoneAfter(line: string, at: number, hasSeconds: boolean, options: TimeReadingOptions | undefined) {
  const zulu = ZULU.exec(line.slice(at));
  if (zulu) return { spec: { text: zulu[0].trim(), zone: 'UTC' }, end: at + zulu[0].length };
  const offset = ATTACHED_OFFSET.exec(line.slice(at));
  if (offset && Number(offset[2]) <= 14 && (offset[1] === '+' || hasSeconds)) {
    const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
    return { spec: { text: offset[0], zone: offsetZoneName(minutes) }, end: at + offset[0].length };
  }
  return readZoneAt(line, at, options);
}

// "UTC 05:13", "GMT+1 14:00", "(EAT) 9:40": a zone written just before a time, with only spaces between.
const ZONE_BEFORE = /(?<![\p{L}\p{N}+\-−])\(?((?:UTC|GMT)[ \t]*[+\-−][ \t]*\d{1,2}(?::?\d{2})?|[A-Za-z]{2,5})\)?[ \t]+$/u;

/** A zone written right before a time (only when none is written after it). */
function zoneBefore(line: string, start: number, options: TimeReadingOptions | undefined) {
  const m = ZONE_BEFORE.exec(line.slice(0, start));
  if (!m) return null;
  const at = m.index ?? 0;
  const read = readZoneAt(line, at, options);
  return read && read.end === at + m[0].trimEnd().length ? { spec: read.spec, start: at } : null;
}

/** Extend a found time over what is written next to it: "hrs", a zone, a date. */
function extend(line: string, time: Found, dates: WrittenDate[], options: TimeReadingOptions | undefined): Found | null {
  let end = time.end + (HOURS_SUFFIX.exec(line.slice(time.end))?.[0].length ?? 0);
  if (time.hour >= 13) end += NEEDLESS_PM_AFTER.exec(line.slice(end))?.[0].length ?? 0;
  let zone = time.zone;
  const written = zone ? null : zoneAfter(line, end, time.second !== undefined, options);
  if (written) [zone, end] = [written.spec, written.end];
  let date = time.date;
  let start = time.start;
  const before = zone ? null : zoneBefore(line, start, options);
  if (before) [zone, start] = [before.spec, before.start];
  let inferred = time.inferred;
  if (!date) {
    const after = dates.find((d) => d.start >= end && DATE_AFTER_GAP.test(line.slice(end, d.start)));
    const before = dates.find((d) => d.end <= start && DATE_BEFORE_GAP.test(line.slice(d.end, start)));
    if (after) [date, end] = [after.date, after.end];
    else if (before) [date, start] = [before.date, before.start];
    const attached = after ?? before;
    if (attached?.yearUnknown) inferred = [...inferred, YEAR_UNKNOWN];
    // "September 19 19:19 UTC": chrono takes the clock and drops a month and day written just before it.
    const monthDay = !date && options?.referenceDate ? MONTH_DAY_BEFORE.exec(line.slice(0, start)) : null;
    if (monthDay && options?.referenceDate) {
      const month = MONTHS.findIndex((m) => m.toLowerCase().startsWith(monthDay[1].toLowerCase().slice(0, 3))) + 1;
      const day = Number(monthDay[2]);
      if (month >= 1 && day >= 1 && day <= 31) {
        date = { year: options.referenceDate.year, month, day, ...(options.standInYear ? { yearUnknown: true } : {}) };
        start = monthDay.index ?? start;
        inferred = [...inferred, options.standInYear ? YEAR_UNKNOWN : 'year taken from the incident date'];
      }
    }
    // "10:00 AM on March 2, 2023 (UTC-8)": the zone after the date.
    if (after && !zone) {
      const late = zoneAfter(line, end, time.second !== undefined, options);
      if (late) [zone, end] = [late.spec, late.end];
    }
  }
  // "T16:10Z" (ISO without its date) begins with the T.
  if (line[start - 1] === 'T' && !/[\p{L}\p{N}]/u.test(line[start - 2] ?? '')) start--;
  if (JOINED_BEFORE.test(line.slice(0, start)) || JOINED_AFTER.test(line.slice(end))) return null;
  return { ...time, start, end, zone, date, inferred };
}

/** Every single written time of day in `line`, in order, each with the zone and date written next to it. */
export function readWrittenTimes(line: string, options?: TimeReadingOptions): ParsedTime[] {
  if (!MIGHT_HOLD_A_TIME.test(line)) return []; // most prose lines; saves a chrono pass
  const { times, dates } = fromChrono(line, options);
  const found = [...times, ...fromPatterns(line, options).filter((p) => !times.some((t) => p.start < t.end && t.start < p.end))]
    .map((t) => extend(line, t, dates, options))
    .filter((t): t is Found => t !== null)
    .sort((a, b) => a.start - b.start);
  const result: ParsedTime[] = [];
  for (const t of found) {
    const previous = result[result.length - 1];
    if (previous && t.start < previous.end) continue;
    const text = line.slice(t.start, t.end);
    const approximate = APPROXIMATE_BEFORE.test(line.slice(0, t.start)) || APPROXIMATE_AFTER.test(line.slice(t.end));
    const ambiguity = dateAmbiguity(text, t.date);
    result.push({
      text,
      start: t.start,
      end: t.end,
      date: t.date,
      ...(ambiguity ? { dateAmbiguity: ambiguity.note, otherDate: ambiguity.other } : {}),
      ...(t.inferred.includes(YEAR_UNKNOWN) ? { yearUnknown: true } : {}),
      hour: t.hour,
      minute: t.minute,
      ...(t.second !== undefined ? { second: t.second } : {}),
      zone: t.zone,
      ...(approximate ? { approximate } : {}),
      ...(t.inferred.length ? { inferred: t.inferred } : {}),
    });
  }
  return result;
}

/**
 * Every date written in `line` on its own (dates that belong to a time are read by findTimes).
 * A date without a year takes the reference date's year; without a reference it is left out.
 */
export function readWrittenDates(line: string, options?: TimeReadingOptions): WrittenDateText[] {
  if (!/\d/.test(line)) return [];
  return fromChrono(line, options).dates.map((d) => ({
    text: line.slice(d.start, d.end),
    start: d.start,
    end: d.end,
    date: d.date,
    ...(d.yearUnknown ? { yearUnknown: true } : {}),
  }));
}

const ANY_NUMERIC_DATE = /(?<![\p{N}/.-])(\d{1,2})([/.\-–\u2010\u2011\u2212])(\d{1,2})\2(\d{2}|\d{4})(?![\p{N}/.-])/gu;

/**
 * The day-month order a document's own dates show: "01/16/2024" can only be month first, "16/01/2024"
 * only day first. A reader takes the order of the unambiguous dates for the ambiguous ones; null when
 * the document shows none, or both.
 */
export function dateOrderShownIn(lines: readonly string[]): 'dmy' | 'mdy' | null {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const line of lines) {
    if (line.length > 2000 || !/\d[/.\-–\u2010\u2011\u2212]\d/.test(line)) continue;
    for (const m of line.matchAll(ANY_NUMERIC_DATE)) {
      const [a, b] = [Number(m[1]), Number(m[3])];
      if (a > 12 && a <= 31 && b >= 1 && b <= 12) dayFirst++;
      else if (b > 12 && b <= 31 && a >= 1 && a <= 12) monthFirst++;
    }
  }
  if (dayFirst && !monthFirst) return 'dmy';
  if (monthFirst && !dayFirst) return 'mdy';
  return null;
}
