import type { PostmortemDocument, Range, Section, TimelineEntry } from '../model';
import {
  findDates,
  findTimes,
  findUnreadableTimes,
  type LocalDate,
  type ParsedTime,
  placeTime,
  STAND_IN_DAY,
  shiftDays,
  type TimeReadingOptions,
  type ZoneSpec,
} from '../time';
import type { EntryLine, ParsedBlock } from './blocks';
import { range, withoutMarkup } from './lines';
import { perLine } from '../incremental/lines';
import { onForget, rememberByText } from '../incremental/memo';

// Timeline entries: list items, paragraph lines and table rows of the timeline section that
// begin with a time, or that nest one (`- Detection:` / `  - *Time:* 14:30 SAST`).

// Markup a time may hide behind at the start of an entry: `**10:15 AM**`, `[14:02]`, `~19:30`, `At 10:00`.
const leadingMarkup = /^(?:[*_`[(~>\s]|at\s|by\s|around\s|about\s|approx(?:imately|\.)?\s)*/i;
// A clock (`10:15`, `10:15:30`, `10.15 am`, `2100hrs`, `3 pm`) or a date (`2024-01-19`, `Jan 15`, `15/01/2024`) at the start
// (with its clock: `2024-01-19 15:00`, `2024-04-01 0251`).
const leadingTime =
  /^(?:\d{4}[-\u2010\u2011\u2012\u2013\u2014\u2212]\d{2}[-\u2010\u2011\u2012\u2013\u2014\u2212]\d{2}(?:[T /]\d{1,2}:\d{2}(?::\d{2})?|\s(?:[01]\d|2[0-3])[0-5]\d(?![\d.,]|:\d))?|\d{1,2}([/.\-–—\u2010\u2011\u2212])\d{1,2}(?:\1\d{2,4})?(?:,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|[01]\d[hH][0-5]\d\b|2[0-3][hH][0-5]\d\b|\d{3,4}\s*hrs?\b|\d{1,2}\s*[ap]\.?m\.?\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?:,?\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?)/i;
const zoneAfter = /^\s*(?:\(?(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?|\(?[A-Z]{2,5}\)?(?=[\s:,)\-–—*]|$))/;

export interface LeadingTime {
  text: string;
  start: number;
  end: number;
}

/** The time an entry's text begins with, e.g. `10:15 AM` in `**10:15 AM** – Alerts fired`. */
export function leadingTimeOf(content: string): LeadingTime | undefined {
  const skip = leadingMarkup.exec(content)?.[0].length ?? 0;
  const rest = content.slice(skip);
  const m = leadingTime.exec(rest);
  if (!m) return undefined;
  let end = skip + m[0].length;
  const zone = zoneAfter.exec(content.slice(end));
  if (zone && !/^\s*(?:AND|THE|TO|WE)\b/.test(content.slice(end))) end += zone[0].length;
  return { text: content.slice(skip, end).replace(/[()]/g, '').trim(), start: skip, end };
}

function entryText(content: string, time: LeadingTime): string {
  return content
    .slice(time.end)
    .replace(/^[\s*_`)\]]*(?:[-–—:|]+[\s*_`]*){0,2}/, '')
    .replace(/[*_]+$/, '')
    .trim();
}

export function findTimelineEntries(blocks: readonly ParsedBlock[], sections: readonly Section[], lines: readonly string[]): TimelineEntry[] {
  const timelines = sections.filter((s) => s.id === 'timeline');
  if (!timelines.length) return [];
  const inTimeline = (line: number) => timelines.some((s) => line > s.headingRange.end.line && line <= s.range.end.line);
  const entries: TimelineEntry[] = [];
  const taken = new Set<number>();
  const headingLines: number[] = [];
  for (const block of blocks) {
    for (const l of block.labels) if (l.level > 0) headingLines.push(l.line);
    if (block.endLine <= (timelines[0]?.headingRange.end.line ?? 0)) continue;
    const columns = tableColumns(block.tableHeader);
    const untimed: EntryLine[] = [];
    let timedItems = 0;
    for (const [index, entry] of block.entries.entries()) {
      if (!inTimeline(entry.line) || (taken.has(entry.line) && !entry.segment)) continue;
      const found = entry.kind === 'table' ? tableEntry(entry, columns, lines) : textEntry(entry, block.entries, index);
      if (found) {
        entries.push(found);
        for (let l = found.line; l <= found.endLine; l++) taken.add(l);
        if (entry.kind === 'list') timedItems++;
      } else if (entry.kind === 'list') untimed.push(entry);
    }
    entries.push(...itemsWithTimesInside(untimed, timedItems, taken));
  }
  entries.sort((a, b) => a.line - b.line);
  headingLines.sort((a, b) => a - b);
  // `### 14:05 Rollback` holds the lines under it, up to the next heading or entry.
  entries.forEach((e, i) => {
    if (e.kind !== 'heading') return;
    const section = timelines.find((s) => e.line > s.headingRange.end.line && e.line <= s.range.end.line);
    const nextHeading = headingLines.find((l) => l > e.line) ?? lines.length;
    let end = Math.min(nextHeading, entries[i + 1]?.line ?? lines.length, (section?.range.end.line ?? lines.length - 1) + 1) - 1;
    while (end > e.line && lines[end].trim() === '') end--;
    e.endLine = end;
  });
  return entries;
}

interface TableColumns {
  /** The column holding the time (or the date and time), or -1 when the header names none. */
  time: number;
  /** A separate column holding the date (`| Date | Time (UTC) | Event |`), or -1. */
  date: number;
  /** A year written in the date column's header: `Date (2022)`. */
  year: number | null;
}

function tableColumns(header: string[] | undefined): TableColumns {
  if (!header) return { time: -1, date: -1, year: null };
  const time = header.findIndex((h) => /\b(?:time|timestamp|when|hour)\b/i.test(h));
  // "Date" before "Day": `| Day | Date (2022) | Time (UTC) | Event |` names the weekday first.
  const dated = header.findIndex((h, i) => i !== time && /\bdate\b/i.test(h));
  const date = dated >= 0 ? dated : header.findIndex((h, i) => i !== time && /\bday\b/i.test(h));
  if (time < 0) return { time: date, date: -1, year: null };
  const year = date >= 0 ? /\b((?:19|20)\d\d)\b/.exec(header[date]) : null;
  return { time, date, year: year ? Number(year[1]) : null };
}

/**
 * The leading time of an entry's content and the text after it. Remembered: the content of a block
 * that did not change is the same string in every re-analysis (incremental/blocks.ts), so looking
 * it up costs little.
 */
const leadingEntry = rememberByText((content: string): { time: LeadingTime; text: string } | null => {
  const time = leadingTimeOf(content);
  return time ? { time, text: entryText(content, time) } : null;
});

/**
 * The list items of a timeline whose time stands inside their text rather than first
 * ("Investigating (14:05 UTC): …", "Fix deployed at 15:30 UTC."), as a status page or a
 * reworded log writes them: entries when the list says it is one, that is when most of its items
 * (other than nested ones) state a time, first or inside. Each is timed by its first written time
 * (with the date and zone written beside it).
 */
function itemsWithTimesInside(untimed: readonly EntryLine[], timedItems: number, taken: Set<number>): TimelineEntry[] {
  if (!untimed.length) return [];
  const top = Math.min(...untimed.map((e) => e.depth));
  const candidates = untimed.filter((e) => e.depth === top && !taken.has(e.line));
  const inside = candidates.flatMap((entry) => {
    const time = /\d/.test(entry.content) ? findTimes(entry.content)[0] : undefined;
    return time ? [{ entry, start: time.start, end: time.end }] : [];
  });
  if (inside.length < 2 || (timedItems + inside.length) * 3 < (timedItems + candidates.length) * 2) return [];
  return inside.map(({ entry, start, end }) => {
    const { content } = entry;
    const before = content
      .slice(0, start)
      .replace(/[*_]/g, '')
      .replace(/(?:\s|[([—–,-]|\b(?:at|by|around|about|on|from)\b)+$/i, '')
      .trim();
    const after = content
      .slice(end)
      .replace(/^[\s)\]:*_—–,-]+/, '')
      .replace(/[*_]+$/, '')
      .trim();
    const rest = /[\p{L}\p{N}]/u.test(after) ? after : '';
    for (let l = entry.line; l <= entry.endLine; l++) taken.add(l);
    return {
      line: entry.line,
      endLine: entry.endLine,
      timeText: content.slice(start, end),
      timeRange: range(entry.line, entry.contentStart + start, entry.line, entry.contentStart + end),
      text: before && rest ? `${before}: ${rest}` : before || rest,
      kind: 'list' as const,
    };
  });
}

function textEntry(entry: EntryLine, siblings: readonly EntryLine[], index: number): TimelineEntry | undefined {
  const leading = leadingEntry(entry.content);
  if (leading) {
    const { time } = leading;
    return {
      line: entry.line,
      endLine: entry.endLine,
      timeText: time.text,
      timeRange: range(entry.line, entry.contentStart + time.start, entry.line, entry.contentStart + time.end),
      text: leading.text,
      kind: entry.kind === 'list' ? 'list' : entry.kind === 'heading' ? 'heading' : 'paragraph',
    };
  }
  if (entry.kind !== 'list') return undefined;
  // `- Detection:` with a nested `- *Time:* 2023-03-15 14:30 SAST`
  // Entries are in line order: only the ones inside this item can hold its time (keeps this linear).
  let nested: EntryLine | undefined;
  for (let i = index + 1; i < siblings.length && siblings[i].line <= entry.endLine; i++) {
    if (siblings[i].depth > entry.depth && /^\W*time\W*:/i.test(siblings[i].content)) {
      nested = siblings[i];
      break;
    }
  }
  if (!nested) return undefined;
  const afterLabel = nested.content.replace(/^\W*time\W*:\W*/i, '');
  const offset = nested.content.length - afterLabel.length;
  const nestedTime = leadingTimeOf(afterLabel);
  if (!nestedTime) return undefined;
  const column = nested.contentStart + offset;
  return {
    line: entry.line,
    endLine: entry.endLine,
    timeText: nestedTime.text,
    timeRange: range(nested.line, column + nestedTime.start, nested.line, column + nestedTime.end),
    text: entry.content.replace(/[*_:]+/g, '').trim(),
    kind: 'nested',
  };
}

function tableEntry(entry: EntryLine, columns: TableColumns, lines: readonly string[]): TimelineEntry | undefined {
  const text = lines[entry.line];
  const cells = cellSpans(text);
  const column = Math.max(columns.time, 0);
  const cell = cells[column];
  if (!cell) return undefined;
  const time = leadingTimeOf(cell.text);
  if (!time) return undefined;
  const dateCell = columns.date >= 0 ? cells[columns.date] : undefined;
  const dated =
    dateCell && /\d/.test(dateCell.text)
      ? {
          dateText: columns.year && !/\b(?:19|20)\d\d\b/.test(dateCell.text) ? `${dateCell.text} ${columns.year}` : dateCell.text,
          dateRange: range(entry.line, dateCell.start, entry.line, dateCell.start + dateCell.text.length),
        }
      : {};
  return {
    line: entry.line,
    endLine: entry.line,
    timeText: time.text,
    timeRange: range(entry.line, cell.start + time.start, entry.line, cell.start + time.end),
    text: cells
      .filter((_, i) => i !== column && i !== columns.date)
      .map((c) => c.text)
      .filter(Boolean)
      .join(' — '),
    kind: 'table',
    ...dated,
  };
}

/** The cells of a table row, trimmed, with the column each starts at. */
function cellSpans(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const body = text.replace(/\|\s*$/, '');
  let start = body.indexOf('|') === body.length - body.trimStart().length ? body.indexOf('|') + 1 : 0;
  while (start <= body.length) {
    let end = body.indexOf('|', start);
    if (end < 0) end = body.length;
    const raw = body.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), start: start + lead });
    if (end >= body.length) break;
    start = end + 1;
  }
  return out;
}

// ---- Entry times -----------------------------------------------------------------------------
// Which lines are entries is decided above; what instant each names is decided here, with the
// time library, once the incident's date, zone and window are known.

/** What the timeline's times take from the rest of the document. */
export interface TimelineClock {
  options: TimeReadingOptions;
  /** The incident's date, for entries written without one. */
  referenceDate: LocalDate | null;
  /** The incident's zone, for entries written without one and no zone declared for the section. */
  zone: ZoneSpec | null;
  /** The zone declared for the section holding `line` ("Timeline (all times in Pacific Time)"). */
  zoneAt(line: number): ZoneSpec | null;
  /** The incident's start and end, as comparable instants (TimelineEntry.at), when known. */
  start: number | null;
  end: number | null;
}

export interface UnreadableEntryTime {
  text: string;
  range: Range;
  reason: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: LocalDate) => (d.yearUnknown ? `${pad(d.month)}-${pad(d.day)}` : `${d.year}-${pad(d.month)}-${pad(d.day)}`);
const WEEKDAY = /\b(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\b\.?/gi;
const LINE_MARKUP = /^\s*(?:(?:[-+*>|#]|\d{1,3}[.)])\s*)*/;

/** A line that names the day of the entries under it: `- Monday, May 14th:`, `**Day 2 — 2024-01-20**`, `### Day 3`. */
function dayLineDate(text: string, options: TimeReadingOptions, firstDay: LocalDate): { date: LocalDate; written: boolean } | null {
  const plain = withoutMarkup(text).replace(LINE_MARKUP, '').trim();
  if (!plain || plain.length > 80 || !/\d/.test(plain) || findTimes(plain, options).length) return null;
  const dates = findDates(plain, options);
  if (dates.length === 1) {
    const d = dates[0];
    const rest = `${plain.slice(0, d.start)} ${plain.slice(d.end)}`
      .replace(WEEKDAY, ' ')
      .replace(/\b(?:day\s+\d{1,2}|on|of|the)\b/gi, ' ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    return rest.split(/\s+/).filter(Boolean).length <= 2 ? { date: d.date, written: true } : null;
  }
  const numbered = /^day\s+(\d{1,2})\s*[:.)\-–—]?\s*(?:\(?\s*(?:mon|tue|wed|thu|fri|sat|sun)\w*\s*\)?)?$/i.exec(plain);
  return numbered && Number(numbered[1]) >= 1 ? { date: shiftDays(firstDay, Number(numbered[1]) - 1), written: false } : null;
}

/**
 * Fills `time`, `at` and `timeNotes` of every timeline entry. An entry without a date takes the
 * day of the day line above it, else the day of the entry before it, else the incident's date;
 * without a zone, the zone declared for its section, else the incident's. A clock that runs
 * backwards moves to the next day when that places it in (or nearer) the incident's window:
 * the incident crosses midnight, or the timeline does.
 */
export function readTimelineTimes(document: PostmortemDocument, clock: TimelineClock): { unreadable: UnreadableEntryTime[] } {
  const unreadable: UnreadableEntryTime[] = [];
  const timelines = document.sections.filter((s) => s.id === 'timeline');
  if (!timelines.length) return { unreadable };
  const firstDay = clock.referenceDate ?? STAND_IN_DAY;
  let dayKnown = clock.referenceDate !== null;
  let day = firstDay;
  let dayNote = clock.referenceDate ? `date ${isoDate(firstDay)} taken from the incident` : '';
  let previous: number | null = null;
  let freshDay = false;
  let twelveHourClock = true;
  // An entry without a zone is in the zone of the entries around it: the last one written, or the
  // first one the timeline writes at all.
  let writtenZone: ZoneSpec | null = null;
  const firstWrittenZone = firstZoneOf(document, clock.options);
  const clockKey = clockKeyOf(clock);
  let scanned = timelines[0].headingRange.end.line;
  const covered = new Set<number>();
  for (const e of document.timeline) for (let l = e.line; l <= e.endLine; l++) covered.add(l);
  // "Unless otherwise noted all events happened on 2019-10-21": the entries' day, which an entry
  // that writes its own date changes for itself alone.
  const holds = heldDay(document, timelines[0], clock.options);
  if (holds) {
    day = holds.date;
    dayKnown = true;
    dayNote = holds.note;
  }

  for (const entry of document.timeline) {
    for (let l = scanned + 1; l < entry.line; l++) {
      if (covered.has(l)) continue;
      const dayLine = dayLineDate(document.lines[l], { ...clock.options, ...(dayKnown ? { referenceDate: day } : {}) }, firstDay);
      if (dayLine) {
        day = dayLine.date;
        dayKnown = dayLine.written || clock.referenceDate !== null;
        dayNote = `date ${isoDate(day)} taken from the day line ${l + 1}`;
        freshDay = true;
      }
    }
    // `## May 14` read as an entry of its own (a date and no clock) is the day of the entries after it too.
    const ownDay =
      entry.kind === 'heading' ? dayLineDate(document.lines[entry.line], { ...clock.options, ...(dayKnown ? { referenceDate: day } : {}) }, firstDay) : null;
    if (ownDay) {
      day = ownDay.date;
      dayKnown = ownDay.written || clock.referenceDate !== null;
      dayNote = `date ${isoDate(day)} taken from the day line ${entry.line + 1}`;
      freshDay = true;
    }
    scanned = Math.max(scanned, entry.endLine);
    // `| Jan 28 | 02:34 | …`: the row's own date column.
    if (entry.dateText) {
      const written = findDates(entry.dateText, {
        ...clock.options,
        ...(dayKnown ? { referenceDate: day } : { referenceDate: STAND_IN_DAY, standInYear: true }),
      })[0];
      if (written) {
        const yearWritten = !written.yearUnknown || dayKnown;
        day = written.date;
        dayKnown = dayKnown || yearWritten;
        dayNote = `date ${isoDate(day)} taken from the date column`;
        freshDay = true;
      }
    }
    const line = entry.timeRange.start.line;
    const state: ClockState = { day, dayKnown, dayNote, previous, freshDay, twelveHourClock, writtenZone };
    const step = timedStep(document.lines, entry.timeRange, clock, clockKey, firstWrittenZone, state);
    entry.time = step.time;
    entry.at = step.at;
    entry.timeNotes = [...step.timeNotes];
    entry.zone = step.zone;
    entry.day = step.day;
    if (step.unreadable)
      unreadable.push({ text: step.unreadable.text, range: range(line, step.unreadable.start, line, step.unreadable.end), reason: step.unreadable.reason });
    ({ day, dayKnown, dayNote, previous, freshDay, twelveHourClock, writtenZone } = step.state);
    if (holds && step.ownDate) {
      day = holds.date;
      dayNote = holds.note;
    }
  }
  scanForUnreadable(document, timelines, covered, unreadable);
  return { unreadable };
}

const UNLESS_NOTED =
  /\b(?:unless\s+(?:otherwise\s+)?(?:noted|stated|specified|indicated|mentioned|marked|written|shown)|(?:except|save)\s+(?:where|as|when)\s+(?:otherwise\s+)?(?:noted|stated|specified|indicated|mentioned|marked))\b/i;

/**
 * The day a timeline's heading or introduction declares for its entries "unless otherwise noted".
 * Lines before the first entry only: a day line between entries is a day of its own.
 */
function heldDay(document: PostmortemDocument, timeline: Section, options: TimeReadingOptions): { date: LocalDate; note: string } | null {
  const first = document.timeline.find((e) => e.line > timeline.headingRange.start.line)?.line ?? timeline.range.end.line;
  for (let l = timeline.headingRange.start.line; l < first; l++) {
    // The sentence may wrap onto the next line ("Unless otherwise noted all events\nhappened on 2021-03-14").
    const next = l + 1 < first && (document.lines[l + 1] ?? '').trim() ? ` ${withoutMarkup(document.lines[l + 1])}` : '';
    const text = withoutMarkup(document.lines[l] ?? '') + next;
    if (!UNLESS_NOTED.test(text)) continue;
    const date = findDates(text, options)[0];
    if (date && !date.date.yearUnknown) return { date: date.date, note: `date ${isoDate(date.date)} declared for the timeline on line ${l + 1}` };
  }
  return null;
}

/** What the reading of the entries so far leaves for the next one. */
interface ClockState {
  day: LocalDate;
  dayKnown: boolean;
  dayNote: string;
  previous: number | null;
  freshDay: boolean;
  /** No entry so far was written on a 24-hour clock past noon (`14:40`). */
  twelveHourClock: boolean;
  writtenZone: ZoneSpec | null;
}

/** The clock in a key: what of it an entry's reading reads (zoneAt is read per line). */
const clockKeyOf = (clock: TimelineClock) => shortKey(JSON.stringify([clock.options, clock.referenceDate, clock.zone, clock.start, clock.end]));

/** One entry's time as readTimelineTimes gives it, and the state it leaves for the next entry. */
interface TimedStep {
  time: string | null;
  at: number | null;
  timeNotes: readonly string[];
  zone: ZoneSpec | null;
  day: LocalDate | null;
  unreadable: { text: string; start: number; end: number; reason: string } | null;
  /** The entry writes its own date (`2019-10-20 00:55: …`), not only a time. */
  ownDate: boolean;
  state: ClockState;
}

// An entry's reading depends on its line, where its time is, the clock and the state the entries
// before it leave. After an edit most entries read the same, from the same state: each line keeps
// the steps last read on it (with the line's other readings, incremental/lines.ts, so a line no
// edit touched finds them without a look-up), and a step is taken again when all of these are equal.
interface KnownStep {
  line: number;
  from: number;
  to: number;
  clockKey: string;
  zoneAt: string;
  firstWrittenZone: string;
  before: ClockState;
  step: TimedStep;
}
/** The steps read on a line's text, newest last: a few, for a text written on several lines. The one perLine reading that is added to after it is read (a memo, not a reading of the line). */
const stepsOfLine = perLine((): KnownStep[] => []);
const keptStepsPerLine = 3;
let stepReads = 0;

/** How many entries' times have been read, not taken again, so far (the tests read it). */
export const timelineStepReads = (): number => stepReads;

// Clocks in a key: a short number for each, the same for equal ones (a clock is made anew per
// analysis). Zones: their fields, kept per zone object (a zone read from a line is one object,
// remembered with the line's reading).
const knownKeys = new Map<string, string>();
// Never reused, also after the map is cleared: a number always stands for one text.
let nextKey = 0;
let zoneKeys = new WeakMap<ZoneSpec, string>();
onForget(() => {
  knownKeys.clear();
  zoneKeys = new WeakMap();
});
function shortKey(long: string): string {
  let key = knownKeys.get(long);
  if (key === undefined) {
    if (knownKeys.size >= 10_000) knownKeys.clear();
    key = String(nextKey++);
    knownKeys.set(long, key);
  }
  return key;
}
// ZoneSpec's fields: adding one to ZoneSpec does not compile until it is added here, and to the key below.
const zoneFields: Record<keyof ZoneSpec, true> = { text: true, zone: true, ambiguous: true, region: true };
function zoneKey(zone: ZoneSpec | null): string {
  if (!zone) return '';
  let key = zoneKeys.get(zone);
  if (key === undefined) {
    const { text, zone: name, ambiguous, region } = zone;
    key = `${text}\u0001${name}\u0001${region ?? ''}\u0001${ambiguous ? `${ambiguous.chosen}\u0001${ambiguous.readings.join('\u0002')}` : ''}`;
    zoneKeys.set(zone, key);
  }
  return key;
}
void zoneFields;

// ClockState's fields: adding one does not compile until it is added here, and to sameState.
const stateFields: Record<keyof ClockState, true> = {
  day: true,
  dayKnown: true,
  dayNote: true,
  previous: true,
  freshDay: true,
  twelveHourClock: true,
  writtenZone: true,
};
void stateFields;
function sameState(a: ClockState, b: ClockState): boolean {
  return (
    a.previous === b.previous &&
    a.dayKnown === b.dayKnown &&
    a.freshDay === b.freshDay &&
    a.twelveHourClock === b.twelveHourClock &&
    (a.day === b.day || (a.day.year === b.day.year && a.day.month === b.day.month && a.day.day === b.day.day && a.day.yearUnknown === b.day.yearUnknown)) &&
    a.dayNote === b.dayNote &&
    (a.writtenZone === b.writtenZone || zoneKey(a.writtenZone) === zoneKey(b.writtenZone))
  );
}

function timedStep(
  lines: readonly string[],
  timeRange: Range,
  clock: TimelineClock,
  clockKey: string,
  firstWrittenZone: ZoneSpec | null,
  state: ClockState,
): TimedStep {
  const line = timeRange.start.line;
  const rawLine = lines[line] ?? '';
  if (line >= lines.length) return readTimedStep(rawLine, timeRange, clock, firstWrittenZone, state);
  const from = timeRange.start.character;
  const to = timeRange.end.character;
  const zoneAt = zoneKey(clock.zoneAt(line));
  const first = zoneKey(firstWrittenZone);
  const known = stepsOfLine(lines, line);
  for (const k of known) {
    if (
      k.line === line &&
      k.from === from &&
      k.to === to &&
      k.clockKey === clockKey &&
      k.zoneAt === zoneAt &&
      k.firstWrittenZone === first &&
      sameState(k.before, state)
    )
      return k.step;
  }
  stepReads++;
  const step = readTimedStep(rawLine, timeRange, clock, firstWrittenZone, state);
  if (known.length >= keptStepsPerLine) known.shift();
  known.push({ line, from, to, clockKey, zoneAt, firstWrittenZone: first, before: state, step });
  return step;
}

function readTimedStep(rawLine: string, timeRange: Range, clock: TimelineClock, firstWrittenZone: ZoneSpec | null, before: ClockState): TimedStep {
  let { day, dayKnown, dayNote, previous, freshDay, twelveHourClock, writtenZone } = before;
  const line = timeRange.start.line;
  const text = withoutMarkup(rawLine);
  const none = { time: null, at: null, timeNotes: [], zone: null, day: null, unreadable: null, ownDate: false };
  const after = (): ClockState => ({ day, dayKnown, dayNote, previous, freshDay, twelveHourClock, writtenZone });
  // Without a known year, "Jan 16" is still a day after "Jan 15": dates are read in a stand-in year.
  const options: TimeReadingOptions = { ...clock.options, ...(dayKnown ? { referenceDate: day } : { referenceDate: STAND_IN_DAY, standInYear: true }) };
  const from = timeRange.start.character;
  const to = timeRange.end.character;
  const time = findTimes(text, options).find((t) => t.end > from && t.start <= to);
  const yearless = time?.yearUnknown === true;
  const bad = findUnreadableTimes(text).find((u) => u.end > from && u.start <= to && (!time || u.start <= time.start));
  if (bad) return { ...none, unreadable: bad, state: after() };
  if (!time) {
    // A date alone (`2024-03-13 | Scaled down`): as precise as the text allows.
    const date = findDates(text, options).find((d) => d.end > from && d.start <= to);
    if (!date) return { ...none, state: after() };
    day = date.date;
    dayKnown = true;
    dayNote = `date ${isoDate(date.date)} taken from the entry on line ${line + 1}`;
    freshDay = true;
    return { ...none, time: isoDate(date.date), ownDate: true, state: after() };
  }
  const zoneAround = writtenZone ?? firstWrittenZone;
  const placed = placeEntry(time, line, clock, { text, twelveHourClock, day, dayKnown, dayNote, previous, freshDay, zoneAround });
  if (time.hour >= 13 && !/[ap]\.?m\b/i.test(time.text)) twelveHourClock = false;
  if (time.zone) writtenZone = time.zone;
  if (!placed) return { ...none, state: after() };
  const entryDay = dayKnown || (time.date !== null && !yearless) ? placed.day : null;
  day = placed.day;
  dayNote = placed.dayNote;
  dayKnown = dayKnown || (time.date !== null && !yearless);
  previous = placed.at;
  freshDay = false;
  return {
    time: yearless ? null : placed.iso,
    at: placed.at,
    timeNotes: placed.notes,
    zone: placed.zone,
    day: entryDay,
    unreadable: null,
    ownDate: time.date !== null,
    state: after(),
  };
}

/** What placing one entry reads: the state the entries before it leave, its line, and the zone around it. */
interface DayState extends Omit<ClockState, 'writtenZone'> {
  /** The entry's line, for "(next day)" hints. */
  text: string;
  /** The zone the entries around this one are written in. */
  zoneAround: ZoneSpec | null;
}

/** The first zone written on a timeline entry, for the entries before it that write none. */
function firstZoneOf(document: PostmortemDocument, options: TimeReadingOptions): ZoneSpec | null {
  for (const entry of document.timeline) {
    const line = entry.timeRange.start.line;
    const text = withoutMarkup(document.lines[line] ?? '');
    const time = findTimes(text, options).find((t) => t.end > entry.timeRange.start.character && t.start <= entry.timeRange.end.character);
    if (time?.zone) return time.zone;
  }
  return null;
}

function placeEntry(
  time: ParsedTime,
  line: number,
  clock: TimelineClock,
  state: DayState,
): { at: number; iso: string | null; notes: string[]; day: LocalDate; dayNote: string; zone: ZoneSpec | null } | null {
  const notes: string[] = [...(time.inferred ?? [])];
  let zone = time.zone;
  if (!zone) {
    const declared = clock.zoneAt(line);
    if (state.zoneAround) notes.push(`zone ${state.zoneAround.text} taken from the entries around it`);
    else if (declared) notes.push(`zone ${declared.text} declared for the section`);
    else if (clock.zone) notes.push(`zone ${clock.zone.text} taken from the incident`);
    zone = state.zoneAround ?? declared ?? clock.zone;
  }
  if (time.dateAmbiguity) notes.push(time.dateAmbiguity);
  const place = (date: LocalDate, t: ParsedTime = time) => placeTime(t, date, zone, clock.options);
  if (time.date) {
    const placed = place(time.date);
    const dayNote = `date ${isoDate(time.date)} taken from the entry on line ${line + 1}`;
    return placed ? { at: placed.at, iso: placed.iso, notes: [...notes, ...placed.assumptions], day: time.date, dayNote, zone } : null;
  }
  let day = state.day;
  let placed = place(day);
  if (!placed) return null;
  let dayNote = state.dayNote;
  // "1:00" after "12:30" on a 12-hour clock, and "12:10 AM" after "11:50 AM" (meaning noon), are afternoon slips.
  const afternoon = { ...time, hour: noonWrittenAsMidnight(time) ? 12 : time.hour + 12 };
  const slip = mayBeAfternoon(time, state) || noonWrittenAsMidnight(time);
  const pm = state.previous !== null && placed.at < state.previous && slip ? place(day, afternoon) : null;
  if (pm && state.previous !== null && pm.at >= state.previous && (clock.end === null || pm.at <= clock.end + 12 * HOUR)) {
    // "11:30 … 12:00 … 1:00" on a 12-hour clock without am/pm: 1:00 in the afternoon.
    placed = pm;
    notes.push(`${time.text.trim()} read as ${afternoon.hour}:${pad(time.minute)} (in the afternoon, after the entry before it)`);
  } else if (state.previous !== null && placed.at < state.previous && !state.freshDay) {
    // The clock ran backwards: past midnight when that fits the incident's window, else out of order.
    const nextDay = shiftDays(day, 1);
    const next = place(nextDay);
    if (next && (NEXT_DAY.test(state.text) || rollsOver(placed.at, next.at, state.previous - placed.at, clock))) {
      day = nextDay;
      placed = next;
      dayNote = `date ${isoDate(nextDay)}: the day after the entry before it (the timeline crosses midnight)`;
    }
  } else if (state.previous === null && !state.freshDay && clock.start !== null && placed.at - clock.start > 12 * HOUR) {
    // A lead-up written before midnight, for an incident that started after it (not a day written for the entry).
    const dayBefore = shiftDays(day, -1);
    const earlier = place(dayBefore);
    if (earlier && clock.start - earlier.at <= 12 * HOUR) {
      day = dayBefore;
      placed = earlier;
      dayNote = `date ${isoDate(dayBefore)}: the day before the incident's start (a lead-up before midnight)`;
    }
  }
  return {
    at: placed.at,
    iso: state.dayKnown ? placed.iso : null,
    notes: [...notes, ...(dayNote ? [dayNote] : []), ...placed.assumptions],
    day,
    dayNote,
    zone,
  };
}

const MERIDIEM = /(?<![a-z])[ap]\.?m\b/i;
const NEXT_DAY = /\b(?:next|following)\s+(?:day|morning)\b|\(\s*\+1\s*(?:day|d)?\s*\)/i;

/** `1:00` without am/pm, in a timeline that never wrote `13:00`: perhaps 1 pm. */
function mayBeAfternoon(time: ParsedTime, state: DayState): boolean {
  return state.twelveHourClock && !MERIDIEM.test(time.text) && time.hour >= 1 && time.hour <= 11 && /(?:^|\D)\d:\d\d/.test(time.text);
}

/** A lead-up or a follow-up this close to the incident window is part of the story. */
const WINDOW_MARGIN = 2 * HOUR;

/**
 * Whether a clock that ran backwards moved past midnight: the next day's reading lies closer to the
 * incident's window than the same day's. Without a known window, a jump back of half a day or more
 * (23:10 → 00:30) is read as midnight passing.
 */
/** "12:10 AM" is midnight, but often meant as ten past noon. */
export function noonWrittenAsMidnight(time: ParsedTime): boolean {
  return time.hour === 0 && /(?:^|\D)12[:.]\d\d\s*a\.?m\b/i.test(time.text);
}

function rollsOver(sameDayAt: number, nextDayAt: number, backwards: number, clock: TimelineClock): boolean {
  const { start, end } = clock;
  if (start !== null && end !== null) {
    const from = start - WINDOW_MARGIN;
    const to = end + WINDOW_MARGIN;
    const distance = (t: number) => (t < from ? from - t : t > to ? t - to : 0);
    return distance(nextDayAt) < distance(sameDayAt);
  }
  return backwards >= 12 * HOUR && backwards < DAY;
}

/** Lines of the timeline that are not entries but start with a time that cannot be read: `- 14:?? – rollback`. */
function scanForUnreadable(document: PostmortemDocument, timelines: readonly Section[], covered: ReadonlySet<number>, out: UnreadableEntryTime[]) {
  for (const s of timelines) {
    for (let l = s.bodyStartLine; l <= s.bodyEndLine; l++) {
      if (covered.has(l)) continue;
      const text = withoutMarkup(document.lines[l]);
      const content =
        (LINE_MARKUP.exec(text)?.[0].length ?? 0) +
        (/^\s*(?:at|by|around|about|~)\s*/i.exec(text.slice(LINE_MARKUP.exec(text)?.[0].length ?? 0))?.[0].length ?? 0);
      const bad = findUnreadableTimes(text).find((u) => u.start <= content + 1);
      if (bad) out.push({ text: bad.text, range: range(l, bad.start, l, bad.end), reason: bad.reason });
    }
  }
}
