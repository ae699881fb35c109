import type { PostmortemDocument } from '../model';
import { perLine } from '../incremental/lines';
import { rememberByText } from '../incremental/memo';

// The prose of a postmortem: what a reader reads as sentences. Code (fenced, indented, inline),
// front matter, tables of logs, HTML tags and comments, link targets and bare URLs are left out.
// Each line keeps its columns (what is left out becomes spaces), so a finding points at the text.

export interface ProseLine {
  line: number;
  /** The line with everything that is not prose blanked out; inline code becomes `x`s (one word). */
  text: string;
  /** The line is a row of a table (cells are separated by `|` in `text`). */
  inTable: boolean;
}

const fenceOpen = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)*(`{3,}|~{3,})/;
const logLevel = /\b(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE|FATAL|CRITICAL|NOTICE)\b/;
const logHeader = /\b(?:logs?|log lines?|output|stack ?traces?|stderr|stdout)\b/i;
const tableSeparator = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** A phrase of the settings as a pattern: its characters as written, any run of spaces as one or more. */
export function escapePhrase(phrase: string): string {
  return phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
}

/** Table cells of a row, without the outer pipes (escaped `\|` stays inside its cell). */
export function tableCells(line: string): string[] {
  const trimmed = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((c) => c.trim());
}

export function isTableSeparator(line: string): boolean {
  return tableSeparator.test(line) && line.includes('-');
}

/** A table of log lines or command output: its header says so, or most rows hold a log level or nothing but code. */
function isLogTable(lines: readonly string[], start: number, end: number): boolean {
  if (logHeader.test(lines[start] ?? '')) return true;
  const body = lines.slice(start + 2, end).filter((l) => l.trim() !== '');
  if (!body.length) return false;
  const logLike = body.filter((row) => logLevel.test(row) || tableCells(row).some((c) => /^`[^`]+`$/.test(c) && c.length > 24));
  return logLike.length * 2 >= body.length;
}

/** Blanks what is not prose in one line of Markdown, keeping every column. */
export function maskLine(line: string): string {
  const blank = (s: string) => ' '.repeat(s.length);
  // Quote, heading and list markers and task boxes are layout, not words (`1.` is no word).
  let out = line.replace(/^\s*(?:>\s*)*(?:#{1,6}(?=\s)|(?:[-*+]|\d{1,9}[.)])(?=\s)(?:\s+\[[ xX]\](?=\s|$))?)?/, blank);
  if (out.includes('](')) {
    // Images: the alternative text is not read as prose. Links: the text stays, the target goes.
    out = out.replace(/!\[[^\]]*\]\([^)]*\)/g, blank).replace(/\]\([^)]*\)/g, (m) => ` ${blank(m.slice(1))}`);
  }
  if (out.includes('<')) out = out.replace(/<!--.*?-->/g, blank).replace(/<\/?[A-Za-z][^<>]*>/g, blank);
  if (out.includes('http') || out.includes('www.')) out = out.replace(/\bhttps?:\/\/\S+|\bwww\.\S+/g, blank);
  // Inline code: one word, never read for wording.
  if (out.includes('`')) out = out.replace(/(`+)([^`]|[^`].*?[^`])\1(?!`)/g, (m) => 'x'.repeat(m.length));
  if (out.includes('&nbsp;')) out = out.replace(/&nbsp;/g, blank);
  return out;
}

const proseOf = new WeakMap<PostmortemDocument, readonly ProseLine[]>();

/** Every line of prose, in order (read once per document: several rules read it). */
export function proseLines(document: PostmortemDocument): readonly ProseLine[] {
  let lines = proseOf.get(document);
  if (!lines) {
    lines = readProse(document);
    proseOf.set(document, lines);
  }
  return lines;
}

// Remembered per line (most lines of a document are the same after an edit): the mask, and the
// word counts of the masked line, for lines whose prose is the whole line masked (not inside a comment).
const maskedAt = perLine((line) => maskLine(line));
const proseWordsAt = perLine((_, lines, index) => countWords(maskedAt(lines, index)));
const tableWordsAt = perLine((_, lines, index) => countWords(maskedAt(lines, index).replace(/\|/g, ' ')));
const languageWordsAt = perLine((_, lines, index) => wordsOfLine(maskedAt(lines, index)));
/** The prose line is its document line masked (and so its readings per line are those of perLine). */
const wholeLine = (document: PostmortemDocument, p: ProseLine) => p.text === maskedAt(document.lines, p.line);

// What readProse marks on a line (one byte per line).
const SKIP = 1;
const TABLE = 2;
const IN_BLOCK = 4;

function readProse(document: PostmortemDocument): ProseLine[] {
  const { lines } = document;
  const out: ProseLine[] = [];
  const marks = new Uint8Array(lines.length);
  const mark = (from: number, to: number, flag: number) => {
    for (let l = Math.max(0, from); l < Math.min(to, lines.length); l++) marks[l] |= flag;
  };
  for (const block of document.blocks) {
    if (block.type === 'fence' || block.type === 'code_block') mark(block.startLine, block.endLine, SKIP);
    if (block.type === 'table') {
      const logs = isLogTable(lines, block.startLine, block.endLine);
      for (let l = block.startLine; l < block.endLine; l++) mark(l, l + 1, logs || isTableSeparator(lines[l]) ? SKIP : TABLE);
    }
  }
  for (const block of document.blocks) mark(block.startLine, block.endLine, IN_BLOCK);
  let fence: string | null = null;
  let comment = false;
  for (let line = 0; line < lines.length; line++) {
    if (document.frontMatter && line <= document.frontMatter.endLine) continue;
    const text = lines[line];
    // A fence nested in a list item is no block of its own: follow it here.
    if (fence) {
      if (new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(text)) fence = null;
      continue;
    }
    if (marks[line] & SKIP || !(marks[line] & IN_BLOCK)) continue;
    const opened = fenceOpen.exec(text);
    if (opened && !/`.*`/.test(text.slice(opened.index + opened[0].length))) {
      fence = opened[1];
      continue;
    }
    // A comment running over several lines (`<!--` … `-->`).
    let visible = text;
    if (comment) {
      const close = visible.indexOf('-->');
      if (close < 0) continue;
      visible = ' '.repeat(close + 3) + visible.slice(close + 3);
      comment = false;
    }
    const open = visible.lastIndexOf('<!--');
    if (open >= 0 && visible.indexOf('-->', open) < 0) {
      visible = visible.slice(0, open) + ' '.repeat(visible.length - open);
      comment = true;
    }
    const masked = visible === text ? maskedAt(lines, line) : maskLine(visible);
    if (/[\p{L}\p{N}]/u.test(masked)) out.push({ line, text: masked, inTable: (marks[line] & TABLE) !== 0 });
  }
  return out;
}

/** Words as a word processor counts them: runs between spaces (and dashes) that hold a letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/[\s—–]+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}

/** countWords, remembered per line. */
const wordsIn = rememberByText(countWords);

/** The prose words of the document: what `word-count` and the status bar count. */
export function proseWords(document: PostmortemDocument): number {
  let n = 0;
  for (const p of proseLines(document)) {
    if (wholeLine(document, p)) n += p.inTable ? tableWordsAt(document.lines, p.line) : proseWordsAt(document.lines, p.line);
    else n += wordsIn(p.inTable ? p.text.replace(/\|/g, ' ') : p.text);
  }
  return n;
}

export const englishWords: ReadonlySet<string> = new Set(
  'the an and or of to in on at for with by from is was were are be been it its this that we our they their there which as not no but'.split(' '),
);
/** The commonest words of French, Spanish, Portuguese, Italian and German that English does not use. */
export const otherWords: ReadonlySet<string> = new Set(
  (
    'le la les des du et est une un en pour dans été sur au aux par qui que pas ne se ce il elle nous ont avec ' +
    'el los las y es una por para con del lo su al se fue como más pero ' +
    'os da do em uma com não ao foi são ' +
    'il della di che non per gli è sono ' +
    'der die das und ist nicht mit für ein eine zu den dem auf im wurde sich von'
  ).split(' '),
);

/**
 * The prose is English: English's commonest words are not outnumbered by those of French, Spanish,
 * Portuguese, Italian or German. Terse English ("Alert pages on-call.") has few of either, and passes.
 * The wording checks (blame, vague actions, impact figures, timeline coverage) read English; other
 * prose is left alone.
 */
const englishOf = new WeakMap<PostmortemDocument, boolean>();

export function isEnglish(document: PostmortemDocument): boolean {
  let english = englishOf.get(document);
  if (english === undefined) {
    english = readsEnglish(proseLines(document).map((p) => (wholeLine(document, p) ? languageWordsAt(document.lines, p.line) : wordsOfLine(p.text))));
    englishOf.set(document, english);
  }
  return english;
}

/** The same for a part of a document: a section written in another language in an English document. */
export function isEnglishText(text: string): boolean {
  return readsEnglish(text.split('\n').map(wordsOfLine));
}

/** The test of isEnglish and isEnglishText, from the counts of each line (a line break separates words as any non-letter does). */
function readsEnglish(lineCounts: readonly (readonly [number, number])[]): boolean {
  let english = 0;
  let other = 0;
  for (const counts of lineCounts) {
    english += counts[0];
    other += counts[1];
  }
  return other <= english || other < 3;
}

/** English and other-language function words in a line. */
/** The longest word of either list: a longer word is in neither. */
const longestListed = Math.max(...[...englishWords, ...otherWords].map((w) => w.length));
const ascii = /^[\x00-\x7f]*$/;

/** How many words of the line are on the English list, and how many on the other one. */
export function languageWords(line: string): readonly [number, number] {
  let english = 0;
  let other = 0;
  // Most lines are ASCII: their words are runs of ASCII letters, read without splitting the line
  // and without lower-casing a word too long to be listed. Other lines as the definition has it.
  if (ascii.test(line)) {
    let start = -1;
    for (let i = 0; i <= line.length; i++) {
      const c = i < line.length ? line.charCodeAt(i) | 32 : 0;
      if (c >= 97 && c <= 122) {
        if (start < 0) start = i;
        continue;
      }
      if (start >= 0 && i - start <= longestListed) {
        const w = line.slice(start, i).toLowerCase();
        if (englishWords.has(w)) english++;
        else if (otherWords.has(w)) other++;
      }
      start = -1;
    }
    return [english, other];
  }
  for (const w of line.toLowerCase().split(/[^\p{L}]+/u)) {
    if (englishWords.has(w)) english++;
    else if (otherWords.has(w)) other++;
  }
  return [english, other];
}
const wordsOfLine = rememberByText(languageWords);
