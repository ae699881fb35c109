import { DateTime } from 'luxon';
import type { Analysis } from '../analysis';
import type { Position, PostmortemDocument, Range, TimelineEntry } from '../model';
import { range } from '../parse/lines';
import { parseZone } from '../time';
import { type ClockShape, readClock, type WallClock, writeClock } from './clock';
import { escapeSnippet } from './snippets';

// New timeline entries written like the one before: same list marker, markup, clock and zone.

/** How an entry line is written around its time. */
export interface EntryFormat {
  /** Snippet text before the time, e.g. `- **` (an ordered list's number moved on by one). */
  before: string;
  clock: ClockShape;
  /** Snippet text after the time, up to where the entry's text goes, with a tab stop for it. */
  after: string;
}

const separator = /^[\s*_`)\]]*(?:[-–—:|]+[ \t]*)?/;

function nextListNumber(prefix: string): string {
  return prefix.replace(/^(\s*)(\d+)([.)])/, (_, indent: string, n: string, mark: string) => `${indent}${Number(n) + 1}${mark}`);
}

/** The format of an entry whose time sits on its own line; undefined for nested (`- *Time:* …`) entries. */
export function entryFormat(document: PostmortemDocument, entry: TimelineEntry): EntryFormat | undefined {
  if (entry.timeRange.start.line !== entry.line) return undefined;
  const line = document.lines[entry.line];
  const clock = readClock(line.slice(entry.timeRange.start.character, entry.timeRange.end.character));
  if (!clock) return undefined;
  const before = escapeSnippet(nextListNumber(line.slice(0, entry.timeRange.start.character)));
  const rest = line.slice(entry.timeRange.end.character);
  if (entry.kind === 'table') {
    // `| 15:00 | Alert fired | [link](…) |`: the other cells become tab stops.
    const cells = rest.split('|');
    let stop = 1;
    const written = cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? escapeSnippet(cell) : ` $${stop++} `));
    return { before, clock, after: written.join('|') };
  }
  return { before, clock, after: `${escapeSnippet(separator.exec(rest)?.[0] ?? ' – ')}$0` };
}

/** A generic entry when there is no entry to follow: `- **HH:MM zone** – `. */
export function genericEntry(time: string | undefined, zone: string | null): string {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a snippet tab stop, not a template literal
  const clock = time ? escapeSnippet(time) : '${1:HH:MM}';
  const written = zone ? ` \${2:${escapeSnippet(zone)}}` : '';
  return `- **${clock}${written}** – $0`;
}

export function writeEntry(format: EntryFormat, timeText: string): string {
  return `${format.before}${escapeSnippet(timeText)}${format.after}`;
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

const zoneToken = /\b(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?(?![\w:])|\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_]+)?|\b[A-Z]{2,5}\b/g;

/** The incident's zone as written: the incident's own, else the first zone on a time field or an entry. */
export function zoneOfDocument(analysis: Analysis): string | null {
  if (analysis.incident.timezone) return analysis.incident.timezone;
  const { document } = analysis;
  const texts = [
    ...document.fields.filter((f) => ['start', 'end', 'duration'].includes(f.id)).map((f) => f.value),
    ...document.timeline.map((e) => e.timeText),
  ];
  for (const text of texts) {
    for (const m of text.matchAll(zoneToken)) if (parseZone(m[0])) return m[0];
  }
  return null;
}

/** The incident's date (`2024-01-19`): from its start, else the first ISO date in the document. */
export function dateOfDocument(analysis: Analysis): string | null {
  const fromStart = /\d{4}-\d{2}-\d{2}/.exec(analysis.incident.start?.text ?? '');
  if (fromStart) return fromStart[0];
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

/**
 * "Insert Timeline Entry": an entry for the current time, written like the entry before the cursor
 * and in its zone, on the cursor's line when it is blank, else on a new line after it.
 */
export function timelineEntryAt(analysis: Analysis, position: Position, now: Now): EntryInsertion {
  const { document } = analysis;
  const line = Math.min(position.line, document.lines.length - 1);
  const text = document.lines[line];
  // A line holding only a list marker (`- `) is where the entry goes.
  const blank = /^[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]*)?$/.test(text);
  const previous = entryBefore(analysis, line + (blank ? 0 : 1)) ?? document.timeline[document.timeline.length - 1];
  const format = previous && entryFormat(document, previous);
  const zone = zoneFor(format?.clock, analysis, now);
  const time = wallClock(now.millis, zone) ?? wallClock(now.millis, 'UTC')!;
  const snippet = format
    ? writeEntry(format, writeClock(format.clock, time))
    : genericEntry(`${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`, zoneOfDocument(analysis) ?? now.timeZone ?? null);
  if (blank) return { snippet, range: range(line, 0, line, text.length) };
  // Inside an entry, the new one goes after its nested lines.
  const after = previous && line >= previous.line && line <= previous.endLine ? previous.endLine : line;
  const end = document.lines[after].length;
  return { snippet: `\n${snippet}`, range: range(after, end, after, end) };
}
