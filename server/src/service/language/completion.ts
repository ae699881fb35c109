import { headingLike } from '../fixes';
import type { Analysis } from '../analysis';
import type { Position, Range } from '../model';
import { range } from '../parse/lines';
import { matchField } from '../parse/match';
import type { TemplateField } from '../templates';
import { formatDuration } from '../time';
import { writeClockParts } from './clock';
import { escapeSnippet, sectionSnippet, snippetText } from './snippets';
import {
  dateOfDocument,
  entryFormat,
  genericEntry,
  inTimeline,
  nextEntryTime,
  skeletonValuesOf,
  timelineStep,
  writeEntry,
  zoneOfDocument,
} from './timelineEntry';

// Completion while writing a postmortem:
// - at the start of a line, the missing sections (heading in the document's style, and skeleton);
// - after a field label (`Duration:`), the shape its value takes;
// - on a new line of the timeline, an entry a few minutes after the one before, written like it;
// - the `pm-timeline*` snippets, whose time follows the entry before them and whose zone is the document's.

export type CompletionKind = 'section' | 'field-value' | 'timeline-entry' | 'snippet';

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

const headingStart = /^[ \t]{0,3}(#{0,6})[ \t]*([\p{L}'’ ]*)$/u;
const entryStart = /^[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]*|\|[ \t]*)?$/;
const labelBefore = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([^*_:|#]{2,40}?)(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*$/;

/** Text without snippet syntax, for labels and filtering. */
const plain = snippetText;

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
  items.push(...timelineSnippets(analysis, position, before));
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
  const values = skeletonValuesOf(analysis);
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
  const next = nextEntryTime(analysis, position.line);
  const previous = next?.previous;
  const format = previous && entryFormat(document, previous);
  let snippet: string;
  let detail: string;
  if (format && next) {
    snippet = writeEntry(format, next.time);
    detail = `Timeline entry after ${previous.timeText}`;
  } else {
    snippet = genericEntry(next && writeClockParts(next.shape, next.time).clock, zoneOfDocument(analysis));
    detail = next ? 'Timeline entry at the incident’s start' : 'Timeline entry';
  }
  const label = plain(snippet).trimEnd() || 'Timeline entry';
  return {
    label,
    kind: 'timeline-entry',
    detail,
    documentation: `One entry per line: the time (with its zone), then what happened. Up to ${timelineStep} minutes after the entry before, never past the next entry or the end of the incident.`,
    snippet,
    range: range(position.line, 0, position.line, position.character),
    filterText: before.trim() ? plain(snippet) : label,
    sortText: '0',
    preselect: true,
  };
}

/** `pm-timeline` being typed at the start of a line (after its list marker, if any). */
const snippetPrefix = /^([ \t]*)((?:[-*+][ \t]+)?)(p(?:m(?:-[a-z-]*)?)?)?$/i;

// biome-ignore lint/suspicious/noTemplateCurlyInString: snippet variables, not a template literal
const clockVariables = '${CURRENT_HOUR}:${CURRENT_MINUTE}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: snippet variables, not a template literal
const dateVariables = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';

/**
 * The `pm-timeline`, `pm-timeline-zone`, `pm-timeline-iso` and `pm-timeline-table` snippets. They are
 * the server's, not static snippets, because what they write depends on the document: the time
 * after the entry before (or the incident's start; the editor's clock only when neither is known),
 * and the zone as the document writes it.
 */
function timelineSnippets(analysis: Analysis, position: Position, before: string): Completion[] {
  const typed = snippetPrefix.exec(before);
  // Typed `p`, `pm-`, `pm-timeline`…: anywhere. Nothing typed yet: on a line of the timeline.
  if (!typed || (typed[3] === undefined && !inTimeline(analysis, position.line))) return [];
  const next = nextEntryTime(analysis, position.line);
  const clock = next ? escapeSnippet(writeClockParts(next.shape, next.time).clock) : clockVariables;
  const date = next && 'year' in next.time ? `${next.time.year}-${pad(next.time.month)}-${pad(next.time.day)}` : dateOfDocument(analysis);
  const zone = zoneOfDocument(analysis);
  const zoneText = (n: number) => (zone ? escapeSnippet(zone) : `\${${n}:UTC}`);
  const variants: [string, string, string][] = [
    ['pm-timeline', 'Timeline entry: bold time and zone, then what happened', `- **\${1:${clock}} ${zoneText(3)}** – \${2:What happened}$0`],
    ['pm-timeline-zone', 'Timeline entry: the time with its zone in parentheses', `- \${1:${clock}} (${zoneText(3)}): \${2:What happened}$0`],
    [
      'pm-timeline-iso',
      'Timeline entry with the date',
      `- \${2:${date ? escapeSnippet(date) : dateVariables}} \${1:${clock}} ${zoneText(4)} – \${3:What happened}$0`,
    ],
    ['pm-timeline-table', 'Timeline row of a `| Time | Event | Link |` table', `| \${1:${clock}} | \${2:What happened} | \${3:Link to evidence} |$0`],
  ];
  const from = typed[1].length;
  const why = next?.previous
    ? `The time follows the entry before it (${next.previous.timeText.trim()}, line ${next.previous.line + 1}), never past the next entry or the incident's end.`
    : next
      ? "The time is the incident's start."
      : 'No entry or start time to follow: the time is the current time.';
  return variants.map(([label, detail, body], i) => {
    const snippet = typed[2] && body.startsWith('- ') ? `${typed[2]}${body.slice(2)}` : body;
    return {
      label,
      kind: 'snippet' as const,
      detail,
      documentation: `\`\`\`markdown\n${snippetText(snippet)}\n\`\`\`\n\n${why} Tab moves from the time to the text${zone ? '' : ' and the zone'}.`,
      snippet,
      range: range(position.line, from, position.line, position.character),
      filterText: `${typed[2]}${label}`,
      sortText: `2-${i}`,
    };
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

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
  // The document's zone as it writes it, else UTC: never the words "time zone".
  const zoneStop = (n: number) => `\${${n}:${escapeSnippet(zone ?? 'UTC')}}`;
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
          // The times first, then the date (usually right already), the duration, the zone.
          `${dateStop(3)} \${1:HH:MM} – \${2:HH:MM} ${zoneStop(5)} (\${4:N hours N minutes})`,
          zone ? `Time range in ${zone}, and how long it lasted` : 'Time range with its zone, and how long it lasted',
          '1',
        ),
      );
      break;
    case 'start':
    case 'end':
      items.push(item(`${dateStop(2)} \${1:HH:MM} ${zoneStop(3)}`, zone ? `Date and time in ${zone}` : 'Date and time with its zone', '1'));
      break;
    default:
      if (field.placeholder) items.push(item(`\${1:${escapeSnippet(field.placeholder)}}`, `What ${field.name} says`, '1'));
  }
  return items;
}
