import type { PostmortemDocument, Range, Section } from '../model';
import { range, withoutMarkup } from '../parse/lines';
import { findDates, findTimes, type LocalDate, type ParsedTime, type TimeReadingOptions } from '../time';
import type { Source, TimeField } from './types';

// Where a reader looks for the incident's clock: the lines of each region, markup blanked so that
// columns stay those of the document.

export function sourceOf(document: PostmortemDocument, line: number, from = 0): Source {
  const raw = document.lines[line] ?? '';
  return { line, text: ' '.repeat(Math.min(from, raw.length)) + withoutMarkup(raw.slice(from)) };
}

/**
 * A field's value lines: the label line from the value on, then its continuation lines, a line that
 * runs on into the next joined with it ("2 hours, from 08:00 to 10:00 WAT on 4" / "June 2024.").
 */
export function fieldSources(document: PostmortemDocument, field: TimeField): Source[] {
  const out = [sourceOf(document, field.line, field.valueStart)];
  for (let l = field.line + 1; l <= field.valueEndLine; l++) {
    const s = sourceOf(document, l);
    const last = out[out.length - 1];
    if (last.text.trim() && s.text.trim() && !ENDS_SENTENCE.test(last.text) && !OPENS_BLOCK.test(document.lines[l] ?? '')) {
      out[out.length - 1] = { line: last.line, text: `${last.text} ${s.text}`, joins: [...(last.joins ?? []), { line: l, at: last.text.length + 1 }] };
    } else out.push(s);
  }
  return out;
}

// ---- Paragraphs wrapped over lines -------------------------------------------------------------
// Much Markdown is hard-wrapped: "from 07:05 to" / "07:45 UTC, …". A reader reads the paragraph,
// so the prose regions join a line with the next when the sentence runs on: the line does not end
// one, and the next opens no block of its own (a list item, a heading, a table row, a quote, a
// field, a timeline entry). Columns map back to the lines (`positionIn`, `rangeIn`, `localTime`).

const ENDS_SENTENCE = /[.!?:;。]["'”’)\]]*[_*]*\s*$/;
const OPENS_BLOCK = /^\s*(?:[-*+•]\s|\d{1,3}[.)]\s|#|\||>|```|~~~|<[a-zA-Z/!])/;

/**
 * Lines the joining must respect: `alone` are never joined (the Start, End and Duration fields,
 * which their own readers read, and timeline entries); `opens` begin something (a field's label),
 * so they join no line before them; `closed` end one (a label with nothing after it on its line).
 */
function fieldBounds(document: PostmortemDocument): { alone: Set<number>; opens: Set<number>; closed: Set<number> } {
  const alone = new Set<number>();
  const opens = new Set<number>();
  const closed = new Set<number>();
  for (const f of document.fields) {
    if (f.style === 'sentence') continue;
    const first = f.labelRange.start.line;
    if (f.id === 'start' || f.id === 'end' || f.id === 'duration') for (let l = first; l <= Math.max(first, f.valueEndLine); l++) alone.add(l);
    opens.add(first);
    if (f.valueRange.start.line > first || !(document.lines[first] ?? '').slice(f.valueRange.start.character).trim()) closed.add(first);
  }
  for (const e of document.timeline) alone.add(e.line);
  return { alone, opens, closed };
}

function runsOn(document: PostmortemDocument, bounds: ReturnType<typeof fieldBounds>, line: number, next: number): boolean {
  const a = document.lines[line] ?? '';
  const b = document.lines[next] ?? '';
  if (next !== line + 1 || !a.trim() || !b.trim()) return false;
  if (bounds.alone.has(line) || bounds.alone.has(next) || bounds.opens.has(next) || bounds.closed.has(line)) return false;
  if (ENDS_SENTENCE.test(a) || OPENS_BLOCK.test(b) || /^\s{0,3}#/.test(a) || /^\s*\|/.test(a) || /^\s*(?:```|~~~)/.test(a)) return false;
  // A label alone on its line ("**Impact**") heads what follows; it is no part of its sentence.
  return !/^\s*(?:[-*+]\s+)?(?:\*\*|__)[^*_]+(?:\*\*|__)\s*$/.test(a);
}

/** The sources with each wrapped paragraph's lines joined into one. */
export function joinWrapped(document: PostmortemDocument, sources: readonly Source[]): Source[] {
  const bounds = fieldBounds(document);
  const out: Source[] = [];
  for (const s of sources) {
    const last = out[out.length - 1];
    const lastLine = last ? lastLineOf(last) : -2;
    if (last && !s.joins && runsOn(document, bounds, lastLine, s.line)) {
      const at = last.text.length + 1;
      out[out.length - 1] = { line: last.line, text: `${last.text} ${s.text}`, joins: [...(last.joins ?? []), { line: s.line, at }] };
    } else out.push(s);
  }
  return out;
}

/** The last document line a source reads. */
export function lastLineOf(s: Source): number {
  return s.joins?.length ? s.joins[s.joins.length - 1].line : s.line;
}

/** Where column `at` of a source's text is in the document. */
export function positionIn(s: Source, at: number): { line: number; character: number; lineEnd: number } {
  let line = s.line;
  let base = 0;
  let next = s.text.length + 1;
  for (const j of s.joins ?? []) {
    if (j.at <= at) {
      line = j.line;
      base = j.at;
    } else {
      next = j.at;
      break;
    }
  }
  return { line, character: Math.max(0, at - base), lineEnd: next - 1 - base };
}

/** The document range of columns `start`–`end` of a source's text. */
export function rangeIn(s: Source, start: number, end: number): Range {
  const a = positionIn(s, start);
  if (!s.joins) return range(s.line, start, s.line, end);
  const b = positionIn(s, Math.max(start, end - 1));
  return range(a.line, a.character, b.line, b.line === a.line ? b.character + 1 : Math.min(b.character + 1, b.lineEnd));
}

/** A time read from a source, with its columns on the document line where it starts. */
export function localTime(s: Source, t: ParsedTime): { time: ParsedTime; line: number } {
  if (!s.joins) return { time: t, line: s.line };
  const a = positionIn(s, t.start);
  const b = positionIn(s, Math.max(t.start, t.end - 1));
  const end = b.line === a.line ? b.character + 1 : a.lineEnd;
  return { time: { ...t, start: a.character, end }, line: a.line };
}

export interface Regions {
  /** The body of the summary sections. */
  summary: Source[];
  /** The body of an Impact section of its own. */
  impact: Source[];
  /** The lead: the lines between the title and the first section (under headings of no template too). */
  lead: Source[];
  /** The title line, when there is one. */
  title: Source | null;
  /** What a timeline says before its first entry ("Unless otherwise noted, all events happened on …"). */
  timelineIntro: Source[];
  /** The first paragraph of a conclusion ("Conclusion: … we restored order in just four hours."). */
  conclusion: Source[];
  /** The root cause and resolution's body, where the account may tell when it ended ("The pictures came back at 21:55 CET."). */
  resolution: Source[];
}

// "## Conclusion", "Conclusion: …", "**In conclusion**, …", "Wrap-up", "Final thoughts".
const CONCLUSION = /^\s*(?:#{1,6}\s*)?(?:conclusions?|in\s+conclusion|wrap[- ]?up|final\s+thoughts|closing\s+(?:thoughts|remarks))\b\s*[:.,—–-]?\s*/i;

/** The paragraph a conclusion heads: on its own line, the paragraph after it. */
function conclusionOf(document: PostmortemDocument, code: ReadonlySet<number>): Source[] {
  const at = document.lines.findIndex((l, i) => !code.has(i) && CONCLUSION.test(withoutMarkup(l)));
  if (at < 0) return [];
  let from = at;
  if (!withoutMarkup(document.lines[at]).replace(CONCLUSION, '').trim()) {
    from = at + 1;
    while (from < document.lines.length && !document.lines[from].trim()) from++;
  }
  const out: Source[] = [];
  for (let l = from; l < document.lines.length && document.lines[l].trim() && !code.has(l) && (l === at || !/^\s*#/.test(document.lines[l])); l++)
    out.push(sourceOf(document, l));
  return out;
}

// "The incident lasted overall around 26 minutes", "the whole outage lasted 3 hours", "with a total
// duration of 48 minutes": a sentence about the incident as a whole, in whatever section it stands.
const INCIDENT_LASTED =
  /\b(?:the|this|our|that)\s+(?:whole\s+|entire\s+|total\s+|full\s+)?(?:incident|outage|downtime|disruption|interruption|degradation)\s+(?:(?:in\s+)?total\s+|overall\s+|as\s+a\s+whole\s+)?(?:lasted|spanned|persisted)\b|\b(?:incident|outage|downtime|disruption|interruption|degradation|attack|d?dos)\s+(?:that|which)\s+(?:lasted|spanned|persisted)\b|\b(?:a|the)\s+total\s+(?:duration|downtime|outage\s+time|length)\s+(?:of|was)\b/i;

/** The lines outside the timeline and code that say how long the incident itself lasted ("a sustained DDoS that lasted for around 36 hours"). */
export function incidentLengthLines(document: PostmortemDocument): Source[] {
  const code = codeLines(document);
  const timeline = new Set<number>();
  for (const s of document.sections) if (s.id === 'timeline') for (let l = s.range.start.line; l <= s.range.end.line; l++) timeline.add(l);
  const prose = (l: number) => l < document.lines.length && !code.has(l) && !timeline.has(l) && l !== document.title?.line && document.lines[l].trim() !== '';
  // A sentence wrapped over lines ("The incident\nlasted overall around 42 minutes"): the line, and the
  // two after it when the words run across the break, read as one paragraph.
  const taken = new Set<number>();
  document.lines.forEach((line, l) => {
    if (!prose(l)) return;
    if (INCIDENT_LASTED.test(line)) taken.add(l);
    else if (prose(l + 1) && INCIDENT_LASTED.test(`${line} ${document.lines[l + 1]}`)) for (const k of [l, l + 1, l + 2]) if (prose(k)) taken.add(k);
  });
  const lines = [...taken].sort((a, b) => a - b).map((l) => sourceOf(document, l));
  return joinWrapped(document, lines).filter((s) => INCIDENT_LASTED.test(s.text));
}

/** Lines of fenced code: logs and commands, not the account. */
function codeLines(document: PostmortemDocument): Set<number> {
  const out = new Set<number>();
  for (const b of document.blocks) if (b.type === 'fence') for (let l = b.startLine; l < b.endLine; l++) out.add(l);
  return out;
}

export function regionsOf(document: PostmortemDocument): Regions {
  const code = codeLines(document);
  const body = (sections: readonly Section[]) => {
    const out: Source[] = [];
    for (const s of sections) for (let l = s.bodyStartLine; l <= s.bodyEndLine; l++) if (!code.has(l)) out.push(sourceOf(document, l));
    return out;
  };
  const summaries = document.sections.filter((s) => s.id === 'summary');
  const from = document.frontMatter ? document.frontMatter.endLine + 1 : 0;
  const firstSection = document.sections[0]?.range.start.line ?? document.lines.length;
  const lead: Source[] = [];
  for (let l = from; l < firstSection; l++) if (!code.has(l) && l !== document.title?.line && document.lines[l].trim() !== '') lead.push(sourceOf(document, l));
  const timelineIntro: Source[] = [];
  for (const s of document.sections.filter((x) => x.id === 'timeline' && !x.empty)) {
    // The timeline's entries are in line order: the first at or after the body's start, if it is inside it.
    const first = Math.min(s.bodyEndLine + 1, document.timeline.find((e) => e.line >= s.bodyStartLine)?.line ?? Number.POSITIVE_INFINITY);
    for (let l = s.bodyStartLine; l < first; l++) if (!code.has(l)) timelineIntro.push(sourceOf(document, l));
  }
  return {
    timelineIntro: joinWrapped(document, timelineIntro),
    conclusion: joinWrapped(document, conclusionOf(document, code)),
    summary: joinWrapped(document, body(summaries)),
    impact: joinWrapped(document, body(document.sections.filter((s) => s.id === 'impact'))),
    lead: joinWrapped(document, lead),
    title: document.title ? sourceOf(document, document.title.line) : null,
    resolution: joinWrapped(document, body(document.sections.filter((s) => s.id === 'root-cause'))),
  };
}

export function firstTime(sources: readonly Source[], options: TimeReadingOptions): { time: ParsedTime; line: number } | null {
  for (const s of sources) {
    const t = findTimes(s.text, options)[0];
    if (t) return localTime(s, t);
  }
  return null;
}

export function dateOnLine(text: string, options: TimeReadingOptions): LocalDate | null {
  return findTimes(text, options).find((t) => t.date)?.date ?? findDates(text, options)[0]?.date ?? null;
}

/**
 * The date a time at column `at` is on, when it writes none: the last date written before it on
 * the line ("On Thursday, November 17th at approximately 12:05pm … until Friday, November 18th at
 * 3:01pm": the 17th for 12:05pm), else the line's first date.
 */
export function dateBefore(text: string, at: number, options: TimeReadingOptions): LocalDate | null {
  const written = [
    ...findTimes(text, options).flatMap((t) => (t.date ? [{ start: t.start, date: t.date }] : [])),
    ...findDates(text, options).map((d) => ({ start: d.start, date: d.date })),
  ].filter((d) => d.start < at);
  if (!written.length) return dateOnLine(text, options);
  return written.reduce((a, b) => (b.start > a.start ? b : a)).date;
}

export function datesIn(sources: readonly Source[], options: TimeReadingOptions): LocalDate | null {
  for (const s of sources) {
    const d = dateOnLine(s.text, options);
    if (d) return d;
  }
  return null;
}

const SENTENCE_END = /[.!?](?:\s|$)/g;

/** Sentences of a line, with their column offsets. */
export function sentences(text: string): { start: number; end: number }[] {
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
