import fc from 'fast-check';
import type { Analysis, Section } from '../../../server/src/service';
import { SectionMatcher } from '../../../server/src/service/parse/match';

// Rewritings of a postmortem that a careful reader reads the same way: the same sections, the same
// incident window, the same stated duration, the same verdict. Each transformation looks at one
// analysis of the text to find its headings, labels and timeline entries, and gives a fast-check
// arbitrary of rewritten texts: fast-check picks where (which heading, which blank lines, which
// phrase) and how (which style, which markup), and shrinks a failure to the smallest such choice.
// A transformation that finds nothing to rewrite gives null.

export interface Transformation {
  name: string;
  /** In a reader's words, for test titles: "the blank lines between blocks are removed". */
  title: string;
  rewrite(text: string, analysis: Analysis): fc.Arbitrary<string> | null;
}

const splitLines = (text: string): string[] => text.split('\n');
const joinLines = (lines: string[]): string => lines.join('\n');
const isBlank = (line: string | undefined): boolean => line !== undefined && line.trim() === '';

/** Lines inside front matter or fenced code, which no transformation touches. */
function frozenLines(lines: string[], analysis: Analysis): Set<number> {
  const frozen = new Set<number>();
  const fm = analysis.document.frontMatter;
  if (fm) for (let i = fm.startLine; i <= fm.endLine; i++) frozen.add(i);
  let fence: string | null = null;
  lines.forEach((line, i) => {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      frozen.add(i);
      if (m?.[1].startsWith(fence)) fence = null;
    } else if (m) {
      fence = m[1];
      frozen.add(i);
    }
  });
  return frozen;
}

/** The sections that own their heading (the second section a heading names is a copy). */
function ownSections(analysis: Analysis): Section[] {
  return analysis.document.sections.filter((s) => !s.sharesHeadingWith);
}

/** A heading as a line to rewrite: the line, its underline (setext) and its text without markup. */
interface HeadingLine {
  line: number;
  /** The setext underline, if any. */
  underline: number | null;
  text: string;
  style: Section['style'];
  level: number;
  isTitle: boolean;
}

function styleOfLine(line: string, underlined: boolean): Section['style'] {
  if (underlined) return 'setext';
  if (/^\s{0,3}#/.test(line)) return 'atx';
  if (/^\s*<h[1-6]/i.test(line)) return 'html';
  if (/^\s*(\*\*|__)/.test(line)) return 'bold';
  return 'plain';
}

/** The heading's words as written, markup removed (`## Timeline (UTC)` -> `Timeline (UTC)`, `**Summary:**` -> `Summary:`). */
export function headingText(line: string): string {
  return line
    .replace(/<[^>]+>/g, '')
    .replace(/^\s*#{1,6}\s*/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/^[\s*_]+|[\s*_]+$/g, '')
    .trim();
}

function headingLines(lines: string[], analysis: Analysis, withTitle: boolean): HeadingLine[] {
  const out: HeadingLine[] = [];
  for (const s of ownSections(analysis)) {
    if (s.style === 'list') continue;
    const line = s.headingRange.start.line;
    const underline = s.style === 'setext' ? line + 1 : null;
    const text = headingText(lines[line] ?? '');
    if (text) out.push({ line, underline, text, style: s.style, level: s.level, isTitle: false });
  }
  const title = analysis.document.title;
  const fm = analysis.document.frontMatter;
  // A title from the front matter is not a line of the text.
  if (withTitle && title && !(fm && title.line <= fm.endLine) && !out.some((h) => h.line === title.line)) {
    const text = headingText(lines[title.line] ?? '');
    const underline = /^\s{0,3}(=+|-+)\s*$/.test(lines[title.line + 1] ?? '') ? title.line + 1 : null;
    if (text) out.push({ line: title.line, underline, text, style: styleOfLine(lines[title.line], underline !== null), level: 1, isTitle: true });
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The ATX level the document's own section headings use, so a new ATX heading ranks with them. */
function sectionLevel(analysis: Analysis): number {
  const levels = ownSections(analysis)
    .filter((s) => s.style === 'atx' || s.style === 'setext' || s.style === 'html')
    .map((s) => s.level);
  return levels.length ? Math.min(...levels) : 2;
}

// ---- removing and adding blank lines --------------------------------------------------------

const removeBlankLines: Transformation = {
  name: 'remove-blank-lines',
  title: 'blank lines between blocks are removed',
  rewrite(text, analysis) {
    const lines = splitLines(text);
    const frozen = frozenLines(lines, analysis);
    const last = lines.length - 1;
    const blanks = lines.map((_, i) => i).filter((i) => isBlank(lines[i]) && !frozen.has(i) && i > 0 && i < last);
    if (!blanks.length) return null;
    return fc.oneof(fc.constant(blanks), fc.subarray(blanks, { minLength: 1 })).map((gone) => joinLines(lines.filter((_, i) => !gone.includes(i))));
  },
};

const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,2}[.)])\s/;

const addBlankLines: Transformation = {
  name: 'add-blank-lines',
  title: 'blank lines are added between blocks',
  rewrite(text, analysis) {
    const lines = splitLines(text);
    const frozen = frozenLines(lines, analysis);
    // Positions a blank line may go before: an existing blank line (doubling it), a heading, the line after a
    // heading, and the next item of a list.
    const before = new Set<number>();
    lines.forEach((l, i) => {
      if (isBlank(l) && i > 0) before.add(i);
      if (i > 0 && LIST_ITEM.test(l) && LIST_ITEM.test(lines[i - 1])) before.add(i);
    });
    for (const h of headingLines(lines, analysis, true)) {
      if (h.line > 0) before.add(h.line);
      const after = (h.underline ?? h.line) + 1;
      if (after < lines.length) before.add(after);
    }
    const places = [...before].filter((i) => !frozen.has(i) && !frozen.has(i - 1)).sort((a, b) => a - b);
    if (!places.length) return null;
    return fc
      .tuple(fc.subarray(places, { minLength: 1 }), fc.integer({ min: 1, max: 2 }))
      .map(([at, count]) => joinLines(lines.flatMap((l, i) => (at.includes(i) ? [...Array<string>(count).fill(''), l] : [l]))));
  },
};

// ---- indenting bodies -----------------------------------------------------------------------

/** A body a writer may indent: prose, lists and labels, not headings, HTML, tables, fences or rules. */
function indentable(lines: string[], from: number, to: number): boolean {
  let some = false;
  for (let i = from; i <= to; i++) {
    const l = lines[i];
    if (isBlank(l)) continue;
    if (/^\s*(?:#|<|\||```|~~~|(?:[-*_=]\s*){3,}$)/.test(l)) return false;
    some = true;
  }
  return some;
}

const indentBodies: Transformation = {
  name: 'indent-bodies',
  title: 'a section or field body is indented by 4 spaces',
  rewrite(text, analysis) {
    const lines = splitLines(text);
    const frozen = frozenLines(lines, analysis);
    const bodies: [number, number][] = [];
    for (const s of ownSections(analysis)) {
      let end = s.bodyEndLine;
      while (end >= s.bodyStartLine && isBlank(lines[end])) end--;
      if (end >= s.bodyStartLine && indentable(lines, s.bodyStartLine, end)) bodies.push([s.bodyStartLine, end]);
    }
    // `Duration:` alone on its line, with its value on the lines below.
    for (const f of analysis.document.fields) {
      const line = f.labelRange.start.line;
      if (f.value.trim() === '' && f.valueEndLine > line && indentable(lines, line + 1, f.valueEndLine)) bodies.push([line + 1, f.valueEndLine]);
    }
    const usable = bodies.filter(([a, b]) => !Array.from({ length: b - a + 1 }, (_, k) => a + k).some((i) => frozen.has(i)));
    if (!usable.length) return null;
    return fc.constantFrom(...usable).map(([from, to]) => joinLines(lines.map((l, i) => (i >= from && i <= to && !isBlank(l) ? `    ${l}` : l))));
  },
};

// ---- markup around labels -------------------------------------------------------------------

const SPANS = ['<span style="color: red">', '<span style="color: #2E8B57;">', '<font color="navy">'];
const closeTag = (open: string) => (open.startsWith('<font') ? '</font>' : '</span>');

/** Wraps `label` (and a colon right after it) where it first appears after `from`. */
function wrapAt(line: string, from: number, label: string, open: string): string | null {
  const at = line.indexOf(label, from);
  if (at < 0) return null;
  const end = line[at + label.length] === ':' ? at + label.length + 1 : at + label.length;
  return `${line.slice(0, at)}${open}${line.slice(at, end)}${closeTag(open)}${line.slice(end)}`;
}

const UNBALANCED = [(t: string) => `*${t}***`, (t: string) => `**${t}***`, (t: string) => `***${t}**`, (t: string) => `__${t}__*`];

const replaceLine = (text: string, i: number, next: string | null): string => {
  if (next === null) return text;
  const lines = splitLines(text);
  lines[i] = next;
  return joinLines(lines);
};

/** The words of a field's label as written, without markup or colon: `**<b>Start</b>:**` -> `Start`. */
function fieldLabel(line: string, f: Analysis['document']['fields'][number]): string {
  return line
    .slice(f.labelRange.start.character, f.labelRange.end.character)
    .replace(/<[^>]+>/g, '')
    .replace(/[*_:\s]+$/g, '')
    .replace(/^[*_\s]+/, '');
}

const labelsInHtml: Transformation = {
  name: 'labels-in-html',
  title: 'a heading or field label is wrapped in inline HTML (<span style="color: red">Start:</span>)',
  rewrite(text, analysis) {
    const lines = splitLines(text);
    const frozen = frozenLines(lines, analysis);
    const options: fc.Arbitrary<string>[] = [];
    for (const h of headingLines(lines, analysis, false)) {
      if (frozen.has(h.line)) continue;
      const label = h.text.replace(/:$/, '');
      options.push(fc.constantFrom(...SPANS).map((open) => replaceLine(text, h.line, wrapAt(lines[h.line], 0, label, open))));
    }
    for (const f of analysis.document.fields) {
      const line = f.labelRange.start.line;
      const written = lines[line].slice(f.labelRange.start.character, f.labelRange.end.character);
      const label = fieldLabel(lines[line], f);
      if (frozen.has(line) || f.style === 'table' || !label || /[<>]/.test(written)) continue;
      options.push(fc.constantFrom(...SPANS).map((open) => replaceLine(text, line, wrapAt(lines[line], f.labelRange.start.character, label, open))));
    }
    return options.length ? fc.oneof(...options) : null;
  },
};

const unbalancedEmphasis: Transformation = {
  name: 'unbalanced-emphasis',
  title: 'a label alone on its line is written with unbalanced emphasis (*Timeline:***)',
  rewrite(text, analysis) {
    const lines = splitLines(text);
    const frozen = frozenLines(lines, analysis);
    const options: fc.Arbitrary<string>[] = [];
    // A standalone bold or plain heading line, after its list marker if it has one.
    for (const h of headingLines(lines, analysis, false)) {
      if (frozen.has(h.line) || (h.style !== 'bold' && h.style !== 'plain')) continue;
      const marker = LIST_ITEM.exec(lines[h.line])?.[0] ?? '';
      options.push(fc.constantFrom(...UNBALANCED).map((wrap) => replaceLine(text, h.line, marker + wrap(h.text))));
    }
    // A field label with its value on the lines below (`Duration:` alone on its line).
    for (const f of analysis.document.fields) {
      const line = f.labelRange.start.line;
      const label = fieldLabel(lines[line], f);
      // Not a field read from a heading (`### Duration`): the heading transformations rewrite those.
      if (frozen.has(line) || f.style === 'table' || !label || f.value.trim() !== '' || f.valueEndLine === line || /^\s*[#<]/.test(lines[line])) continue;
      const marker = LIST_ITEM.exec(lines[line])?.[0] ?? '';
      options.push(fc.constantFrom(...UNBALANCED).map((wrap) => replaceLine(text, line, marker + wrap(`${label}:`))));
    }
    return options.length ? fc.oneof(...options) : null;
  },
};

// ---- heading style --------------------------------------------------------------------------

type Style = 'atx' | 'setext' | 'bold' | 'plain' | 'html' | 'h3';
const STYLES: Style[] = ['atx', 'setext', 'bold', 'plain', 'html', 'h3'];

/** The lines a heading becomes in another style; setext and HTML need a blank line before them to stay blocks of their own. */
function headingAs(style: Style, text: string, level: number): string[] {
  switch (style) {
    case 'atx':
      return [`${'#'.repeat(level)} ${text}`];
    case 'setext':
      return [text, (level <= 1 ? '=' : '-').repeat(Math.max(3, text.length))];
    case 'bold':
      return [`**${text}**`];
    case 'plain':
      return [text];
    case 'html':
      return [`<h${level}>${text}</h${level}>`];
    case 'h3':
      return [`<h3>${text}</h3>`];
  }
}

const changeHeadingStyle: Transformation = {
  name: 'heading-style',
  title: 'a heading is written in another style (ATX, setext, bold line, plain line, <h3>)',
  rewrite(text, analysis) {
    const lines = splitLines(text);
    const frozen = frozenLines(lines, analysis);
    const level = sectionLevel(analysis);
    const matcher = new SectionMatcher(analysis.template);
    // A heading written as a list item keeps its place in the list: it is not rewritten.
    const headings = headingLines(lines, analysis, true).filter((h) => !frozen.has(h.line) && !LIST_ITEM.test(lines[h.line]));
    if (!headings.length) return null;
    // A bare line counts as a heading only when it names a section exactly (by design: otherwise any short
    // sentence could open a section), so only such headings are rewritten as plain lines. A title with a
    // colon as a plain line would be a `Label: value` line.
    const plainAllowed = (h: HeadingLine) => (h.isTitle ? !h.text.includes(':') : matcher.match(h.text)?.exact === true);
    return fc
      .tuple(fc.constantFrom(...headings), fc.constantFrom(...STYLES))
      .filter(([h, style]) => h.style !== (style === 'h3' ? 'html' : style) && (style !== 'plain' || plainAllowed(h)))
      .map(([h, style]) => {
        const rank = h.isTitle ? 1 : h.level > 0 ? h.level : level;
        const written = headingAs(style, h.text, rank);
        // A setext underline turns the paragraph line above into heading text; keep them apart.
        const needsBlank = style === 'setext' && h.line > 0 && !isBlank(lines[h.line - 1]);
        const out: string[] = [];
        lines.forEach((l, i) => {
          if (i === h.line) out.push(...(needsBlank ? [''] : []), ...written);
          else if (i !== h.underline) out.push(l);
        });
        return joinLines(out);
      });
  },
};

// ---- an image above a heading ----------------------------------------------------------------

const IMAGES = ['<img src="x.png">', '<img src="images/diagram.png" alt="diagram" width="600">'];

const imageBeforeHeading: Transformation = {
  name: 'image-before-heading',
  title: 'an <img> line is added right before a heading',
  rewrite(text, analysis) {
    const lines = splitLines(text);
    const frozen = frozenLines(lines, analysis);
    const headings = headingLines(lines, analysis, true).filter((h) => !frozen.has(h.line) && !frozen.has(h.line - 1));
    if (!headings.length) return null;
    return fc
      .tuple(fc.constantFrom(...headings), fc.constantFrom(...IMAGES))
      .map(([h, img]) => joinLines(lines.flatMap((l, i) => (i === h.line ? [img, l] : [l]))));
  },
};

// ---- start and end wording --------------------------------------------------------------------

const REWORDINGS: Record<string, string[]> = { started: ['starting', 'beginning'], ended: ['ending', 'concluding'] };

const rewordStartEnd: Transformation = {
  name: 'reword-start-end',
  title: '"started at" is reworded as "starting at"/"beginning at", "ended at" as "ending at"/"concluding at"',
  rewrite(text) {
    const found = [...text.matchAll(/\b(started|ended) at\b/gi)].map((m) => ({ index: m.index ?? 0, word: m[1] }));
    if (!found.length) return null;
    return fc.subarray(found, { minLength: 1 }).chain((chosen) =>
      fc.tuple(...chosen.map((c) => fc.constantFrom(...REWORDINGS[c.word.toLowerCase()]))).map((words) => {
        let out = text;
        // From the end, so earlier indexes stay valid.
        for (let k = chosen.length - 1; k >= 0; k--) {
          const { index, word } = chosen[k];
          const capital = word[0] === word[0].toUpperCase();
          const next = capital ? words[k][0].toUpperCase() + words[k].slice(1) : words[k];
          out = out.slice(0, index) + next + out.slice(index + word.length);
        }
        return out;
      }),
    );
  },
};

// ---- a bulleted timeline as a table -------------------------------------------------------------

const timelineAsTable: Transformation = {
  name: 'timeline-as-table',
  title: 'a bulleted timeline becomes a | Time | Event | table',
  rewrite(text, analysis) {
    const lines = splitLines(text);
    const entries = new Map(analysis.document.timeline.filter((e) => e.kind === 'list' && e.endLine === e.line).map((e) => [e.line, e]));
    // Runs of consecutive one-line list items that are all timeline entries.
    const runs: [number, number][] = [];
    for (let i = 0; i < lines.length; i++) {
      if (!entries.has(i) || !LIST_ITEM.test(lines[i])) continue;
      let j = i;
      while (entries.has(j + 1) && LIST_ITEM.test(lines[j + 1])) j++;
      if (j > i) runs.push([i, j]);
      i = j;
    }
    if (!runs.length) return null;
    const cell = (s: string) => s.replace(/\|/g, '\\|').trim();
    return fc.constantFrom(...runs).map(([from, to]) => {
      // The table stays where the list was: inside a list item when the list was nested in one.
      const indent = /^\s*/.exec(lines[from])![0];
      const rows: string[] = [];
      for (let i = from; i <= to; i++) {
        const entry = entries.get(i)!;
        const line = lines[i];
        const marker = LIST_ITEM.exec(line)![0].length;
        let timeEnd = entry.timeRange.end.character;
        // The closing markup or bracket written around the time stays with it.
        const closing = /^(?:\*\*|__|\*|_|\)|\])+/.exec(line.slice(timeEnd));
        if (closing) timeEnd += closing[0].length;
        const time = line.slice(marker, timeEnd).replace(/^[*_]+|[*_]+$/g, '');
        const event = line.slice(timeEnd).replace(/^\s*(?:[-–—:|]\s*)?/, '');
        rows.push(`| ${cell(time)} | ${cell(event)} |`);
      }
      const table = ['| Time | Event |', '|------|-------|', ...rows].map((row) => indent + row);
      const before = from > 0 && !isBlank(lines[from - 1]) ? [''] : [];
      const after = to + 1 < lines.length && !isBlank(lines[to + 1]) ? [''] : [];
      return joinLines([...lines.slice(0, from), ...before, ...table, ...after, ...lines.slice(to + 1)]);
    });
  },
};

// ---- prose wrapped at another width -----------------------------------------------------------

/** A word that would open a block (list item, heading, quote, table, HTML, rule) if it started a line. */
const OPENS_A_BLOCK = /^(?:[-*+>#|<=_~`]|\d{1,9}[.)]$)/;

/** The words of a paragraph wrapped at `width` (Infinity: one line), never starting a line with a block opener. */
export function wrapWords(words: string[], width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width && !OPENS_A_BLOCK.test(word)) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

const rewrapProse: Transformation = {
  name: 'rewrap-prose',
  title: 'a prose paragraph is wrapped at another width (or written on one line)',
  rewrite(text, analysis) {
    const lines = splitLines(text);
    const frozen = frozenLines(lines, analysis);
    const { document } = analysis;
    // Lines that are more than prose: headings, labels, timeline entries.
    const special = new Set<number>();
    for (const s of document.sections) for (let i = s.headingRange.start.line; i <= s.headingRange.end.line; i++) special.add(i);
    for (const f of document.fields) special.add(f.labelRange.start.line);
    for (const e of document.timeline) special.add(e.line);
    if (document.title) special.add(document.title.line);
    const prose = (i: number) => {
      const l = lines[i];
      return (
        !isBlank(l) &&
        !frozen.has(i) &&
        !special.has(i) &&
        !/^\s/.test(l) &&
        !OPENS_A_BLOCK.test(l) &&
        !/^\s{0,3}(?:[-*+]|\d{1,9}[.)])(?:\s|$)/.test(l) &&
        !/(?: {2}|\\)$/.test(l) &&
        !/^\s*(?:[-=_*]\s*){3,}$/.test(lines[i + 1] ?? '')
      );
    };
    const runs: [number, number][] = [];
    for (let i = 0; i < lines.length; i++) {
      if (!prose(i)) continue;
      let j = i;
      while (j + 1 < lines.length && prose(j + 1)) j++;
      // A paragraph of its own: not the continuation of a list item or a label above it.
      if (i === 0 || isBlank(lines[i - 1]) || special.has(i - 1)) runs.push([i, j]);
      i = j;
    }
    const wrapped = (from: number, to: number, width: number) => {
      const words = lines
        .slice(from, to + 1)
        .join(' ')
        .split(/\s+/)
        .filter(Boolean);
      return joinLines([...lines.slice(0, from), ...wrapWords(words, width), ...lines.slice(to + 1)]);
    };
    const options = runs.filter(([from, to]) => lines.slice(from, to + 1).join(' ').length > 40);
    if (!options.length) return null;
    return fc
      .tuple(fc.constantFrom(...options), fc.constantFrom(40, 60, 80, 120, Number.POSITIVE_INFINITY))
      .map(([[from, to], width]) => wrapped(from, to, width));
  },
};

// ---- typographic hyphens and spaces -------------------------------------------------------------

/** The hyphens a word processor or web page writes in place of U+002D: Unicode hyphen, non-breaking hyphen, minus sign. */
const HYPHENS = ['\u2010', '\u2011', '\u2212'];
/** The spaces pasted text carries between a clock and its am/pm: no-break and narrow no-break (macOS, ICU). */
const SPACES = ['\u00a0', '\u202f'];

const typographicCharacters: Transformation = {
  name: 'typographic-characters',
  title: 'the hyphens of numeric dates and the space before am/pm are written as other Unicode characters',
  rewrite(text, analysis) {
    const lines = splitLines(text);
    const frozen = frozenLines(lines, analysis);
    // Offsets of the hyphens inside "2024-01-19" / "19-01-2024", and of the space in "2:14 PM".
    const places: { at: number; kind: 'hyphen' | 'space' }[] = [];
    let offset = 0;
    lines.forEach((line, i) => {
      if (!frozen.has(i)) {
        for (const m of line.matchAll(/(?<![\d-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4})(?![\d-])/g)) {
          for (let k = 0; k < m[0].length; k++) if (m[0][k] === '-') places.push({ at: offset + (m.index ?? 0) + k, kind: 'hyphen' });
        }
        for (const m of line.matchAll(/\d (?=[ap]\.?m\b)/gi)) places.push({ at: offset + (m.index ?? 0) + 1, kind: 'space' });
      }
      offset += line.length + 1;
    });
    if (!places.length) return null;
    return fc.tuple(fc.subarray(places, { minLength: 1 }), fc.constantFrom(0, 1, 2)).map(([chosen, pick]) => {
      const chars = text.split('');
      for (const p of chosen) chars[p.at] = p.kind === 'hyphen' ? HYPHENS[pick % HYPHENS.length] : SPACES[pick % SPACES.length];
      return chars.join('');
    });
  },
};

export const transformations: readonly Transformation[] = [
  removeBlankLines,
  addBlankLines,
  indentBodies,
  labelsInHtml,
  unbalancedEmphasis,
  changeHeadingStyle,
  imageBeforeHeading,
  rewordStartEnd,
  timelineAsTable,
  rewrapProse,
  typographicCharacters,
];
