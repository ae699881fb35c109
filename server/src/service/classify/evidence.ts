import { perLine } from '../incremental/lines';
import type { PostmortemDocument } from '../model';
import { codedPlaceholder } from '../text/codedPlaceholder';

// What a reader notices when deciding whether a Markdown file tells of one specific incident:
// times and dates, a timeline, sections with an account in them, a narrative in the past tense;
// or, against it, the wording of requirements, instructions, placeholders, a guide's "you", links.
// Each measure is counted here; how much each weighs is decided in index.ts.

export interface Measures {
  words: number;
  /** Content lines: prose, list items and table rows, not headings, code or front matter. */
  lines: number;
  /** Lines (headings and title included) with a clock time a reader can read. */
  timeLines: number;
  /** Lines with a calendar date. */
  dateLines: number;
  /** Timeline entries (lines of the timeline that begin with a time). */
  timedEntries: number;
  /** Required sections with content that is not a placeholder. */
  filledSections: number;
  /** Past-tense verbs and first-person words, per 100 words. */
  pastTense: number;
  firstPerson: number;
  /** Words that tell of an outage: down, errors, failed, restored, root cause. */
  incidentTerms: number;
  /** Figures: a percentage, a count of users or requests. */
  figures: number;
  /** The title names a postmortem, an incident report or an outage. */
  incidentTitle: boolean;
  /** The title names a guide, a template, an index, notes or a course project. */
  guideTitle: boolean;
  /** The title names a template, a guide, an example or a skeleton ("Postmortem Template"). */
  templateTitle: boolean;
  /** "… must contain:" lines over fragments, questions or orders. */
  requirementLines: number;
  /** Lines that are orders or questions to the writer. */
  instructionLines: number;
  /** Lines that are placeholders: `<describe>`, `{{ date }}`, `[Issue name]`, Lorem ipsum, YYYY-MM-DD. */
  placeholderLines: number;
  /** "you", "your" per 100 words: a guide speaks to its reader. */
  secondPerson: number;
  /** Statements about postmortems in general ("A postmortem is …", "Every system fails"). */
  generalStatements: number;
  /** Content lines that are only a link, or little more. */
  linkLines: number;
  /** Links to other Markdown files of the repository (reports an index lists). */
  linkedReports: number;
  /** A short text that says the postmortem is elsewhere and links to it. */
  pointsElsewhere: boolean;
  /** Lines of a course or project page: learning objectives, resources, tasks, "weight: 1". */
  projectPageLines: number;
  /** Headings only a security advisory has: CVE, Fixed in, Patches, Workarounds, Affected versions. */
  advisoryHeadings: number;
  /** HTML comments that tell the writer what to put where. */
  instructionComments: number;
  /** Lines announcing planned work: "scheduled maintenance", "will be unavailable", "maintenance window". */
  plannedLines: number;
  /** The front matter's tags or categories name postmortem. */
  tagged: boolean;
  /** List items that are a label and a colon with nothing after them or under them (`* Duration:`). */
  emptyFields: number;
  /** Sections whose whole body is one emphasised line with no figure (`*What caused the incident?*`): a prompt. */
  promptOnlySections: number;
}

const incidentTitle = /\b(?:post[- ]?mortem|incident|outage|root cause analysis|RCA|after[- ]action review|disclosure|downtime|failure|breakage|crash)\b/i;
const guideTitle =
  /\b(?:guide|how[- ]to|template|writing|tips|best practices|index|readme|list of|policy|process|workshop|meeting|notes|agenda|rotation|introduction to|overview of|learning|course|project|(?:example|sample)(?![.\w])|skeleton|boilerplate|0x[0-9a-f]{2}\.?|(?:scheduled\s+|planned\s+)?maintenance|schedule|change\s?log|release\s+notes|(?:release|sprint|project|iteration|milestone)\s+(?:#?[\d.]+\s+)?retro(?:spective)?|game\s+jam|jam|hackathon)\b/i;
// A title that names a template or a guide is one, though it names a postmortem too ("Incident Postmortem Template").
const templateTitle =
  /\b(?:template|(?:review|report|incident|post[- ]?mortem)\s+form|guide|how[- ]to|(?:example|sample)(?![.\w])|skeleton|boilerplate|best practices|tips)\b/i;
const requirementWords =
  /\b(?:must contain|should contain|must include|should include|must have|be brief|between \d+ (?:to|and) \d+ words|keep it short|stick to this one|make sure (?:to|you))\b/i;
const imperativeStart =
  /^(?:example\s*:?\s*$|for example\b|list|state|give|explain|describe|include|add|write|close with|provide|summari[sz]e|mention|itemi[sz]ed?|do not|don'?t|use|make|note|specify|outline|detail|identify|document|covers?|start by|lay out|reflect|think about|consider|remember|try to|avoid|keep|ask|put|assign|link|record|capture|fill in|replace|insert|enter|choose|pick|focus on|be sure|ensure|share|send|schedule|review|copy|duplicate|briefly|quantify|estimate|elaborate|attach|paste|indicate|clarify)\b/i;
const questionStart = /^(?:what|when|how|which|who|why|where|did|does|do|is|are|was|were|can|could|should|would)\b.*\?\s*$/i;
// Placeholders: `<Your name goes here>` (not an HTML tag), `{{ incident date }}`, `{PLACEHOLDER}`,
// `[Discussion of …]` (not a link), Lorem ipsum, YYYY-MM-DD, "Thing 1 happened", TBD.
const htmlTags =
  'a|abbr|b|br|center|code|details|div|em|font|h[1-6]|hr|i|img|ins|kbd|li|ol|p|pre|s|small|span|strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|ul|video|iframe|picture|source|figure|figcaption|blockquote|del|mark|q|dl|dt|dd|section|article|header|footer|nav|main|aside|script|style|link|meta';
const placeholderPattern = new RegExp(
  [
    '^(?:x{2,}|y{2,}|z{2,}|tbd|todo|n\\/a|-|…|\\.\\.\\.|someone\\b.*)$',
    // `<Your name goes here>` (words with spaces, not a tag), also when it runs on to the next lines
    `<(?!/?(?:${htmlTags})\\b)[A-Za-z][^<>=]*\\s[^<>=]*(?:>|$)`,
    // `{{ incident date }}`, `{PLACEHOLDER}`, `{service name}`
    // (not a site generator's shortcode: `{{< track "2020-02-23T13:45:00Z" >}}`, `{{% note %}}`, nor a
    // template expression with a filter: `{{ '2021-09-22T15:32:00Z' | date: "%H:%M" }}`)
    '\\{\\{(?![<%])(?![^{}|]*\\|[^|])[^{}]{1,60}\\}\\}|(?<![\\\\\\w{])\\{[A-Za-z][^{}]{1,80}\\}',
    // `[Discussion of the fix]` (words, not a link, not a log line's `[Sun May 13 01:12:20]`)
    "\\[[A-Za-z][A-Za-z,.'’/-]*\\s[A-Za-z ,.'’/-]{2,100}\\](?![(:\\[])",
    '\\blorem ipsum\\b',
    '\\b(?:yyyy|hh:mm|20xx|mm\\/dd)\\b',
    '\\bthing \\d\\b',
    '\\b(?:issue|incident) (?:name|title)\\b',
    '^\\**(?:tbd|todo|n\\/a)\\**$',
    // `[e.g., 5 minutes]`, `0000-00-00`, `@owner`
    '\\[(?:e\\.g\\.?|eg|i\\.e\\.?|example)[,:\\s][^\\]]*\\]',
    '\\b0000-00-00\\b|\\b00[/.]00[/.](?:00)?00\\b',
    '(?<![\\w@])@(?:owner|name|username|person|assignee|handle|someone)\\b',
    // "Example: deploy started", in a line or a table cell: what the writer is to replace.
    '(?:^|\\|)\\s*[*_]*(?:example|e\\.g\\.)[*_]*\\s*[:,]\\s*\\S',
    // 'When the incident happened, e.g. “30-05-2018”': what to write, with an example in quotes.
    '\\b(?:e\\.g\\.|for example|for instance|something like)[,:]?\\s*[“"][^“”"]{2,}[”"]',
  ].join('|'),
  'i',
);
// `[Draft/Completed]`, `[Yes/No]`: capitalised choices to keep one of (case matters: "[read/write]" is prose).
const choices = /\[[A-Z][\w '’-]{0,30}(?:\s?\/\s?[A-Z][\w '’-]{0,30})+\](?![(:[])/;
// A security advisory's headings: a vulnerability found and fixed in releases, not an outage told.
const advisoryHeading =
  /^(?:cves?|cve[- ]ids?|fixed\s+(?:in|versions?)|patched\s+(?:in|versions?)|patches|workarounds?|(?:affected|vulnerable|impacted)\s+versions?|discovered\s+by|announced|cvss(?:\s+score)?|vulnerability\s+details)$/;
/** A line that holds a placeholder (code spans, except coded placeholders, and links set aside). */
export const placeholderLine = {
  test: (line: string) => {
    const text = line.replace(/`([^`]*)`/g, (_, inner: string) => (codedPlaceholder.test(inner) ? ` ${inner} ` : ' '));
    return placeholderPattern.test(text) || choices.test(text);
  },
};
const pastTenseWords =
  /\b(?:\p{L}{3,}ed|was|were|had|did|went|took|began|ran|found|saw|made|got|came|left|held|kept|led|lost|brought|caught|told|thought|knew|became|broke|fell|grew|rose|shut|sent|spent|wrote|stood|gave|built|chose|drove|froze|hung|meant|paid|rang|sold|stuck|struck|taught|threw|understood|woke|won|occurred)\b/giu;
// "-ed" after a present or modal auxiliary ("is shared", "should be reviewed", "are then assigned") is
// a participle a guide's passive uses, not a past told.
const NOT_PAST_BEFORE = /\b(?:is|are|am|be|being|get|gets|should|must|can|will|may|might|would|could)\s+(?:\p{L}+ly\s+|not\s+)?$/iu;
// "-ed" words that are adjectives far more often than a past told ("scheduled maintenance", "estimated
// time", "required fields"); and a status in capitals ("CANCELLED", "COMPLETED") is a label.
const ADJECTIVE_ED =
  /^(?:scheduled|planned|estimated|expected|required|needed|based|related|detailed|automated|dedicated|advanced|limited|unlimited|supported|unsupported|recommended|suggested|proposed|associated|interested|skilled)$/i;
/** Past-tense verbs in a line: irregular forms and "-ed" words, leaving out a guide's participles. */
function pastTenseIn(text: string): number {
  let n = 0;
  for (const m of text.matchAll(pastTenseWords)) {
    if (
      /ed$/i.test(m[0]) &&
      (NOT_PAST_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - 40), m.index)) || /^\p{Lu}+$/u.test(m[0]) || ADJECTIVE_ED.test(m[0]))
    )
      continue;
    n++;
  }
  return n;
}
/** One past-tense verb (not global: a test must not depend on where the last one stopped). */
const pastTenseWord = new RegExp(pastTenseWords.source, 'iu');
// A capital only at the start ("We" opening a sentence), so "US" and "ME" are not first person.
const firstPersonWords = /\b(?:[Ww]e|[Oo]ur|[Uu]s|I|[Mm]y|[Mm]e|[Ww]e're|[Ww]e've|I've|I'm)\b/g;
const secondPersonWords = /\b(?:you|your|yours|you're|you've|you'll)\b/gi;
const incidentWords =
  /\b(?:outages?|(?<=\b(?:is|was|were|are|went|goes|going|being|been|be|go|gone|came|come|stays?|stayed|remained|brought|bring|took|take|taken|knocked|shut(?:ting)?|broke|breaks|hard|fully|completely|site|service|server|api|app|website|system|network|cluster|database|host|node|it|they)\s+)down|down(?=\s+(?:for|since|from|until|again)\b)|downtime|errors?|failed|failures?|failing|crash(?:ed|es|ing)?|unavailable|unreachable|degraded|broke|broken|bugs?|root cause|caused?|restored|resolved|fix(?:ed|es)?|rolled back|rollback|mitigated|incident|alert(?:ed|s)?|paged|timeouts?|timed out|halt(?:ed)?|stall(?:ed)?|paus(?:e|ed)|stopp(?:ed|ing)|stuck|hung|unresponsive|unstable|invalid|evict(?:ed|ion|ions)?|slow(?:ness|ed|er)?|latency|problems?|issues?|misconfigur\w*|prevent\w*|exploit(?:ed)?|attack(?:ed|er)?|vulnerab\w*|leak(?:ed)?|lost|loss|corrupt\w*|overload\w*|exhausted)\b/gi;
const figure =
  /\b\d+(?:[.,]\d+)?\s*%|\b\d[\d,.]*\s+(?:users|customers|requests|orders|accounts|people|visitors|transactions|jobs|pods|nodes|servers|blocks|messages|emails|errors)\b/gi;
const projectPage =
  /^(?:this\s+(?:repository|repo|folder|directory)\s+(?:contains|holds|includes|has)|learning objectives|resources|read or watch|requirements|general|mandatory|advanced|tasks?|concepts|weight\s*:|project (?:over|will|is|to be)|by the end of this project|repo(?:sitory)?\s*:|directory\s*:|files?\s*:|author\s*:|score\s*:|auto review|manual qa review|your score)\b/i;
const generalStatement =
  /\b(?:(?:this|it|a post[- ]?mortem) is an? (?:analysis|report|document|process|review|written record|structured)|a post[- ]?mortem is|any (?:software )?system|post[- ]?mortems? (?:are|should|help|is)|an incident (?:review|report) is|every (?:system|team|incident|outage|company)|it is important to|the goal of (?:a|the) post|you should|you can|you will|best practices?|in this (?:guide|article|post|template)|this template|use this|the following sections)\b/i;
// A section that describes itself, as a guide or a template does: "The summary is written for
// executives", "The timeline lists each event", "Each action item is assigned an owner".
const selfDescription =
  /^(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:list|summary|description|overview|explanation|outline)\s+of\s+(?:the\s+)?(?:events|actions|steps|what|how|why|incident|issue|outage|root|measures|causes?)\b|^(?:the|this|each|every|an?)\s+(?:[\w-]+\s+){0,3}?(?:section|summary|timeline|root\s+cause|impact|resolution|action\s+items?|measures|post[- ]?mortem|report|document)\s+(?:section\s+)?(?:lists|explains|describes|contains|includes|covers|gives|answers|records|captures|documents|summari[sz]es|outlines|details|should|must|will|(?:is|are)\s+(?:\p{L}+ly\s+)?(?:written|meant|intended|used|where|for|assigned|tracked|listed|shared|reviewed|published|kept|a\s+(?:short|brief|list|place|summary)))\b/iu;
const markdownLink = /!?\[[^\]]*\]\([^)]*\)|<?https?:\/\/\S+>?|\[[^\]]+\]\[[^\]]*\]/g;
const oneLink = new RegExp(markdownLink.source);
/** A line that is mostly a link: "- May 30th, 2019 - [Prow flakiness](./2019-05-30.md)". */
function isLinkLine(line: string): boolean {
  const links = line.match(markdownLink);
  if (!links) return false;
  // "[Google](https://…). A bad config took down most services.": an entry of a list of links.
  if (/^(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*)?\[[^\]]+\]\((?:https?:|\.{0,2}\/)[^)]*\)/.test(line)) return true;
  const rest = line
    .replace(markdownLink, ' ')
    .replace(/[-*+|:–—,.\s]+/g, ' ')
    .trim();
  return rest.length <= 40 || rest.length * 2 < line.length - rest.length;
}
// "The full report can be found here: https://…", "Read it here", "link below": the postmortem is elsewhere.
const pointsElsewhere =
  /\b(?:report|post[- ]?mortem|write-?up|article|analysis)\b[^.]{0,40}\b(?:can|could) be (?:found|read|viewed|seen)\b|\bread (?:it|my (?:full |incident )*(?:report|post[- ]?mortem|article|write-?up)|the (?:full )?(?:report|post[- ]?mortem|article|write-?up))\b|\blink below\b|\bsee the (?:full )?(?:report|post[- ]?mortem|article|document)\b/i;
// Work announced before it happens: a maintenance notice, not an account of an outage.
const planned =
  /\b(?:(?:scheduled|planned|routine|upcoming)\s+(?:maintenance|downtime|outage|work|upgrade|migration)|maintenance\s+(?:window|schedule|period)|will\s+be\s+(?:temporarily\s+|briefly\s+|partially\s+)?(?:unavailable|down|offline|inaccessible|interrupted|performed|upgraded|migrated|restarted|read-only|degraded)|(?:is|are)\s+scheduled\s+(?:for|to|between)|expected\s+to\s+(?:last|take)|we\s+will\s+be\s+(?:performing|conducting|upgrading|migrating|doing))\b/i;
const instructionComment =
  /\b(?:your|you|make sure|please|e\.g\.|for example|format:|could be|can be|describe|add|replace|fill|include|insert|explain|list|write|enter|provide|delete|remove this|template|instructions?)\b/i;

/** A content line as read: markup and tags removed ('' for a line that holds no content). */
function contentText(line: string): string {
  const text = line
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .trim()
    .replace(/^(?:[-*+>]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/^\|/, '')
    .replace(/^[*_]+/, '')
    .trim();
  return text && !/^(?:[-*_|:\s]+)$/.test(text) ? text : '';
}
const contentTextAt = perLine((line) => contentText(line));

/** Content lines, each as written (for placeholders) and as read (markup and tags removed). */
function contentLines(doc: PostmortemDocument, code: ReadonlySet<number>): { raw: string; text: string; line: number }[] {
  const out: { raw: string; text: string; line: number }[] = [];
  const headingLines = new Set([...doc.sections.map((s) => s.headingRange.start.line), ...doc.otherHeadings.map((h) => h.line)]);
  if (doc.title) headingLines.add(doc.title.line);
  doc.lines.forEach((line, i) => {
    if (code.has(i) || headingLines.has(i) || (doc.frontMatter && i <= doc.frontMatter.endLine)) return;
    const text = contentTextAt(doc.lines, i);
    if (text) out.push({ raw: line.trim(), text, line: i });
  });
  return out;
}

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
/** A link to another Markdown file of the repository (a link never crosses a line break: `[^)\s]`). */
const linkedReport = /\]\((?!https?:)[^)\s]+\.(?:md|qmd|markdown|mdx)\)/g;

// A clock ("14:05", "2:17 PM", "0900hrs", "1610Z") and a date ("2024-01-19", "19/01/2024", "Jan 19", "19 January").
const clockLike =
  /(?<![\d:.,])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d.]\d)|\b(?:1[0-2]|0?[1-9])\s?[ap]\.?m\b|\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:hrs?|Z)\b|\b(?:noon|midnight)\b/i;
const months = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const dateLike = new RegExp(
  `\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b\\d{1,2}[/.\\-–]\\d{1,2}[/.\\-–]\\d{2,4}\\b|\\b(?:${months})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${months})\\b`,
  'i',
);

/** A line that tells something: a capitalised sentence of a few words, a time, a figure, a past-tense verb. */
function tellsSomething(line: string): boolean {
  const text = line
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s*(?:[-*+>|]|\d+[.)])\s*(?:\[[ xX]\]\s*)?/, '')
    .replace(/[*_`]/g, '')
    .trim();
  if (/\d{1,2}[:.]\d\d|\d+\s*%/.test(text)) return true;
  if (!/^[\p{Lu}\p{N}"“(]/u.test(text) || imperativeStart.test(text)) return false;
  return (text.match(/\p{L}+/gu)?.length ?? 0) >= 4 || pastTenseWord.test(text);
}

/** What one content line (as read) adds to the counts. Each pattern reads within a line, except `figure` (see figuresIn). */
interface LineCounts {
  pastTense: number;
  firstPerson: number;
  secondPerson: number;
  incidentTerms: number;
  figures: number;
  requirement: boolean;
  instruction: boolean;
  general: boolean;
  projectPage: boolean;
  planned: boolean;
}

const countsOf = (text: string): LineCounts => ({
  pastTense: pastTenseIn(text),
  firstPerson: count(text, firstPersonWords),
  secondPerson: count(text, secondPersonWords),
  incidentTerms: count(text, incidentWords),
  figures: count(text, figure),
  requirement: requirementWords.test(text),
  instruction: imperativeStart.test(text) || questionStart.test(text),
  general: generalStatement.test(text) || selfDescription.test(text),
  projectPage: projectPage.test(text),
  planned: planned.test(text),
});
const countsAt = perLine((_, lines, index) => countsOf(contentTextAt(lines, index)));

/** A line as written: a placeholder, mostly a link, and (for a line with a digit) a clock time or else a date. */
function rawFactsOf(line: string): { placeholder: boolean; link: boolean; clock: boolean; date: boolean } {
  const placeholder = placeholderLine.test(line);
  const link = isLinkLine(line);
  const timed = line.length <= 1000 && /\d/.test(line) && !placeholder && !link;
  const clock = timed && clockLike.test(line);
  return { placeholder, link, clock, date: timed && !clock && dateLike.test(line) };
}
const rawFactsAt = perLine((line) => rawFactsOf(line));
const trimmedFactsAt = perLine((line, lines, index) => (line.trim() === line ? rawFactsAt(lines, index) : rawFactsOf(line.trim())));

// `figure` is the one count whose pattern crosses a line break ("1,200\nusers", "40\n%"): where a
// line ends in a number and the next begins with what it counts, the two are counted together too.
const endsInNumber = /\d[\d,.]*\s*$/;
const startsCounted =
  /^\s*(?:%|(?:users|customers|requests|orders|accounts|people|visitors|transactions|jobs|pods|nodes|servers|blocks|messages|emails|errors)\b)/i;

/** Figures in the lines read as one text (joined with line breaks), counted line by line. */
function figuresIn(lines: readonly string[], counts: readonly LineCounts[]): number {
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    n += counts[i].figures;
    if (i + 1 < lines.length && endsInNumber.test(lines[i]) && startsCounted.test(lines[i + 1])) {
      // What the pair counts beyond what each counts alone: the figure across the break.
      n += count(`${lines[i]}\n${lines[i + 1]}`, figure) - counts[i].figures - counts[i + 1].figures;
    }
  }
  return n;
}

// `* Duration:`, `- **Users affected:** `: a field's label in a list, its value left blank.
const emptyListField = /^(\s*)(?:[-*+]|\d+[.)])\s+(?:\*\*|__)?[\p{L}][\p{L}\p{N} /&'’()-]{0,40}?(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*$/u;
// `*One-liner description of what went wrong.*`: a line wholly in emphasis, with no digit in it.
const emphasisedLine = /^\s*(?:\*(?!\*)[^*\d]+\*|_(?!_)[^_\d]+_)\s*$/;

/** The index of the nearest line after (`step` 1) or before (-1) line `from` that is not blank; out of range when none is. */
function nonBlankFrom(lines: readonly string[], from: number, step: 1 | -1): number {
  let l = from + step;
  while (l >= 0 && l < lines.length && lines[l].trim() === '') l += step;
  return l;
}

/** List items that are a label and a colon with nothing on their line or under them. */
function emptyFieldsIn(lines: readonly string[], code: ReadonlySet<number>): number {
  let n = 0;
  lines.forEach((line, i) => {
    const m = code.has(i) ? null : emptyListField.exec(line);
    if (!m) return;
    // Blank when what follows is no value: the end, a heading, or the next item of the same list.
    const after = lines[nonBlankFrom(lines, i, 1)];
    const item = after === undefined ? null : /^(\s*)(?:[-*+]|\d+[.)])\s/.exec(after);
    if (after === undefined || /^\s*#/.test(after) || (item && item[1].length <= m[1].length)) n++;
  });
  return n;
}

/** Headings (of sections or not) whose whole body is one emphasised line. */
function promptOnlySectionsIn(doc: PostmortemDocument, code: ReadonlySet<number>): number {
  const headings = new Set([...doc.sections.map((x) => x.headingRange.start.line), ...doc.otherHeadings.map((h) => h.line)]);
  let n = 0;
  doc.lines.forEach((line, i) => {
    if (code.has(i) || !emphasisedLine.test(line)) return;
    const next = nonBlankFrom(doc.lines, i, 1);
    if (headings.has(nonBlankFrom(doc.lines, i, -1)) && (next >= doc.lines.length || headings.has(next))) n++;
  });
  return n;
}

export function measure(doc: PostmortemDocument, requiredIds: ReadonlySet<string>): Measures {
  // Lines of fenced code: neither content nor evidence of times.
  const code = new Set<number>();
  for (const b of doc.blocks) if (b.type === 'fence') for (let l = b.startLine; l < b.endLine; l++) code.add(l);
  const content = contentLines(doc, code);
  const lines = content.map((l) => l.text);
  const counts = content.map((l) => countsAt(doc.lines, l.line));
  const words = Math.max(doc.words, 1);
  let timeLines = 0;
  let dateLines = 0;
  const from = doc.frontMatter ? doc.frontMatter.endLine + 1 : 0;
  for (let l = from; l < doc.lines.length; l++) {
    if (code.has(l)) continue;
    // Evidence only, so a quick look will do: the time library reads these lines for the incident.
    const facts = rawFactsAt(doc.lines, l);
    if (facts.clock) timeLines++;
    else if (facts.date) dateLines++;
  }
  const rawFacts = content.map((l) => trimmedFactsAt(doc.lines, l.line));
  const placeholderLines = rawFacts.filter((f) => f.placeholder).length;
  // A section counts when a line of it tells something: a sentence, a time, a figure; not a
  // placeholder nor the fragments of a requirement ("list the duration …").
  const filled = doc.sections.filter((s) => {
    if (s.empty || !requiredIds.has(s.id)) return false;
    const body = doc.lines.slice(s.bodyStartLine, s.bodyEndLine + 1).filter((l) => l.trim() !== '');
    return body.some((l) => !placeholderLine.test(l) && tellsSomething(l) && !selfDescription.test(contentText(l)));
  });
  const hasComment = doc.lines.some((l) => l.includes('<!--'));
  const comments = doc.blocks.length && hasComment ? (doc.lines.join('\n').match(/<!--[\s\S]*?-->/g) ?? []) : [];
  const sum = (key: 'pastTense' | 'firstPerson' | 'secondPerson' | 'incidentTerms') => counts.reduce((n, c) => n + c[key], 0);
  const tally = (key: 'requirement' | 'instruction' | 'general' | 'projectPage' | 'planned') => counts.reduce((n, c) => n + (c[key] ? 1 : 0), 0);
  const reportLinks = new Set<string>();
  for (const line of doc.lines) if (line.includes('](')) for (const m of line.match(linkedReport) ?? []) reportLinks.add(m);
  return {
    words: doc.words,
    lines: lines.length,
    timeLines,
    dateLines,
    timedEntries: doc.timeline.length,
    filledSections: new Set(filled.map((s) => s.id)).size,
    pastTense: (sum('pastTense') * 100) / words,
    firstPerson: (sum('firstPerson') * 100) / words,
    incidentTerms: sum('incidentTerms'),
    figures: figuresIn(lines, counts),
    incidentTitle: doc.title !== null && incidentTitle.test(doc.title.text) && !templateTitle.test(doc.title.text),
    guideTitle: doc.title !== null && guideTitle.test(doc.title.text),
    templateTitle: doc.title !== null && templateTitle.test(doc.title.text),
    requirementLines: tally('requirement'),
    instructionLines: tally('instruction'),
    placeholderLines,
    secondPerson: (sum('secondPerson') * 100) / words,
    generalStatements: tally('general'),
    linkLines: rawFacts.filter((f) => f.link).length,
    linkedReports: reportLinks.size,
    pointsElsewhere: doc.words < 400 && content.some((l) => pointsElsewhere.test(l.text) && oneLink.test(l.raw)),
    projectPageLines: tally('projectPage'),
    advisoryHeadings: new Set(
      [...doc.sections.map((x) => x.label), ...doc.otherHeadings.map((h) => h.label), ...(doc.title ? [doc.title.text] : [])]
        .map((label) =>
          label
            .replace(/[*_:#]/g, '')
            .trim()
            .toLowerCase(),
        )
        .filter((label) => advisoryHeading.test(label)),
    ).size,
    plannedLines: tally('planned'),
    tagged: doc.frontMatter?.taggedPostmortem === true,
    instructionComments: comments.filter((c) => instructionComment.test(c) && !/postmortem-disable|expect:/.test(c)).length,
    emptyFields: emptyFieldsIn(doc.lines, code),
    promptOnlySections: promptOnlySectionsIn(doc, code),
  };
}
