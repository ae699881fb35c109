import type { Incident } from './incident';
import type { Field, PostmortemDocument, Range, Section } from './model';
import { skeletonTitle } from './language/snippets';
import { perLine } from './incremental/lines';
import { range } from './parse/lines';
import { patterns } from './templates/checklist';
import type { ChecklistCheck, ChecklistItem, Template, TemplateField, TemplateSection } from './templates';
import { codedPlaceholder } from './text/codedPlaceholder';
import { shorten } from './text/shorten';

// What the document has filled in, decided once per analysis: for every section of the template
// and every field it asks for, whether it is present, missing, or still a placeholder (the
// template's own text, `HH:MM`, `TBD`, `<describe>`, `[what happened]`). The missing-section,
// missing-field, empty-section and placeholder rules, the status bar, "Show What Is Missing" and
// the hover checklist all read this, so they cannot disagree.
//
// A field is filled when nothing in its value is a placeholder. A section is filled when it has
// content of its own beyond the template's text and placeholders; a placeholder left in a filled
// section is reported, but the section still counts.

export type FieldStatus = 'present' | 'missing' | 'placeholder';
export type SectionStatus = 'present' | 'missing' | 'empty' | 'placeholder';

/** A placeholder left in the text: one token (`HH:MM`, `TBD`) or a whole line of template text. */
export interface PlaceholderSite {
  range: Range;
  /** As written. */
  text: string;
  kind: 'template-text' | 'token' | 'marker';
  /** The template section it sits in, or null (the title, lines above the first section). */
  sectionId: string | null;
  /** The field whose value it is in, if any. */
  fieldId?: string;
}

export interface FieldCompleteness {
  field: TemplateField;
  status: FieldStatus;
  /** The field as written in the section, when it is. */
  written?: Field;
  /** What states it when the section has no field of its own: "the Start and End fields", "the Impact section". */
  answeredBy?: string;
}

export interface ChecklistResult {
  item: ChecklistItem;
  covered: boolean;
}

export interface SectionCompleteness {
  section: TemplateSection;
  status: SectionStatus;
  /** Every heading of the section in the document. */
  instances: Section[];
  /** The fields the section requires, and the optional ones it has. */
  fields: FieldCompleteness[];
  /** Placeholders left in the section, its fields' included. */
  placeholders: PlaceholderSite[];
  checklist: ChecklistResult[];
  /** The section's own text: its lines that are neither placeholders nor its frame (table headers stay). */
  text: string;
  /** Present, and every required field present. */
  complete: boolean;
}

export interface Completeness {
  /** One per section of the template, in template order. */
  sections: SectionCompleteness[];
  /** Placeholders outside the template's sections: the title, the lines above the first section. */
  documentPlaceholders: PlaceholderSite[];
  /** Required sections absent from the document (ids). */
  missingSections: string[];
  requiredComplete: number;
  requiredTotal: number;
}

// ---- Placeholders in a line ---------------------------------------------------------------------

/** Template times and dates: `HH:MM`, `hh:mm AM`, `XX:XX`, `??:??`, `YYYY-MM-DD`, `DD/MM/YYYY`. */
const placeholderTime =
  /(?<![\p{L}\p{N}])(?:(?:YYYY|yyyy)([-/.])MM\1(?:DD|dd)|(?:DD|dd|MM)([-/.])(?:MM|DD|dd)\2(?:YYYY|yyyy)|(?:[Hh]{1,2}|[Xx]{2}|\?\?|_{2}|#{2}):(?:MM|mm|[Xx]{2}|\?\?|_{2}|#{2})(?::(?:SS|ss|[Xx]{2}))?(?:\s?[AaPp][Mm](?![\p{L}]))?)(?![\p{L}\p{N}])/gu;
/**
 * A real clock or date ("16:10", "2024-06-02") and no `HH:MM` left: the author's entry, though wordsOf
 * sets its times aside ("Between HH:MM and HH:MM on 2024-01-19" is still the skeleton, its date filled in).
 */
const writesWhen = (text: string) => {
  const code = withoutCode(text);
  return /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[:.]\d{2}\b/.test(code) && code.search(placeholderTime) < 0;
};
/** Words the templates write for the author to replace: `(time zone)`, `N hours N minutes`, `SEV-N`. */
const templateToken = /\(time zone\)|\bN (?:hours?|minutes?|mins?|days?|customers?|users?)\b|\bSEV-N\b/g;
/** A value or line that is nothing but a placeholder word. */
const markerOnly = /^(?:TBD|TBA|TBC|TODO|FIXME|XXX|\?{2,}|…|\.{3,}|-{1,2}|_{2,})\.?$/i;
/**
 * `<describe>`, `<service name>`: angle brackets around words (several, or one a template would ask for).
 * Escaped (`\<START OF OUTAGE>`), the brackets are the author's own text, shown as written.
 */
const angle = /(?<!\\)<([A-Za-z][A-Za-z0-9 _'-]*[A-Za-z0-9]|[A-Za-z])>/g;
/** One word in angle brackets is a placeholder only when it names what to write (`<module>` in a traceback is not). */
const placeholderWords = new Set(
  'describe description name date time timestamp link url service team owner email title summary details value id number ticket person author component system region version impact cause duration zone timezone customer user'.split(
    ' ',
  ),
);
/** `[what happened]`, `[TICKET-ID]`: square brackets that are not a link (even `[blog] (url)`), a checkbox, a note or a log line. */
const bracket = /(?<![!\]\\[])\[([^[\]\n\d]*[A-Za-z][^[\]\n\d]*)\](?!\s*[([:])/g;

const htmlElements = new Set(
  (
    'a abbr address article aside b bdi bdo big blockquote body br caption center cite code col colgroup dd del details dfn div dl dt em ' +
    'figcaption figure font footer h1 h2 h3 h4 h5 h6 head header hr html i img input ins kbd label legend li main mark nav ol p picture pre ' +
    'q s samp section small source span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var video wbr'
  ).split(' '),
);

/** Brackets that mark an edit of the author's, not a gap: `[redacted]`, `[sic]`. */
const editorialBrackets =
  /^(?:redacted|removed|omitted|sic|edited|emphasis (?:added|mine)|sanitized|scrubbed|confidential|internal(?: [a-z]+)?|name withheld|ibid)$/i;

interface Token {
  start: number;
  end: number;
  text: string;
}

/** Inline code, blanked (so its text is neither content nor a placeholder), keeping columns. */
function withoutCode(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length));
}

/** Inline code blanked, except a span that is only a bracketed placeholder (`` `[start time]` ``, `` `<service>` ``): its backticks go. */
function withoutCommands(line: string): string {
  return line.replace(/(`+)([^`]*?)\1/g, (m, ticks: string, inner: string) =>
    codedPlaceholder.test(inner) ? ' '.repeat(ticks.length) + inner + ' '.repeat(ticks.length) : ' '.repeat(m.length),
  );
}

/** What every placeholder token has in it: a line without any of these holds none (the common case, tested once). */
const mayHoldToken = /[<[]|[HhXx]{2}:|\?\?|__|##|YYYY|yyyy|DD|MM[-/.]|\(time zone\)|\bN [a-z]|SEV-N/;

/** Placeholder tokens in one line, in order. `definitions` are the document's link reference labels. */
export function placeholderTokens(line: string, definitions: ReadonlySet<string> = new Set()): Token[] {
  if (!mayHoldToken.test(line)) return [];
  const text = line.includes('`') ? withoutCommands(line) : line;
  const found: Token[] = [];
  const add = (start: number, matched: string) => found.push({ start, end: start + matched.length, text: matched });
  if (/[HhXx?_#]{2}:|YYYY|yyyy|DD|MM[-/.]/.test(text)) for (const m of text.matchAll(placeholderTime)) add(m.index ?? 0, m[0]);
  if (/\(time zone\)|\bN [a-z]|SEV-N/.test(text)) for (const m of text.matchAll(templateToken)) add(m.index ?? 0, m[0]);
  if (text.includes('<'))
    for (const m of text.matchAll(angle)) {
      const inner = m[1].trim();
      if (htmlElements.has(inner.toLowerCase())) continue;
      if (/\s/.test(inner) || placeholderWords.has(inner.toLowerCase().replace(/[-_]/g, ''))) add(m.index ?? 0, m[0]);
    }
  if (text.includes('['))
    for (const m of text.matchAll(bracket)) {
      const inner = m[1].trim();
      if (/^[ xX]?$/.test(inner) || /^[\^!]/.test(inner) || editorialBrackets.test(inner) || definitions.has(inner.toLowerCase())) continue;
      // Several words (`[what happened]`), a word that names what to write (`[name]`), or a template's
      // capitals (`[TICKET-ID]`); one other word is a tag or a log level (`[emerg]`, `[Postmortem]`).
      if (/\s/.test(inner) || placeholderWords.has(inner.toLowerCase().replace(/[-_]/g, '')) || /^[A-Z]+(?:[-_][A-Z]+)+$/.test(inner)) add(m.index ?? 0, m[0]);
    }
  found.sort((a, b) => a.start - b.start);
  return found.filter((t, i) => i === 0 || t.start >= found[i - 1].end);
}

/** The words of a line, lowercased, without markup, times, dates, zones and placeholders: what a reader compares. */
export function wordsOf(text: string): string {
  const cleaned = withoutCode(text)
    .replace(placeholderTime, ' ')
    .replace(templateToken, ' ')
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ')
    .replace(/\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?/gi, ' ')
    .replace(/\b(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?\b/g, ' ')
    .replace(/\b[A-Z]{2,5}\b/g, ' ')
    .replace(/\b[A-Z][a-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?\b/g, ' ')
    .toLowerCase();
  return (cleaned.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).join(' ');
}

/** List markers, checkboxes, quote markers, emphasis and table pipes around the text of a line. */
function stripMarkup(text: string): string {
  return text
    .replace(/^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?/, '')
    .replace(/\*\*|__|[*_`|]/g, ' ')
    .trim();
}

const tableSeparator = /^\s*\|?[\s:|-]*-[\s:|-]*\|?\s*$/;
const isTableRow = (line: string) => /^\s*\|/.test(line);

// ---- The evaluation ------------------------------------------------------------------------------

interface Context {
  document: PostmortemDocument;
  template: Template;
  incident: Incident;
  definitions: Set<string>;
  /** Lines not to read: front matter, code (fenced blocks nested in lists too), HTML blocks. */
  skipped: Set<number>;
  /** Lines of headings that are not sections of the template. */
  headingLines: Set<number>;
  /** Lines where a field's label starts. */
  fieldStarts: Set<number>;
  /** Lines of timeline entries. */
  entryLines: Set<number>;
  /** Lines of HTML blocks a reader sees (comments left out). */
  htmlLines: Set<number>;
}

/** The skeleton's lines of a section, as words; label-only lines too (`- **What went well:**`). */
function skeletonWords(section: TemplateSection): Set<string> {
  const out = new Set<string>();
  for (const line of section.skeleton.split(/\r\n|\r|\n/)) {
    const w = wordsOf(stripMarkup(line));
    if (w) out.add(w);
  }
  return out;
}

/** What the template writes as a field's value: its placeholder, and its value in the section skeleton. */
function templateValues(section: TemplateSection, field: TemplateField): Set<string> {
  const out = new Set<string>();
  const own = wordsOf(field.placeholder);
  if (own) out.add(own);
  for (const line of section.skeleton.split(/\r\n|\r|\n/)) {
    const label = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([^*_:]+?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$/.exec(line);
    if (label && wordsOf(label[1]) === wordsOf(field.name)) {
      const w = wordsOf(label[2]);
      if (w) out.add(w);
    }
  }
  return out;
}

function lineSites(context: Context, line: number, sectionId: string | null, fieldId?: string, from = 0): PlaceholderSite[] {
  const text = context.document.lines[line];
  return placeholderTokens(text, context.definitions)
    .filter((t) => t.start >= from)
    .map((t) => ({ ...tokenSite(line, t, sectionId), ...(fieldId ? { fieldId } : {}) }));
}

/** The placeholder tokens of a line, the line without them, and whether that still says something. */
function readTokens(text: string, definitions?: ReadonlySet<string>): { tokens: Token[]; rest: string; hasContent: boolean } {
  const tokens = placeholderTokens(text, definitions);
  let rest = text;
  for (const t of [...tokens].reverse()) rest = rest.slice(0, t.start) + rest.slice(t.end);
  const restBare = stripMarkup(rest).replace(/\b(?:TBD|TBA|TODO|FIXME)\b|…|\.{3,}/gi, ' ');
  return { tokens, rest, hasContent: /[\p{L}\p{N}]/u.test(restBare) };
}

/** What a section's line is, from its text alone (remembered per line: sections are read again after every edit). */
const shapeAt = perLine((text: string) => {
  const bare = stripMarkup(text);
  return {
    bare,
    lower: bare.toLowerCase(),
    /** Blank, a comment, a rule: neither content nor placeholder. */
    frame: !bare || /^<!--.*-->$/.test(bare) || /^(?:[-*_]\s*){3,}$/.test(text.trim()),
    heading: /^\s{0,3}#{1,6}(?:\s|$)/.test(text),
    tableRow: isTableRow(text),
    separator: tableSeparator.test(text),
    marker: markerOnly.test(bare),
    /** Written as a label (`Duration:`, `**What went well**`): a skeleton line that labels text under it. */
    labelLike: /[:：?]\s*$/.test(bare) || /^\s*(?:[-*+]\s+)?(?:\*\*|__)[^*_]+(?:\*\*|__)\s*$/.test(text),
    ...readTokens(text),
  };
});

function tokenSite(line: number, t: Token, sectionId: string | null): PlaceholderSite {
  return { range: range(line, t.start, line, t.end), text: t.text, kind: 'token', sectionId };
}

function wholeLineSite(context: Context, line: number, kind: PlaceholderSite['kind'], sectionId: string | null, fieldId?: string, from = 0): PlaceholderSite {
  const text = context.document.lines[line];
  const start = Math.max(from, text.length - text.trimStart().length);
  const end = text.trimEnd().length;
  return { range: range(line, start, line, Math.max(start, end)), text: text.slice(start, end), kind, sectionId, ...(fieldId ? { fieldId } : {}) };
}

/** The lines of a section's bodies, up to the next section heading of any rank. */
/** The lines of HTML blocks, but comments: a reader sees their text. */
function seenHtmlLines(document: PostmortemDocument): Set<number> {
  const lines = new Set<number>();
  for (const b of document.blocks)
    if (b.type === 'html_block' && !/^\s*<!--/.test(document.lines[b.startLine] ?? '')) for (let l = b.startLine; l < b.endLine; l++) lines.add(l);
  return lines;
}

function bodyLines(context: Context, instances: readonly Section[]): number[] {
  const headingLines = context.document.sections.map((s) => s.headingRange.start.line).sort((a, b) => a - b);
  const lines: number[] = [];
  for (const s of instances) {
    const next = headingLines.find((l) => l > s.headingRange.end.line) ?? Number.POSITIVE_INFINITY;
    for (let l = s.bodyStartLine; l <= s.bodyEndLine && l < next; l++) if (!context.skipped.has(l)) lines.push(l);
  }
  return lines;
}

interface WrittenField {
  field: Field;
  status: 'present' | 'placeholder';
  sites: PlaceholderSite[];
}

/** A written field's value: filled, or a placeholder (empty, the template's text, or holding a placeholder). */
function readField(context: Context, section: TemplateSection, field: Field): WrittenField {
  const template = section.fields.find((f) => f.id === field.id);
  const first = field.valueRange.start.line;
  const sites: PlaceholderSite[] = [];
  for (let l = first; l <= field.valueEndLine; l++) {
    if (!context.skipped.has(l)) sites.push(...lineSites(context, l, section.id, field.id, l === first ? field.valueRange.start.character : 0));
  }
  const value = field.fullValue.trim();
  const words = wordsOf(value);
  const stripped = stripMarkup(value);
  if (!value || markerOnly.test(stripped)) {
    const site = value
      ? wholeLineSite(context, first, 'marker', section.id, field.id, field.valueRange.start.character)
      : { range: field.labelRange, text: '', kind: 'marker' as const, sectionId: section.id, fieldId: field.id };
    return { field, status: 'placeholder', sites: [site] };
  }
  if (words && template && templateValues(section, template).has(words)) {
    return { field, status: 'placeholder', sites: [wholeLineSite(context, first, 'template-text', section.id, field.id, field.valueRange.start.character)] };
  }
  return { field, status: sites.length ? 'placeholder' : 'present', sites };
}

const filledChecklistField = (fields: readonly FieldCompleteness[], id: string) => fields.some((f) => f.field.id === id && f.status === 'present');

const statedTime = new RegExp(
  `${patterns.time.source}|(?:^|\\n)[\\s>*-]*\\d{4}\\s*(?:hrs?\\b|[-–—:]\\s)|(?:^|\\n)[\\s>*+|#-]*(?:\\d{4}-\\d{2}(?:-\\d{2})?|\\d{1,2}[-/.]\\d{1,2}(?:[-/.]\\d{2,4})?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2}\\b)`,
  'gi',
);

/** Times a text states: `10:15`, `3 pm`, `0900 -`, and the dates its lines start with (`2015-10:`, `07-21-2023 -`, `Jan 20`). */
export function statedTimes(text: string): number {
  return (text.match(statedTime) ?? []).length;
}

/**
 * The text of a `Resolution:` label right after the timeline, when a Root Cause and Resolution
 * section follows later: the last of the brief's timeline items (Detection, Actions, Misleading
 * paths, Escalation, Resolution), not the resolution section itself.
 */
function trailingResolution(document: PostmortemDocument, section: TemplateSection): string {
  if (section.id !== 'timeline') return '';
  const { sections, lines } = document;
  const at = sections.findIndex((s) => s.id === 'timeline');
  const next = sections[at + 1];
  if (at < 0 || !next || next.part !== 'resolution' || !sections.slice(at + 2).some((s) => s.id === next.id)) return '';
  return lines.slice(next.bodyStartLine, next.bodyEndLine + 1).join('\n');
}

/** Whether a checklist item holds for a section, counting `entries` timeline entries (a writing rule may count them as many as it likes). */
export function checklistHolds(section: SectionCompleteness, item: ChecklistItem, entries: number): boolean {
  return section.status === 'present' && holds(item.check ?? { pattern: patterns.content }, section.text, section.fields, entries);
}

function holds(check: ChecklistCheck, text: string, fields: readonly FieldCompleteness[], entries: number): boolean {
  if ('field' in check) return filledChecklistField(fields, check.field);
  if ('timelineEntries' in check) return entries >= check.timelineEntries;
  if ('pattern' in check) {
    check.pattern.lastIndex = 0;
    // `__EVENT OVER__`: emphasis underscores are word characters, and would hide the word's start.
    return check.pattern.test(text.includes('_') ? text.replace(/_/g, ' ') : text);
  }
  if ('anyOf' in check) return check.anyOf.some((c) => holds(c, text, fields, entries));
  return check.allOf.every((c) => holds(c, text, fields, entries));
}

/** A line that is a label of its own with its text after it: `- **Cache size:** raised to 256MB`. */
const subLabel = /^\s*(?:[-*+]\s+|\d{1,2}[.)]\s+)?(?:\*\*|__)?\p{Lu}[^:：*_]{1,60}?(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*\p{L}/u;

function evaluateSection(context: Context, section: TemplateSection, impactSection: () => SectionCompleteness | undefined): SectionCompleteness {
  const { document } = context;
  const instances = document.sections.filter((s) => s.id === section.id);
  const lines = bodyLines(context, instances);
  const lineSet = new Set(lines);
  const inSection = (f: Field) => f.sectionId === section.id && lineSet.has(f.labelRange.start.line);
  const { fieldStarts, entryLines, htmlLines } = context;
  // `**Duration:**` with `Start Time: …` and `End Time: …` under it is a label for them, and
  // `- **Impact:**` over a nested list holds that list: neither is an empty field.
  const indent = (line: string) => line.length - line.trimStart().length;
  const grouping = (f: Field) => {
    if (f.fullValue.trim()) return false;
    let next = f.valueEndLine + 1;
    while (next < document.lines.length && !document.lines[next].trim()) next++;
    const label = document.lines[f.labelRange.start.line];
    return (
      fieldStarts.has(next) ||
      (next < document.lines.length && indent(document.lines[next]) > indent(label) && !/^\s{0,3}#/.test(document.lines[next])) ||
      // `Resolution:`, a blank line, then `Query Cache Adjustment: increased the cache`: a sub-label with its text.
      (lineSet.has(next) && subLabel.test(document.lines[next]))
    );
  };
  const written = document.fields
    .filter(inSection)
    .filter((f) => !grouping(f))
    .map((f) => readField(context, section, f));
  const fieldLines = new Map<number, WrittenField>();
  for (const w of written) for (let l = w.field.labelRange.start.line; l <= w.field.valueEndLine; l++) fieldLines.set(l, w);

  const skeleton = skeletonWords(section);
  // A line much longer than every skeleton line cannot be one of them: its words are not worth reading.
  const longest = Math.max(0, ...section.skeleton.split(/\r\n|\r|\n/).map((l) => l.length)) * 2 + 40;
  // Nor one without the longest word of some skeleton line (a cheap test before reading its words).
  const keys = [...skeleton].map((w) => w.split(' ').reduce((a, b) => (b.length > a.length ? b : a), ''));
  const mayBeSkeleton = (bare: string, lower: string) => bare.length <= longest && keys.some((k) => lower.includes(k));
  const placeholders: PlaceholderSite[] = [];
  const labels: PlaceholderSite[] = [];
  const ownText: string[] = [];
  // Timeline entries written as headings (`### 21:00 - Team alerted`) or in an indented block are the section's text too (entryLines).
  let content = 0;
  lines.forEach((line, i) => {
    const w = fieldLines.get(line);
    if (w) {
      if (line === w.field.labelRange.start.line) placeholders.push(...w.sites);
      if (w.status === 'present') {
        content++;
        ownText.push(document.lines[line]);
      }
      return;
    }
    const text = document.lines[line];
    const shape = shapeAt(document.lines, line);
    const { bare } = shape;
    if (shape.frame) return;
    // A heading inside the section (`### What went well`) is its structure, neither content nor placeholder.
    if (shape.heading || context.headingLines.has(line)) {
      if (entryLines.has(line)) ownText.push(text);
      return;
    }
    // A table's header and separator rows are its frame: neither content nor placeholder.
    if (shape.tableRow && (shape.separator || tableSeparator.test(document.lines[lines[i + 1]] ?? document.lines[line + 1] ?? ''))) {
      if (!shape.separator) ownText.push(text);
      return;
    }
    const words = mayBeSkeleton(bare, shape.lower) ? wordsOf(bare) : '';
    // "- 16:10 - Service restored" says when: the skeleton's words with a real time are the author's entry.
    if (words && skeleton.has(words) && !writesWhen(bare)) {
      // A label the skeleton writes (`**Duration:**`, `- **What went well:**`) is unfilled only while
      // the section says nothing else: with text of its own, it is the label of that text.
      if (shape.labelLike) labels.push(wholeLineSite(context, line, 'template-text', section.id));
      else placeholders.push(wholeLineSite(context, line, 'template-text', section.id));
      return;
    }
    if (shape.marker) {
      placeholders.push(wholeLineSite(context, line, 'marker', section.id));
      return;
    }
    // The line's own reading holds its tokens without the document's link definitions; with them, read again.
    const own = context.definitions.size ? readTokens(text, context.definitions) : shape;
    placeholders.push(...own.tokens.map((t) => tokenSite(line, t, section.id)));
    if (own.hasContent) {
      content++;
      ownText.push(own.rest);
    }
  });

  const fields = section.fields
    .filter((f) => f.required || written.some((w) => w.field.id === f.id))
    .map((f): FieldCompleteness => {
      const mine = written.filter((w) => w.field.id === f.id);
      const filled = mine.find((w) => w.status === 'present');
      if (filled) return { field: f, status: 'present', written: filled.field };
      if (mine.length) return { field: f, status: 'placeholder', written: mine[0].field };
      return answeredElsewhere(context, f, written, impactSection) ?? { field: f, status: 'missing' };
    });

  if (content === 0) placeholders.push(...labels);
  placeholders.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  let status: SectionStatus;
  if (!instances.length) status = 'missing';
  else if (instances.every((s) => s.empty)) status = 'empty';
  else if (content === 0 && placeholders.length > 0) status = 'placeholder';
  else status = 'present';

  // So is the text of an HTML block (`<h2>Timeline:</h2>` with the list right under it): a reader sees it (htmlLines).
  for (const s of instances)
    for (let l = s.bodyStartLine; l <= s.bodyEndLine; l++)
      if (context.skipped.has(l) && (entryLines.has(l) || htmlLines.has(l))) ownText.push(document.lines[l].replace(/<[^<>]*>/g, ' '));
  const text = [ownText.join('\n'), trailingResolution(document, section)].filter(Boolean).join('\n');
  const placeholderLines = new Set(placeholders.map((p) => p.range.start.line));
  // Times the text states count as entries too: "Issue Detection (November 10, 8:00 PM)" says when.
  const entries = Math.max(
    // An entry whose time is a date alone, or cannot be read, still says when (`15/08 - detected by …`).
    document.timeline.filter((e) => !placeholderLines.has(e.line)).length,
    status === 'present' ? statedTimes(text) : 0,
  );
  const checklist = section.checklist.map((item) => ({
    item,
    covered: status === 'present' && holds(item.check ?? { pattern: patterns.content }, text, fields, entries),
  }));
  const complete = status === 'present' && fields.every((f) => !f.field.required || f.status === 'present');
  return { section, status, instances, fields, placeholders, checklist, text, complete };
}

/** A field the section does not write may be stated another way: a duration by start and end, the impact by its own section. */
function answeredElsewhere(
  context: Context,
  field: TemplateField,
  written: readonly WrittenField[],
  impactSection: () => SectionCompleteness | undefined,
): FieldCompleteness | undefined {
  if (field.id === 'duration') {
    const start = written.find((w) => w.field.id === 'start');
    const end = written.find((w) => w.field.id === 'end');
    if (start && end) {
      const both = start.status === 'present' && end.status === 'present';
      return { field, status: both ? 'present' : 'placeholder', answeredBy: 'the Start and End fields' };
    }
    // A time range in the summary ("14:00 – 15:30 UTC") states it too.
    const from = context.incident.start;
    if (from) return { field, status: 'present', answeredBy: `the times on line ${from.range.start.line + 1}` };
  }
  if (field.id === 'impact') {
    const impact = impactSection();
    if (impact && impact.status !== 'missing' && impact.status !== 'empty') {
      return { field, status: impact.status === 'present' ? 'present' : 'placeholder', answeredBy: `the ${impact.section.name} section` };
    }
  }
  return undefined;
}

function skippedLines(document: PostmortemDocument): Set<number> {
  const skipped = new Set<number>();
  if (document.frontMatter) for (let l = document.frontMatter.startLine; l <= document.frontMatter.endLine; l++) skipped.add(l);
  for (const b of document.blocks) {
    if (b.type === 'fence' || b.type === 'code_block' || b.type === 'html_block') for (let l = b.startLine; l < b.endLine; l++) skipped.add(l);
  }
  // Fences inside list items and quotes are not top-level blocks: find them by their markers there.
  for (const b of document.blocks) {
    if (b.type !== 'bullet_list' && b.type !== 'ordered_list' && b.type !== 'blockquote') continue;
    let open: string | null = null;
    for (let l = b.startLine; l < b.endLine; l++) {
      const line = document.lines[l];
      const marker = /^[\s>]*(`{3,}|~{3,})/.exec(line)?.[1];
      if (open) {
        skipped.add(l);
        if (marker && marker[0] === open[0] && marker.length >= open.length && line.replace(/^[\s>]*/, '').trim() === marker) open = null;
      } else if (marker) {
        open = marker;
        skipped.add(l);
      }
    }
  }
  return skipped;
}

/** Placeholders above the first section and in the title. */
function documentSites(context: Context, titleWords: ReadonlySet<string>): PlaceholderSite[] {
  const { document } = context;
  const firstSection = Math.min(...document.sections.map((s) => s.headingRange.start.line), document.lines.length);
  const sites: PlaceholderSite[] = [];
  for (let line = 0; line < firstSection; line++) {
    if (context.skipped.has(line)) continue;
    if (document.title?.line === line) {
      const title = document.title.text;
      const at = document.lines[line].indexOf(title);
      // `Postmortem: What broke, and when`: the words after the kind of document are the placeholder.
      const own = title.replace(/^[^:]*:\s*/, '');
      if (titleWords.has(wordsOf(own)) && at >= 0) {
        const start = at + title.length - own.length;
        sites.push({ range: range(line, start, line, start + own.length), text: own, kind: 'template-text', sectionId: null });
        continue;
      }
    }
    sites.push(...lineSites(context, line, null));
  }
  return sites;
}

export function evaluateCompleteness(document: PostmortemDocument, template: Template, incident: Incident): Completeness {
  const definitions = new Set<string>();
  for (const line of document.lines) {
    const m = /^\s{0,3}\[([^\]]+)\]:\s*\S/.exec(line);
    if (m) definitions.add(m[1].trim().toLowerCase());
  }
  const context: Context = {
    document,
    template,
    incident,
    definitions,
    skipped: skippedLines(document),
    headingLines: new Set(document.otherHeadings.map((h) => h.line)),
    fieldStarts: new Set(document.fields.map((f) => f.labelRange.start.line)),
    entryLines: new Set(document.timeline.map((e) => e.line)),
    htmlLines: seenHtmlLines(document),
  };
  const results = new Map<string, SectionCompleteness>();
  const impactId = 'impact';
  const evaluate = (section: TemplateSection): SectionCompleteness => {
    const known = results.get(section.id);
    if (known) return known;
    const impact = () => {
      const t = template.sections.find((s) => s.id === impactId);
      return t && t !== section ? evaluate(t) : undefined;
    };
    const result = evaluateSection(context, section, impact);
    results.set(section.id, result);
    return result;
  };
  const sections = template.sections.map(evaluate);
  const required = sections.filter((s) => s.section.required);
  return {
    sections,
    documentPlaceholders: documentSites(context, new Set([wordsOf(skeletonTitle)])),
    missingSections: required.filter((s) => s.status === 'missing').map((s) => s.section.id),
    requiredComplete: required.filter((s) => s.complete).length,
    requiredTotal: required.length,
  };
}

/** Every placeholder the evaluation found, in document order. */
export function allPlaceholders(completeness: Completeness): PlaceholderSite[] {
  return [...completeness.documentPlaceholders, ...completeness.sections.flatMap((s) => s.placeholders)].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

// ---- What is left to write, as a list ------------------------------------------------------------

/** One thing left to write, for "Show What Is Missing". */
export interface Gap {
  kind: 'missing-section' | 'empty-section' | 'placeholder-section' | 'missing-field' | 'placeholder-field' | 'placeholder';
  /** `Timeline`, `Issue Summary › Impact`, `line 17`. */
  label: string;
  /** Why it is listed, in a reader's words. */
  detail: string;
  sectionId: string | null;
  fieldId?: string;
  /** Where it is; absent for what is not in the document at all. */
  range?: Range;
  required: boolean;
}

const shortText = (text: string) => shorten(text, 50);

/** Everything left to write, required sections first, in template order, then the placeholders left elsewhere. */
export function gapsOf(completeness: Completeness): Gap[] {
  const gaps: Gap[] = [];
  const leftovers: Gap[] = [];
  for (const s of completeness.sections) {
    const { section } = s;
    const heading = s.instances[0]?.headingRange;
    if (s.status === 'missing') {
      if (section.required) gaps.push({ kind: 'missing-section', label: section.name, detail: 'missing', sectionId: section.id, required: true });
      continue;
    }
    if (s.status === 'empty') {
      gaps.push({ kind: 'empty-section', label: section.name, detail: 'empty', sectionId: section.id, range: heading, required: section.required });
      continue;
    }
    if (s.status === 'placeholder') {
      gaps.push({
        kind: 'placeholder-section',
        label: section.name,
        detail: "still the template's placeholder text",
        sectionId: section.id,
        range: heading,
        required: section.required,
      });
      continue;
    }
    for (const f of s.fields) {
      if (f.status === 'present' || (!f.field.required && f.status === 'missing')) continue;
      const label = `${section.name} › ${f.field.name}`;
      if (f.status === 'missing')
        gaps.push({ kind: 'missing-field', label, detail: 'missing', sectionId: section.id, fieldId: f.field.id, range: heading, required: true });
      else {
        const site = s.placeholders.find((p) => p.fieldId === f.field.id);
        gaps.push({
          kind: 'placeholder-field',
          label,
          detail: site?.text ? `still a placeholder: ${shortText(site.text)}` : f.answeredBy ? `${f.answeredBy} are placeholders` : 'no value yet',
          sectionId: section.id,
          fieldId: f.field.id,
          range: site?.range ?? f.written?.labelRange ?? heading,
          required: f.field.required,
        });
      }
    }
    for (const p of s.placeholders.filter((x) => !x.fieldId)) {
      leftovers.push({
        kind: 'placeholder',
        label: `${section.name}, line ${p.range.start.line + 1}`,
        detail: `placeholder: ${shortText(p.text)}`,
        sectionId: section.id,
        range: p.range,
        required: false,
      });
    }
  }
  for (const p of completeness.documentPlaceholders) {
    leftovers.push({
      kind: 'placeholder',
      label: `line ${p.range.start.line + 1}`,
      detail: `placeholder: ${shortText(p.text)}`,
      sectionId: null,
      range: p.range,
      required: false,
    });
  }
  const order = (g: Gap) => (g.required ? 0 : 1);
  return [...gaps.sort((a, b) => order(a) - order(b)), ...leftovers.sort((a, b) => (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0))];
}
