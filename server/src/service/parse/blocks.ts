import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { onForget } from '../incremental/memo';
import type { Block } from '../model';
import { leadingTimeOf } from './timeline';
import { cleanLabel, isCapitalised, type LabelEvidence, type LabelLine, lineEvidence, readLabel, withoutRequirement, wordsIn } from './labels';

// Markdown -> top-level blocks, each with the lines a reader would take for a heading, a field
// label or a timeline entry. markdown-it says what each line is part of; that is evidence for the
// label layer (labels.ts), not a gate: the lines of an HTML block that are Markdown, and prose
// indented by mistake into a code block, are read as the Markdown a reader sees. Every fact here
// depends on one block only, so an edit invalidates the blocks it touches and nothing else.

export type { LabelEvidence, LabelLine } from './labels';
export { cleanLabel, wordsIn } from './labels';

/** A line that may start a timeline entry: a list item, a paragraph line, a table row or a heading. */
export interface EntryLine {
  line: number;
  /** A part of its line after a `<br>`: the line holds another entry before it. */
  segment?: boolean;
  endLine: number;
  /** Column where the content starts (after indent and list marker). */
  contentStart: number;
  content: string;
  kind: 'list' | 'paragraph' | 'table' | 'heading';
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
onForget(() => {
  parser = undefined;
});

/** Where a parse of part of a document stops: at a top-level block starting at a line it accepts. */
let stopAt: ((line: number) => boolean) | undefined;
/** Thrown to end a parse where stopAt accepts the line of the next top-level block. */
const stoppedParse = { line: -1 };

function markdown(): MarkdownIt {
  if (!parser) {
    parser = new MarkdownIt('commonmark', { html: true }).enable('table').enable('strikethrough');
    // Tried first at the start of every block: never matches, but ends the parse at a top-level
    // block that stopAt accepts (incremental/blocks.ts parses only the blocks an edit touched).
    parser.block.ruler.before('table', 'postmortem_stop', (state, startLine, _endLine, silent) => {
      if (!silent && stopAt && state.level === 0 && state.parentType === 'root' && stopAt(startLine)) {
        stoppedParse.line = startLine;
        throw stoppedParse;
      }
      return false;
    });
    // A line without a pipe after a table's rows ends the table, as it does for a reader: GFM keeps it
    // as a row ("| 13:50 | fixed |" then "**Root Cause:**" with no blank line between). markdown-it's
    // table asks the blockquote's terminators; a quote's lazy line (after a `>` line) is left alone.
    parser.block.ruler.before(
      'table',
      'postmortem_pipe_less_row',
      (state, startLine, _endLine, silent) => {
        if (!silent || startLine === 0) return false;
        const text = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
        // The line before as written (inside a quote, bMarks start after its `>`).
        const before = state.src.slice(state.src.lastIndexOf('\n', state.bMarks[startLine - 1] - 1) + 1, state.eMarks[startLine - 1]).trimStart();
        return text.trim() !== '' && !text.includes('|') && before.includes('|') && !before.startsWith('>');
      },
      { alt: ['blockquote'] },
    );
    // An underline under a paragraph makes the whole paragraph one heading in CommonMark ("... We
    // restored the previous limit." then "Corrective Measures" then "-----" with no blank line
    // between). A writer underlines the line above the underline: when that line reads as a
    // heading of its own, the lines before it stay a paragraph, and markdown-it's lheading reads
    // the last line and its underline at the next block.
    parser.block.ruler.before('lheading', 'postmortem_last_line_setext', (state, startLine, endLine, silent) => {
      if (silent || state.sCount[startLine] - state.blkIndent >= 4 || !underlineAhead(state, startLine, endLine)) return false;
      const underline = setextUnderline(state, startLine, endLine);
      if (underline < 0 || underline - startLine < 2) return false;
      const last = underline - 1;
      if (state.sCount[last] - state.blkIndent > 3 || !ownHeadingLine(state.src.slice(state.bMarks[last] + state.tShift[last], state.eMarks[last])))
        return false;
      const open = state.push('paragraph_open', 'p', 1);
      open.map = [startLine, last];
      const inline = state.push('inline', '', 0);
      inline.content = state.getLines(startLine, last, state.blkIndent, false).trim();
      inline.map = [startLine, last];
      inline.children = [];
      state.push('paragraph_close', 'p', -1);
      state.line = last;
      return true;
    });
  }
  return parser;
}

/**
 * markdown-it's tokens of `source` from line `from` (0, or the first line of a top-level block) up
 * to the first top-level block after it that starts at a line `stop` accepts: the tokens a parse
 * of the whole source has for those blocks (a top-level block is read from its own line on).
 * `end` is the line they end at: where the parse stopped (`stopped`), or the number of lines.
 *
 * Inline content is parsed only where the reading of blocks looks at it: inline HTML (comments),
 * which needs a '<'. Every other inline token keeps its content and no children; the blocks read
 * from these tokens are the same as from a whole parse.
 */
export function tokenizeFrom(source: string, env: object, from: number, stop: (line: number) => boolean): { tokens: Token[]; end: number; stopped: boolean } {
  const md = markdown();
  const tokens: Token[] = [];
  let end = 0;
  let stopped = false;
  const rules = (md.core.ruler as unknown as { __rules__: { name: string; enabled: boolean; fn: (state: unknown) => void }[] }).__rules__;
  const core = new md.core.State(source, md, env);
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (rule.name === 'block') {
      const state = new md.block.State(core.src, md, env, tokens);
      end = state.lineMax;
      stopAt = (line) => line > from && stop(line);
      try {
        md.block.tokenize(state, from, state.lineMax);
      } catch (error) {
        if (error !== stoppedParse) throw error;
        end = stoppedParse.line;
        stopped = true;
      } finally {
        stopAt = undefined;
      }
      core.tokens = tokens;
    } else if (rule.name === 'inline') {
      for (const token of tokens) {
        if (token.type !== 'inline' || !token.content.includes('<')) continue;
        token.children ??= [];
        md.inline.parse(token.content, md, env, token.children);
      }
    } else rule.fn(core);
  }
  tokenizedLines += end - from;
  return { tokens, end, stopped };
}

let tokenizedLines = 0;
/** How many lines the block parses have gone over so far (the tests and the benchmark read it). */
export const linesTokenized = (): number => tokenizedLines;

/**
 * tokenizeFrom over the lines `from` to `to` (excluded) of a document's Markdown source (`lineAt`
 * gives its lines: front matter blanked, no byte order mark), their line numbers the document's. A parse of part of the lines reads the blocks near its end as if the
 * text ended there, so it stops only at a line two or more above `to` (a block's end depends on
 * at most the first line of the next block and the line after it); undefined when it reached
 * `to` before the end of the lines without stopping.
 */
export function tokenizeLines(
  lineCount: number,
  lineAt: (line: number) => string,
  from: number,
  to: number,
  env: object,
  stop: (line: number) => boolean,
): { tokens: Token[]; end: number; stopped: boolean } | undefined {
  const whole = to >= lineCount;
  const part: string[] = [];
  for (let l = from; l < Math.min(to, lineCount); l++) part.push(lineAt(l));
  const parsed = tokenizeFrom(part.join('\n'), env, 0, (line) => (whole || line + from <= to - 2) && stop(line + from));
  if (!parsed.stopped && !whole) return undefined;
  for (const t of parsed.tokens) if (t.map) t.map = [t.map[0] + from, t.map[1] + from];
  return { tokens: parsed.tokens, end: parsed.stopped ? parsed.end + from : lineCount, stopped: parsed.stopped };
}

const headingTag = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi;
const commentRe = /<!--([\s\S]*?)-->/g;
const noSpaceHeading = /^ {0,3}(#{1,6})([^#\s].*?)\s*#*\s*$/;
// HTML blocks whose content is not Markdown even when a line does not start with a tag.
const rawHtml = /^\s*<(?:!--|pre\b|script\b|style\b|textarea\b|\?|!\[CDATA\[)/i;
const hardBreak = /(?:<br\s*\/?>|\\| {2})$/i;

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
  const blocks: ParsedBlock[] = [];
  walk(markdown().parse(source, {}), 0, lines, blocks, undefined);
  return blocks;
}

/** Hook for incremental re-analysis: the blocks of some of a parse's top-level tokens. */
export function blocksOfTokens(tokens: Token[], lines: readonly string[]): ParsedBlock[] {
  const blocks: ParsedBlock[] = [];
  walk(tokens, 0, lines, blocks, undefined);
  return blocks;
}

/** What a top-level list is made of, computed once per list. */
interface ListShape {
  /** First line of the list. */
  line: number;
  items: number;
  /** Items whose first line is only a label (`Timeline:`, `1. Issue Summary`) with lines under it. */
  namedWithBody: number;
  /** Items with lines under their first. */
  withBody: number;
}

interface WalkState {
  listItemEnds: number[];
  listContentIndent: number;
  blockquoteDepth: number;
  blockStart: number;
  lists: Map<number, ListShape>;
  inTableHead: boolean;
}

/**
 * Walks markdown-it tokens whose line numbers are `offset` lines before the document's. Top-level
 * tokens open new blocks, unless `into` is given: then the tokens are a part of that block read
 * again as Markdown (an HTML block's Markdown lines, prose in an indented code block).
 */
function walk(tokens: Token[], offset: number, lines: readonly string[], blocks: ParsedBlock[], into: ParsedBlock | undefined): void {
  let current = into;
  const state: WalkState = { listItemEnds: [], listContentIndent: 0, blockquoteDepth: 0, blockStart: 0, lists: new Map(), inTableHead: false };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const map: [number, number] | null = token.map ? [token.map[0] + offset, token.map[1] + offset] : null;
    if (token.level === 0 && map && token.nesting !== -1) {
      state.blockStart = i;
      if (!into) {
        current = { type: token.type.replace(/_open$/, ''), startLine: map[0], endLine: map[1], labels: [], entries: [], comments: [], words: 0 };
        blocks.push(current);
      }
    }
    if (!current) continue;
    switch (token.type) {
      case 'heading_open':
        if (map) readHeading(token, tokens[i + 1], map, current, lines);
        break;
      case 'list_item_open':
        if (map) {
          state.listItemEnds.push(lastContentLine(lines, map[0], map[1]));
          state.listContentIndent = listContentStart(lines[map[0]]);
          const shape = listShape(tokens, state.blockStart, lines, offset, state.lists);
          readListItem(token, map, current, lines, state.listItemEnds.length, state.listItemEnds[state.listItemEnds.length - 1], shape, tokens[i + 1], offset);
        }
        break;
      case 'blockquote_open':
        state.blockquoteDepth++;
        break;
      case 'blockquote_close':
        state.blockquoteDepth--;
        break;
      case 'list_item_close':
        state.listItemEnds.pop();
        break;
      case 'paragraph_open':
        if (!map || state.blockquoteDepth > 0) break;
        if (state.listItemEnds.length === 0) readParagraph(map, current, lines, map[0]);
        else readLazyLines(map, current, lines, state.listContentIndent);
        break;
      case 'html_block':
        if (map) readHtml(token, map, current, lines, blocks);
        break;
      case 'code_block':
        if (map) readIndented(map, current, lines, blocks);
        break;
      case 'thead_open':
        state.inTableHead = true;
        break;
      case 'thead_close':
        state.inTableHead = false;
        break;
      case 'tr_open':
        if (map) {
          const cells = tableCells(lines[map[0]]);
          if (state.inTableHead) current.tableHeader = cells;
          else
            current.entries.push({
              line: map[0],
              endLine: map[0],
              contentStart: lines[map[0]].indexOf(cells[0] ?? ''),
              content: lines[map[0]].trim(),
              kind: 'table',
              depth: 0,
            });
        }
        break;
      case 'inline':
        current.words += wordsIn(token.content);
        for (const child of token.children ?? []) if (child.type === 'html_inline') readComments(child.content, map ? map[0] : current.startLine, current);
        break;
    }
  }
}

function lastContentLine(lines: readonly string[], start: number, end: number): number {
  let last = end - 1;
  while (last > start && lines[last].trim() === '') last--;
  return last;
}

function readHeading(token: Token, inline: Token | undefined, map: [number, number], block: ParsedBlock, lines: readonly string[]): void {
  const line = map[0];
  const setext = token.markup === '=' || token.markup === '-';
  const text = lines[line];
  const content = inline?.content ?? '';
  const start = text.length - text.trimStart().length;
  const { label, requirement } = withoutRequirement(cleanLabel(content));
  block.labels.push({
    style: setext ? 'setext' : 'atx',
    level: Number(token.tag.slice(1)),
    line,
    headingEndLine: setext ? map[1] - 1 : line,
    label,
    heading: setext ? `${text.trim()}\n${lines[map[1] - 1].trim()}` : text.trim(),
    labelStart: start,
    labelEnd: text.trimEnd().length,
    value: '',
    valueStart: text.trimEnd().length,
    prefix: setext ? '' : `${token.markup} `,
    labelOnly: true,
    inList: false,
    itemEndLine: line,
    colon: /[:：]\s*$/.test(content),
    evidence: { block: 'heading', startsParagraph: true, standsAlone: true, capitalised: isCapitalised(label), requirement },
  });
  // `### 14:05 UTC Rollback started`: a timeline entry written as a heading.
  const contentStart = setext ? start : text.indexOf(content.trimStart()[0] ?? '', start + token.markup.length);
  if (contentStart >= 0) block.entries.push({ line, endLine: line, contentStart, content: text.slice(contentStart).trimEnd(), kind: 'heading', depth: 0 });
}

/**
 * The shape of the top-level list opened at token `list`: how many items, and how many are only a
 * label with lines under it. Computed once per list, so reading a long timeline stays linear.
 */
function listShape(tokens: Token[], list: number, lines: readonly string[], offset: number, lists: Map<number, ListShape>): ListShape {
  let shape = lists.get(list);
  if (shape) return shape;
  shape = { line: (tokens[list].map?.[0] ?? 0) + offset, items: 0, namedWithBody: 0, withBody: 0 };
  for (let j = list + 1; j < tokens.length && tokens[j].level > 0; j++) {
    const t = tokens[j];
    if (t.type !== 'list_item_open' || t.level !== 1 || !t.map) continue;
    shape.items++;
    const first = t.map[0] + offset;
    const body = lastContentLine(lines, first, t.map[1] + offset) > first;
    if (body) shape.withBody++;
    // (Inline tags aside: `**<span style="color: red">Contributing Factors</span>**:`.)
    const text = lines[first]
      .slice(listContentStart(lines[first]))
      .replace(/<[^>]*>/g, '')
      .trim();
    // (Emphasis aside, balanced or not: `**Root Cause**:`, `__Contributing Factors:__*`; a name wholly in bold
    // needs no colon: `**Key events**` over its list.)
    if (body && (/^[^:：]{2,60}[:：]$/.test(text.replace(/^[*_]+|[*_]+$/g, '')) || /^(\*\*|__)[^*_:：]{2,60}\1$/.test(text))) shape.namedWithBody++;
  }
  lists.set(list, shape);
  return shape;
}

/**
 * `1. Issue Summary` or `2) Timeline:` on a line of its own reads as a numbered heading, though Markdown
 * makes it an ordered list item. It counts in a top-level ordered list when its first line stands alone
 * (what follows is lazy or nested) and the list has one item or items with lines under them: a table of
 * contents lists several bare items.
 */
function isNumberedHeading(token: Token, paragraph: Token | undefined, lines: readonly string[], shape: ListShape, offset: number): boolean {
  if (token.level !== 1 || token.markup === '-' || token.markup === '*' || token.markup === '+') return false;
  if (!(shape.items <= 1 || shape.withBody > 0)) return false;
  if (paragraph?.type !== 'paragraph_open' || !paragraph.map) return false;
  const first = paragraph.map[0] + offset;
  const next = lines[first + 1];
  return paragraph.map[1] - paragraph.map[0] === 1 || next === undefined || next.length - next.trimStart().length < 2;
}

function readListItem(
  token: Token,
  map: [number, number],
  block: ParsedBlock,
  lines: readonly string[],
  depth: number,
  itemEndLine: number,
  shape: ListShape,
  paragraph: Token | undefined,
  offset: number,
): void {
  const line = map[0];
  const text = lines[line];
  const start = listContentStart(text);
  const content = text.slice(start);
  const topLevel = token.level === 1;
  const label = readLabel(lines, line, start, content, true, itemEndLine, lineEvidence(lines, line, 'list', true));
  const numbered = topLevel && /^[.)]$/.test(token.markup) && label?.labelOnly === true && isNumberedHeading(token, paragraph, lines, shape, offset);
  if (label && numbered) {
    // A pseudo-heading whose range starts at its number.
    block.labels.push({ ...label, inList: false, labelStart: text.length - text.trimStart().length, prefix: '' });
  } else if (label && (label.colon || label.style === 'bold')) {
    // In a list only `Label:` lines are labels; a bare short item is just an item.
    const heading =
      label.labelOnly &&
      topLevel &&
      // `- **Root Cause**:` over a nested list reads as `* Timeline:` does.
      ((label.style === 'bold' && isBoldBulletHeading(map, lines, itemEndLine)) || isPlainBulletHeading(shape, itemEndLine > line));
    block.labels.push(heading ? { ...label, bulletHeading: true, listLine: shape.line } : label);
  }
  block.entries.push({ line, endLine: itemEndLine, contentStart: start, content, kind: 'list', depth });
}

const bareBoldItem = /^\s*[-*+]\s+(\*\*|__)[^*_]+\1\s*[:：]?\s*$/;

/**
 * `- **Issue Summary**` alone on a top-level bullet reads as a pseudo-heading when content follows it
 * (a paragraph or the section's own list). A run of bare bold bullets is a table of contents.
 */
function isBoldBulletHeading(map: [number, number], lines: readonly string[], itemEndLine: number): boolean {
  if (itemEndLine !== map[0] || /^\s/.test(lines[map[0]])) return false;
  let next = itemEndLine + 1;
  while (next < lines.length && lines[next].trim() === '') next++;
  let previous = map[0] - 1;
  while (previous >= 0 && lines[previous].trim() === '') previous--;
  if (previous >= 0 && bareBoldItem.test(lines[previous])) return false;
  return next < lines.length && !bareBoldItem.test(lines[next]) && !/^ {0,3}#/.test(lines[next]);
}

/**
 * `* Timeline:` with the section's account nested under it reads as a pseudo-heading when it is alone
 * in its list, or when its list is made of such named items (the document's skeleton). A timeline's
 * `- Detection:` entries sit among entries with times, so they stay labels.
 */
function isPlainBulletHeading(shape: ListShape, hasBody: boolean): boolean {
  return hasBody && (shape.items === 1 || (shape.namedWithBody >= 2 && shape.namedWithBody * 2 >= shape.items));
}

/**
 * Lines that CommonMark joins to a list item's paragraph (`- 12:30 PM: fixed` followed by an unindented
 * `Root Cause and Resolution:`, by laziness, or by one indented far past the item's text) read, to a
 * person, as lines of their own.
 */
function readLazyLines(map: [number, number], block: ParsedBlock, lines: readonly string[], contentIndent: number): void {
  for (let line = map[0] + 1; line < map[1]; line++) {
    const text = lines[line];
    // Not indented to the item's text: unindented (lazy), or four columns past it, as a code block would be
    // after a blank line ("- 10:40 EAT: Transfers work again." then "⇥⇥Root Cause and Resolution").
    const indent = indentWidth(text);
    if (text.trim() !== '' && (indent < Math.min(contentIndent, 2) || indent >= contentIndent + 4)) {
      readParagraph([line, map[1]], block, lines, line);
      return;
    }
  }
}

const outlineBullet = /^(?:o|[•◦▪■●➢Ø§])\t+/;

/** Every line of a paragraph proposes a label; the assembler decides which are headings. */
function readParagraph(map: [number, number], block: ParsedBlock, lines: readonly string[], first: number, kind: LabelEvidence['block'] = 'paragraph'): void {
  const end = map[1];
  const withBreaks = lines.slice(map[0], end).some((l) => /<br\s*\/?>/i.test(l));
  let carried: EntryLine | undefined;
  for (let line = map[0]; line < end; line++) {
    const text = lines[line];
    if (text.trim() === '') continue;
    // "o⇥Prevention", "•⇥Summation": a word processor's outline bullet, a glyph and a tab, pasted as text.
    const indent = text.length - text.trimStart().length;
    const start = indent + (outlineBullet.exec(text.slice(indent))?.[0].length ?? 0);
    const content = text.slice(start);
    const startsParagraph = line === first || hardBreak.test(lines[line - 1] ?? '') || (lines[line - 1] ?? '').trim() === '';
    const noSpace = noSpaceHeading.exec(text);
    // Followed by text on the next line (`##Root Cause` / `The disk filled.`), it must look like a heading, not a `#hashtag` sentence.
    if (noSpace && startsParagraph && (end - line === 1 || /^[\p{Lu}\p{So}][^.!?,;]{0,59}$/u.test(noSpace[2].trim()))) {
      const label = cleanLabel(noSpace[2]);
      block.labels.push({
        style: 'atx',
        level: noSpace[1].length,
        line,
        headingEndLine: line,
        label,
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
        evidence: { block: kind, startsParagraph, standsAlone: true, capitalised: isCapitalised(label), requirement: false },
      });
      continue;
    }
    // "- 10:40 UTC: fixed" then "Root Cause" then "----------": CommonMark joins the line to the item (an
    // underline cannot be a lazy line, so it is a rule); the writer underlined it as a heading.
    const underline = line === end - 1 && kind === 'paragraph' ? /^ {0,3}(-+|=+)\s*$/.exec(lines[line + 1] ?? '') : null;
    if (underline && ownHeadingLine(content)) {
      const { label, requirement } = withoutRequirement(cleanLabel(content));
      block.labels.push({
        style: 'setext',
        level: underline[1][0] === '=' ? 1 : 2,
        line,
        headingEndLine: line + 1,
        label,
        heading: `${text.trim()}\n${lines[line + 1].trim()}`,
        labelStart: indent,
        labelEnd: text.trimEnd().length,
        value: '',
        valueStart: text.trimEnd().length,
        prefix: '',
        labelOnly: true,
        inList: false,
        itemEndLine: line,
        colon: /[:：]\s*$/.test(content),
        evidence: { block: 'heading', startsParagraph: true, standsAlone: true, capitalised: isCapitalised(label), requirement },
      });
      continue;
    }
    const label = readLabel(lines, line, start, content, false, line, lineEvidence(lines, line, kind, startsParagraph));
    if (label) block.labels.push(label);
    // "10:02 - config pushed<br>10:09 - alert fired": lines joined with <br> (pages exported from a wiki) are lines;
    // in such a paragraph a line break without <br> is a wrap, so a part runs on to the next <br>.
    const parts = brParts(content);
    if (carried?.endLine === line - 1 && parts[0]?.at === 0 && !/^\s*<br/i.test(content) && !leadingTimeOf(parts[0].text)) {
      carried.content = `${carried.content} ${parts.shift()?.text.trim()}`;
      carried.endLine = line;
      if (BR_AT_END.test(content)) carried = undefined;
    } else carried = undefined;
    for (const part of parts) {
      const entry: EntryLine = {
        line,
        endLine: line,
        contentStart: start + part.at,
        content: part.text,
        kind: 'paragraph',
        depth: 0,
        ...(part.at ? { segment: true } : {}),
      };
      block.entries.push(entry);
      carried = withBreaks && !BR_AT_END.test(content) ? entry : undefined;
    }
  }
}

function readHtml(token: Token, map: [number, number], block: ParsedBlock, lines: readonly string[], blocks: ParsedBlock[]): void {
  const first = map[0];
  readComments(token.content, first, block);
  const withoutComments = token.content.replace(commentRe, (c) => c.replace(/[^\n]/g, ' '));
  for (const m of withoutComments.matchAll(headingTag)) {
    const before = withoutComments.slice(0, m.index);
    const line = first + (before.match(/\n/g)?.length ?? 0);
    const column = m.index - (before.lastIndexOf('\n') + 1);
    const { label, requirement } = withoutRequirement(cleanLabel(m[2]));
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
      evidence: { block: 'html', startsParagraph: true, standsAlone: true, capitalised: isCapitalised(label), requirement },
    });
  }
  if (rawHtml.test(token.content)) return;
  // The text of the tags counts as words; lines that are not tags are Markdown a reader sees
  // (`<img …>` swallows the `## Issue Summary` below it into the HTML block).
  let run = -1;
  for (let line = first; line <= map[1]; line++) {
    const text = line < map[1] ? lines[line] : '';
    const markdownLine = line < map[1] && text.trim() !== '' && (!text.trimStart().startsWith('<') || textInTags(text));
    if (markdownLine) {
      if (run < 0) run = line;
      continue;
    }
    if (line < map[1]) block.words += wordsIn(text.replace(/<[^>]*>/g, ' '));
    if (run >= 0) {
      readAgain(run, line, block, lines, blocks, 0);
      run = -1;
    }
  }
}

// Inline tags: a line opening with one is text a reader sees (`<span style="color: red">Action Items</span>`).
// Never a tag that opens an HTML block of its own, so reading the line again cannot make one.
const inlineTag = /^<(?:span|font|b|strong|em|i|u|a|mark|small|big|sub|sup|code|kbd|s|strike|del|ins|abbr)\b[^>]*>/i;

/** A line that opens with an inline tag and has text outside its tags. */
function textInTags(text: string): boolean {
  const trimmed = text.trimStart();
  return inlineTag.test(trimmed) && trimmed.replace(/<[^>]*>/g, '').trim() !== '';
}

/** Lines `[from, to)` of `block` read again as Markdown, dedented by `indent` columns. */
function readAgain(from: number, to: number, block: ParsedBlock, lines: readonly string[], blocks: ParsedBlock[], indent: number): void {
  const text = lines
    .slice(from, to)
    .map((l) => dedent(l, indent))
    .join('\n');
  walk(markdown().parse(text, {}), from, lines, blocks, block);
}

function dedent(line: string, columns: number): string {
  let i = 0;
  let width = 0;
  while (i < line.length && width < columns && (line[i] === ' ' || line[i] === '\t')) {
    width += line[i] === '\t' ? 4 - (width % 4) : 1;
    i++;
  }
  return line.slice(i);
}

const codePunctuation = /[{}()[\];=<>$\\|]/g;
/** A short line of capitalised words with no code punctuation: "Root Cause Analysis and Resolution:". */
const headingLine = /^\p{Lu}[\p{L}'’&/ -]{1,70}[:：]?$/u;
const codeLineStart =
  /^(?:#|\$ |>>>|\/\/|\/\*|[{}]|<|--|\w+\s*=|(?:def|class|function|import|return|if|for|while|sudo|cd|ls|cat|echo|curl|npm|git|docker|kubectl|SELECT|INSERT|UPDATE)\b)/;

/**
 * Prose indented by four spaces after a heading or a `Label:` line is a code block to CommonMark
 * and an indented paragraph or list to a reader. It is read as Markdown when it reads like prose:
 * sentences of words, little code punctuation, no shell prompts or `#` lines.
 */
function readIndented(map: [number, number], block: ParsedBlock, lines: readonly string[], blocks: ParsedBlock[]): void {
  let previous = map[0] - 1;
  while (previous >= 0 && lines[previous].trim() === '') previous--;
  const before = previous >= 0 ? lines[previous].trim() : '';
  let from = map[0];
  while (from < map[1] && lines[from].trim() === '') from++;
  if (from >= map[1]) return;
  // `\t\tRoot Cause and Resolution` after a blank line: a heading line indented like its neighbours,
  // read as Markdown; the lines under it are read as its body when they read like prose.
  const first = lines[from].trim();
  const named = first.replace(/<\/?[A-Za-z][^<>]*>/g, '').trim();
  if (headingLine.test(named) && !codeLineStart.test(first.startsWith('<') ? named : first)) {
    readAgain(from, from + 1, block, lines, blocks, indentWidth(lines[from]));
    if (readsLikeProse(lines.slice(from + 1, map[1]))) readAgain(from + 1, map[1], block, lines, blocks, minIndent(lines.slice(from + 1, map[1])));
    return;
  }
  if (!/^#{1,6}\s|[:：]\**$|^(?:\*\*|__).*(?:\*\*|__)$|^<h[1-6]/.test(before)) return;
  const body = lines.slice(map[0], map[1]);
  if (readsLikeProse(body)) readAgain(map[0], map[1], block, lines, blocks, minIndent(body));
}

/** Sentences of words, little code punctuation, no shell prompts or `#` lines. */
function readsLikeProse(lines: readonly string[]): boolean {
  const body = lines.filter((l) => l.trim() !== '');
  if (!body.length) return false;
  const chars = body.reduce((n, l) => n + l.trim().length, 0);
  const punctuation = body.reduce((n, l) => n + (l.match(codePunctuation)?.length ?? 0), 0);
  const wordy = body.filter((l) => (l.match(/\p{L}{2,}/gu)?.length ?? 0) >= 3).length;
  return !body.some((l) => codeLineStart.test(l.trim())) && punctuation <= chars * 0.03 && wordy * 2 >= body.length;
}

const minIndent = (lines: readonly string[]) => Math.min(...lines.filter((l) => l.trim() !== '').map((l) => indentWidth(l)));

function indentWidth(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

function readComments(html: string, firstLine: number, block: ParsedBlock): void {
  for (const m of html.matchAll(commentRe)) {
    const line = firstLine + (html.slice(0, m.index).match(/\n/g)?.length ?? 0);
    block.comments.push({ line, text: m[1].trim() });
  }
}

const BR = /<br\s*\/?>\s*/gi;
const BR_AT_END = /<br\s*\/?>\s*$/i;

/** The parts of a paragraph line between `<br>` tags, each with its column in `content` (the line itself when it has none). */
function brParts(content: string): { text: string; at: number }[] {
  if (!/<br/i.test(content)) return [{ text: content, at: 0 }];
  const parts: { text: string; at: number }[] = [];
  let at = 0;
  for (const m of content.matchAll(BR)) {
    if ((m.index ?? 0) > at) parts.push({ text: content.slice(at, m.index), at });
    at = (m.index ?? 0) + m[0].length;
  }
  if (at < content.length) parts.push({ text: content.slice(at), at });
  return parts.length ? parts : [{ text: content, at: 0 }];
}

type BlockState = InstanceType<MarkdownIt['block']['State']>;

/**
 * The line of the setext underline that ends the paragraph starting at `startLine`, or -1: the scan
 * of markdown-it's lheading rule (a paragraph's lines up to a blank line, a line that interrupts a
 * paragraph, or an underline of `-` or `=`).
 */
function setextUnderline(state: BlockState, startLine: number, endLine: number): number {
  const terminators = state.md.block.ruler.getRules('paragraph');
  const parentType = state.parentType;
  state.parentType = 'paragraph';
  try {
    for (let next = startLine + 1; next < endLine && !state.isEmpty(next); next++) {
      if (state.sCount[next] - state.blkIndent > 3) continue;
      if (state.sCount[next] >= state.blkIndent) {
        const pos = state.bMarks[next] + state.tShift[next];
        const max = state.eMarks[next];
        const marker = state.src.charCodeAt(pos);
        if (pos < max && (marker === 0x2d || marker === 0x3d) && state.skipSpaces(state.skipChars(pos, marker)) >= max) return next;
      }
      if (state.sCount[next] < 0) continue;
      if (terminators.some((rule) => rule(state, next, endLine, true))) return -1;
    }
    return -1;
  } finally {
    state.parentType = parentType;
  }
}

/** Whether a line of only `-` or `=` comes two or more lines on before a blank line: a cheap test first. */
function underlineAhead(state: BlockState, startLine: number, endLine: number): boolean {
  for (let next = startLine + 1; next < endLine && !state.isEmpty(next); next++) {
    const pos = state.bMarks[next] + state.tShift[next];
    const marker = state.src.charCodeAt(pos);
    if ((marker === 0x2d || marker === 0x3d) && state.skipSpaces(state.skipChars(pos, marker)) >= state.eMarks[next]) return next - startLine >= 2;
  }
  return false;
}

/** A paragraph's last line that a writer means as a heading: short, capitalised, not a sentence's end. */
function ownHeadingLine(text: string): boolean {
  const bare = text
    .replace(/<[^>]*>/g, '')
    .trim()
    .replace(/^[*_]+|[*_]+$/g, '')
    .trim();
  return bare.length > 0 && bare.length <= 80 && wordsIn(bare) <= 8 && !/[.,;!?]$/.test(bare) && isCapitalised(bare);
}
