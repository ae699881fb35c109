import type { Analysis } from '../analysis';
import type { Field } from '../model';
import { patterns } from '../templates/checklist';
import type { ChecklistCheck, ChecklistItem, TemplateField, TemplateSection } from '../templates';

// Whether this document covers each item of a section's checklist. A line left exactly as the
// template's skeleton wrote it, or a field still holding its placeholder, does not count.

/** What a checklist is evaluated against: an analysis, or a rule's context. */
export type ChecklistSubject = Pick<Analysis, 'document'>;

export interface ChecklistResult {
  item: ChecklistItem;
  covered: boolean;
}

/** Placeholders the skeletons and the insert-field fix write. */
const placeholderToken = /\bYYYY\b|\bHH:MM\b|\bN hours\b|\bSEV-N\b|\(time zone\)/;

export function isFilled(field: Field, template: TemplateField | undefined): boolean {
  const value = field.fullValue.trim();
  if (!value) return false;
  if (template && value.replace(/[.\s]+$/, '') === template.placeholder.trim().replace(/[.\s]+$/, '')) return false;
  return !placeholderToken.test(value);
}

const tableSeparator = /^\s*\|[\s:|-]+\|\s*$/;

function skeletonLines(section: TemplateSection): Set<string> {
  return new Set(
    section.skeleton
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  );
}

/**
 * The section's own text: the body of every heading of it, without lines left as the skeleton
 * wrote them. A table's header row stays even then: `| Time (UTC) |` says something.
 */
export function sectionText(analysis: ChecklistSubject, section: TemplateSection): string {
  const { document } = analysis;
  const skeleton = skeletonLines(section);
  const lines: string[] = [];
  for (const s of document.sections) {
    if (s.id !== section.id) continue;
    for (let line = s.bodyStartLine; line <= s.bodyEndLine; line++) {
      const text = document.lines[line];
      if (!skeleton.has(text.trim()) || tableSeparator.test(document.lines[line + 1] ?? '')) lines.push(text);
    }
  }
  return lines.join('\n');
}

function filledFields(analysis: ChecklistSubject, section: TemplateSection): Set<string> {
  const { document } = analysis;
  const skeleton = skeletonLines(section);
  const filled = new Set<string>();
  for (const f of document.fields) {
    if (f.sectionId !== section.id || skeleton.has(document.lines[f.labelRange.start.line].trim())) continue;
    if (
      isFilled(
        f,
        section.fields.find((t) => t.id === f.id),
      )
    )
      filled.add(f.id);
  }
  return filled;
}

function holds(check: ChecklistCheck, text: string, fields: Set<string>, entries: number): boolean {
  if ('field' in check) return fields.has(check.field);
  if ('timelineEntries' in check) return entries >= check.timelineEntries;
  if ('pattern' in check) {
    check.pattern.lastIndex = 0;
    return check.pattern.test(text);
  }
  if ('anyOf' in check) return check.anyOf.some((c) => holds(c, text, fields, entries));
  return check.allOf.every((c) => holds(c, text, fields, entries));
}

const statedTime = new RegExp(`${patterns.time.source}|(?:^|\\n)[\\s>*-]*\\d{4}\\s*(?:hrs?\\b|[-–—:]\\s)`, 'gi');

/**
 * The text of a `Resolution:` label right after the timeline, when a Root Cause and Resolution
 * section follows later: the last of the brief's timeline items (Detection, Actions, Misleading
 * paths, Escalation, Resolution), not the resolution section itself.
 */
function trailingResolution(analysis: ChecklistSubject, section: TemplateSection): string {
  if (section.id !== 'timeline') return '';
  const { sections, lines } = analysis.document;
  const at = sections.findIndex((s) => s.id === 'timeline');
  const next = sections[at + 1];
  if (at < 0 || !next || next.part !== 'resolution' || !sections.slice(at + 2).some((s) => s.id === next.id)) return '';
  return lines.slice(next.bodyStartLine, next.bodyEndLine + 1).join('\n');
}

/** Times the section's text states: `10:15`, `3 pm`, `0900 -`. */
export function statedTimes(text: string): number {
  return (text.match(statedTime) ?? []).length;
}

export function evaluateChecklist(analysis: ChecklistSubject, section: TemplateSection, options: { ignoreTimes?: boolean } = {}): ChecklistResult[] {
  const text = [sectionText(analysis, section), trailingResolution(analysis, section)].filter(Boolean).join('\n');
  const fields = filledFields(analysis, section);
  // Times the text states count as entries too: "Issue Detection (November 10, 8:00 PM)" says when.
  const entries = options.ignoreTimes ? Number.POSITIVE_INFINITY : Math.max(analysis.document.timeline.length, statedTimes(text));
  return section.checklist.map((item) => ({ item, covered: holds(item.check ?? { pattern: patterns.content }, text, fields, entries) }));
}

/** Required fields of the section, and the optional ones the document has: whether each is filled in. */
export function fieldStatus(analysis: Analysis, section: TemplateSection): { field: TemplateField; filled: boolean }[] {
  const present = new Set(analysis.document.fields.filter((f) => f.sectionId === section.id).map((f) => f.id));
  const filled = filledFields(analysis, section);
  return section.fields
    .filter((f) => f.required || present.has(f.id))
    .map((f) => {
      let ok = filled.has(f.id);
      // A duration is also stated by a start and an end.
      if (f.id === 'duration' && !ok) ok = (filled.has('start') && filled.has('end')) || analysis.incident.durationMinutes !== null;
      return { field: f, filled: ok };
    });
}
