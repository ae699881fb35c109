import type { PostmortemDocument } from '../model';
import type { DurationSite, Incident, TimeField } from './types';

// Where a computed duration is written: in place of the stated one, after the Duration label or
// the range it holds, on a new line like the Start/End fields, or in a paragraph of its own.

export function durationSiteOf(document: PostmortemDocument, fields: readonly TimeField[], incident: Incident, rangeLine: number | null): DurationSite | null {
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
