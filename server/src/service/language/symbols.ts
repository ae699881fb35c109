import type { Analysis } from '../analysis';
import type { Position, Range } from '../model';
import { range } from '../parse/lines';
import { within } from './hover';

// The outline: sections, with their fields and timeline entries inside; folding and selection
// ranges follow the same structure.

export type SymbolKind = 'section' | 'heading' | 'field' | 'timeline-entry';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

export interface Fold {
  startLine: number;
  endLine: number;
}

export function outline(analysis: Analysis): OutlineSymbol[] {
  const { document, template } = analysis;
  return document.sections
    .filter((s) => !s.sharesHeadingWith)
    .map((s) => {
      const inside = (line: number) => line > s.headingRange.end.line && line <= s.range.end.line;
      const children: OutlineSymbol[] = [
        ...document.fields
          .filter((f) => f.style !== 'sentence' && f.sectionId === s.id && inside(f.labelRange.start.line))
          .map((f) => ({
            name: f.label,
            detail: f.value.slice(0, 80),
            kind: 'field' as const,
            range: range(f.labelRange.start.line, f.labelRange.start.character, f.valueEndLine, document.lines[f.valueEndLine].length),
            selectionRange: f.labelRange,
            children: [],
          })),
        ...document.timeline
          .filter((e) => inside(e.line))
          .map((e) => ({
            name: e.timeText,
            detail: e.text.slice(0, 80),
            kind: 'timeline-entry' as const,
            range: range(e.line, 0, e.endLine, document.lines[e.endLine].length),
            selectionRange: e.timeRange,
            children: [],
          })),
      ].sort((a, b) => a.range.start.line - b.range.start.line);
      return {
        name: s.label,
        detail: template.sections.find((t) => t.id === s.id)?.name ?? '',
        kind: 'section' as const,
        range: s.range,
        selectionRange: s.headingRange,
        children,
      };
    });
}

export function folds(analysis: Analysis): Fold[] {
  const { document } = analysis;
  const out: Fold[] = [];
  for (const s of document.sections)
    if (!s.sharesHeadingWith && s.range.end.line > s.headingRange.end.line) out.push({ startLine: s.headingRange.start.line, endLine: s.range.end.line });
  // Timeline entries and field values with nested lines fold on their first line.
  for (const e of document.timeline) if (e.endLine > e.line) out.push({ startLine: e.line, endLine: e.endLine });
  for (const f of document.fields) {
    const start = f.labelRange.start.line;
    if (f.valueEndLine > start && !out.some((o) => o.startLine === start)) out.push({ startLine: start, endLine: f.valueEndLine });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** A range and the ranges around it, innermost first (LSP `textDocument/selectionRange`). */
export interface NestedRange {
  range: Range;
  parent?: NestedRange;
}

function contains(outer: Range, inner: Range): boolean {
  return within(outer, inner.start) && within(outer, inner.end);
}

function same(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** From a position outwards: time → timeline entry, or field label → field; then section, then document. */
export function selectionRanges(analysis: Analysis, positions: readonly Position[]): NestedRange[] {
  const { document } = analysis;
  const last = document.lines.length - 1;
  const whole = range(0, 0, last, document.lines[last].length);
  return positions.map((position) => {
    const chain: Range[] = [];
    const entry = document.timeline.find((e) => position.line >= e.line && position.line <= e.endLine);
    if (entry) {
      if (within(entry.timeRange, position)) chain.push(entry.timeRange);
      const indent = document.lines[entry.line].length - document.lines[entry.line].trimStart().length;
      chain.push(range(entry.line, indent, entry.endLine, document.lines[entry.endLine].trimEnd().length));
    }
    const field = document.fields.find((f) => position.line >= f.labelRange.start.line && position.line <= f.valueEndLine);
    if (field && !entry) {
      if (within(field.labelRange, position)) chain.push(field.labelRange);
      chain.push(range(field.labelRange.start.line, field.labelRange.start.character, field.valueEndLine, document.lines[field.valueEndLine].trimEnd().length));
    }
    const section = document.sections.find((s) => within(s.range, position));
    if (section) {
      if (within(section.headingRange, position)) chain.push(section.headingRange);
      chain.push(section.range);
    }
    chain.push(whole);
    // Innermost first, each range inside the next; drop repeats and any range that does not nest.
    const nested: Range[] = [];
    for (const r of chain) {
      const inner = nested[nested.length - 1];
      if (inner && (same(inner, r) || !contains(r, inner))) continue;
      nested.push(r);
    }
    let result: NestedRange | undefined;
    for (const r of nested.reverse()) result = { range: r, ...(result ? { parent: result } : {}) };
    return result ?? { range: whole };
  });
}
