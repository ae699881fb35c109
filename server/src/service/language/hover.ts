import type { Analysis } from '../index';
import type { Position, Range, Section } from '../model';
import type { TemplateSection } from '../templates';

// Hover help: what a section is for, what it must contain (marked present or missing in this
// document), and a short good example. Text comes from the template in use.

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

function within(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

function sectionChecklist(analysis: Analysis, section: Section, template: TemplateSection): string[] {
  const { document } = analysis;
  const lines: string[] = [];
  const fieldsHere = new Set(document.fields.filter((f) => f.sectionId === section.id).map((f) => f.id));
  for (const f of template.fields) {
    if (!f.required && !fieldsHere.has(f.id)) continue;
    let present = fieldsHere.has(f.id);
    if (f.id === 'duration' && !present) present = (fieldsHere.has('start') && fieldsHere.has('end')) || analysis.incident.start !== null;
    lines.push(`- ${present ? '✅' : '⬜'} **${f.name}**${f.required ? '' : ' (optional)'}: ${f.hover}`);
  }
  if (section.id === 'timeline') {
    const n = document.timeline.length;
    lines.push(`- ${n ? '✅' : '⬜'} Timestamped entries: ${n} found`);
  }
  if (section.empty) lines.push('- ⬜ Content: the section is empty');
  return lines;
}

export function hoverAt(analysis: Analysis, position: Position): HoverResult | undefined {
  const { document, template } = analysis;
  const section = document.sections.find((s) => within(s.headingRange, position));
  if (section) {
    const t = template.sections.find((s) => s.id === section.id);
    if (!t) return undefined;
    const parts = [`### ${t.name}${t.required ? '' : ' (optional)'}`, t.hover];
    const checks = sectionChecklist(analysis, section, t);
    if (checks.length) parts.push(`**In this document**\n\n${checks.join('\n')}`);
    if (t.checklist.length) parts.push(`**Must contain**\n\n${t.checklist.map((c) => `- ${c}`).join('\n')}`);
    if (t.example) parts.push(`**Example**\n\n${t.example}`);
    parts.push(`_Template: ${template.name}_`);
    return { contents: parts.join('\n\n'), range: section.headingRange };
  }
  const field = document.fields.find((f) => within(f.labelRange, position));
  if (field) {
    const t = template.sections.flatMap((s) => s.fields).find((f) => f.id === field.id);
    if (!t) return undefined;
    return { contents: `**${t.name}**\n\n${t.hover}`, range: field.labelRange };
  }
  return undefined;
}
