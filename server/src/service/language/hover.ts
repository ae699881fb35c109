import type { Analysis } from '../analysis';
import type { Field, Position, Range, Section } from '../model';
import type { TemplateField, TemplateSection } from '../templates';
import { formatDuration } from '../time';
import { evaluateChecklist, fieldStatus, isFilled } from './checklist';

// Hover help: what a section is for, its checklist with each item marked covered (✅) or missing (⬜)
// in this document, and a short good example; on a field label, what a good value says.
// The text comes from the template in use.

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

const mark = (ok: boolean) => (ok ? '✅' : '⬜');

export function within(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function sectionHover(analysis: Analysis, section: Section, template: TemplateSection): string {
  const parts = [`### ${template.name} · ${template.required ? 'required' : 'optional'}`];
  if (section.part) parts.push(`_This heading is the **${section.part}** part of ${template.name}._`);
  parts.push(template.hover);

  const checklist = evaluateChecklist(analysis, template);
  if (checklist.length) {
    const covered = checklist.filter((c) => c.covered).length;
    parts.push(
      `**Checklist** (${covered} of ${checklist.length} in this document)\n\n${checklist.map((c) => `- ${mark(c.covered)} ${c.item.text}`).join('\n')}`,
    );
  }
  const fields = fieldStatus(analysis, template);
  if (fields.length)
    parts.push(`**Fields:** ${fields.map((f) => `${mark(f.filled)} **${f.field.name}**${f.field.required ? '' : ' (optional)'}`).join(' · ')}`);
  if (section.id === 'timeline') {
    const n = analysis.document.timeline.length;
    parts.push(`${mark(n > 0)} **Timestamped entries:** ${n} found`);
  }
  if (section.empty) parts.push('⬜ **The section is empty**: it does not count as present.');
  if (template.example) parts.push(`**A good example**\n\n${template.example}`);
  parts.push(`_Template: ${analysis.template.name}_`);
  return parts.join('\n\n');
}

export function fieldHover(analysis: Analysis, field: Field, template: TemplateField): string {
  const section = analysis.template.sections.find((s) => s.id === field.sectionId);
  const where = section ? ` — in ${section.name} (${template.required ? 'required' : 'optional'})` : '';
  const parts = [`**${template.name}**${where}`, template.hover];
  if (template.example) parts.push(`**A good one:** ${template.example}`);
  parts.push(isFilled(field, template) ? '✅ Filled in.' : '⬜ Not filled in yet: still empty or the placeholder.');
  const { incident } = analysis;
  if (field.id === 'duration' && incident.durationMinutes !== null) {
    parts.push(`Start to end, as this document states them: **${formatDuration(incident.durationMinutes)}**.`);
  }
  return parts.join('\n\n');
}

function templateFieldOf(analysis: Analysis, field: Field): TemplateField | undefined {
  const inSection = analysis.template.sections.find((s) => s.id === field.sectionId)?.fields.find((f) => f.id === field.id);
  return inSection ?? analysis.template.sections.flatMap((s) => s.fields).find((f) => f.id === field.id);
}

export function hoverAt(analysis: Analysis, position: Position): HoverResult | undefined {
  const { document, template } = analysis;
  const section = document.sections.find((s) => within(s.headingRange, position));
  if (section) {
    const t = template.sections.find((s) => s.id === section.id);
    if (!t) return undefined;
    // Why the heading was read as this section (and any other it names), in one line each.
    const why = document.sections
      .filter((s) => s.headingRange.start.line === section.headingRange.start.line)
      .flatMap((s) => s.reasons ?? [])
      .map((r) => `_${r.replace(/^read as/, 'Read as')}._`);
    return { contents: [sectionHover(analysis, section, t), ...why].join('\n\n'), range: section.headingRange };
  }
  const field = document.fields.find((f) => within(f.labelRange, position));
  if (field) {
    const t = templateFieldOf(analysis, field);
    return t ? { contents: fieldHover(analysis, field, t), range: field.labelRange } : undefined;
  }
  return undefined;
}
