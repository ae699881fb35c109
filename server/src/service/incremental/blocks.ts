// Re-reading the blocks of a document after an edit, in two steps.
//
// 1. Parsing (changedGroups): markdown-it parses only the top-level blocks the edit touched. A
//    top-level block is parsed from its own first line on, and where a block ends depends on at
//    most the first line of the next block and the line after it. So the blocks that start two
//    lines or more above the first changed line end where they did; the parse starts at the last
//    of them and stops at the first block that starts in the unchanged end of the text at a line
//    where a block started before: from there on the blocks are the ones before, moved. Link
//    reference definitions in what is parsed again (they change how every block reads), another
//    front matter, or a parse that does not come back into step, and the whole text is parsed.
//
// 2. Reading: the reading of each top-level block (labels, entries, comments, words: most of
//    parseBlocks' cost) is reused for every block whose lines, and the lines around it, did not
//    change. What it depends on (parse/blocks.ts): its tokens, its lines, the last line with text
//    before it and the first one after it (and the blank lines between), and its position. So a
//    block is remembered under the text of those lines, and taken again at any position, its line
//    numbers moved. The lines of front matter (blanked for the parser) and a byte order mark
//    (taken off) differ from what the parser read, so blocks next to them are always read again.
//    A block taken from step 1 unparsed whose reading is not remembered is parsed on its own.
import type Token from 'markdown-it/lib/token.mjs';
import { blocksOfTokens, type ParsedBlock, tokenizeFrom, tokenizeLines } from '../parse/blocks';
import { lineId } from './lines';
import { ownCopy } from './memo';

/** What one reading of the blocks leaves for the next. */
export interface BlockMemo {
  references: string;
  byKey: Map<string, { startLine: number; block: ParsedBlock }>;
  /** The lines read, and the first and last-plus-one line of each top-level block, in order. */
  lines: readonly string[];
  spans: Int32Array;
  firstMarkdownLine: number;
}

interface Group {
  start: number;
  end: number;
  /** The group's tokens, when they were parsed (not for a block taken from the text before). */
  tokens: Token[] | undefined;
  key: string | null;
}

const never = () => false;

/**
 * The tokens of the lines `from` to `to` (tokenizeLines), or of the whole rest when the parse does
 * not stop before `to`, with the document's link reference definitions. The lines as markdown-it
 * reads them (parse/assemble.ts markdownSource): front matter blanked, no byte order mark.
 */
function parsePart(
  lines: readonly string[],
  firstMarkdownLine: number,
  references: string,
  from: number,
  to: number,
  stop: (line: number) => boolean,
): { tokens: Token[]; end: number; stopped: boolean } {
  const env = () => (references ? { references: JSON.parse(references) } : {});
  const lineAt = (l: number) => (l < firstMarkdownLine ? '' : l === 0 ? lines[0].replace(/^\uFEFF/, '') : lines[l]);
  // The whole rest always ends (tokenizeLines gives undefined only for a part that did not stop).
  return (
    tokenizeLines(lines.length, lineAt, from, to, env(), stop) ??
    (tokenizeLines(lines.length, lineAt, from, lines.length, env(), stop) as NonNullable<ReturnType<typeof tokenizeLines>>)
  );
}

/** The top-level token groups of `tokens` (each opens one block), with their tokens. */
function groupsOf(tokens: Token[], into: Group[]): void {
  let open: Group | undefined;
  for (const t of tokens) {
    if (t.level === 0 && t.map && t.nesting !== -1) {
      open = { start: t.map[0], end: t.map[1], tokens: [], key: null };
      into.push(open);
    }
    open?.tokens?.push(t);
  }
}

/**
 * The top-level groups of the new text, parsing only the blocks an edit touched: those from the
 * last block that starts two lines or more above the first changed line (the blocks above it
 * end where they did, as the lines they look at did not change) to the first block that starts
 * in the unchanged lines at the end, at a line where a block started before (the parse from there
 * on is the one before, moved). Undefined when the whole text must be parsed: no earlier reading,
 * another front matter, or link reference definitions written or removed (they change how every
 * block reads).
 */
function changedGroups(lines: readonly string[], firstMarkdownLine: number, previous: BlockMemo | undefined): Group[] | undefined {
  if (!previous || previous.firstMarkdownLine !== firstMarkdownLine) return undefined;
  const old = previous.lines;
  const spans = previous.spans;
  const max = Math.min(old.length, lines.length);
  let prefix = 0;
  while (prefix < max && old[prefix] === lines[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && old[old.length - 1 - suffix] === lines[lines.length - 1 - suffix]) suffix++;
  const delta = lines.length - old.length;
  const oldSuffixStart = old.length - suffix;
  const blocks = spans.length / 2;
  // The last block starting two lines or more above the change (none: from the first line).
  let first = -1;
  while (first + 1 < blocks && spans[2 * (first + 1)] <= prefix - 2) first++;
  const from = first >= 0 ? spans[2 * first] : 0;
  if (from <= firstMarkdownLine && firstMarkdownLine > 0) return undefined;
  // Old blocks that start in the unchanged end, by their new line (the first of them last).
  const resume = new Map<number, number>();
  let firstResume = lines.length;
  for (let b = blocks - 1; b >= 0 && spans[2 * b] >= oldSuffixStart; b--) {
    firstResume = spans[2 * b] + delta;
    resume.set(firstResume, b);
  }
  const groups: Group[] = [];
  for (let b = 0; b < Math.max(first, 0); b++) groups.push({ start: spans[2 * b], end: spans[2 * b + 1], tokens: undefined, key: null });
  // Up to the first block that may resume the parse before (and the two lines a block's end can
  // depend on); the whole rest when the parse does not resume there.
  const parsed = parsePart(lines, firstMarkdownLine, previous.references, from, firstResume + 2, (line) => resume.has(line));
  // A link reference definition in what was parsed again, before or after the edit: everything is read again.
  const oldEnd = parsed.stopped ? parsed.end - delta : old.length;
  for (let l = from; l < oldEnd && l < old.length; l++) if (old[l].includes(']:')) return undefined;
  for (let l = from; l < parsed.end; l++) if (lines[l].includes(']:')) return undefined;
  groupsOf(parsed.tokens, groups);
  if (parsed.stopped) {
    const next = resume.get(parsed.end);
    if (next === undefined) return undefined;
    for (let b = next; b < blocks; b++) groups.push({ start: spans[2 * b] + delta, end: spans[2 * b + 1] + delta, tokens: undefined, key: null });
  }
  return groups;
}

/**
 * parseBlocks(source(), lines), reusing the blocks of `previous` that did not change (the source,
 * what markdown-it reads, is made only when the whole text is parsed). `firstMarkdownLine`
 * is the first line after the front matter (0 without one). The result is equal to parseBlocks'.
 */
export function parseBlocksReusing(
  source: () => string,
  lines: readonly string[],
  firstMarkdownLine: number,
  previous: BlockMemo | undefined,
): { blocks: ParsedBlock[]; memo: BlockMemo } {
  let groups = changedGroups(lines, firstMarkdownLine, previous);
  let references = previous?.references ?? '';
  if (!groups) {
    const env: { references?: Record<string, unknown> } = {};
    const { tokens } = tokenizeFrom(source(), env, 0, never);
    references = env.references ? JSON.stringify(env.references) : '';
    groups = [];
    groupsOf(tokens, groups);
  }
  const reusable = previous && previous.references === references ? previous.byKey : undefined;
  const byKey: BlockMemo['byKey'] = new Map();
  const spans = new Int32Array(groups.length * 2);
  const memoOf = (): BlockMemo => ({ references, byKey, lines, spans, firstMarkdownLine });

  const blocks: (ParsedBlock | undefined)[] = new Array(groups.length);
  const toRead: Token[] = [];
  const unread: number[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    spans[2 * g] = group.start;
    spans[2 * g + 1] = group.end;
    group.key = keyOf(lines, group.start, group.end, firstMarkdownLine);
    const known = group.key === null ? undefined : reusable?.get(group.key);
    if (known) {
      blocks[g] = moved(known.block, group.start - known.startLine);
      continue;
    }
    // A block taken from the text before whose reading is not remembered: parsed on its own, up to
    // the next block (and the line after its first).
    if (!group.tokens) {
      const next = g + 1 < groups.length ? groups[g + 1].start : lines.length;
      const own = (line: number) => line > group.start;
      group.tokens = parsePart(lines, firstMarkdownLine, references, group.start, next + 2, own).tokens;
    }
    for (const t of group.tokens) toRead.push(t);
    unread.push(g);
  }
  // Walking the changed groups together reads each as walking all of them would (its state is per block).
  const read = toRead.length ? blocksOfTokens(toRead, lines) : [];
  if (read.length !== unread.length) {
    // Not one block per group: read everything as parseBlocks does, and remember nothing.
    const { tokens } = tokenizeFrom(source(), {}, 0, never);
    return { blocks: blocksOfTokens(tokens, lines), memo: { references: '\u0000', byKey: new Map(), lines, spans: new Int32Array(0), firstMarkdownLine: -1 } };
  }
  unread.forEach((g, i) => {
    // Kept for later versions: its strings must not keep this version's text alive.
    blocks[g] = ownStrings(read[i]);
  });
  const result = blocks as ParsedBlock[];
  for (let g = 0; g < groups.length; g++) {
    const key = groups[g].key;
    if (key !== null) byKey.set(key, { startLine: result[g].startLine, block: result[g] });
  }
  return { blocks: result, memo: memoOf() };
}

/** The text a block's reading depends on, or null for a block next to front matter or the first line. */
function keyOf(lines: readonly string[], start: number, end: number, firstMarkdownLine: number): string | null {
  let before = start - 1;
  while (before >= 0 && lines[before].trim() === '') before--;
  if (before <= firstMarkdownLine) return null;
  let after = end;
  while (after < lines.length && lines[after].trim() === '') after++;
  const last = Math.min(after, lines.length - 1);
  const atEnd = after >= lines.length ? 'end' : '';
  // The lines by their numbers (incremental/lines.ts), not their text: a short key, and the look-up of
  // each line's text is one the other readers of the line use too.
  let key = `${start - before},${end - before},${atEnd}:`;
  for (let l = before; l <= last; l++) key += `${lineId(lines, l)},`;
  return key;
}

/** A block read at another position: every line number moved by `delta`. */
export function moved(block: ParsedBlock, delta: number): ParsedBlock {
  if (delta === 0) return block;
  return {
    ...block,
    startLine: block.startLine + delta,
    endLine: block.endLine + delta,
    labels: block.labels.map((l) => ({
      ...l,
      line: l.line + delta,
      headingEndLine: l.headingEndLine + delta,
      itemEndLine: l.itemEndLine + delta,
      ...(l.listLine !== undefined ? { listLine: l.listLine + delta } : {}),
    })),
    entries: block.entries.map((e) => ({ ...e, line: e.line + delta, endLine: e.endLine + delta })),
    comments: block.comments.map((c) => ({ ...c, line: c.line + delta })),
  };
}

/** `value` with every string in it replaced by its own copy (in place: a block just read, held by nothing else). */
function ownStrings<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = typeof value[i] === 'string' ? ownCopy(value[i]) : ownStrings(value[i]);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = typeof o[k] === 'string' ? ownCopy(o[k] as string) : ownStrings(o[k]);
  }
  return value;
}
