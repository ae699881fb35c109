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

/** `Issue Summary:` and `🔥 Issue summary` name the section `Issue Summary`: no detail needed then. */
function sameName(label: string, name: string): boolean {
  const words = (t: string) => (t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  return words(label).includes(words(name));
}

interface HeadingNode {
  line: number;
  /** 1-6; pseudo-headings (bold, plain lines) rank below every Markdown heading. */
  rank: number;
  symbol: OutlineSymbol;
}

/**
 * The outline: every heading of the document, nested by rank as Markdown's own outline nests them
 * (so the two trees cover the same lines and the breadcrumbs do not switch between them), with
 * the postmortem's sections marked as sections and their fields and timeline entries inside.
 */
export function outline(analysis: Analysis): OutlineSymbol[] {
  const { document, template } = analysis;
  const last = document.lines.length - 1;
  const sectionLines = new Set(document.sections.map((s) => s.headingRange.start.line));
  const nodes: HeadingNode[] = [];
  // A heading that names two sections is one node, under the first of them.
  for (const s of document.sections.filter((x) => !x.sharesHeadingWith)) {
    const name = template.sections.find((t) => t.id === s.id)?.name ?? '';
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
    ];
    nodes.push({
      line: s.headingRange.start.line,
      rank: s.level > 0 ? s.level : 7,
      symbol: { name: s.label, detail: sameName(s.label, name) ? '' : name, kind: 'section', range: s.range, selectionRange: s.headingRange, children },
    });
  }
  for (const h of document.otherHeadings) {
    if (sectionLines.has(h.line) || h.line > last) continue;
    const text = document.lines[h.line];
    const start = text.length - text.trimStart().length;
    nodes.push({
      line: h.line,
      rank: h.level > 0 ? h.level : 7,
      symbol: {
        name: h.label,
        detail: '',
        kind: 'heading',
        range: range(h.line, start, h.line, text.length),
        selectionRange: range(h.line, start, h.line, text.length),
        children: [],
      },
    });
  }
  nodes.sort((a, b) => a.line - b.line);
  // A heading that is not a section spans up to the next heading of its rank or a stronger one.
  for (const [i, node] of nodes.entries()) {
    if (node.symbol.kind !== 'heading') continue;
    const next = nodes.slice(i + 1).find((n) => n.rank <= node.rank);
    const endLine = next ? Math.max(node.line, next.line - 1) : last;
    node.symbol.range = range(node.line, node.symbol.range.start.character, endLine, document.lines[endLine].length);
  }
  const roots: OutlineSymbol[] = [];
  const stack: HeadingNode[] = [];
  for (const node of nodes) {
    while (stack.length && (stack[stack.length - 1].rank >= node.rank || !contains(stack[stack.length - 1].symbol.range, node.symbol.range))) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.symbol.children.push(node.symbol);
      parent.symbol.children.sort((a, b) => a.range.start.line - b.range.start.line);
    } else roots.push(node.symbol);
    stack.push(node);
  }
  for (const n of nodes) n.symbol.children.sort((a, b) => a.range.start.line - b.range.start.line);
  return roots;
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
