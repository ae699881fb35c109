import { headingLike } from '../fixes';
import type { Analysis } from '../analysis';
import type { Position, Range } from '../model';
import { range } from '../parse/lines';
import { matchField } from '../parse/match';
import type { TemplateField } from '../templates';
import { formatDuration } from '../time';
import { addMinutes } from './clock';
import { escapeSnippet, sectionSnippet } from './snippets';
import { dateOfDocument, entryBefore, entryFormat, genericEntry, inTimeline, writeEntry, zoneOfDocument } from './timelineEntry';

// Completion while writing a postmortem:
// - at the start of a line, the missing sections (heading in the document's style, and skeleton);
// - after a field label (`Duration:`), the shape its value takes;
// - on a new line of the timeline, an entry a few minutes after the one before, written like it.

export type CompletionKind = 'section' | 'field-value' | 'timeline-entry';

export interface Completion {
  label: string;
  kind: CompletionKind;
  detail: string;
  /** Markdown. */
  documentation?: string;
  /** Snippet text that replaces `range`. */
  snippet: string;
  range: Range;
  filterText: string;
  sortText: string;
  preselect?: boolean;
}

/** Minutes between the entry before and the one offered. */
export const timelineStep = 5;

const headingStart = /^[ \t]{0,3}(#{0,6})[ \t]*([\p{L}'’ ]*)$/u;
const entryStart = /^[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]*|\|[ \t]*)?$/;
const labelBefore = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([^*_:|#]{2,40}?)(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*$/;

/** Text without snippet syntax, for labels and filtering. */
function plain(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

function inCode(analysis: Analysis, line: number): boolean {
  const { document } = analysis;
  if (document.frontMatter && line <= document.frontMatter.endLine) return true;
  return document.blocks.some((b) => (b.type === 'fence' || b.type === 'code_block' || b.type === 'html_block') && line >= b.startLine && line < b.endLine);
}

export interface CompletionContext {
  /** The character typed that asked for completion, if one did. */
  triggerCharacter?: string;
}

export function completionsAt(analysis: Analysis, position: Position, context: CompletionContext = {}): Completion[] {
  const { document } = analysis;
  if (position.line >= document.lines.length || inCode(analysis, position.line)) return [];
  const line = document.lines[position.line];
  const before = line.slice(0, position.character);
  if (line.slice(position.character).trim()) return [];
  const fieldItems = fieldCompletions(analysis, position, before);
  if (fieldItems.length || context.triggerCharacter === ':') return fieldItems;
  const items: Completion[] = [];
  if (entryStart.test(before) && inTimeline(analysis, position.line)) items.push(timelineCompletion(analysis, position, before));
  const heading = headingStart.exec(before);
  // A space typed in the first words of a paragraph is not a request for sections; after `##` it is.
  if (heading && !(context.triggerCharacter === ' ' && !heading[1])) items.push(...sectionCompletions(analysis, position, heading[1].length));
  return items;
}

function sectionCompletions(analysis: Analysis, position: Position, typedLevel: number): Completion[] {
  const { document, template } = analysis;
  const present = new Set(document.sections.map((s) => s.id));
  const model = document.sections.filter((s) => s.headingRange.start.line < position.line).pop() ?? document.sections[0];
  const previousLine = document.lines[position.line - 1] ?? '';
  // A heading right under a paragraph line would join it (bold and plain headings, setext).
  const lead = previousLine.trim() ? '\n' : '';
  // Skeletons take the incident's date and zone when the document states them.
  const values = { date: dateOfDocument(analysis) ?? undefined, timeZone: zoneOfDocument(analysis) ?? undefined };
  return template.sections
    .map((section, index) => ({ section, index }))
    .filter(({ section }) => !present.has(section.id))
    .map(({ section, index }) => {
      const heading = typedLevel > 0 ? `${'#'.repeat(typedLevel)} ${section.name}` : headingLike(model, section.name, '\n');
      return {
        label: section.name,
        kind: 'section' as const,
        detail: `${section.required ? 'Required' : 'Optional'} section of ${template.name}`,
        documentation: [section.hover, section.example && `**A good example**\n\n${section.example}`].filter(Boolean).join('\n\n'),
        snippet: lead + sectionSnippet(section, heading, undefined, values),
        range: range(position.line, 0, position.line, position.character),
        filterText: typedLevel > 0 ? heading : section.name,
        sortText: `1-${String(index).padStart(3, '0')}`,
      };
    });
}

function timelineCompletion(analysis: Analysis, position: Position, before: string): Completion {
  const { document } = analysis;
  const previous = entryBefore(analysis, position.line);
  const format = previous && entryFormat(document, previous);
  let snippet: string;
  let detail: string;
  if (format && previous) {
    snippet = writeEntry(format, addMinutes(format.clock, timelineStep));
    detail = `Timeline entry ${timelineStep} minutes after ${previous.timeText}`;
  } else {
    snippet = genericEntry(undefined, zoneOfDocument(analysis));
    detail = 'Timeline entry';
  }
  const label = plain(snippet).trimEnd() || 'Timeline entry';
  return {
    label,
    kind: 'timeline-entry',
    detail,
    documentation: 'One entry per line: the time (with its zone), then what happened.',
    snippet,
    range: range(position.line, 0, position.line, position.character),
    filterText: before.trim() ? plain(snippet) : label,
    sortText: '0',
    preselect: true,
  };
}

function fieldAt(analysis: Analysis, position: Position, before: string): TemplateField | undefined {
  const { document, template } = analysis;
  const allFields = template.sections.flatMap((s) => s.fields);
  const parsed = document.fields.find(
    (f) => f.labelRange.start.line === position.line && f.labelRange.end.character <= position.character && !before.slice(f.labelRange.end.character).trim(),
  );
  if (parsed)
    return template.sections.find((s) => s.id === parsed.sectionId)?.fields.find((f) => f.id === parsed.id) ?? allFields.find((f) => f.id === parsed.id);
  const label = labelBefore.exec(before);
  return label ? matchField(label[1].trim(), allFields) : undefined;
}

function fieldCompletions(analysis: Analysis, position: Position, before: string): Completion[] {
  const field = fieldAt(analysis, position, before);
  if (!field) return [];
  const space = /\s$/.test(before) ? '' : ' ';
  const zone = zoneOfDocument(analysis);
  const date = dateOfDocument(analysis);
  const zoneStop = (n: number) => `\${${n}:${escapeSnippet(zone ?? 'time zone')}}`;
  const dateStop = (n: number) => `\${${n}:${escapeSnippet(date ?? 'YYYY-MM-DD')}}`;
  const at = range(position.line, position.character, position.line, position.character);
  const documentation = [field.hover, field.example && `**A good one:** ${field.example}`].filter(Boolean).join('\n\n');
  const item = (snippet: string, detail: string, sortText: string): Completion => ({
    label: plain(snippet),
    kind: 'field-value',
    detail,
    documentation,
    snippet: space + snippet,
    range: at,
    filterText: plain(snippet),
    sortText,
  });
  const items: Completion[] = [];
  const { incident } = analysis;
  switch (field.id) {
    case 'duration':
      if (incident.start && incident.end && incident.durationMinutes !== null) {
        items.push(
          item(
            escapeSnippet(`${incident.start.text} – ${incident.end.text} (${formatDuration(incident.durationMinutes)})`),
            'From the incident start and end',
            '0',
          ),
        );
      }
      items.push(
        item(
          `${dateStop(1)} \${2:HH:MM} – \${3:HH:MM} ${zoneStop(4)} (\${5:N hours N minutes})`,
          zone ? `Time range in ${zone}, and how long it lasted` : 'Time range with its zone, and how long it lasted',
          '1',
        ),
      );
      break;
    case 'start':
    case 'end':
      items.push(item(`${dateStop(1)} \${2:HH:MM} ${zoneStop(3)}`, zone ? `Date and time in ${zone}` : 'Date and time with its zone', '1'));
      break;
    default:
      if (field.placeholder) items.push(item(`\${1:${escapeSnippet(field.placeholder)}}`, `What ${field.name} says`, '1'));
  }
  return items;
}
