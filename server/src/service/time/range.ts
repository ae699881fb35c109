// Ranges: "08:00 AM - 09:30 AM (UTC)", "from 10:00 to 12:30 WAT", "between 10:00 and 11:00".
// What is written once in a range (zone, date, am/pm) is shared by both ends.
import { clockSeconds, shiftDays } from './clock';
import { readWrittenDates, readWrittenTimes } from './written';
import { readZoneAt } from './zones';
import type { ParsedTime, TimeReadingOptions } from './types';

// An aside may stand before the separator: "from ~12:00 (maybe before) to 17:55".
// "13:20pm ~ 13:30pm EAT": a tilde between two times, spaced, is a range (before one time it is "about").
const RANGE_SEPARATOR = /^\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:-|–|—|->|→|to|until|till|through|thru|(?<=\s)~(?=\s))\s*$/i;
const AND = /^\s*and\s*$/i;
// "between 10:00 and 11:00", "between the hours of 02:00 and 02:41", "between approximately 9 and 10 am".
const BETWEEN_BEFORE = /\bbetween\s+(?:the\s+(?:hours?|times?|period)\s+of\s+|(?:approximately|approx\.?|about|around|roughly)\s+)?$/i;
const MERIDIEM = /(?<![a-z])[ap]\.?m\b/i;
const PM = /(?<![a-z])p\.?m\b/i;

/** Whether `end` closes a range opened by `start` in `line`. */
export function isRangeBetween(line: string, start: ParsedTime, end: ParsedTime): boolean {
  const between = line.slice(start.end, end.start);
  return RANGE_SEPARATOR.test(between) || (AND.test(between) && BETWEEN_BEFORE.test(line.slice(0, start.start)));
}

const withInferred = (t: ParsedTime, note: string): ParsedTime => ({ ...t, inferred: [...(t.inferred ?? []), note] });

/** Share between the ends of a range what was written only once. */
export function joinRange(start: ParsedTime, end: ParsedTime): { start: ParsedTime; end: ParsedTime } {
  let [s, e] = [start, end];
  // "10:15 - 11:05 PM": the start is in the evening too.
  if (!MERIDIEM.test(s.text) && /\d/.test(s.text) && PM.test(e.text) && s.hour >= 1 && s.hour < 12 && s.hour + 12 <= e.hour) {
    s = withInferred({ ...s, hour: s.hour + 12 }, 'pm taken from the end of the range');
  }
  if (!s.zone && e.zone) s = withInferred({ ...s, zone: e.zone }, 'zone taken from the end of the range');
  if (!e.zone && s.zone) e = withInferred({ ...e, zone: s.zone }, 'zone taken from the start of the range');
  // A date written once applies to both ends, moved a day when the range crosses midnight.
  const crossesMidnight = clockSeconds(e) < clockSeconds(s);
  if (s.date && !e.date) {
    e = withInferred(
      { ...e, date: shiftDays(s.date, crossesMidnight ? 1 : 0) },
      crossesMidnight ? 'date: the day after the start of the range' : 'date taken from the start of the range',
    );
  } else if (e.date && !s.date && crossesMidnight && nextDayOfRange(e)) {
    // "from 23:30 to 01:15 on 9-10 May 2024": the range of days gives the start its first day, the end its last.
    s = withInferred({ ...s, date: e.date }, 'date: the first day of the range of days written at the end');
    e = withInferred({ ...e, date: shiftDays(e.date, 1) }, 'date: the last day of the range of days written at the end');
  } else if (e.date && !s.date) {
    s = withInferred(
      { ...s, date: shiftDays(e.date, crossesMidnight ? -1 : 0) },
      crossesMidnight ? 'date: the day before the end of the range' : 'date taken from the end of the range',
    );
  }
  return { start: s, end: e };
}

// "9-10 May", "May 9–10", "9th to 10th": two days in a row, in the text a time was read with.
const DAY_RANGE = /(?<![\p{N}:.])(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to|\/|&|and)\s*(\d{1,2})(?:st|nd|rd|th)?(?![\p{N}:.])/iu;

/** Whether the end's own text names a range of two days in a row that begins on the date it was given. */
function nextDayOfRange(end: ParsedTime): boolean {
  const m = DAY_RANGE.exec(end.text);
  return m !== null && end.date !== null && Number(m[1]) === end.date.day && Number(m[2]) === end.date.day + 1;
}

// "from 9am to 11 CET", "3 pm - 6 GMT": a bare hour after a separator ends the range.
const BARE_HOUR_END = /^(\s*(?:-|–|—|to|until|till)\s*)(\d{1,2})(?![\p{N}:.]|\s*(?:%|percent|users|minutes?|hours?|mins?|hrs?|days?|x\b))/iu;

/** The bare hour after `start` and a range separator, as the end of the range (same meridiem, or the next one). */
function bareHourEnd(line: string, start: ParsedTime, options?: TimeReadingOptions): ParsedTime | null {
  if (!MERIDIEM.test(start.text)) return null;
  const m = BARE_HOUR_END.exec(line.slice(start.end));
  if (!m) return null;
  const written = Number(m[2]);
  if (written < 1 || written > 12) return null;
  let hour = written % 12;
  if (start.hour >= 12) hour += 12;
  if (hour <= start.hour) hour += 12;
  if (hour >= 24) return null;
  const from = start.end + m[1].length;
  let end = from + m[2].length;
  const zone = readZoneAt(line, end, options);
  if (zone) end = zone.end;
  return {
    text: line.slice(from, end),
    start: from,
    end,
    date: null,
    hour,
    minute: 0,
    zone: zone?.spec ?? null,
    inferred: [`${written} read as ${hour}:00, after ${start.text.trim()}`],
  };
}

// "November 17th, 2016 at approximately 12:05pm", "May 29 2025, ~17:30 PM": a word for "about" between a
// date and its time.
const ABOUT = String.raw`(?:approximately|approx\.?|about|around|roughly|circa|\\?~|≈)\s*(?:at\s+)?`;
const ABOUT_BEFORE = new RegExp(`${ABOUT}$`, 'i');
const DATE_THEN_ABOUT = new RegExp(String.raw`^\s*,?\s*(?:at\s+)?${ABOUT}$`, 'i');

/** Times written without a date right after a date and a word for "about" carry that date. */
function datesAcrossAbout(line: string, times: ParsedTime[], options?: TimeReadingOptions): void {
  let dates: ReturnType<typeof readWrittenDates> | null = null;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (t.date || !ABOUT_BEFORE.test(line.slice(Math.max(0, t.start - 24), t.start))) continue;
    dates ??= readWrittenDates(line, options);
    const from = i > 0 ? times[i - 1].end : 0;
    const date = dates.find((d) => d.start >= from && d.end <= t.start && DATE_THEN_ABOUT.test(line.slice(d.end, t.start)));
    if (!date) continue;
    times[i] = { ...t, text: line.slice(date.start, t.end), start: date.start, date: date.date, ...(date.yearUnknown ? { yearUnknown: true } : {}) };
  }
}

/** Every time in `line`, with ranges joined: each end of a range carries what the range shares. */
export function readTimesWithRanges(line: string, options?: TimeReadingOptions): { times: ParsedTime[]; ranges: number[] } {
  const times = readWrittenTimes(line, options);
  datesAcrossAbout(line, times, options);
  for (let i = 0; i < times.length; i++) {
    const next = times[i + 1];
    const bare = bareHourEnd(line, times[i], options);
    if (bare && (!next || next.start >= bare.end)) times.splice(i + 1, 0, bare);
  }
  const ranges: number[] = [];
  for (let i = 0; i + 1 < times.length; i++) {
    if (!isRangeBetween(line, times[i], times[i + 1])) continue;
    const joined = joinRange(times[i], times[i + 1]);
    times[i] = joined.start;
    times[i + 1] = joined.end;
    ranges.push(i);
    i++; // "10:00 - 11:00 - 12:00" is one range and a stray time, not two ranges
  }
  return { times, ranges };
}

/** The first range written in `text`, e.g. "January 15, 2024, from 10:00 to 12:30 WAT". */
export function findTimeRange(text: string, options?: TimeReadingOptions): { start: ParsedTime; end: ParsedTime } | null {
  const { times, ranges } = readTimesWithRanges(text, options);
  if (ranges.length === 0) return null;
  return { start: times[ranges[0]], end: times[ranges[0] + 1] };
}
