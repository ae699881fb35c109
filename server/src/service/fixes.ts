import { actionListLines, actionTableLines, readActionItems } from './actionItems';
import type { PostmortemDocument, Range, Section } from './model';
import { offsetAt, range } from './parse/lines';
import type { DurationSite } from './incident';
import { escapeSnippet, type SkeletonValues, skeletonSnippet, skeletonText, TabStops, valueSnippet } from './language/snippets';
import type { Fix, Finding, TimelineSortKey } from './rules/types';
import { formatDuration } from './time';
import type { Template, TemplateSection } from './templates';
import { findDiagram } from './timelineDiagram';

// Fixes are data until here: this is the one place that turns them into text edits.
// Every edit only inserts text (or replaces a value the fix is about): a fix never deletes
// or reorders what the user wrote. An edit that writes a skeleton also carries it as a snippet,
// with tab stops on what the author fills in, for editors that insert snippets.

export interface TextEdit {
  range: Range;
  newText: string;
  /** The same insertion as snippet text (`${1:HH:MM}`), when it has something to fill in. */
  snippet?: string;
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
      // The colon outside the bold, after a list number too (`1. **Impact**:`).
      return /\*\*[^*]*\*\*\s*:/.test(model.heading) ? `**${name}**:` : `**${name}${colon}**`;
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

/** A section's heading and skeleton, as text and as a snippet. */
function sectionText(
  section: TemplateSection,
  model: Section | undefined,
  eol: string,
  values: SkeletonValues,
  stops: TabStops,
): { text: string; snippet: string } {
  const heading = headingLike(model, section.name, eol);
  return {
    text: withBreaks(`${heading}\n\n${skeletonText(section.skeleton, values)}`, eol),
    snippet: withBreaks(`${escapeSnippet(heading)}\n\n${skeletonSnippet(section.skeleton, stops, values)}`, eol),
  };
}

/** An insertion of `text` with literal text around it, as text and snippet. */
function around(range: Range, before: string, body: { text: string; snippet: string }, after: string): TextEdit {
  return { range, newText: `${before}${body.text}${after}`, snippet: `${escapeSnippet(before)}${body.snippet}${escapeSnippet(after)}` };
}

export function insertSectionEdit(
  document: PostmortemDocument,
  template: Template,
  sectionId: string,
  values: SkeletonValues = {},
  stops: TabStops = new TabStops(),
): TextEdit | undefined {
  const section = template.sections.find((s) => s.id === sectionId);
  if (!section) return undefined;
  const eol = lineBreakOf(document);
  const { after, before } = insertionPoint(document, template, sectionId);
  const model = after ?? before ?? document.sections[0];
  const body = sectionText(section, model, eol, values, stops);
  if (after) {
    const line = after.range.end.line;
    return around(range(line, document.lines[line].length, line, document.lines[line].length), `${closeOpenBlock(document, line, eol)}${eol}${eol}`, body, '');
  }
  if (before) {
    const line = before.range.start.line;
    const start = lineStart(document, line);
    return around(range(line, start, line, start), '', body, `${eol}${eol}`);
  }
  // No section at all: append at the end.
  const last = document.lines.length - 1;
  const end = document.lines[last].length;
  const close = closeOpenBlock(document, last, eol);
  const lead = close ? `${eol}${eol}` : document.lines.every((l) => l.trim() === '') ? '' : document.lines[last].trim() === '' ? eol : `${eol}${eol}`;
  return around(range(last, end, last, end), `${close}${lead}`, body, eol);
}

/**
 * What closes a code fence or an HTML comment left open at the end of the document, when text is
 * appended after `line` inside it: without it, an inserted section would be more code (and fix-all would
 * insert it again and again). '' when nothing is open there.
 */
function closeOpenBlock(document: PostmortemDocument, line: number, eol: string): string {
  const block = document.blocks[document.blocks.length - 1];
  if (!block || line < block.startLine || document.lines.slice(block.endLine).some((l) => l.trim() !== '')) return '';
  const lines = document.lines.slice(block.startLine, block.endLine);
  let closer = '';
  if (block.type === 'fence') {
    const marker = /^\s*(`{3,}|~{3,})/.exec(lines[0])?.[1];
    const closing = marker && new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    if (closing && !lines.slice(1).some((l) => closing.test(l))) closer = marker;
  } else if (block.type === 'html_block') {
    const text = lines.join('\n');
    if (text.lastIndexOf('<!--') > text.lastIndexOf('-->')) closer = '-->';
  }
  if (!closer) return '';
  return document.lines[line].trim() === '' ? closer : `${eol}${closer}`;
}

function insertFieldEdit(document: PostmortemDocument, template: Template, sectionId: string, fieldId: string, values: SkeletonValues): TextEdit | undefined {
  const templateSection = template.sections.find((s) => s.id === sectionId);
  const field = templateSection?.fields.find((f) => f.id === fieldId);
  const section = document.sections.find((s) => s.id === sectionId);
  if (!templateSection || !field || !section) return undefined;
  const eol = lineBreakOf(document);
  const value = { text: skeletonText(field.placeholder, values), snippet: valueSnippet(field.placeholder, new TabStops(), values) };
  const order = (id: string) => templateSection.fields.findIndex((f) => f.id === id);
  // A field stated in a sentence has no label to copy.
  const siblings = document.fields.filter(
    (f) =>
      f.style !== 'sentence' &&
      f.sectionId === sectionId &&
      f.labelRange.start.line >= section.range.start.line &&
      f.labelRange.start.line <= section.range.end.line &&
      f.valueRange.start.line === f.labelRange.start.line,
  );
  if (siblings.length) {
    // In template order: after the last field the template puts before it, else before the first one after it.
    const earlier = siblings.filter((f) => order(f.id) >= 0 && order(f.id) < order(fieldId)).pop();
    const later = siblings.find((f) => order(f.id) > order(fieldId));
    const sibling = earlier ?? later ?? siblings[siblings.length - 1];
    // Same markup and punctuation as the sibling: `- **Impact:** ...` gives `- **Duration:** ...`, `Impact - ...` gives `Duration - ...`.
    const line = document.lines[sibling.labelRange.start.line];
    const labelMarkup = line.slice(sibling.labelRange.start.character, sibling.labelRange.end.character);
    const newLabel = labelMarkup.includes(sibling.label) ? labelMarkup.replace(sibling.label, field.name) : `**${field.name}:**`;
    const separator = line.slice(sibling.labelRange.end.character, sibling.valueRange.start.character) || ' ';
    const lead = `${line.slice(0, sibling.labelRange.start.character)}${newLabel}${separator}`;
    const end = (/[.;]$/.exec(sibling.fullValue.trimEnd()) ?? [''])[0];
    const written = { text: `${value.text}${end}`, snippet: `${value.snippet}${escapeSnippet(end)}` };
    if (sibling === earlier || sibling !== later) {
      const after = sibling.valueEndLine;
      return around(range(after, document.lines[after].length, after, document.lines[after].length), `${eol}${lead}`, written, '');
    }
    const at = sibling.labelRange.start.line;
    return around(range(at, 0, at, 0), lead, written, eol);
  }
  const line = section.headingRange.end.line;
  return around(
    range(line, document.lines[line].length, line, document.lines[line].length),
    `${eol}${eol}- **${field.name}:** `,
    value,
    blankLineBefore(document, line + 1, eol),
  );
}

function fillSectionEdit(document: PostmortemDocument, template: Template, sectionId: string, line: number, values: SkeletonValues): TextEdit | undefined {
  const section = template.sections.find((s) => s.id === sectionId);
  if (!section || line >= document.lines.length) return undefined;
  const eol = lineBreakOf(document);
  const body = {
    text: withBreaks(skeletonText(section.skeleton, values), eol),
    snippet: withBreaks(skeletonSnippet(section.skeleton, new TabStops(), values), eol),
  };
  return around(range(line, document.lines[line].length, line, document.lines[line].length), `${eol}${eol}`, body, blankLineBefore(document, line + 1, eol));
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

/** The edits of one fix. `values` are the document's date and zone, for the skeletons it writes. */
export function editsForFix(document: PostmortemDocument, template: Template, fix: Fix, values: SkeletonValues = {}): TextEdit[] {
  let edit: TextEdit | undefined;
  switch (fix.kind) {
    case 'insert-section':
      edit = insertSectionEdit(document, template, fix.sectionId, values);
      break;
    case 'insert-field':
      edit = insertFieldEdit(document, template, fix.sectionId, fix.fieldId, values);
      break;
    case 'fill-section':
      edit = fillSectionEdit(document, template, fix.sectionId, fix.line, values);
      break;
    case 'replace':
      edit = { range: fix.range, newText: fix.newText };
      break;
    case 'replace-all':
      return fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
    case 'write-duration':
      edit = writeDurationEdit(document, fix.minutes, fix.site);
      break;
    case 'sort-timeline':
      edit = sortTimelineEdit(document, fix.entries);
      break;
    case 'action-items-table':
    case 'action-items-list':
      edit = actionItemsEdit(document, fix.line, fix.kind === 'action-items-table' ? 'table' : 'list');
      break;
    case 'timeline-diagram':
      edit = timelineDiagramEdit(document, fix.text);
      break;
  }
  return edit ? [edit] : [];
}

/** All missing sections, in template order, as one set of non-overlapping edits. */
export function insertAllSectionsEdits(
  document: PostmortemDocument,
  template: Template,
  sectionIds: readonly string[],
  values: SkeletonValues = {},
): TextEdit[] {
  // Sections inserted at the same point are joined, in template order, into one edit.
  const byPoint = new Map<string, TextEdit>();
  const order = template.sections.map((s) => s.id);
  const stops = new TabStops();
  for (const id of [...sectionIds].sort((a, b) => order.indexOf(a) - order.indexOf(b))) {
    const edit = insertSectionEdit(document, template, id, values, stops);
    if (!edit) continue;
    const key = `${edit.range.start.line}:${edit.range.start.character}`;
    const existing = byPoint.get(key);
    if (!existing) byPoint.set(key, edit);
    else {
      // In template order either way: after a section each one follows the last; before one, each precedes it.
      // An open block at that point is closed once, by the first.
      const close = closeOpenBlock(document, edit.range.start.line, lineBreakOf(document));
      existing.newText += edit.newText.slice(close.length);
      existing.snippet = `${existing.snippet ?? ''}${(edit.snippet ?? '').slice(escapeSnippet(close).length)}`;
    }
  }
  const edits = [...byPoint.values()];
  // Snippets at several places would be filled in at once (their tab stops move together): plain text then.
  if (edits.length > 1) for (const e of edits) delete e.snippet;
  return edits;
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
    .map((e) => ({
      start: offsetAt(document.lines, document.eols, e.range.start),
      end: offsetAt(document.lines, document.eols, e.range.end),
      newText: e.newText,
    }))
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

// ---- The computed duration, written in the document's own style ------------------------------

const point = (line: number, character: number) => range(line, character, line, character);

/** "Duration" in the case of the label it is modelled on: `end_time` gives `duration`. */
function durationLabelLike(label: string): string {
  if (label === label.toLowerCase()) return 'duration';
  if (label === label.toUpperCase()) return 'DURATION';
  return 'Duration';
}

function writeDurationEdit(document: PostmortemDocument, minutes: number, site: DurationSite): TextEdit | undefined {
  const text = formatDuration(minutes);
  const eol = lineBreakOf(document);
  const lineText = (line: number) => document.lines[line] ?? '';
  switch (site.kind) {
    case 'replace':
      return { range: site.range, newText: text };
    case 'after-label':
      return { range: point(site.line, site.character), newText: ` ${text}` };
    case 'after-value':
      return { range: point(site.line, site.character), newText: ` (${text})` };
    case 'new-line': {
      // A sibling of the Start/End line: `- **End:** 18:30 UTC` gives `- **Duration:** 3 hours 30 minutes`.
      const m = site.model;
      const model = lineText(m.line);
      const written = `${model.slice(0, m.labelStart)}${durationLabelLike(m.label)}${model.slice(m.labelEnd, m.valueStart)}${text}${model.slice(m.valueEnd)}`;
      const end = lineText(site.line).length;
      return { range: point(site.line, end), newText: `${eol}${written.trimEnd()}` };
    }
    case 'new-paragraph': {
      const end = lineText(site.line).length;
      return { range: point(site.line, end), newText: `${eol}${eol}**Duration:** ${text}${blankLineBefore(document, site.line + 1, eol)}` };
    }
  }
}

// ---- Sorting the timeline --------------------------------------------------------------------
// Whole entries move, with their nested lines and the lines that follow them up to the next
// entry (descriptions, parents like `- Detection:`), so every line is kept: only the order changes.

const indentOf = (line: string) => line.length - line.trimStart().length;
const isBlank = (line: string) => line.trim() === '';
const startsItem = (line: string) => /^\s*(?:[-*+]|\d{1,9}[.)])\s|^\s*\||^\s*#/.test(line);

interface SortGroup {
  /** Content lines, in order (inner blank lines included). */
  lines: number[];
  /** Blank lines after the content, which stay at their position in the list. */
  trailing: number[];
  key: number | null;
}

function sortTimelineEdit(document: PostmortemDocument, entries: readonly TimelineSortKey[]): TextEdit | undefined {
  if (entries.length < 2) return undefined;
  const { lines } = document;
  const section = document.sections.find((s) => s.id === 'timeline' && entries[0].line > s.headingRange.end.line && entries[0].line <= s.range.end.line);
  const floor = section ? section.headingRange.end.line : -1;
  const ceiling = section ? section.range.end.line : lines.length - 1;
  let first = Math.min(...entries.map((e) => e.line));
  // A nested entry moves with its parent item (`- Detection:` / `  - At 10:00 ...`).
  for (let l = first - 1; l > floor && indentOf(lines[first]) > 0; l--) {
    if (isBlank(lines[l])) break;
    if (indentOf(lines[l]) < indentOf(lines[first])) first = l;
  }
  // The next section's heading (bold, plain or setext, with no blank line before it) is not the last entry's text.
  const headings = new Set([...document.sections.map((s) => s.headingRange.start.line), ...document.otherHeadings.map((h) => h.line)]);
  // An entry ends before a heading, even one its list item runs on into (a lazy continuation line).
  const endOf = (e: TimelineSortKey) => {
    for (let l = e.line + 1; l <= e.endLine; l++) if (headings.has(l)) return l - 1;
    return e.endLine;
  };
  let last = Math.max(...entries.map(endOf));
  while (last + 1 <= ceiling && !isBlank(lines[last + 1]) && !startsItem(lines[last + 1]) && !headings.has(last + 1)) last++;
  // A heading among the entries (a day, a second timeline section) stays where it is: the entries
  // between two headings are sorted among themselves, never moved under another heading (another day).
  const order: number[] = [];
  let from = first;
  for (let l = first; l <= last + 1; l++) {
    if (l <= last && !headings.has(l)) continue;
    order.push(...sortLines(lines, from, l - 1, entries));
    if (l <= last) order.push(l);
    from = l + 1;
  }
  if (order.every((l, i) => l === first + i)) return undefined;
  const eol = lineBreakOf(document);
  return { range: range(first, 0, last, lines[last].length), newText: order.map((l) => lines[l]).join(eol) };
}

/** The lines `from`..`to` (inclusive) in chronological order of the entries they hold. */
function sortLines(lines: readonly string[], from: number, to: number, entries: readonly TimelineSortKey[]): number[] {
  const content = [];
  for (let l = from; l <= to; l++) if (!isBlank(lines[l])) content.push(l);
  if (!content.length) return range0(from, to);
  const base = Math.min(...content.map((l) => indentOf(lines[l])));
  const prefix: number[] = [];
  const groups: SortGroup[] = [];
  for (let l = from; l <= to; l++) {
    const blank = isBlank(lines[l]);
    const starts = !blank && indentOf(lines[l]) <= base;
    const current = groups[groups.length - 1];
    if (starts) {
      const keys = entries.filter((e) => e.line === l || (e.line > l && e.line <= to && nextStart(lines, l, to, base) > e.line));
      const key = keys.find((e) => e.at !== null)?.at ?? null;
      // Lines holding no timed entry (a description, `- Issue Identification:`) stay after the entry before them.
      if (key === null && current) {
        current.lines.push(...current.trailing, l);
        current.trailing = [];
      } else groups.push({ lines: [l], trailing: [], key });
    } else if (!current) prefix.push(l);
    else if (blank) current.trailing.push(l);
    else {
      current.lines.push(...current.trailing, l);
      current.trailing = [];
    }
  }
  // Entries nested in one group (a day and its times) are sorted inside it.
  for (const g of groups) {
    // A group's lines are one run (lines join the group in order), so its inner lines are too.
    const inner = g.lines.slice(1);
    const nested = entries.filter((e) => e.line >= inner[0] && e.line <= inner[inner.length - 1] && e.at !== null);
    if (nested.length < 2) continue;
    const sorted = sortLines(lines, inner[0], inner[inner.length - 1], nested);
    g.lines = [g.lines[0], ...sorted];
  }
  // Only the first group can be without a time (lines before the first timed entry): it stays first.
  const keyOf = (g: SortGroup) => g.key ?? Number.MIN_SAFE_INTEGER;
  const sorted = [...groups].sort((a, b) => keyOf(a) - keyOf(b));
  const out = [...prefix];
  sorted.forEach((g, i) => {
    out.push(...g.lines, ...groups[i].trailing);
  });
  return out;
}

function nextStart(lines: readonly string[], after: number, to: number, base: number): number {
  for (let l = after + 1; l <= to; l++) if (!isBlank(lines[l]) && indentOf(lines[l]) <= base) return l;
  return to + 1;
}

function range0(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

// ---- Action items as a table or a task list ----------------------------------------------------
// The block is rewritten as a whole; every value of every item is written in the other form
// (`actionItems.ts` proves the round trip). A table gets the blank lines around it that keep it a
// table: without them the line before would be its header, the line after one more row; a list
// gets one after it, so that the line after does not join its last item.

function actionItemsEdit(document: PostmortemDocument, line: number, to: 'table' | 'list'): TextEdit | undefined {
  const block = readActionItems(document).blocks.find((b) => b.startLine === line && b.kind === (to === 'table' ? 'list' : 'table'));
  if (!block?.convertible || !block.items.length) return undefined;
  const eol = lineBreakOf(document);
  const { lines } = document;
  const written = to === 'table' ? actionTableLines(block) : actionListLines(block);
  const before = to === 'table' && block.startLine > 0 && !isBlank(lines[block.startLine - 1]) ? eol : '';
  // After a list, too: a line of text right after its last item would join it.
  const after = block.endLine + 1 < lines.length && !isBlank(lines[block.endLine + 1]) ? eol : '';
  return {
    range: range(block.startLine, 0, block.endLine, lines[block.endLine].length),
    newText: before + written.join(eol) + after,
  };
}

// ---- The timeline diagram -----------------------------------------------------------------------

function timelineDiagramEdit(document: PostmortemDocument, text: string): TextEdit | undefined {
  const eol = lineBreakOf(document);
  const block = withBreaks(text, eol);
  const { lines } = document;
  const existing = findDiagram(document);
  if (existing) {
    return { range: range(existing.startLine, 0, existing.endLine, lines[existing.endLine].length), newText: block };
  }
  const timeline = document.sections.find((s) => s.id === 'timeline');
  if (!timeline) return undefined;
  const last = timeline.range.end.line;
  const close = closeOpenBlock(document, last, eol);
  return {
    range: range(last, lines[last].length, last, lines[last].length),
    newText: `${close}${eol}${eol}${block}${blankLineBefore(document, last + 1, eol)}`,
  };
}
