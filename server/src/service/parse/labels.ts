import type { HeadingStyle } from '../model';

// The label layer: what a single line proposes as a heading, a pseudo-heading or a field label,
// with the evidence a reader would weigh. Every line outside code and comments is read here,
// whatever CommonMark made of it; how the line sits in its block (paragraph start, list item,
// HTML block, indented code) is evidence the assembler weighs, not a gate.

/** What a reader would weigh before taking a line for a heading. */
export interface LabelEvidence {
  /** The CommonMark construct the line belongs to. */
  block: 'heading' | 'paragraph' | 'list' | 'html' | 'code' | 'table';
  /** First line of its paragraph, or right after a hard break (`<br>`, two spaces, `\`). */
  startsParagraph: boolean;
  /** The line before does not run on into this one: it is blank, ends a sentence, or is not prose. */
  standsAlone: boolean;
  /** The line after goes on with its sentence: it starts in lower case or with a link ("The issue", then "[42](…)", "has the reports."). */
  runsInto?: boolean;
  /** The label begins with a capital letter (after numbering and emoji). */
  capitalised: boolean;
  /** "Timeline must contain:": the assignment's wording kept over the name. */
  requirement: boolean;
  /** Markup around the label that had to be repaired: inline HTML, unbalanced emphasis. */
  repaired?: string;
  /** The name was glued to the text after it, as on a page pasted without its line breaks. */
  glued?: boolean;
}

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
  /** A top-level bullet that is only a name, with content after it: a heading if it names a section. */
  bulletHeading?: boolean;
  /** For a bullet heading: the first line of its list, so that the items of one list are weighed together. */
  listLine?: number;
  evidence: LabelEvidence;
}

// `**Label:** value`, `__Label__: value`, `*Label:* value`
const emphasisLabel = /^(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\1)\s*([:：]?)\s*(.*)$/;
// `**Duration: 30 mins**`: a name of one to three words, a colon, a short value (up to six words).
const boldField = /^(\p{Lu}[\p{L}/&'’-]*(?:\s+[\p{L}/&'’-]+){0,2})\s*[:：]\s*(\S+(?:\s+\S+){0,5})$/u;
// `Label: value` (a label is short: up to 60 characters without sentence punctuation)
const plainLabel = /^([^\s:*_#|>`[][^:.!?`|]{0,59}?)\s*([:：])\s*(.*)$/;
// The same with asides in parentheses set aside: "🧨 Root Cause and Resolution (A.K.A Who Unplugged The
// Fridge?):" is a name of five words and an aside, whose dots and question mark end no sentence.
const plainLabelAnyLength = /^([^\s:*_#|>`[][^:.!?`|]*?)\s*([:：])\s*(.*)$/;
const aside = /\([^()]*\)/g;
/** `Label: value` as its name and value, or undefined. */
function plainParts(text: string): { name: string; value: string } | undefined {
  const pl = plainLabel.exec(text);
  if (pl) return { name: pl[1], value: pl[3] };
  if (!text.includes('(')) return undefined;
  // Each aside's inside masked, so every column stays where it was.
  const masked = text.replace(aside, (m) => `(${'a'.repeat(m.length - 2)})`);
  const wide = plainLabelAnyLength.exec(masked);
  if (!wide || wide[1].replace(aside, '').trim().length > 60) return undefined;
  return { name: text.slice(0, wide[1].length), value: text.slice(text.length - wide[3].length) };
}
// `*Timeline:***`, `**Timeline:*`, `Timeline:**`: emphasis left open or closed twice.
const unbalancedEmphasis = /^([*_]*)([^*_\s](?:.*?[^*_\s])?)([*_]*)$/;
// "Root cause and resolution must contain:" (the assignment's own words, kept by students).
const requirementSuffix = /\s+(?:must|should)\s+(?:contain|include|have|cover)\b.*$/i;
const inlineTag = /<\/?[A-Za-z][^<>]*>/g;
const shortcode = /:[a-z][a-z0-9_+-]{1,40}:/g;
// The line before ends in a word that needs more after it: the next line continues its sentence.
const runsOn =
  /(?:\b(?:and|or|but|nor|the|a|an|of|to|in|on|at|for|with|by|from|as|into|onto|than|that|which|who|whose|our|their|its|his|her|this|these|those|was|were|is|are|be|been|has|have|had|very|so|if|when|while)|[-–—,&/(])\s*$/i;

const asciiOnly = /^[\x00-\x7f]*$/;

/** The words of a text: runs of letters and digits (with apostrophes and dots inside), markup aside. */
export function wordsIn(text: string): number {
  const bare = text.replace(/<[^>]*>|[#*_`>|~-]+/g, ' ');
  if (!asciiOnly.test(bare)) return bare.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
  // An ASCII text is counted without making the words: a word starts at a letter or digit and runs
  // on over letters, digits, apostrophes and dots (the markup step took out every hyphen).
  let n = 0;
  let inWord = false;
  for (let i = 0; i < bare.length; i++) {
    const c = bare.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
    if (alnum) {
      if (!inWord) n++;
      inWord = true;
    } else if (!(inWord && (c === 39 || c === 46))) inWord = false;
  }
  return n;
}

function stripInlineMarkup(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(shortcode, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S.*?\S|\S)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function cleanLabel(text: string): string {
  return stripInlineMarkup(text)
    .replace(/^[\s—–•·▪►➤✅☑✔*_-]+/u, '')
    .replace(/[\s*_]*[:：][\s*_]*$/, '')
    .replace(/[*_]+$/, '')
    .trim();
}

/** `text` without inline tags, and for each of its characters the column it came from. */
export interface Normalized {
  text: string;
  /** columns[i] is the column of text[i] in the original; columns[text.length] is the original's end. Null when nothing was removed. */
  columns: number[] | null;
  start: number;
}

/** The original column of character `i` of a normalised line. */
export function columnOf(n: Normalized, i: number): number {
  return n.columns ? n.columns[Math.min(i, n.columns.length - 1)] : n.start + Math.min(i, n.text.length);
}

/** Inline HTML tags removed (`<span style="color: red">Start:</span>`), keeping a map back to the columns. */
export function withoutTags(text: string, start: number): Normalized {
  if (!text.includes('<')) return { text, columns: null, start };
  let out = '';
  const columns: number[] = [];
  let last = 0;
  for (const m of text.matchAll(inlineTag)) {
    const at = m.index ?? 0;
    for (let i = last; i < at; i++) {
      out += text[i];
      columns.push(start + i);
    }
    last = at + m[0].length;
  }
  for (let i = last; i < text.length; i++) {
    out += text[i];
    columns.push(start + i);
  }
  columns.push(start + text.length);
  return { text: out, columns, start };
}

/** Evidence about the line itself, from its neighbours; the block reader fills in the rest. */
export function lineEvidence(lines: readonly string[], line: number, block: LabelEvidence['block'], startsParagraph: boolean): LabelEvidence {
  const previous = line > 0 ? lines[line - 1].trim() : '';
  const next = lines[line + 1]?.trim() ?? '';
  return {
    block,
    startsParagraph,
    standsAlone: previous === '' || startsParagraph || !runsOn.test(previous),
    runsInto: /^(?:\p{Ll}|\[[^\]]*\]\()/u.test(next),
    capitalised: false,
    requirement: false,
  };
}

/**
 * Reads a label at the start of `content` (which begins at column `start` of `line`): bold
 * (`**Label:** value`), plain (`Label: value`), or a bare short line (`Timeline`), after removing
 * inline tags and repairing unbalanced emphasis.
 */
export function readLabel(
  lines: readonly string[],
  line: number,
  start: number,
  content: string,
  inList: boolean,
  itemEndLine: number,
  evidence: LabelEvidence,
): LabelLine | undefined {
  const raw = content.trimEnd();
  const normalized = withoutTags(raw, start);
  const repairs: string[] = [];
  if (normalized.text !== raw) repairs.push('inline HTML removed');
  // "Corrective and preventative measures;": a short name with a semicolon typed for its colon (the
  // same length, so every column stays).
  const typed = normalized.text.trimEnd();
  const semicolon = typed.length <= 64 && /;$/.test(typed) && !/[;:：]/.test(typed.slice(0, -1));
  const trimmed = semicolon ? `${typed.slice(0, -1)}:` : typed;
  if (semicolon) repairs.push('a semicolon for its colon');
  const at = (i: number) => columnOf(normalized, i);

  const em = emphasisLabel.exec(trimmed);
  if (em) {
    // `*Timeline:***`, `**Timeline***`: markers left over inside the pair are the unbalanced rest.
    const inner = em[2].replace(/^[*_]+|[*_]+$/g, '');
    if (!inner) return undefined;
    if (inner !== em[2]) repairs.push('unbalanced emphasis');
    const innerColon = /[:：]\s*$/.test(inner);
    // `__Label:__*`: a stray marker after the pair is no value; `**TIMELINE**;` a semicolon typed for the colon.
    const strayMarker = /^[*_;]+$/.test(em[4].trim());
    const semicolon = strayMarker && em[4].includes(';');
    const colon = innerColon || em[3] !== '' || semicolon;
    if (strayMarker) repairs.push(semicolon ? 'a semicolon for its colon' : 'unbalanced emphasis');
    const value = strayMarker ? '' : em[4];
    if (/[:：]/.test(inner.replace(/[:：]\s*$/, ''))) {
      // `**Duration: 30 mins** (13:20 to 13:30)`: a field line set in bold as a whole, its label a
      // name of one to three words, the first capitalised. `**Note: this whole sentence is set in
      // bold for emphasis**` is a bold sentence, not a label: its value runs on past six words.
      const whole = boldField.exec(inner);
      if (!whole || (value !== '' && em[3] !== '')) return undefined;
      repairs.push('the label and its value in one bold span');
      // The value runs from after the colon to the end of the line, the closing markers with it.
      const colonAt = trimmed.slice(em[1].length).search(/[:：]/) + em[1].length;
      return label('bold', whole[1], true, trimmed.slice(colonAt + 1).trimStart());
    }
    // `**Bold** text` with no colon is emphasis in a sentence, not a label.
    if (!colon && value !== '') return undefined;
    return label('bold', inner, colon, value);
  }
  // `*Timeline:***` or `Issue Summary:**`: a name in emphasis whose markers do not pair up.
  const unbalanced = /[*_]/.test(trimmed) ? unbalancedEmphasis.exec(trimmed) : null;
  if (unbalanced && (unbalanced[1] || unbalanced[3]) && unbalanced[1] !== unbalanced[3]) {
    const inner = unbalanced[2];
    const colonAt = inner.search(/[:：]/);
    if (colonAt < 0 || colonAt === inner.length - 1) {
      repairs.push('unbalanced emphasis');
      return label(unbalanced[1] ? 'bold' : 'plain', inner, colonAt >= 0, '');
    }
  }
  const pl = plainParts(trimmed);
  // A clock's colon is not a label's: "06/May/2022 2:17 PM", "the outage started at 08:30".
  const clockColon = pl !== undefined && /\d$/.test(pl.name) && /^\d\d/.test(pl.value);
  // Nor is a link's: "The issue [1516](https://…) also describes this problem".
  const linkColon = pl?.value.startsWith('//') === true;
  if (pl && !clockColon && !linkColon && !/^(?:https?|ftp|mailto)$/i.test(pl.name) && !/^\d{1,2}$/.test(pl.name.trim()))
    return label('plain', pl.name, true, pl.value);
  // A short line with no colon: a heading only if it stands alone (the assembler weighs that).
  // A question may head its answer ("What was the root cause?"), so it may be a little longer.
  if (!/[.!,;]$/.test(trimmed) && trimmed.length <= (trimmed.endsWith('?') ? 80 : 60) && !/[:|`]/.test(trimmed)) return label('plain', trimmed, false, '');
  return undefined;

  function label(style: HeadingStyle, text: string, colon: boolean, value: string): LabelLine | undefined {
    const { label: clean, requirement } = withoutRequirement(cleanLabel(text));
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
      labelEnd: at(labelLength),
      value: value.trim(),
      valueStart: at(trimmed.length - value.length),
      prefix: lines[line].slice(0, start),
      labelOnly: value.trim() === '',
      inList,
      itemEndLine,
      colon,
      evidence: {
        ...evidence,
        capitalised: isCapitalised(clean),
        requirement,
        ...(repairs.length ? { repaired: repairs.join(', ') } : {}),
      },
    };
  }
}

/** A name with the assignment's wording after it ("Timeline must contain"), and whether it had any. */
export function withoutRequirement(label: string): { label: string; requirement: boolean } {
  return requirementSuffix.test(label) ? { label: label.replace(requirementSuffix, '').trim(), requirement: true } : { label, requirement: false };
}

/** Begins with a capital letter once numbering, emoji and punctuation are set aside. */
export function isCapitalised(text: string): boolean {
  const first = /\p{L}/u.exec(text.replace(/^(?:\d+[.)]?\s+|[ivx]+[.)]\s+)/i, ''));
  return first !== null && first[0] === first[0].toUpperCase() && first[0] !== first[0].toLowerCase();
}
