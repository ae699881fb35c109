import type { Field, PostmortemDocument } from '../model';
import { withoutMarkup } from '../parse/lines';
import { matchField } from '../parse/match';
import { durationField, endField, startField } from '../templates/fields';
import type { TimeField } from './types';

// Start, End and Duration in whatever form a reader takes them for fields: a labelled line, a
// heading over a block, a table row.

const TIME_FIELD_TEMPLATES = [durationField, startField, endField];

export function timeFields(document: PostmortemDocument): TimeField[] {
  const summaries = document.sections.filter((s) => s.id === 'summary');
  const inSummary = (line: number) => summaries.some((s) => line >= s.range.start.line && line <= s.range.end.line);
  const out: TimeField[] = [];
  for (const f of document.fields) {
    if (f.id !== 'start' && f.id !== 'end' && f.id !== 'duration') continue;
    out.push(fromField(document, f, f.id, inSummary(f.labelRange.start.line)));
  }
  // `| Start | 2024-01-19 15:00 UTC |` and `| Duration | 15h |` rows of a two-column table, outside the timeline.
  const timelines = document.sections.filter((s) => s.id === 'timeline');
  for (const b of document.blocks) {
    if (b.type !== 'table') continue;
    for (let l = b.startLine; l < b.endLine; l++) {
      if (timelines.some((s) => l > s.headingRange.end.line && l <= s.range.end.line)) continue;
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
        inSummary: inSummary(l),
      });
    }
  }
  // Summary fields first, then the header above the first section, then the rest, each in document order.
  const rank = (f: TimeField) => (f.inSummary ? 0 : document.fields.some((x) => x.labelRange.start.line === f.line && x.sectionId === null) ? 1 : 2);
  return out.sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}

export function fromField(document: PostmortemDocument, f: Field, id: 'start' | 'end' | 'duration', inSummary: boolean): TimeField {
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
