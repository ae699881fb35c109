// Re-reading the blocks of a document after an edit: the markdown-it parse is redone (it is the
// cheap part), the reading of each top-level block (labels, entries, comments, words: most of
// parseBlocks' cost) is reused for every block whose lines, and the lines around it, did not change.
//
// What the reading of a top-level block depends on (parse/blocks.ts): its tokens, its lines, the
// last line with text before it and the first one after it (and the blank lines between), and its
// position. So a block is remembered under the text of those lines, and taken again at any
// position, its line numbers moved. Inline parsing also depends on the document's link reference
// definitions, so nothing is reused when they changed; the lines of front matter (blanked for the
// parser) and a byte order mark (taken off) differ from what the parser read, so blocks next to
// them are always read again.
import type Token from 'markdown-it/lib/token.mjs';
import { blockParser, blocksOfTokens, type ParsedBlock } from '../parse/blocks';
import { lineId } from './lines';
import { ownCopy } from './memo';

/** What one reading of the blocks leaves for the next. */
export interface BlockMemo {
  references: string;
  byKey: Map<string, { startLine: number; block: ParsedBlock }>;
}

interface Group {
  from: number;
  to: number;
  key: string | null;
}

/**
 * parseBlocks(source, lines), reusing the blocks of `previous` that did not change. `firstMarkdownLine`
 * is the first line after the front matter (0 without one). The result is equal to parseBlocks'.
 */
export function parseBlocksReusing(
  source: string,
  lines: readonly string[],
  firstMarkdownLine: number,
  previous: BlockMemo | undefined,
): { blocks: ParsedBlock[]; memo: BlockMemo } {
  const env: { references?: Record<string, unknown> } = {};
  const tokens = parseForBlocks(source, env);
  const references = env.references ? JSON.stringify(env.references) : '';
  const reusable = previous && previous.references === references ? previous.byKey : undefined;
  const byKey: BlockMemo['byKey'] = new Map();

  // Top-level token groups: each opens one block.
  const groups: Group[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.level === 0 && t.map && t.nesting !== -1) {
      if (groups.length) groups[groups.length - 1].to = i;
      groups.push({ from: i, to: tokens.length, key: keyOf(lines, t.map[0], t.map[1], firstMarkdownLine) });
    }
  }

  const blocks: (ParsedBlock | undefined)[] = new Array(groups.length);
  const toRead: Token[] = [];
  const unread: number[] = [];
  for (let g = 0; g < groups.length; g++) {
    const { from, to, key } = groups[g];
    const startLine = tokens[from].map?.[0] ?? 0;
    const known = key === null ? undefined : reusable?.get(key);
    if (known) {
      blocks[g] = moved(known.block, startLine - known.startLine);
    } else {
      for (let i = from; i < to; i++) toRead.push(tokens[i]);
      unread.push(g);
    }
  }
  // Walking the changed groups together reads each as walking all of them would (its state is per block).
  const read = toRead.length ? blocksOfTokens(toRead, lines) : [];
  if (read.length !== unread.length) {
    // Not one block per group: read everything as parseBlocks does.
    return { blocks: blocksOfTokens(tokens, lines), memo: { references, byKey } };
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
  return { blocks: result, memo: { references, byKey } };
}

/**
 * markdown-it's parse as parseBlocks runs it, but inline content is parsed only where the reading
 * of blocks looks at it: inline HTML (comments), which needs a '<'. Every other inline token keeps
 * its content and no children; the blocks read from these tokens are the same.
 */
function parseForBlocks(source: string, env: object): Token[] {
  const md = blockParser();
  const state = new md.core.State(source, md, env);
  const rules = (md.core.ruler as unknown as { __rules__: { name: string; enabled: boolean; fn: (state: unknown) => void }[] }).__rules__;
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (rule.name !== 'inline') {
      rule.fn(state);
      continue;
    }
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !token.content.includes('<')) continue;
      token.children ??= [];
      md.inline.parse(token.content, md, state.env, token.children);
    }
  }
  return state.tokens;
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
