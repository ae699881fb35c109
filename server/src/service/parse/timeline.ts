import type { Section, TimelineEntry } from '../model';
import type { EntryLine, ParsedBlock } from './blocks';
import { range } from './lines';

// Timeline entries: list items, paragraph lines and table rows of the timeline section that
// begin with a time, or that nest one (`- Detection:` / `  - *Time:* 14:30 SAST`).

// Markup a time may hide behind at the start of an entry: `**10:15 AM**`, `[14:02]`, `~19:30`, `At 10:00`.
const leadingMarkup = /^(?:[*_`[(~>\s]|at\s|by\s|around\s|about\s|approx(?:imately|\.)?\s)*/i;
// A clock (`10:15`, `10:15:30`, `10.15 am`, `2100hrs`, `3 pm`) or a date (`2024-01-19`, `Jan 15`, `15/01/2024`) at the start.
const leadingTime =
  /^(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?(?:,?\s+\d{1,2}:\d{2})?|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{3,4}\s*hrs?\b|\d{1,2}\s*[ap]\.?m\.?\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?:,?\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?)/i;
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
    .replace(/^[\s*_`)\]]*(?:[-–—:|]+\s*)?/, '')
    .replace(/[*_]+$/, '')
    .trim();
}

export function findTimelineEntries(blocks: readonly ParsedBlock[], sections: readonly Section[], lines: readonly string[]): TimelineEntry[] {
  const timelines = sections.filter((s) => s.id === 'timeline');
  if (!timelines.length) return [];
  const inTimeline = (line: number) => timelines.some((s) => line > s.headingRange.end.line && line <= s.range.end.line);
  const entries: TimelineEntry[] = [];
  const taken = new Set<number>();
  for (const block of blocks) {
    if (block.endLine <= (timelines[0]?.headingRange.end.line ?? 0)) continue;
    const timeColumn = timeColumnOf(block.tableHeader);
    for (const [index, entry] of block.entries.entries()) {
      if (!inTimeline(entry.line) || taken.has(entry.line)) continue;
      const found = entry.kind === 'table' ? tableEntry(entry, timeColumn, lines) : textEntry(entry, block.entries, index);
      if (found) {
        entries.push(found);
        for (let l = found.line; l <= found.endLine; l++) taken.add(l);
      }
    }
  }
  return entries.sort((a, b) => a.line - b.line);
}

function timeColumnOf(header: string[] | undefined): number {
  if (!header) return -1;
  return header.findIndex((h) => /\b(?:time|date|when|timestamp)\b/i.test(h));
}

function textEntry(entry: EntryLine, siblings: readonly EntryLine[], index: number): TimelineEntry | undefined {
  const time = leadingTimeOf(entry.content);
  if (time) {
    return {
      line: entry.line,
      endLine: entry.endLine,
      timeText: time.text,
      timeRange: range(entry.line, entry.contentStart + time.start, entry.line, entry.contentStart + time.end),
      text: entryText(entry.content, time),
      kind: entry.kind === 'list' ? 'list' : 'paragraph',
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

function tableEntry(entry: EntryLine, timeColumn: number, lines: readonly string[]): TimelineEntry | undefined {
  const text = lines[entry.line];
  const cells = text
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|');
  const column = Math.max(timeColumn, 0);
  const cell = cells[column];
  if (cell === undefined) return undefined;
  const time = leadingTimeOf(cell.trim());
  if (!time) return undefined;
  const cellStart = text.indexOf(cell.trim(), column === 0 ? 0 : text.indexOf(cells[column - 1]) + cells[column - 1].length);
  return {
    line: entry.line,
    endLine: entry.line,
    timeText: time.text,
    timeRange: range(entry.line, cellStart + time.start, entry.line, cellStart + time.end),
    text: cells
      .filter((_, i) => i !== column)
      .map((c) => c.trim())
      .filter(Boolean)
      .join(' — '),
    kind: 'table',
  };
}
