import type { PostmortemSettings } from './config';
import type { Field, PostmortemDocument, Range, Section } from './model';
import { range, withoutMarkup } from './parse/lines';
import { matchField } from './parse/match';
import { noonWrittenAsMidnight, readTimelineTimes } from './parse/timeline';
import { durationField, endField, startField } from './templates/fields';
import {
  findDates,
  findTimeRange,
  findTimes,
  findUnreadableTimes,
  findZoneDeclaration,
  formatDuration,
  type LocalDate,
  type ParsedTime,
  parseStatedDuration,
  placeTime,
  shiftDays,
  type TimeReadingOptions,
  type ZoneSpec,
} from './time';

// The incident's clock as the summary states it: start, end, zone, computed and stated duration.
// Times are read by `time/`; this module decides where in the document to look, and what a time
// written without a date or a zone takes from the rest of the document.

export interface IncidentTime {
  /** As written. */
  text: string;
  /** Where `text` is in the document. */
  range: Range;
  /** ISO 8601 as precise as the text allows (UTC `Z` when the zone is known), or null. */
  iso: string | null;
  /** The real instant (the date and the zone are known), or null. */
  millis: number | null;
  /** The instant used to compare and subtract this document's times (on a stand-in day when no date is known). */
  at: number;
  /** The time as read: clock, and the date and zone written with it. */
  parsed: ParsedTime;
  /** The date the time was placed on, or null when the document gives none. */
  date: LocalDate | null;
  /** The zone it was read in (written, shared with the other end, or declared), or null. */
  zone: ZoneSpec | null;
  /** The zone was written next to this time (or with its range). */
  zoneWritten: boolean;
  /** What had to be assumed, in a reader's words. */
  assumptions: string[];
  /** Where it was read, e.g. "the Start field", "the time range in the summary". */
  source: string;
}

export interface StatedIncidentDuration {
  minutes: number;
  /** The duration as written, e.g. `4 hours and 15 minutes`. */
  text: string;
  range: Range;
  /** "about", "~", "approximately" was written before it. */
  approximate: boolean;
  /** Where it was read: the Duration field, a sentence of the summary, the front matter. */
  source: 'field' | 'sentence' | 'front-matter';
}

/** A start, end or timeline time that cannot be read. */
export interface UnparsedTime {
  text: string;
  range: Range;
  /** Why, in a reader's words: "a placeholder, not a time". */
  reason: string;
  /** A time that would be read, in the same shape: `14:05 UTC`. */
  example: string;
  where: 'start' | 'end' | 'duration' | 'timeline';
}

/** Where the computed duration goes when it is written (the duration code action's target). */
export type DurationSite =
  /** Correct the stated value. */
  | { kind: 'replace'; range: Range }
  /** After the label of a Duration field with nothing after it: `- **Duration:**`. */
  | { kind: 'after-label'; line: number; character: number }
  /** After the clock range a Duration field holds: `08:00 - 09:30 UTC (1 hour 30 minutes)`. */
  | { kind: 'after-value'; line: number; character: number }
  /** A new line after `line`, written like the label line `model` (a Start/End field, table row or front matter key). */
  | { kind: 'new-line'; line: number; model: LabelModel }
  /** A new paragraph after `line`, when no field shows the document's style. */
  | { kind: 'new-paragraph'; line: number };

/** A label line to copy the style of: where its label and value are. */
export interface LabelModel {
  line: number;
  labelStart: number;
  labelEnd: number;
  /** The label's own words, e.g. `End Time`. */
  label: string;
  valueStart: number;
  valueEnd: number;
}

export interface ZoneDeclaration {
  line: number;
  zone: ZoneSpec;
  /** Index into `document.sections`, or null for the whole document. */
  section: number | null;
}

export interface Incident {
  start: IncidentTime | null;
  end: IncidentTime | null;
  /** The zone as written (UTC, WAT, UTC+2, America/New_York), or null. */
  timezone: string | null;
  /** End minus start in real zones (DST and midnight included), whole minutes; null when unknown or negative. */
  durationMinutes: number | null;
  statedDuration: StatedIncidentDuration | null;
  /** The zone times without one are read in: the start's, or the one declared for the summary or document. */
  zone: ZoneSpec | null;
  /** The date times without one take, and where it was found ("the title"). */
  referenceDate: LocalDate | null;
  referenceDateSource: string | null;
  /** Start and end fall on different calendar days. */
  crossesMidnight: boolean;
  /** Start, end, duration and timeline times that cannot be read. */
  unparsedTimes: UnparsedTime[];
  /** Where a computed duration is written; null when start or end is unknown. */
  durationSite: DurationSite | null;
  /** Zones declared for sections or the whole document ("All times in CET."). */
  zoneDeclarations: ZoneDeclaration[];
  /** The settings every time of this document is read with. */
  readingOptions: TimeReadingOptions;
}

export const noIncident: Incident = {
  start: null,
  end: null,
  timezone: null,
  durationMinutes: null,
  statedDuration: null,
  zone: null,
  referenceDate: null,
  referenceDateSource: null,
  crossesMidnight: false,
  unparsedTimes: [],
  durationSite: null,
  zoneDeclarations: [],
  readingOptions: {},
};

/** A line to read times from, with what comes before `from` blanked (the label). */
interface Source {
  line: number;
  text: string;
}

function sourceOf(document: PostmortemDocument, line: number, from = 0): Source {
  const raw = document.lines[line] ?? '';
  return { line, text: ' '.repeat(Math.min(from, raw.length)) + withoutMarkup(raw.slice(from)) };
}

/** A field's value lines: the label line from the value on, then its continuation lines. */
function fieldSources(document: PostmortemDocument, field: TimeField): Source[] {
  const out = [sourceOf(document, field.line, field.valueStart)];
  for (let l = field.line + 1; l <= field.valueEndLine; l++) out.push(sourceOf(document, l));
  return out;
}

/** Start, End and Duration, as labelled fields or as rows of a two-column table. */
interface TimeField {
  id: 'start' | 'end' | 'duration';
  line: number;
  valueStart: number;
  valueEnd: number;
  valueEndLine: number;
  model: LabelModel;
  /** The label has nothing after it on its line. */
  emptyValue: boolean;
  inSummary: boolean;
}

const TIME_FIELD_TEMPLATES = [durationField, startField, endField];

function timeFields(document: PostmortemDocument, summaries: readonly Section[]): TimeField[] {
  const inSummary = (line: number) => summaries.some((s) => line >= s.range.start.line && line <= s.range.end.line);
  const out: TimeField[] = [];
  for (const f of document.fields) {
    if (f.id !== 'start' && f.id !== 'end' && f.id !== 'duration') continue;
    out.push(fromField(document, f, f.id, inSummary(f.labelRange.start.line)));
  }
  // `| Start | 2024-01-19 15:00 UTC |` rows of a summary table.
  for (const s of summaries) {
    for (let l = s.bodyStartLine; l <= s.bodyEndLine; l++) {
      const text = document.lines[l];
      if (!/^\s*\|/.test(text)) continue;
      const cells = [...text.matchAll(/[^|]+/g)].filter((m) => m[0].trim() !== '');
      if (cells.length < 2) continue;
      const label = withoutMarkup(cells[0][0])
        .trim()
        .replace(/[:：]$/, '');
      const id = matchField(label, TIME_FIELD_TEMPLATES)?.id;
      if (id !== 'start' && id !== 'end' && id !== 'duration') continue;
      const labelStart = (cells[0].index ?? 0) + cells[0][0].indexOf(cells[0][0].trim());
      const valueStart = (cells[1].index ?? 0) + cells[1][0].indexOf(cells[1][0].trim());
      const valueEnd = valueStart + cells[1][0].trim().length;
      const labelText = cells[0][0].trim();
      const words = labelText.indexOf(label);
      out.push({
        id,
        line: l,
        valueStart,
        valueEnd,
        valueEndLine: l,
        model: {
          line: l,
          labelStart: words >= 0 ? labelStart + words : labelStart,
          labelEnd: words >= 0 ? labelStart + words + label.length : labelStart + labelText.length,
          label,
          valueStart,
          valueEnd,
        },
        emptyValue: false,
        inSummary: true,
      });
    }
  }
  // Summary fields first, then the header above the first section, then the rest, each in document order.
  const rank = (f: TimeField) => (f.inSummary ? 0 : document.fields.some((x) => x.labelRange.start.line === f.line && x.sectionId === null) ? 1 : 2);
  return out.sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}

function fromField(document: PostmortemDocument, f: Field, id: 'start' | 'end' | 'duration', inSummary: boolean): TimeField {
  const line = f.labelRange.start.line;
  const labelText = document.lines[line].slice(f.labelRange.start.character, f.labelRange.end.character);
  const words = labelText.indexOf(f.label);
  return {
    id,
    line,
    valueStart: f.valueRange.start.character,
    valueEnd: f.valueRange.end.character,
    valueEndLine: f.valueEndLine,
    model: {
      line,
      labelStart: words >= 0 ? f.labelRange.start.character + words : f.labelRange.start.character,
      labelEnd: words >= 0 ? f.labelRange.start.character + words + f.label.length : f.labelRange.end.character,
      label: f.label,
      valueStart: f.valueRange.start.character,
      valueEnd: f.valueRange.end.character,
    },
    emptyValue: f.value.trim() === '',
    inSummary,
  };
}

/** A time found in the document, before it is placed on a day and in a zone. */
interface FoundTime {
  time: ParsedTime;
  line: number;
  /** Dates written elsewhere on the same line or field. */
  sameLineDate: LocalDate | null;
  source: string;
}

function firstTime(sources: readonly Source[], options: TimeReadingOptions): { time: ParsedTime; line: number } | null {
  for (const s of sources) {
    const t = findTimes(s.text, options)[0];
    if (t) return { time: t, line: s.line };
  }
  return null;
}

function dateOnLine(text: string, options: TimeReadingOptions): LocalDate | null {
  return findTimes(text, options).find((t) => t.date)?.date ?? findDates(text, options)[0]?.date ?? null;
}

function datesIn(sources: readonly Source[], options: TimeReadingOptions): LocalDate | null {
  for (const s of sources) {
    const d = dateOnLine(s.text, options);
    if (d) return d;
  }
  return null;
}

// Words that tell which end of the incident a time in a summary sentence is.
const END_WORDS =
  /\b(?:restored|resolved|recovered|fixed|mitigated|ended|ends|back\s+(?:online|up|to\s+normal)|returned\s+to\s+normal|came\s+back|until|till|up\s+again|fully\s+operational)\b/gi;
const SENTENCE_END = /[.!?](?:\s|$)/g;

/** Sentences of a summary line, with their column offsets. */
function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    // "p.m." and "a.m." do not end a sentence.
    if (/\b[ap]\.m$|\b[ap]$/i.test(text.slice(Math.max(0, (m.index ?? 0) - 3), (m.index ?? 0) + 1).replace(/\.$/, ''))) continue;
    out.push({ start, end: (m.index ?? 0) + 1 });
    start = (m.index ?? 0) + 1;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/**
 * A start and an end told in summary sentences: "... at 12:00 p.m. EAT, the site was offline.
 * At 12:16 p.m. EAT, service was restored." The end is the time an end word ("restored",
 * "resolved") points at; the start is the first time before it.
 */
function startEndFromProse(sources: readonly Source[], options: TimeReadingOptions): { start: FoundTime; end: FoundTime } | null {
  const times: { time: ParsedTime; line: number; isEnd: boolean }[] = [];
  for (const s of sources) {
    const found = findTimes(s.text, options);
    if (!found.length) continue;
    const marked = found.map(() => false);
    for (const sentence of sentences(s.text)) {
      const inside = found.map((t, i) => ({ t, i })).filter(({ t }) => t.start >= sentence.start && t.start < sentence.end);
      if (!inside.length) continue;
      const text = s.text.slice(sentence.start, sentence.end);
      for (const m of text.matchAll(END_WORDS)) {
        const at = sentence.start + (m.index ?? 0);
        // The end word points at the next time in its sentence, else the one before it.
        const next = inside.find(({ t }) => t.start >= at);
        const before = [...inside].reverse().find(({ t }) => t.end <= at);
        const target = next ?? before;
        if (target) marked[target.i] = true;
      }
    }
    found.forEach((t, i) => {
      times.push({ time: t, line: s.line, isEnd: marked[i] });
    });
  }
  const endIndex = times.findIndex((t, i) => t.isEnd && times.slice(0, i).some((x) => !x.isEnd));
  if (endIndex < 0) return null;
  const start = times.slice(0, endIndex).find((t) => !t.isEnd);
  if (!start) return null;
  const end = times[endIndex];
  const found = (t: { time: ParsedTime; line: number }): FoundTime => ({
    time: t.time,
    line: t.line,
    sameLineDate: null,
    source: 'a sentence of the summary',
  });
  return { start: found(start), end: found(end) };
}

function summarySources(document: PostmortemDocument, summaries: readonly Section[]): Source[] {
  const out: Source[] = [];
  for (const s of summaries) for (let l = s.bodyStartLine; l <= s.bodyEndLine; l++) out.push(sourceOf(document, l));
  return out;
}

/** Zones declared for a section (its heading, or a line in it such as "All times in CET.") or for the whole document. */
function readZoneDeclarations(document: PostmortemDocument, options: TimeReadingOptions): ZoneDeclaration[] {
  const out: ZoneDeclaration[] = [];
  const { sections, lines } = document;
  const sectionOf = (line: number): number | null => {
    for (let i = sections.length - 1; i >= 0; i--) if (line >= sections[i].range.start.line && line <= sections[i].range.end.line) return i;
    return null;
  };
  for (const key of document.frontMatter?.incidentKeys ?? []) {
    if (!/zone/i.test(key.key)) continue;
    const zone = findZoneDeclaration(`timezone: ${key.value}`, options);
    if (zone) out.push({ line: key.line, zone, section: null });
  }
  const from = document.frontMatter ? document.frontMatter.endLine + 1 : 0;
  const entryLines = new Set(document.timeline.map((e) => e.line));
  for (let l = from; l < lines.length; l++) {
    // Only "time(s)", "timezone" or a parenthesis can declare a zone (see time/declaration.ts).
    if (entryLines.has(l) || lines[l].length > 400 || !/time|zone|\(/i.test(lines[l])) continue;
    const text = withoutMarkup(lines[l]);
    const zone = findZoneDeclaration(text, options);
    // A line that states a time is not declaring a zone for others ("10:00 UTC: timestamps in UTC logs").
    if (!zone || findTimes(text, options).length) continue;
    out.push({ line: l, zone, section: sectionOf(l) });
  }
  return out;
}

/** The zone declared for `line`: by its section (at or above the line), else for the document. */
export function declaredZoneAt(document: PostmortemDocument, declarations: readonly ZoneDeclaration[], line: number): ZoneDeclaration | null {
  let section: number | null = null;
  for (let i = document.sections.length - 1; i >= 0; i--) {
    const r = document.sections[i].range;
    if (line >= r.start.line && line <= r.end.line) {
      section = i;
      break;
    }
  }
  const inSection = declarations.filter((d) => d.section !== null && d.section === section && d.line <= line);
  if (inSection.length) return inSection[inSection.length - 1];
  return declarations.find((d) => d.section === null) ?? null;
}

function describeDeclaration(document: PostmortemDocument, d: ZoneDeclaration): string {
  const section = d.section === null ? null : document.sections[d.section];
  if (section && section.headingRange.start.line === d.line) return `the zone declared in the "${section.label}" heading`;
  return `the zone declared on line ${d.line + 1}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: LocalDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
const sameDay = (a: LocalDate, b: LocalDate) => a.year === b.year && a.month === b.month && a.day === b.day;

function rangeOf(found: FoundTime): Range {
  return range(found.line, found.time.start, found.line, found.time.end);
}

/** Reads the incident window. */
export function readIncident(document: PostmortemDocument, settings: PostmortemSettings): Incident {
  const base: TimeReadingOptions = { ambiguousZones: settings.ambiguousTimeZones, dateOrder: settings.dateOrder };
  const summaries = document.sections.filter((s) => s.id === 'summary');
  const fields = timeFields(document, summaries);
  const declarations = readZoneDeclarations(document, base);
  const unparsedTimes: UnparsedTime[] = [];

  const reference = findReferenceDate(document, summaries, fields, base);
  const options: TimeReadingOptions = reference ? { ...base, referenceDate: reference.date } : base;

  const window = findWindow(document, summaries, fields, options, unparsedTimes);
  const stated = findStatedDuration(document, summaries, fields, options);

  const incident: Incident = {
    ...noIncident,
    statedDuration: stated,
    referenceDate: reference?.date ?? null,
    referenceDateSource: reference?.source ?? null,
    unparsedTimes,
    zoneDeclarations: declarations,
    readingOptions: base,
  };

  if (window.start) {
    const placed = placeWindow(document, window.start, window.end, declarations, reference, base);
    incident.start = placed.start;
    incident.end = placed.end;
    incident.zone = placed.start.zone ?? placed.end?.zone ?? null;
    incident.timezone = incident.zone?.text ?? null;
    if (placed.end) {
      const minutes = Math.round((placed.end.at - placed.start.at) / 60_000);
      incident.durationMinutes = minutes >= 0 ? minutes : null;
      incident.crossesMidnight = placed.crossesMidnight;
    }
    incident.referenceDate = placed.start.date ?? incident.referenceDate;
  } else {
    const declared = declaredZoneAt(document, declarations, summaries[0]?.headingRange.start.line ?? 0);
    incident.zone = declared?.zone ?? null;
  }
  if (incident.start && incident.end) incident.durationSite = durationSiteOf(document, fields, incident, window.rangeLine);

  const timeline = readTimelineTimes(document, {
    options: base,
    referenceDate: incident.referenceDate,
    zone: incident.zone,
    zoneAt: (line) => declaredZoneAt(document, declarations, line)?.zone ?? null,
    start: incident.start?.at ?? null,
    end: incident.end && incident.durationMinutes !== null ? incident.end.at : null,
  });
  for (const u of timeline.unreadable) unparsedTimes.push({ ...u, example: '', where: 'timeline' });
  incident.unparsedTimes = unparsedTimes.map((u) => ({ ...u, example: exampleFor(u.text, incident.zone) }));
  return incident;
}

function findReferenceDate(
  document: PostmortemDocument,
  summaries: readonly Section[],
  fields: readonly TimeField[],
  options: TimeReadingOptions,
): { date: LocalDate; source: string } | null {
  for (const f of fields.filter((x) => x.id === 'start')) {
    const d = datesIn(fieldSources(document, f), options);
    if (d) return { date: d, source: `the Start field on line ${f.line + 1}` };
  }
  for (const f of fields.filter((x) => x.id === 'duration')) {
    const d = datesIn(fieldSources(document, f), options);
    if (d) return { date: d, source: `the Duration field on line ${f.line + 1}` };
  }
  for (const s of summarySources(document, summaries)) {
    const d = dateOnLine(s.text, options);
    if (d) return { date: d, source: `the summary, line ${s.line + 1}` };
  }
  if (document.title) {
    const d = dateOnLine(withoutMarkup(document.lines[document.title.line] ?? ''), options);
    if (d) return { date: d, source: 'the title' };
  }
  for (const key of document.frontMatter?.incidentKeys ?? []) {
    if (/zone|duration/i.test(key.key)) continue;
    const d = dateOnLine(key.value, options);
    if (d) return { date: d, source: `the front matter (${key.key})` };
  }
  for (const e of document.timeline) {
    const d = dateOnLine(withoutMarkup(document.lines[e.timeRange.start.line] ?? ''), options);
    if (d) return { date: d, source: `the timeline, line ${e.timeRange.start.line + 1}` };
  }
  return null;
}

interface Window {
  start: FoundTime | null;
  end: FoundTime | null;
  /** The line holding a written range the window came from, if any. */
  rangeLine: number | null;
}

function noteUnreadable(sources: readonly Source[], where: UnparsedTime['where'], options: TimeReadingOptions, out: UnparsedTime[]) {
  for (const s of sources) {
    const readable = findTimes(s.text, options);
    for (const u of findUnreadableTimes(s.text)) {
      if (readable.some((t) => u.start < t.end && t.start < u.end)) continue;
      if (out.some((o) => o.range.start.line === s.line && o.range.start.character === u.start)) continue;
      out.push({ text: u.text, range: range(s.line, u.start, s.line, u.end), reason: u.reason, example: '', where });
    }
  }
}

function findWindow(
  document: PostmortemDocument,
  summaries: readonly Section[],
  fields: readonly TimeField[],
  options: TimeReadingOptions,
  unparsed: UnparsedTime[],
): Window {
  const found = (f: TimeField, label: string): FoundTime | null => {
    const sources = fieldSources(document, f);
    const first = f.emptyValue ? firstTime(sources, options) : firstTime(sources.slice(0, 1), options);
    if (!first) return null;
    const line = sources.find((s) => s.line === first.line);
    return { time: first.time, line: first.line, sameLineDate: line ? dateOnLine(line.text, options) : null, source: label };
  };
  // Unreadable times in the Start, End and Duration fields are reported whatever else is found.
  for (const f of fields) noteUnreadable(fieldSources(document, f), f.id, options, unparsed);

  // 1. The Start and End fields.
  let start: FoundTime | null = null;
  let end: FoundTime | null = null;
  for (const f of fields) {
    if (f.id === 'start' && !start) start = found(f, `the ${f.model.label} field`);
    if (f.id === 'end' && !end) end = found(f, `the ${f.model.label} field`);
  }
  if (start && end) return { start, end, rangeLine: null };
  // 2. A range in the Duration field: "08:00 AM - 09:30 AM (UTC)".
  for (const f of fields.filter((x) => x.id === 'duration')) {
    for (const s of fieldSources(document, f)) {
      const r = findTimeRange(s.text, options);
      if (r) return fromRange(r, s, 'the Duration field', options);
    }
  }
  // 3. "Start: 10:00 AM EST, End: 12:00 PM EST" on the Start field's line.
  const startField = fields.find((f) => f.id === 'start' && start && f.line <= start.line && start.line <= f.valueEndLine);
  if (start && !end && startField) {
    for (const s of fieldSources(document, startField)) {
      const later = findTimes(s.text, options).find((t) => s.line > start.line || t.start >= start.time.end);
      const between = later && s.line === start.line ? s.text.slice(start.time.end, later.start) : '';
      if (later && /\b(?:end(?:ed|s)?|until|till|to|resolved|restored|recovered)\b|[–—-]\s*$/i.test(between)) {
        return {
          start,
          end: { time: later, line: s.line, sameLineDate: start.sameLineDate, source: `the ${startField.model.label} field` },
          rangeLine: null,
        };
      }
    }
  }
  // 4. The first range in the summary.
  const summary = summarySources(document, summaries);
  for (const s of summary) {
    const r = findTimeRange(s.text, options);
    if (r) return fromRange(r, s, 'the time range in the summary', options);
  }
  // 5. A start and an end told in the summary's sentences.
  const prose = startEndFromProse(summary, options);
  if (prose) {
    for (const t of [prose.start, prose.end]) {
      const line = summary.find((s) => s.line === t.line);
      t.sameLineDate = line ? dateOnLine(line.text, options) : null;
    }
    return { start: prose.start, end: prose.end, rangeLine: null };
  }
  // 6. A Start or an End field alone.
  if (start || end) return { start: start ?? end, end: start ? end : null, rangeLine: null };
  // 7. The front matter's start_time / end_time.
  const keys = document.frontMatter?.incidentKeys ?? [];
  const key = (pattern: RegExp): FoundTime | null => {
    const k = keys.find((x) => pattern.test(x.key));
    if (!k) return null;
    const text = ' '.repeat(k.valueStart) + k.value;
    const t = findTimes(text, options)[0];
    return t ? { time: t, line: k.line, sameLineDate: null, source: `the front matter (${k.key})` } : null;
  };
  const fmStart = key(/start/i);
  const fmEnd = key(/end|resolved/i);
  if (fmStart) return { start: fmStart, end: fmEnd, rangeLine: null };
  return { start: null, end: null, rangeLine: null };
}

function fromRange(r: { start: ParsedTime; end: ParsedTime }, s: Source, source: string, options: TimeReadingOptions): Window {
  const sameLineDate = dateOnLine(s.text, options);
  return {
    start: { time: r.start, line: s.line, sameLineDate, source },
    end: { time: r.end, line: s.line, sameLineDate, source },
    rangeLine: s.line,
  };
}

/** Start and end placed on their days and in their zones; the end moves a day when the incident crosses midnight. */
function placeWindow(
  document: PostmortemDocument,
  start: FoundTime,
  end: FoundTime | null,
  declarations: readonly ZoneDeclaration[],
  reference: { date: LocalDate; source: string } | null,
  options: TimeReadingOptions,
): { start: IncidentTime; end: IncidentTime | null; crossesMidnight: boolean } {
  const zoneFor = (t: FoundTime, other: FoundTime | null): { zone: ZoneSpec | null; written: boolean; note?: string } => {
    if (t.time.zone) return { zone: t.time.zone, written: true };
    if (other?.time.zone) return { zone: other.time.zone, written: true, note: `zone ${other.time.zone.text} taken from the ${t === start ? 'end' : 'start'}` };
    const declared = declaredZoneAt(document, declarations, t.line) ?? declarations[0] ?? null;
    if (declared) return { zone: declared.zone, written: false, note: `zone ${declared.zone.text} taken from ${describeDeclaration(document, declared)}` };
    return { zone: null, written: false };
  };
  const dateFor = (t: FoundTime): { date: LocalDate | null; note?: string } => {
    if (t.time.date) return { date: t.time.date };
    if (t.sameLineDate) return { date: t.sameLineDate, note: `date ${isoDate(t.sameLineDate)} taken from the same line` };
    if (reference) return { date: reference.date, note: `date ${isoDate(reference.date)} taken from ${reference.source}` };
    return { date: null };
  };
  const make = (t: FoundTime, date: LocalDate | null, zone: { zone: ZoneSpec | null; written: boolean; note?: string }, notes: string[]): IncidentTime => {
    const placed = placeTime(t.time, date, zone.zone, options) ?? placeTime(t.time, date, null, options);
    const assumptions = [...(t.time.inferred ?? []), ...notes, ...(zone.note ? [zone.note] : []), ...(placed?.assumptions ?? [])];
    if (!date) assumptions.push('no date is given anywhere, so only the clock is known');
    if (!zone.zone) assumptions.push('no zone is written or declared');
    if (t.time.dateAmbiguity) assumptions.push(t.time.dateAmbiguity);
    return {
      text: t.time.text,
      range: rangeOf(t),
      iso: placed?.iso ?? null,
      millis: placed?.millis ?? null,
      at: placed?.at ?? 0,
      parsed: t.time,
      date,
      zone: zone.zone,
      zoneWritten: zone.written,
      assumptions,
      source: t.source,
    };
  };
  const startZone = zoneFor(start, end);
  const startDate = dateFor(start);
  const placedStart = make(start, startDate.date, startZone, startDate.note ? [startDate.note] : []);
  if (!end) return { start: placedStart, end: null, crossesMidnight: false };

  const endZone = zoneFor(end, start);
  // An end without a date of its own is on the start's day, or the next when the clock runs past midnight.
  const ownEndDate = end.time.date ?? (end.line !== start.line ? end.sameLineDate : null);
  const endDate: LocalDate | null = ownEndDate ?? startDate.date;
  const notes: string[] = [];
  if (!ownEndDate && startDate.date) notes.push(`date ${isoDate(startDate.date)} taken from the start`);
  let placedEnd = make(end, endDate, endZone, notes);
  // "from 9:00 to 5:00" on a 12-hour clock without am/pm, and "11:00 AM to 12:30 AM" (meaning noon):
  // the end is in the afternoon.
  const noon = noonWrittenAsMidnight(end.time) && start.time.hour >= 6 && start.time.hour < 12;
  const afternoon = noon ? 12 : end.time.hour + 12;
  const twelveHour = /(?:^|\D)\d:\d\d/.test(end.time.text) && !/(?<![a-z])[ap]\.?m\b/i.test(end.time.text);
  const pmSlip = twelveHour && end.time.hour >= 1 && end.time.hour <= 11 && start.time.hour < afternoon && start.time.hour <= 12;
  if (!ownEndDate && placedEnd.at < placedStart.at && (noon || pmSlip)) {
    const pm: FoundTime = { ...end, time: { ...end.time, hour: afternoon } };
    const note = `${end.time.text.trim()} read as ${afternoon}:${pad(end.time.minute)} (after the start, in the afternoon)`;
    placedEnd = make(pm, endDate, endZone, [...notes, note]);
  }
  let rolled = false;
  if (!ownEndDate && placedEnd.at < placedStart.at) {
    const nextDay = endDate ? shiftDays(endDate, 1) : null;
    const next = make(end, nextDay, endZone, [`${nextDay ? `date ${isoDate(nextDay)}: ` : ''}the day after the start (the incident crosses midnight)`]);
    if (!nextDay) next.at += 86_400_000;
    const hours = (next.at - placedStart.at) / 3_600_000;
    // 23:30 → 01:10 crosses midnight; 10:00 → 09:30 is more likely a slip than a 23½-hour incident.
    if (hours <= 12 || (start.time.hour >= 12 && end.time.hour < 12)) {
      placedEnd = next;
      rolled = true;
    }
  }
  const crossesMidnight = rolled || !!(placedStart.date && placedEnd.date && !sameDay(placedStart.date, placedEnd.date));
  return { start: placedStart, end: placedEnd, crossesMidnight };
}

// ---- The stated duration -------------------------------------------------------------------

const QUALIFIERS =
  /^(?:\s*(?:about|around|approximately|approx\.?|roughly|nearly|almost|just|over|under|more\s+than|less\s+than|a\s+total\s+of|a\s+period\s+of|~|≈|for|of|a|an|us|them|me|(?:the|our)\s+(?:team|engineers)|those|these|all|the\s+(?:whole|entire|full))\b\.?)*\s*~?\s*$/i;
// "lasted", "for", "outage of", "a 45-minute outage": how summaries state how long an incident was.
const LASTED = /\b(?:lasted|lasting|lasts|took|spanned|spanning|persisted)\b/gi;
const FOR = /\bfor\b/gi;
// "Total duration: 1.5 hours." and "Downtime: 45 minutes" inside a sentence of the summary.
const LABELLED = /\b(?:duration|downtime|outage\s+duration|time\s+to\s+(?:restore|recover|resolve))\s*[:：]/gi;
// "took 10 minutes to identify the cause", "for 5 minutes before anyone noticed": part of the incident, not all of it.
const PART_OF_INCIDENT =
  /^\s*(?:for\s+\w+\s+)?(?:to\s+(?:detect|notice|identify|find|diagnose|pinpoint|locate|respond|acknowledge|escalate|discover|spot|reali[sz]e|understand|figure|page|alert)|before\s+(?:anyone|we|it|the\s+team|an?\s+\w+)\s+(?:noticed|detected|was\s+detected|spotted|found|realized|realised))\b/i;
const OF = /\b(?:outage|downtime|disruption|interruption|duration|incident|degradation)\s+(?:time\s+)?(?:of|was|lasted)\b/gi;
const HYPHENATED =
  /\b(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)[-\s](minute|hour|day)s?[-\s](?:long\s+)?(?:outage|downtime|disruption|interruption|incident|degradation|window)\b/gi;
const OUTAGE_WORDS =
  /\b(?:outage|down|downtime|offline|unavailable|unreachable|inaccessible|disrupt\w*|degrad\w*|interrupt\w*|impact\w*|affected|fail\w*|errors?|incident|broken|unable|could\s*n[o’']t|can[’']?t|cannot)\b/i;
const APPROXIMATE = /(?:~|≈|\b(?:about|around|approx\.?|approximately|roughly|nearly|almost|over|under|more\s+than|less\s+than)\b)[\s\w]*$/i;

/** `text` with its times, dates and unreadable times blanked, so "2100hrs" or "UTC-5" are not durations. */
function blankTimes(text: string, options: TimeReadingOptions): string {
  let out = text;
  const blank = (start: number, end: number) => {
    out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  };
  for (const t of findTimes(text, options)) blank(t.start, t.end);
  for (const d of findDates(text, options)) blank(d.start, d.end);
  for (const u of findUnreadableTimes(text)) blank(u.start, u.end);
  // Offsets written on their own: "(UTC-5)", "GMT+1".
  for (const m of text.matchAll(/\b(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?/gi)) blank(m.index ?? 0, (m.index ?? 0) + m[0].length);
  return out;
}

function statedIn(s: Source, options: TimeReadingOptions): StatedIncidentDuration | null {
  const text = blankTimes(s.text, options);
  const d = parseStatedDuration(text);
  if (!d || d.minutes <= 0) return null;
  return {
    minutes: Math.round(d.minutes),
    text: d.text,
    range: range(s.line, d.start, s.line, d.end),
    approximate: d.approximate === true || APPROXIMATE.test(s.text.slice(0, d.start)),
    source: 'field',
  };
}

/** "lasted about 3 hours", "for a total of 16 minutes" (in a sentence about the outage), "a 45-minute outage". */
function statedInSentence(s: Source, options: TimeReadingOptions): StatedIncidentDuration | null {
  const text = blankTimes(s.text, options);
  const candidates: { at: number; requiresOutage: boolean; parenthesised?: boolean }[] = [];
  for (const m of text.matchAll(LASTED)) candidates.push({ at: (m.index ?? 0) + m[0].length, requiresOutage: false });
  for (const m of text.matchAll(OF)) candidates.push({ at: (m.index ?? 0) + m[0].length, requiresOutage: false });
  for (const m of text.matchAll(LABELLED)) candidates.push({ at: (m.index ?? 0) + m[0].length, requiresOutage: false });
  for (const m of text.matchAll(FOR)) candidates.push({ at: (m.index ?? 0) + m[0].length, requiresOutage: true });
  // "From 00:00 UTC to 06:00 UTC (6 hours)": a duration alone in parentheses.
  for (const m of text.matchAll(/\(/g)) candidates.push({ at: (m.index ?? 0) + 1, requiresOutage: false, parenthesised: true });
  candidates.sort((a, b) => a.at - b.at);
  for (const c of candidates) {
    const rest = text.slice(c.at);
    const d = parseStatedDuration(rest);
    if (!d || d.minutes <= 0 || !QUALIFIERS.test(rest.slice(0, d.start))) continue;
    if (c.parenthesised && !/^\s*\)/.test(rest.slice(d.end))) continue;
    if (PART_OF_INCIDENT.test(rest.slice(d.end))) continue;
    if (c.requiresOutage) {
      const sentence = sentences(text).find((x) => c.at > x.start && c.at <= x.end);
      if (!sentence || !OUTAGE_WORDS.test(text.slice(sentence.start, sentence.end))) continue;
    }
    const start = c.at + d.start;
    return {
      minutes: Math.round(d.minutes),
      text: d.text,
      range: range(s.line, start, s.line, start + d.text.length),
      approximate: d.approximate === true || APPROXIMATE.test(rest.slice(0, d.start)),
      source: 'sentence',
    };
  }
  for (const m of text.matchAll(HYPHENATED)) {
    const start = m.index ?? 0;
    const written = `${m[1]} ${m[2]}s`;
    const d = parseStatedDuration(written);
    if (!d || d.minutes <= 0) continue;
    const length = m[1].length + 1 + m[2].length;
    return {
      minutes: Math.round(d.minutes),
      text: text.slice(start, start + length),
      range: range(s.line, start, s.line, start + length),
      approximate: APPROXIMATE.test(text.slice(0, start)),
      source: 'sentence',
    };
  }
  return null;
}

function findStatedDuration(
  document: PostmortemDocument,
  summaries: readonly Section[],
  fields: readonly TimeField[],
  options: TimeReadingOptions,
): StatedIncidentDuration | null {
  // "Time to recovery: 148 minutes" in a Stats section measures something else than the outage.
  const stating = fields.filter((f) => f.id === 'duration' && (f.inSummary || !/^time\s+to\b/i.test(f.model.label)));
  for (const f of stating) {
    for (const s of fieldSources(document, f)) {
      const d = statedIn(s, options);
      if (d) return d;
    }
  }
  const key = document.frontMatter?.incidentKeys?.find((k) => /^duration$/i.test(k.key));
  if (key) {
    const d = statedIn({ line: key.line, text: ' '.repeat(key.valueStart) + key.value }, options);
    if (d) return { ...d, source: 'front-matter' };
  }
  const fieldLines = new Set(fields.filter((f) => f.id !== 'duration').map((f) => f.line));
  for (const s of summarySources(document, summaries)) {
    if (fieldLines.has(s.line)) continue;
    const d = statedInSentence(s, options);
    if (d) return d;
  }
  return null;
}

// ---- Where a computed duration goes ---------------------------------------------------------

function durationSiteOf(document: PostmortemDocument, fields: readonly TimeField[], incident: Incident, rangeLine: number | null): DurationSite | null {
  if (incident.statedDuration) return { kind: 'replace', range: incident.statedDuration.range };
  const durations = fields.filter((f) => f.id === 'duration' && f.model.line === f.line);
  const endLine = incident.end?.range.start.line ?? -1;
  // The Duration field that holds the clock range: the duration goes after the range.
  const holding = durations.find((f) => endLine >= f.line && endLine <= f.valueEndLine);
  // Right after the end time, so that nothing the line says after the range is split off.
  const afterValue = (): DurationSite => ({ kind: 'after-value', line: endLine, character: incident.end?.range.end.character ?? 0 });
  if (holding && !holding.emptyValue) return afterValue();
  // `- **Duration:**` with nothing after it (its times on the lines below).
  const empty = durations.find((f) => f.emptyValue);
  if (empty) {
    const text = document.lines[empty.line];
    return { kind: 'after-label', line: empty.line, character: text.trimEnd().length };
  }
  if (holding) return afterValue();
  // A new line after the End (or Start) field, written like it.
  const sibling =
    fields.find((f) => f.id === 'end' && f.line === incident.end?.range.start.line) ??
    fields.find((f) => f.id === 'start' && f.line === incident.start?.range.start.line);
  if (sibling) {
    const other = fields.find((f) => f.id === 'start' && f.line === incident.start?.range.start.line);
    const after = Math.max(sibling.valueEndLine, other?.valueEndLine ?? -1);
    return { kind: 'new-line', line: after, model: sibling.model };
  }
  // The front matter's end_time: a `duration:` key after it.
  const fm = document.frontMatter?.incidentKeys?.find((k) => k.line === endLine);
  if (fm && document.frontMatter && endLine <= document.frontMatter.endLine) {
    const value = document.lines[fm.line].indexOf(fm.value, fm.valueStart - 1);
    return {
      kind: 'new-line',
      line: fm.line,
      model: { line: fm.line, labelStart: 0, labelEnd: fm.key.length, label: fm.key, valueStart: value, valueEnd: value + fm.value.length },
    };
  }
  const line = rangeLine ?? endLine;
  if (line < 0) return null;
  // After the paragraph or list item holding the range.
  let last = line;
  while (last + 1 < document.lines.length && document.lines[last + 1].trim() !== '' && !/^\s*(?:[-*+]|\d+[.)])\s/.test(document.lines[last + 1])) last++;
  return { kind: 'new-paragraph', line: last };
}

// ---- Examples for times that cannot be read -------------------------------------------------

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A time in the same shape as `text` that would be read: `14:??` → `14:05 UTC`, `25:99` → `23:59 UTC`. */
export function exampleFor(text: string, zone: ZoneSpec | null): string {
  const zoneText = zone?.text ?? 'UTC';
  const dateMatch = /([0-9Yy]{4})-([0-9M]{2})-([0-9Dd]{2})/.exec(text);
  let date = '';
  if (dateMatch) {
    const year = /^\d{4}$/.test(dateMatch[1]) ? Number(dateMatch[1]) : 2024;
    const month = /^\d\d$/.test(dateMatch[2]) ? Math.min(Math.max(Number(dateMatch[2]), 1), 12) : 1;
    const day = /^\d\d$/.test(dateMatch[3]) ? Math.min(Math.max(Number(dateMatch[3]), 1), month === 2 && year % 4 !== 0 ? 28 : DAYS_IN_MONTH[month - 1]) : 15;
    date = `${year}-${pad(month)}-${pad(day)}`;
  }
  const clock = /([0-9A-Za-z?_#]{1,2}):([0-9A-Za-z?_#]{2})/.exec(text.slice(dateMatch ? dateMatch.index + dateMatch[0].length : 0));
  if (!clock) return date ? `${date} 14:05 ${zoneText}` : `14:05 ${zoneText}`;
  const meridiem = /\b([AaPp])\.?[Mm]\.?$/.exec(text.trim());
  const maxHour = meridiem ? 12 : 23;
  const hour = /^\d{1,2}$/.test(clock[1]) ? Math.min(Math.max(Number(clock[1]), meridiem ? 1 : 0), maxHour) : meridiem ? 2 : 14;
  const minute = /^\d\d$/.test(clock[2]) ? Math.min(Number(clock[2]), 59) : 5;
  const time = `${pad(hour)}:${pad(minute)}${meridiem ? ` ${meridiem[1].toUpperCase()}M` : ''}`;
  return `${date ? `${date} ` : ''}${time} ${zoneText}`;
}

// ---- Words and fixes shared by the time rules and code actions ------------------------------

/** A time as its wall clock reads: `14:30`, or `2023-05-13 22:20` when `withDate`. */
function wallClock(t: IncidentTime, withDate: boolean): string {
  const clock = `${pad(t.parsed.hour)}:${pad(t.parsed.minute)}`;
  return withDate && t.date ? `${isoDate(t.date)} ${clock}` : clock;
}

/** "14:30–18:45 SAST", "2023-05-13 22:20–2023-05-14 15:00 PST", "10:00 WAT–11:00 UTC". */
export function windowText(incident: Pick<Incident, 'start' | 'end'>): string {
  const { start, end } = incident;
  if (!start || !end) return start ? wallClock(start, true) : '';
  const withDate = !!(start.date && end.date && !sameDay(start.date, end.date));
  const sameZone = start.zone?.zone === end.zone?.zone;
  const zone = (t: IncidentTime) => (t.zone ? ` ${t.zone.text}` : '');
  return sameZone
    ? `${wallClock(start, withDate)}–${wallClock(end, withDate)}${zone(end)}`
    : `${wallClock(start, withDate)}${zone(start)}–${wallClock(end, withDate)}${zone(end)}`;
}

/** The fix that writes the computed duration where the document keeps it, or null when it cannot be computed. */
export function durationFix(incident: Incident): { kind: 'write-duration'; title: string; minutes: number; site: DurationSite } | null {
  if (incident.durationMinutes === null || !incident.durationSite) return null;
  const text = formatDuration(incident.durationMinutes);
  const title = incident.durationSite.kind === 'replace' ? `Correct the duration to "${text}"` : `Compute duration: insert "${text}"`;
  return { kind: 'write-duration', title, minutes: incident.durationMinutes, site: incident.durationSite };
}
