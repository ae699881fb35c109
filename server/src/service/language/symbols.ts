import type { Analysis } from '../index';
import type { Range } from '../model';
import { range } from '../parse/lines';

// The outline: sections, with their fields and timeline entries inside.

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
  return document.sections.map((s) => {
    const inside = (line: number) => line > s.headingRange.end.line && line <= s.range.end.line;
    const children: OutlineSymbol[] = [
      ...document.fields
        .filter((f) => f.sectionId === s.id && inside(f.labelRange.start.line))
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
    if (s.range.end.line > s.headingRange.start.line) out.push({ startLine: s.headingRange.start.line, endLine: s.range.end.line });
  for (const e of document.timeline) if (e.endLine > e.line) out.push({ startLine: e.line, endLine: e.endLine });
  return out;
}
