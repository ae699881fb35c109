import type { PostmortemDocument, Section } from '../model';
import { withoutMarkup } from '../parse/lines';
import { findDates, findTimes, type LocalDate, type ParsedTime, type TimeReadingOptions } from '../time';
import type { Source, TimeField } from './types';

// Where a reader looks for the incident's clock: the lines of each region, markup blanked so that
// columns stay those of the document.

export function sourceOf(document: PostmortemDocument, line: number, from = 0): Source {
  const raw = document.lines[line] ?? '';
  return { line, text: ' '.repeat(Math.min(from, raw.length)) + withoutMarkup(raw.slice(from)) };
}

/** A field's value lines: the label line from the value on, then its continuation lines. */
export function fieldSources(document: PostmortemDocument, field: TimeField): Source[] {
  const out = [sourceOf(document, field.line, field.valueStart)];
  for (let l = field.line + 1; l <= field.valueEndLine; l++) out.push(sourceOf(document, l));
  return out;
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
  return {
    summary: body(summaries),
    impact: body(document.sections.filter((s) => s.id === 'impact')),
    lead,
    title: document.title ? sourceOf(document, document.title.line) : null,
  };
}

export function firstTime(sources: readonly Source[], options: TimeReadingOptions): { time: ParsedTime; line: number } | null {
  for (const s of sources) {
    const t = findTimes(s.text, options)[0];
    if (t) return { time: t, line: s.line };
  }
  return null;
}

export function dateOnLine(text: string, options: TimeReadingOptions): LocalDate | null {
  return findTimes(text, options).find((t) => t.date)?.date ?? findDates(text, options)[0]?.date ?? null;
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
