import { DateTime } from 'luxon';
import type { Analysis } from '../analysis';
import type { Position, PostmortemDocument, Range, TimelineEntry } from '../model';
import { range } from '../parse/lines';
import { parseZone } from '../time';
import { addMinutes, type ClockShape, readClock, type WallClock, writeClockParts } from './clock';
import { escapeSnippet, type SkeletonValues } from './snippets';

// New timeline entries written like the one before: same list marker, markup, clock and zone.
// The time is the first tab stop and the date the second; the time a new entry gets follows the
// entry before it (or the incident's start), so inserting one keeps the timeline in order.

/** Minutes between the entry before and the one offered. */
export const timelineStep = 5;

/** How an entry line is written around its time. */
export interface EntryFormat {
  /** Text before the time, e.g. `- **` (an ordered list's number moved on by one). */
  before: string;
  clock: ClockShape;
  /** Text after the time as the model entry writes it. */
  rest: string;
  table: boolean;
}

const separator = /^[\s*_`)\]]*(?:[-–—:|]+[ \t]*)?/;
const isoDate = /\d{4}-\d{2}-\d{2}/;

function nextListNumber(prefix: string): string {
  return prefix.replace(/^(\s*)(\d+)([.)])/, (_, indent: string, n: string, mark: string) => `${indent}${Number(n) + 1}${mark}`);
}

/** The format of an entry whose time sits on its own line; undefined for nested (`- *Time:* …`) entries. */
export function entryFormat(document: PostmortemDocument, entry: TimelineEntry): EntryFormat | undefined {
  if (entry.timeRange.start.line !== entry.line) return undefined;
  const line = document.lines[entry.line];
  const clock = readClock(line.slice(entry.timeRange.start.character, entry.timeRange.end.character));
  if (!clock) return undefined;
  return {
    before: nextListNumber(line.slice(0, entry.timeRange.start.character)),
    clock,
    rest: line.slice(entry.timeRange.end.character),
    table: entry.kind === 'table',
  };
}

/** Snippet text of a time written like `shape`: the clock is tab stop 1, an ISO date before it tab stop 2. */
function timeSnippet(shape: ClockShape, time: WallClock | { hour: number; minute: number; second?: number }): { text: string; next: number } {
  const parts = writeClockParts(shape, time);
  const date = isoDate.exec(parts.before);
  const before = date
    ? `${escapeSnippet(parts.before.slice(0, date.index))}\${2:${date[0]}}${escapeSnippet(parts.before.slice(date.index + date[0].length))}`
    : escapeSnippet(parts.before);
  return { text: `${before}\${1:${escapeSnippet(parts.clock)}}${escapeSnippet(parts.after)}`, next: date ? 3 : 2 };
}

/** A new entry in the format of another, at `time`. */
export function writeEntry(format: EntryFormat, time: WallClock | { hour: number; minute: number; second?: number }): string {
  const { text, next } = timeSnippet(format.clock, time);
  let stop = next;
  if (format.table) {
    // `| 15:00 | Alert fired | [link](…) |`: the other cells become tab stops.
    const cells = format.rest.split('|');
    const written = cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? escapeSnippet(cell) : ` $${stop++} `));
    return `${escapeSnippet(format.before)}${text}${written.join('|')}`;
  }
  return `${escapeSnippet(format.before)}${text}${escapeSnippet(separator.exec(format.rest)?.[0] ?? ' – ')}$0`;
}

/** A generic entry when there is no entry to follow: `- **${1:HH:MM} UTC** – `. */
export function genericEntry(time: string | undefined, zone: string | null): string {
  const clock = `\${1:${escapeSnippet(time ?? 'HH:MM')}}`;
  const written = zone ? ` ${escapeSnippet(zone)}` : '';
  return `- **${clock}${written}** – $0`;
}

/** Lines of the timeline sections (heading excluded), up to the next heading of any kind. */
export function timelineLines(analysis: Analysis): { start: number; end: number }[] {
  const { document } = analysis;
  const headingLines = [...document.sections.map((s) => s.headingRange.start.line), ...document.otherHeadings.map((h) => h.line)].sort((a, b) => a - b);
  return document.sections
    .filter((s) => s.id === 'timeline')
    .map((s) => {
      const next = headingLines.find((l) => l > s.headingRange.end.line);
      return { start: s.headingRange.end.line + 1, end: next === undefined ? document.lines.length - 1 : next - 1 };
    });
}

export function inTimeline(analysis: Analysis, line: number): boolean {
  return timelineLines(analysis).some((r) => line >= r.start && line <= r.end);
}

/** The last entry that starts before the line. */
export function entryBefore(analysis: Analysis, line: number): TimelineEntry | undefined {
  return analysis.document.timeline.filter((e) => e.line < line).pop();
}

const known = (e: TimelineEntry | undefined): e is TimelineEntry & { at: number } => e?.at !== null && e?.at !== undefined;

/** The time a new entry at `line` gets, as a clock shape and a time: after the entry before it, else at the incident's start. */
export interface NextEntry {
  /** How the entry it follows writes its time (or the start's), for the new entry's style. */
  shape: ClockShape;
  time: WallClock | { hour: number; minute: number };
  /** The entry it follows, if any. */
  previous?: TimelineEntry;
}

/**
 * Five minutes after the entry before `line`, but never past the entry after it nor past the end of
 * the incident (so the new entry is neither out of order nor outside the incident); the incident's
 * start when no entry comes before.
 */
export function nextEntryTime(analysis: Analysis, line: number): NextEntry | undefined {
  const { document, incident } = analysis;
  const previous = document.timeline.filter((e) => e.line < line && known(e)).pop();
  const shape = previous && readClock(previous.timeText);
  if (previous && known(previous) && shape) {
    let step = timelineStep * 60_000;
    const next = document.timeline.find((e) => e.line >= line && known(e));
    if (known(next) && next.at >= previous.at) step = Math.min(step, next.at - previous.at);
    const end = incident.end && incident.durationMinutes !== null ? incident.end.at : null;
    if (end !== null && previous.at <= end) step = Math.min(step, end - previous.at);
    const moved = readClock(addMinutes(shape, Math.floor(step / 60_000)));
    if (moved) return { shape, time: wallOf(moved), previous };
  }
  const start = incident.start && readClock(incident.start.text);
  if (start) return { shape: start, time: wallOf(start) };
  return undefined;
}

function wallOf(shape: ClockShape): WallClock | { hour: number; minute: number } {
  const date = /(\d{4})-(\d{2})-(\d{2})/.exec(shape.before);
  return date
    ? { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]), hour: shape.hour, minute: shape.minute }
    : { hour: shape.hour, minute: shape.minute };
}

const zoneToken = /\b(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?(?![\w:])|\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_]+)?|\b[A-Z]{2,5}\b/g;

/**
 * The incident's zone as the document writes it: the incident's own, else the one declared for
 * the summary or the document ("All times are in UTC"), else the first zone on a time field or an entry.
 */
export function zoneOfDocument(analysis: Analysis): string | null {
  const { incident, document } = analysis;
  if (incident.timezone) return incident.timezone;
  if (incident.zone) return incident.zone.text;
  if (incident.zoneDeclarations.length) return incident.zoneDeclarations[0].zone.text;
  const texts = [
    ...document.fields.filter((f) => ['start', 'end', 'duration'].includes(f.id)).map((f) => f.value),
    ...document.timeline.map((e) => e.timeText),
  ];
  for (const text of texts) {
    for (const m of text.matchAll(zoneToken)) if (parseZone(m[0])) return m[0];
  }
  return null;
}

/** The date and zone a skeleton written into this document takes. */
export function skeletonValuesOf(analysis: Analysis): SkeletonValues {
  const date = dateOfDocument(analysis);
  const timeZone = zoneOfDocument(analysis);
  return { ...(date ? { date } : {}), ...(timeZone ? { timeZone } : {}) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The incident's date (`2024-01-19`): from its start, else the day the document's times are read on, else the first ISO date in it. */
export function dateOfDocument(analysis: Analysis): string | null {
  const fromStart = /\d{4}-\d{2}-\d{2}/.exec(analysis.incident.start?.text ?? '');
  if (fromStart) return fromStart[0];
  const reference = analysis.incident.referenceDate;
  if (reference) return `${reference.year}-${pad(reference.month)}-${pad(reference.day)}`;
  for (const line of analysis.document.lines) {
    const m = /\b\d{4}-\d{2}-\d{2}\b/.exec(line);
    if (m) return m[0];
  }
  return null;
}

export interface EntryInsertion {
  /** Snippet text. */
  snippet: string;
  range: Range;
}

export interface Now {
  /** Milliseconds since the epoch. */
  millis: number;
  /** The editor's zone (IANA name or UTC offset), used when the document names none. */
  timeZone?: string;
}

function wallClock(millis: number, zone: string): WallClock | undefined {
  const t = DateTime.fromMillis(millis, { zone });
  return t.isValid ? { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second } : undefined;
}

/** The zone a shape's time is written in: its own (` UTC`, `Z`), else the document's, else the editor's. */
function zoneFor(clock: ClockShape | undefined, analysis: Analysis, now: Now): string {
  const own = clock?.after.replace(/[()]/g, '').trim();
  if (own === 'Z') return 'UTC';
  const written = (own && parseZone(own)) || parseZone(zoneOfDocument(analysis) ?? '');
  return written ? written.zone : (now.timeZone ?? 'UTC');
}

/** The incident's day, when the document gives one. */
function incidentDay(analysis: Analysis): string | null {
  const reference = analysis.incident.referenceDate;
  if (reference) return `${reference.year}-${pad(reference.month)}-${pad(reference.day)}`;
  return dateOfDocument(analysis);
}

const blankEntryLine = /^[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]*)?$/;

/**
 * "Insert Timeline Entry". While the incident is going on (its day is today, or unknown) the entry
 * is for the current time and goes after the last entry; for a past incident it is for the time
 * after the entry before the cursor, on the incident's day, and goes right after that entry. Either
 * way it is written like the entry before it and lands in chronological order; the time is the
 * first tab stop.
 */
export function timelineEntryAt(analysis: Analysis, position: Position, now: Now): EntryInsertion {
  const { document } = analysis;
  const line = Math.min(position.line, document.lines.length - 1);
  const text = document.lines[line];
  // A line holding only a list marker (`- `) is where the entry goes.
  const blank = blankEntryLine.test(text);
  const cursorPrevious = entryBefore(analysis, line + (blank ? 0 : 1)) ?? document.timeline[document.timeline.length - 1];
  const cursorFormat = cursorPrevious && entryFormat(document, cursorPrevious);
  const zone = zoneFor(cursorFormat?.clock, analysis, now);
  const today = wallClock(now.millis, zone) ?? wallClock(now.millis, 'UTC')!;
  const day = incidentDay(analysis);
  const live = day === null || day === `${today.year}-${pad(today.month)}-${pad(today.day)}`;

  if (!live) {
    const next = nextEntryTime(analysis, line + (blank ? 0 : 1));
    if (next) {
      const previous = next.previous;
      const format = previous && entryFormat(document, previous);
      const snippet = format ? writeEntry(format, next.time) : genericEntry(writeClockParts(next.shape, next.time).clock, zoneOfDocument(analysis));
      if (blank) return place(analysis, line, undefined, snippet);
      return place(analysis, undefined, previous && line <= previous.endLine ? previous : undefined, snippet, line);
    }
  }
  // Live: now, after the last entry (every entry of a live incident is earlier than now).
  const last = document.timeline[document.timeline.length - 1];
  const format = last && entryFormat(document, last);
  const time = wallClock(now.millis, zoneFor(format?.clock, analysis, now)) ?? today;
  const snippet = format ? writeEntry(format, time) : genericEntry(`${pad(time.hour)}:${pad(time.minute)}`, zoneOfDocument(analysis) ?? now.timeZone ?? null);
  if (!last) return place(analysis, blank ? line : undefined, undefined, snippet, line);
  if (blank && line > last.endLine && inTimeline(analysis, line)) return place(analysis, line, undefined, snippet);
  return place(analysis, undefined, last, snippet);
}

/** On the blank line `onLine` when given, else on a new line after `after` (its nested lines included), else after the cursor's line. */
function place(analysis: Analysis, onLine: number | undefined, after: TimelineEntry | undefined, snippet: string, cursorLine?: number): EntryInsertion {
  const { document } = analysis;
  if (onLine !== undefined) return { snippet, range: range(onLine, 0, onLine, document.lines[onLine].length) };
  const at = after ? after.endLine : (cursorLine ?? document.lines.length - 1);
  const end = document.lines[at].length;
  return { snippet: `\n${snippet}`, range: range(at, end, at, end) };
}
