import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Block, HeadingStyle } from '../model';

// Markdown -> top-level blocks, each with what a reader would take for a heading, a field label
// or a timeline line. Every fact here depends on one block only, so an edit invalidates the
// blocks it touches and nothing else.

/** A line that names something: a heading, a pseudo-heading, or a field label. */
export interface LabelLine {
  style: HeadingStyle;
  /** 1-6 for real headings, 0 for pseudo-headings and labels. */
  level: number;
  line: number;
  /** Last line of the heading itself (setext headings span two). */
  headingEndLine: number;
  /** The text of the label without markup and trailing colon. */
  label: string;
  /** The whole line as written, trimmed. */
  heading: string;
  /** Columns of the label with its markup. */
  labelStart: number;
  labelEnd: number;
  /** What follows the label on the same line. */
  value: string;
  valueStart: number;
  /** Text before the label (indent, list marker), to write a sibling in the same style. */
  prefix: string;
  /** Whether the line is only the label (a heading candidate) or a `Label: value` field. */
  labelOnly: boolean;
  inList: boolean;
  /** For list items: the last line of the item, nested lines included. */
  itemEndLine: number;
  /** `#Timeline`: an ATX heading without the space CommonMark requires. */
  missingSpace?: boolean;
  /** The label ends with a colon (a label announcing content, rather than a sentence). */
  colon: boolean;
  /** `- **Timeline**` on a top-level bullet of its own, with content after it: a heading if it names a section. */
  bulletHeading?: boolean;
}

/** A line that may start a timeline entry: a list item, a paragraph line or a table row. */
export interface EntryLine {
  line: number;
  endLine: number;
  /** Column where the content starts (after indent and list marker). */
  contentStart: number;
  content: string;
  kind: 'list' | 'paragraph' | 'table';
  depth: number;
}

export interface Comment {
  line: number;
  text: string;
}

export interface ParsedBlock extends Block {
  labels: LabelLine[];
  entries: EntryLine[];
  comments: Comment[];
  words: number;
  /** Table header cells, for `Time (UTC) | Event` tables. */
  tableHeader?: string[];
}

let parser: MarkdownIt | undefined;

function markdown(): MarkdownIt {
  parser ??= new MarkdownIt('commonmark', { html: true }).enable('table').enable('strikethrough');
  return parser;
}

const headingTag = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi;
const commentRe = /<!--([\s\S]*?)-->/g;
// `**Label:** value`, `__Label__: value`, `*Label:* value`
const emphasisLabel = /^(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\1)\s*([:：]?)\s*(.*)$/;
// `Label: value` (a label is short: up to 60 characters without sentence punctuation)
const plainLabel = /^([^\s:*_#|>`[][^:.!?`|]{0,59}?)\s*([:：])\s*(.*)$/;
const noSpaceHeading = /^ {0,3}(#{1,6})([^#\s].*?)\s*#*\s*$/;

export function wordsIn(text: string): number {
  const m = text.replace(/<[^>]*>|[#*_`>|~-]+/g, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return m ? m.length : 0;
}

function stripInlineMarkup(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S.*?\S|\S)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .trim();
}

export function cleanLabel(text: string): string {
  return stripInlineMarkup(text)
    .replace(/^[\s—–•·▪►➤✅☑✔-]+/u, '')
    .replace(/\s*[:：]\s*$/, '')
    .trim();
}

/** Reads a label at the start of `content` (which begins at column `start` of `line`). */
function readLabel(lines: readonly string[], line: number, start: number, content: string, inList: boolean, itemEndLine: number): LabelLine | undefined {
  const trimmed = content.trimEnd();
  const em = emphasisLabel.exec(trimmed);
  if (em) {
    const inner = em[2];
    const innerColon = /[:：]\s*$/.test(inner);
    const colon = innerColon || em[3] !== '';
    const value = em[4];
    // `**Bold** text` with no colon is emphasis in a sentence, not a label.
    if (!colon && value !== '') return undefined;
    // `**Note: something**` is a bold sentence, not a label.
    if (/[:：]/.test(inner.replace(/[:：]\s*$/, ''))) return undefined;
    return label('bold', inner, colon, value);
  }
  const pl = plainLabel.exec(trimmed);
  if (pl && !/^(?:https?|ftp|mailto)$/i.test(pl[1]) && !/^\d{1,2}$/.test(pl[1].trim())) return label('plain', pl[1], true, pl[3]);
  // A short line with no colon: a heading only if it stands alone (the caller checks).
  if (!/[.!?,;]$/.test(trimmed) && trimmed.length <= 60 && !/[:|`]/.test(trimmed)) return label('plain', trimmed, false, '');
  return undefined;

  function label(style: HeadingStyle, text: string, colon: boolean, value: string): LabelLine | undefined {
    const clean = cleanLabel(text);
    if (!clean) return undefined;
    const labelLength = trimmed.slice(0, trimmed.length - value.length).trimEnd().length;
    return {
      style,
      level: 0,
      line,
      headingEndLine: line,
      label: clean,
      heading: lines[line].trim(),
      labelStart: start,
      labelEnd: start + labelLength,
      value: value.trim(),
      valueStart: start + trimmed.length - value.length,
      prefix: lines[line].slice(0, start),
      labelOnly: value.trim() === '',
      inList,
      itemEndLine,
      colon,
    };
  }
}

/** Column where a list item's content starts on its first line. */
function listContentStart(text: string): number {
  const m = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?\s+/.exec(text);
  return m ? m[0].length : text.length - text.trimStart().length;
}

function tableCells(text: string): string[] {
  return text
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

/**
 * Parses the document into top-level blocks. `lines` is the original text split into lines;
 * `source` is what markdown-it reads (the same lines, with front matter blanked and no BOM).
 */
export function parseBlocks(source: string, lines: readonly string[]): ParsedBlock[] {
  const tokens = markdown().parse(source, {});
  const blocks: ParsedBlock[] = [];
  let current: ParsedBlock | undefined;
  const listItemEnds: number[] = [];
  let listContentIndent = 0;
  let blockquoteDepth = 0;
  let blockStart = 0;
  const numberedLists: NumberedLists = new Map();
  let inTableHead = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level === 0 && token.map && token.nesting !== -1) {
      blockStart = i;
      current = { type: token.type.replace(/_open$/, ''), startLine: token.map[0], endLine: token.map[1], labels: [], entries: [], comments: [], words: 0 };
      blocks.push(current);
    }
    if (!current) continue;
    switch (token.type) {
      case 'heading_open':
        readHeading(token, tokens[i + 1], current, lines);
        break;
      case 'list_item_open':
        if (token.map) {
          listItemEnds.push(lastContentLine(lines, token.map[0], token.map[1]));
          listContentIndent = listContentStart(lines[token.map[0]]);
          readListItem(
            token,
            current,
            lines,
            listItemEnds.length,
            listItemEnds[listItemEnds.length - 1],
            isNumberedHeading(tokens, i, lines, blockStart, numberedLists),
          );
        }
        break;
      case 'blockquote_open':
        blockquoteDepth++;
        break;
      case 'blockquote_close':
        blockquoteDepth--;
        break;
      case 'list_item_close':
        listItemEnds.pop();
        break;
      case 'paragraph_open':
        if (!token.map || blockquoteDepth > 0) break;
        if (listItemEnds.length === 0) readParagraph(token.map, current, lines, token.map[0]);
        else readLazyLines(token.map, current, lines, listContentIndent);
        break;
      case 'html_block':
        readHtml(token, current);
        break;
      case 'thead_open':
        inTableHead = true;
        break;
      case 'thead_close':
        inTableHead = false;
        break;
      case 'tr_open':
        if (token.map) {
          const cells = tableCells(lines[token.map[0]]);
          if (inTableHead) current.tableHeader = cells;
          else
            current.entries.push({
              line: token.map[0],
              endLine: token.map[0],
              contentStart: lines[token.map[0]].indexOf(cells[0] ?? ''),
              content: lines[token.map[0]].trim(),
              kind: 'table',
              depth: 0,
            });
        }
        break;
      case 'inline':
        current.words += wordsIn(token.content);
        for (const child of token.children ?? [])
          if (child.type === 'html_inline') readComments(child.content, token.map ? token.map[0] : current.startLine, current);
        break;
    }
  }
  return blocks;
}

function lastContentLine(lines: readonly string[], start: number, end: number): number {
  let last = end - 1;
  while (last > start && lines[last].trim() === '') last--;
  return last;
}

function readHeading(token: Token, inline: Token | undefined, block: ParsedBlock, lines: readonly string[]): void {
  if (!token.map) return;
  const line = token.map[0];
  const setext = token.markup === '=' || token.markup === '-';
  const text = lines[line];
  const content = inline?.content ?? '';
  const start = text.length - text.trimStart().length;
  block.labels.push({
    style: setext ? 'setext' : 'atx',
    level: Number(token.tag.slice(1)),
    line,
    headingEndLine: setext ? token.map[1] - 1 : line,
    label: cleanLabel(content),
    heading: setext ? `${text.trim()}\n${lines[token.map[1] - 1].trim()}` : text.trim(),
    labelStart: start,
    labelEnd: text.trimEnd().length,
    value: '',
    valueStart: text.trimEnd().length,
    prefix: setext ? '' : `${token.markup} `,
    labelOnly: true,
    inList: false,
    itemEndLine: line,
    colon: /[:：]\s*$/.test(content),
  });
}

/**
 * `1. Issue Summary` or `2) Timeline:` on a line of its own reads as a numbered heading, though Markdown
 * makes it an ordered list item. It counts in a top-level ordered list when its first line stands alone
 * (what follows is lazy or nested) and the list has one item or items with lines under them: a table of
 * contents lists several bare items.
 */
/** Per top-level ordered list (by token index): may its items be numbered headings? Computed once per list. */
type NumberedLists = Map<number, boolean>;

function isNumberedHeading(tokens: Token[], index: number, lines: readonly string[], list: number, numberedLists: NumberedLists): boolean {
  const item = tokens[index];
  if (item.level !== 1 || !item.map) return false;
  if (tokens[list]?.type !== 'ordered_list_open') return false;
  let mayHoldHeadings = numberedLists.get(list);
  if (mayHoldHeadings === undefined) {
    const items: Token[] = [];
    for (let j = list + 1; j < tokens.length && tokens[j].level > 0; j++)
      if (tokens[j].type === 'list_item_open' && tokens[j].level === 1) items.push(tokens[j]);
    const withBody = items.some((t) => t.map && lastContentLine(lines, t.map[0], t.map[1]) > t.map[0]);
    mayHoldHeadings = items.length <= 1 || withBody;
    numberedLists.set(list, mayHoldHeadings);
  }
  if (!mayHoldHeadings) return false;
  const paragraph = tokens[index + 1];
  if (paragraph?.type !== 'paragraph_open' || !paragraph.map) return false;
  const next = lines[paragraph.map[0] + 1];
  return paragraph.map[1] - paragraph.map[0] === 1 || next === undefined || next.length - next.trimStart().length < 2;
}

function readListItem(token: Token, block: ParsedBlock, lines: readonly string[], depth: number, itemEndLine: number, numberedHeading: boolean): void {
  if (!token.map) return;
  const line = token.map[0];
  const text = lines[line];
  const start = listContentStart(text);
  const content = text.slice(start);
  const label = readLabel(lines, line, start, content, true, itemEndLine);
  if (label && numberedHeading && label.labelOnly) {
    // A pseudo-heading whose range starts at its number.
    block.labels.push({ ...label, inList: false, labelStart: text.length - text.trimStart().length, prefix: '' });
  }
  // In a list only `Label:` lines are labels; a bare short item is just an item.
  else if (label && (label.colon || label.style === 'bold'))
    block.labels.push(label.style === 'bold' && label.labelOnly && isBulletHeading(token, lines, itemEndLine) ? { ...label, bulletHeading: true } : label);
  block.entries.push({ line, endLine: itemEndLine, contentStart: start, content, kind: 'list', depth });
}

const bareBoldItem = /^\s*[-*+]\s+(\*\*|__)[^*_]+\1\s*[:：]?\s*$/;

/**
 * `- **Issue Summary**` alone on a top-level bullet reads as a pseudo-heading when content follows it
 * (a paragraph or the section's own list). A run of bare bold bullets is a table of contents.
 */
function isBulletHeading(token: Token, lines: readonly string[], itemEndLine: number): boolean {
  if (token.level !== 1 || !token.map || itemEndLine !== token.map[0] || /^\s/.test(lines[token.map[0]])) return false;
  let next = itemEndLine + 1;
  while (next < lines.length && lines[next].trim() === '') next++;
  let previous = token.map[0] - 1;
  while (previous >= 0 && lines[previous].trim() === '') previous--;
  if (previous >= 0 && bareBoldItem.test(lines[previous])) return false;
  return next < lines.length && !bareBoldItem.test(lines[next]) && !/^ {0,3}#/.test(lines[next]);
}

/**
 * Lines that CommonMark joins to a list item's paragraph by laziness (`- 12:30 PM: fixed` followed by
 * an unindented `Root Cause and Resolution:`) read, to a person, as lines of their own.
 */
function readLazyLines(map: [number, number], block: ParsedBlock, lines: readonly string[], contentIndent: number): void {
  for (let line = map[0] + 1; line < map[1]; line++) {
    const text = lines[line];
    if (text.trim() !== '' && text.length - text.trimStart().length < Math.min(contentIndent, 2)) {
      readParagraph([line, map[1]], block, lines, line);
      return;
    }
  }
}

function readParagraph(map: [number, number], block: ParsedBlock, lines: readonly string[], first: number): void {
  const end = map[1];
  for (let line = map[0]; line < end; line++) {
    const text = lines[line];
    if (text.trim() === '') continue;
    const start = text.length - text.trimStart().length;
    const content = text.slice(start);
    const noSpace = noSpaceHeading.exec(text);
    // Followed by text on the next line (`##Root Cause` / `The disk filled.`), it must look like a heading, not a `#hashtag` sentence.
    if (noSpace && line === first && (end - first === 1 || /^[\p{Lu}\p{So}][^.!?,;]{0,59}$/u.test(noSpace[2].trim()))) {
      block.labels.push({
        style: 'atx',
        level: noSpace[1].length,
        line,
        headingEndLine: line,
        label: cleanLabel(noSpace[2]),
        heading: text.trim(),
        labelStart: start,
        labelEnd: text.trimEnd().length,
        value: '',
        valueStart: text.trimEnd().length,
        prefix: `${noSpace[1]} `,
        labelOnly: true,
        inList: false,
        itemEndLine: line,
        missingSpace: true,
        colon: /[:：]\s*$/.test(noSpace[2]),
      });
      continue;
    }
    const label = readLabel(lines, line, start, content, false, line);
    // A bare line with no colon counts only at the start of a paragraph (the assembler also wants an exact name).
    const startsVisualLine = line === first || /(?:<br\s*\/?>|\\| {2})$/i.test(lines[line - 1] ?? '');
    if (label && (label.colon || label.style === 'bold' || startsVisualLine)) block.labels.push(label);
    block.entries.push({ line, endLine: line, contentStart: start, content, kind: 'paragraph', depth: 0 });
  }
}

function readHtml(token: Token, block: ParsedBlock): void {
  if (!token.map) return;
  const first = token.map[0];
  readComments(token.content, first, block);
  const withoutComments = token.content.replace(commentRe, (c) => c.replace(/[^\n]/g, ' '));
  for (const m of withoutComments.matchAll(headingTag)) {
    const before = withoutComments.slice(0, m.index);
    const line = first + (before.match(/\n/g)?.length ?? 0);
    const column = m.index - (before.lastIndexOf('\n') + 1);
    const label = cleanLabel(m[2]);
    if (!label) continue;
    block.labels.push({
      style: 'html',
      level: Number(m[1]),
      line,
      headingEndLine: line + (m[0].match(/\n/g)?.length ?? 0),
      label,
      heading: m[0].replace(/\s+/g, ' ').trim(),
      labelStart: column,
      labelEnd: column + m[0].split('\n')[0].length,
      value: '',
      valueStart: column + m[0].length,
      prefix: '',
      labelOnly: true,
      inList: false,
      itemEndLine: line,
      colon: /[:：]\s*$/.test(label),
    });
  }
}

function readComments(html: string, firstLine: number, block: ParsedBlock): void {
  for (const m of html.matchAll(commentRe)) {
    const line = firstLine + (html.slice(0, m.index).match(/\n/g)?.length ?? 0);
    block.comments.push({ line, text: m[1].trim() });
  }
}
