import type { PostmortemDocument, Range, Section } from './model';
import { range } from './parse/lines';
import type { Fix, Finding } from './rules/types';
import type { Template, TemplateSection } from './templates';

// Fixes are data until here: this is the one place that turns them into text edits.
// Every edit only inserts text (or replaces a value the fix is about): a fix never deletes
// or reorders what the user wrote.

export interface TextEdit {
  range: Range;
  newText: string;
}

/** The document's own line break (the most common one). */
export function lineBreakOf(document: PostmortemDocument): string {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (const e of document.eols) {
    if (e === '\r\n') crlf++;
    else if (e === '\n') lf++;
    else if (e === '\r') cr++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** A heading in the document's own style, modelled on one of its sections. */
export function headingLike(model: Section | undefined, name: string, eol: string): string {
  if (!model) return `## ${name}`;
  const colon = /[:：]\s*(?:\*\*|__)?\s*$/.test(model.heading.split('\n')[0]) ? ':' : '';
  switch (model.style) {
    case 'atx':
      return `${'#'.repeat(Math.max(1, model.level))} ${name}${colon}`;
    case 'setext':
      return `${name}${eol}${(model.level === 1 ? '=' : '-').repeat(Math.max(3, name.length))}`;
    case 'html':
      return `<h${model.level}>${name}</h${model.level}>`;
    case 'bold':
      return /^\*\*[^*]*\*\*\s*:/.test(model.heading) ? `**${name}**:` : `**${name}${colon}**`;
    default:
      return `${name}${colon || ':'}`;
  }
}

function withBreaks(text: string, eol: string): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}

/** Where a section goes: after the sections the template puts before it, before the ones after it. */
function insertionPoint(document: PostmortemDocument, template: Template, sectionId: string): { after?: Section; before?: Section } {
  const order = template.sections.map((s) => s.id);
  const index = order.indexOf(sectionId);
  const present = document.sections.filter((s) => order.includes(s.id));
  const earlier = present.filter((s) => order.indexOf(s.id) < index);
  if (earlier.length) return { after: earlier[earlier.length - 1] };
  const later = present.filter((s) => order.indexOf(s.id) > index);
  if (later.length) return { before: later[0] };
  return {};
}

function sectionText(section: TemplateSection, model: Section | undefined, eol: string): string {
  return withBreaks(`${headingLike(model, section.name, eol)}\n\n${section.skeleton}`, eol);
}

export function insertSectionEdit(document: PostmortemDocument, template: Template, sectionId: string): TextEdit | undefined {
  const section = template.sections.find((s) => s.id === sectionId);
  if (!section) return undefined;
  const eol = lineBreakOf(document);
  const { after, before } = insertionPoint(document, template, sectionId);
  const model = after ?? before ?? document.sections[0];
  const text = sectionText(section, model, eol);
  if (after) {
    const line = after.range.end.line;
    return { range: range(line, document.lines[line].length, line, document.lines[line].length), newText: `${eol}${eol}${text}` };
  }
  if (before) {
    const line = before.range.start.line;
    const start = lineStart(document, line);
    return { range: range(line, start, line, start), newText: `${text}${eol}${eol}` };
  }
  // No section at all: append at the end.
  const last = document.lines.length - 1;
  const end = document.lines[last].length;
  const lead = document.lines.every((l) => l.trim() === '') ? '' : document.lines[last].trim() === '' ? eol : `${eol}${eol}`;
  return { range: range(last, end, last, end), newText: `${lead}${text}${eol}` };
}

function insertFieldEdit(document: PostmortemDocument, template: Template, sectionId: string, fieldId: string): TextEdit | undefined {
  const templateSection = template.sections.find((s) => s.id === sectionId);
  const field = templateSection?.fields.find((f) => f.id === fieldId);
  const section = document.sections.find((s) => s.id === sectionId);
  if (!field || !section) return undefined;
  const eol = lineBreakOf(document);
  const siblings = document.fields.filter(
    (f) => f.sectionId === sectionId && f.labelRange.start.line >= section.range.start.line && f.labelRange.start.line <= section.range.end.line,
  );
  const sibling = siblings.filter((f) => f.valueRange.start.line === f.labelRange.start.line).pop();
  if (sibling) {
    // Same markup as the sibling: `- **Impact:** ...` gives `- **Duration:** ...`.
    const line = document.lines[sibling.labelRange.start.line];
    const labelMarkup = line.slice(sibling.labelRange.start.character, sibling.labelRange.end.character);
    const newLabel = labelMarkup.includes(sibling.label) ? labelMarkup.replace(sibling.label, field.name) : `**${field.name}:**`;
    const text = `${line.slice(0, sibling.labelRange.start.character)}${newLabel} ${field.placeholder}`;
    const after = sibling.valueEndLine;
    return { range: range(after, document.lines[after].length, after, document.lines[after].length), newText: `${eol}${text}` };
  }
  const line = section.headingRange.end.line;
  return {
    range: range(line, document.lines[line].length, line, document.lines[line].length),
    newText: `${eol}${eol}- **${field.name}:** ${field.placeholder}${blankLineBefore(document, line + 1, eol)}`,
  };
}

function fillSectionEdit(document: PostmortemDocument, template: Template, sectionId: string, line: number): TextEdit | undefined {
  const section = template.sections.find((s) => s.id === sectionId);
  if (!section || line >= document.lines.length) return undefined;
  const eol = lineBreakOf(document);
  return {
    range: range(line, document.lines[line].length, line, document.lines[line].length),
    newText: withBreaks(`${eol}${eol}${section.skeleton}`, eol) + blankLineBefore(document, line + 1, eol),
  };
}

/**
 * A line break to end inserted text with when `line` has text: without it, the line would join the
 * inserted list item (lazy continuation) or, for `---`, turn the inserted paragraph into a setext heading.
 */
function blankLineBefore(document: PostmortemDocument, line: number, eol: string): string {
  return (document.lines[line] ?? '').trim() === '' ? '' : eol;
}

/** Column 0, or 1 on the first line of a text that starts with a byte order mark (nothing goes before it). */
function lineStart(document: PostmortemDocument, line: number): number {
  return line === 0 && document.hasBom ? 1 : 0;
}

export function editsForFix(document: PostmortemDocument, template: Template, fix: Fix): TextEdit[] {
  let edit: TextEdit | undefined;
  switch (fix.kind) {
    case 'insert-section':
      edit = insertSectionEdit(document, template, fix.sectionId);
      break;
    case 'insert-field':
      edit = insertFieldEdit(document, template, fix.sectionId, fix.fieldId);
      break;
    case 'fill-section':
      edit = fillSectionEdit(document, template, fix.sectionId, fix.line);
      break;
    case 'replace':
      edit = { range: fix.range, newText: fix.newText };
      break;
  }
  return edit ? [edit] : [];
}

/** All missing sections, in template order, as one set of non-overlapping edits. */
export function insertAllSectionsEdits(document: PostmortemDocument, template: Template, sectionIds: readonly string[]): TextEdit[] {
  // Sections inserted at the same point are joined, in template order, into one edit.
  const byPoint = new Map<string, TextEdit>();
  const order = template.sections.map((s) => s.id);
  for (const id of [...sectionIds].sort((a, b) => order.indexOf(a) - order.indexOf(b))) {
    const edit = insertSectionEdit(document, template, id);
    if (!edit) continue;
    const key = `${edit.range.start.line}:${edit.range.start.character}`;
    const existing = byPoint.get(key);
    if (!existing) byPoint.set(key, edit);
    // In template order either way: after a section each one follows the last; before one, each precedes it.
    else existing.newText += edit.newText;
  }
  return [...byPoint.values()];
}

/** The comment that turns a rule off for the finding's line, or for the whole file. */
export function suppressionEdit(document: PostmortemDocument, finding: Finding, scope: 'line' | 'file'): TextEdit {
  const eol = lineBreakOf(document);
  // A comment cannot go inside front matter (it would end it): a finding there is turned off for the file.
  if (scope === 'file' || (document.frontMatter && finding.range.start.line <= document.frontMatter.endLine)) {
    const line = document.frontMatter ? document.frontMatter.endLine + 1 : 0;
    if (line >= document.lines.length) {
      const last = document.lines.length - 1;
      return {
        range: range(last, document.lines[last].length, last, document.lines[last].length),
        newText: `${eol}<!-- postmortem-disable-file ${finding.code} -->`,
      };
    }
    const start = lineStart(document, line);
    return { range: range(line, start, line, start), newText: `<!-- postmortem-disable-file ${finding.code} -->${eol}` };
  }
  const line = finding.range.start.line;
  const start = lineStart(document, line);
  const indent = /^[ \t]*/.exec(document.lines[line].slice(start))?.[0] ?? '';
  return { range: range(line, start, line, start), newText: `${indent}<!-- postmortem-disable-next-line ${finding.code} -->${eol}` };
}

/** Applies non-overlapping edits to the text. */
export function applyEdits(text: string, document: PostmortemDocument, edits: readonly TextEdit[]): string {
  const offsets = edits
    .map((e) => ({ start: offsetOf(document, e.range.start), end: offsetOf(document, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const e of offsets) {
    if (e.end > limit) continue; // overlapping: skip, the next round of fixes gets it
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

function offsetOf(document: PostmortemDocument, position: { line: number; character: number }): number {
  let offset = 0;
  const line = Math.min(position.line, document.lines.length - 1);
  for (let i = 0; i < line; i++) offset += document.lines[i].length + document.eols[i].length;
  return offset + Math.min(position.character, document.lines[line].length);
}
