import type { PostmortemDocument, Range } from './model';
import { range } from './parse/lines';
import { findDates } from './time';
import { isTableSeparator, tableCells } from './writing/prose';

// The corrective section's tasks as data: what is to be done, whether it is done, who owns it,
// when it is due and where it is tracked. Tasks are written as task lists (`- [ ]`), bullets,
// ✅ lines or tables (`| Action Item | Type | Owner | Bug |`). Converting between a list and a
// table loses nothing: every value read here is written back, in one form or the other.

export type ActionRole = 'text' | 'owner' | 'due' | 'ticket' | 'status';

export interface ActionNote {
  /** As written: `type`, `Priority`. */
  key: string;
  value: string;
}

export interface ActionItem {
  sectionId: string;
  line: number;
  /** Last line of the item (continuation lines included). */
  endLine: number;
  /** Where the task is written: after the bullet and checkbox, or the text cell of a table row. */
  range: Range;
  /** What is to be done, in the author's words, without the owner, due date and tickets noted after it. */
  text: string;
  /** The whole item after its bullet and checkbox (continuation lines joined with spaces). */
  written: string;
  done: boolean;
  /** How the status is written: `[ ]`, `[x]`, `✅`, a Status cell; null when the item marks none. */
  status: string | null;
  /** `@dana`, `Dana Lee`: as written; null when none is named. */
  owner: string | null;
  /** `2024-02-01`, `next sprint`, `Q3`: as written; null when none is given. */
  due: string | null;
  /** `due` as an ISO date (`2024-02-01`) when it names a day. */
  dueDate: string | null;
  /** `JIRA-123`, `#42`, a URL or a Markdown link, as written. */
  tickets: string[];
  /** Other values noted for the item: a Type or Priority column, `(type: prevent)`. */
  notes: ActionNote[];
  source: 'list' | 'table' | 'line';
}

/** A run of action items that converts as a whole: one list (siblings of one level) or one table. */
export interface ActionItemBlock {
  kind: 'list' | 'table';
  sectionId: string;
  startLine: number;
  /** Inclusive. */
  endLine: number;
  items: ActionItem[];
  /** Indentation of the list's bullets or the table's rows. */
  indent: string;
  /** A table's columns as written, with the role each plays. */
  columns?: { name: string; role: ActionRole | 'note' }[];
  /** Every line of the block is an item's text, one of its notes or blank: it converts without losing a line's words. */
  convertible: boolean;
}

export interface ActionItems {
  items: ActionItem[];
  blocks: ActionItemBlock[];
}

/** Section ids that hold action items: `corrective-actions`, `action-items`, and custom ones named so. */
export function holdsActionItems(sectionId: string): boolean {
  return /(?:^|-)(?:corrective|actions?|follow-?ups?|remediations?|tasks?|todos?)(?:-|$)/.test(sectionId);
}

// ---- Reading a task's owner, due date and tickets ---------------------------------------------

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A day or period a task can be due by. */
const DATE = new RegExp(
  [
    '\\d{4}-\\d{2}-\\d{2}',
    '\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?',
    `${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?`,
    `\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?(?:,?\\s+\\d{4})?`,
    `${MONTH}\\s+\\d{4}`,
    'Q[1-4](?:\\s+\\d{4}|/\\d{2,4})?',
    `end\\s+of\\s+(?:the\\s+)?(?:day|week|month|quarter|sprint|year|${MONTH})`,
    'next\\s+(?:week|month|sprint|quarter|release|year)',
    '(?:this|next)\\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day',
    '(?:mon|tues|wednes|thurs|fri|satur|sun)day',
    'EO[DWMQY]',
    'sprint\\s+\\d+',
  ].join('|'),
  'i',
);
const OWNER_KEY = /^(?:owners?|assignees?|assigned(?:\s+to)?|responsible|dri|who)$/i;
const DUE_KEY = /^(?:due(?:\s+date)?|deadline|target(?:\s+date)?|eta|by|when)$/i;
const TICKET_KEY = /^(?:tickets?|bugs?|issues?|jira|links?|tracking|tracker|tracked\s+in|ref(?:erence)?s?|pr)$/i;
const STATUS_KEY = /^(?:status|state|done|completed?)$/i;
const TEXT_KEY =
  /^(?:actions?(?:\s+items?)?|items?|tasks?|descriptions?|what|measures?|remediations?(?:\s+items?)?|follow[\s-]?ups?|todos?|to\s+do|corrective\s+actions?|preventive\s+actions?|action\s+taken|steps?)$/i;

const mention = /(?<![\w.@])@[A-Za-z0-9][\w.-]*[A-Za-z0-9_]|(?<![\w.@])@[A-Za-z0-9]/g;
/** `OPS-1234` (not `UTC-5`, `SEV-1` or `CVE-2021-1`), `#42`, a URL, a Markdown link. */
const ticketPattern =
  /\[[^\]]*\]\([^)]*\)|\bhttps?:\/\/[^\s)>,]+|(?<![\w&])#\d+\b|\b(?!(?:UTC|GMT|SEV|CVE|ISO|RFC|UTF|TLS|SSL|HTTP|P)-)[A-Z][A-Z0-9]{1,9}-\d+\b/g;
const doneStatus = /^(?:done|closed|complete[d]?|fixed|resolved|finished|shipped|yes|y|true|✅|✔️?|☑️?|\[x\])$/i;
const openStatus = /^(?:open|todo|to\s+do|pending|not\s+started|planned|new|no|n|false|⬜|☐|🔲|\[\s\])$/i;
/** Values that name no one and no day: `-`, `n/a`, `TBD`. */
export const unassigned = /^(?:|-+|—|–|n\/?a|none|tbd|tba|unknown|unassigned|\?+)$/i;

/** Words ending in -ed that do not report a deed: `Need`, `Embed`, `Speed`. */
const notPast = /^(?:need|embed|proceed|succeed|exceed|feed|seed|speed|shed|bed|red|breed|bleed|heed|weed|deed|indeed|shred|sled|wed|bred|fed|led)$/i;
const irregularPast = /^(?:built|wrote|rewrote|made|ran|took|gave|began|found|brought|kept|sent|spent|met|held|taught|understood|withdrew|drew)$/i;

/** A task without a mark that reports what was done: `Implemented dynamic scaling`, `**Logging**: Added request IDs`. */
export function reportsDone(text: string): boolean {
  const first = /^(?:(?:\*\*|__)[^*_]+(?:\*\*|__)\s*[:：–—-]?\s*)?([A-Za-z]+)/.exec(text.trim())?.[1] ?? '';
  return (/^[A-Z]?[a-z]{2,}ed$/.test(first) && !notPast.test(first)) || irregularPast.test(first);
}

export function isDone(status: string): boolean {
  return doneStatus.test(status.trim());
}

function isoDue(due: string): string | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/.exec(due.trim());
  if (iso) return iso[0];
  const found = findDates(due).find((d) => d.start === 0 || due.slice(0, d.start).trim() === '');
  if (!found) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${found.date.year}-${pad(found.date.month)}-${pad(found.date.day)}`;
}

/** One `key: value` note, or a bare `@name`, ticket or date, read as an annotation; undefined when it is prose. */
function readAnnotation(part: string, inParentheses: boolean): { role: ActionRole | 'note'; key: string; value: string } | undefined {
  const p = part.trim().replace(/\.$/, '');
  if (!p) return undefined;
  if (new RegExp(`^(?:${ticketPattern.source})$`).test(p)) return { role: 'ticket', key: '', value: p };
  const labelled = /^([A-Za-z][A-Za-z ]{0,19}?)\s*(?:[:：=]\s*|\s+(?=[@\d]|(?:Q[1-4]|next|end|this)\b))(.+)$/i.exec(p);
  if (labelled) {
    const key = labelled[1].trim();
    const value = labelled[2].trim();
    if (OWNER_KEY.test(key)) return { role: 'owner', key, value };
    if (DUE_KEY.test(key) && (/[:：=]/.test(p.slice(key.length, key.length + 3)) || DATE.test(value))) return { role: 'due', key, value };
    if (TICKET_KEY.test(key)) return { role: 'ticket', key, value };
    if (STATUS_KEY.test(key)) return { role: 'status', key, value };
    if (inParentheses && /[:：]/.test(p) && key.split(/\s+/).length <= 2) return { role: 'note', key, value };
  }
  if (new RegExp(`^(?:${mention.source})$`).test(p)) return { role: 'owner', key: '', value: p };
  if (inParentheses && new RegExp(`^(?:${DATE.source})$`, 'i').test(p)) return { role: 'due', key: '', value: p };
  return undefined;
}

interface ReadText {
  text: string;
  owner: string | null;
  due: string | null;
  tickets: string[];
  status: string | null;
  notes: ActionNote[];
}

/** The parenthesised group a text ends with (parentheses inside it balanced: links), and a final `.` after it. */
function trailingGroup(text: string): { start: number; inner: string; after: string } | undefined {
  const m = /\)\s*([.!]?)\s*$/.exec(text);
  if (!m) return undefined;
  let depth = 0;
  for (let i = m.index; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(') depth--;
    if (depth === 0) return { start: i, inner: text.slice(i + 1, m.index), after: m[1] };
  }
  return undefined;
}

/** Splits a note list on commas and semicolons, but not inside a link or a URL. */
function splitNotes(text: string): string[] {
  return text.split(/[,;]\s+(?![^[]*\]\()|[,;](?=\s*(?:[A-Za-z ]{1,20}:|@|#\d))/);
}

/**
 * The task without the notes written after it: `Patch the server (owner: @dana, due 2024-02-01)`,
 * `Patch the server — @dana, OPS-12`. Owner, due date and tickets are read wherever they are.
 */
export function readTaskText(written: string): ReadText {
  const out: ReadText = { text: written.trim(), owner: null, due: null, tickets: [], status: null, notes: [] };
  const take = (a: { role: ActionRole | 'note'; key: string; value: string }) => {
    if (a.role === 'owner') out.owner ??= a.value;
    else if (a.role === 'due') out.due ??= a.value;
    else if (a.role === 'ticket') out.tickets.push(a.value);
    else if (a.role === 'status') out.status ??= a.value;
    else if (a.role === 'note') out.notes.push({ key: a.key, value: a.value });
  };
  // Notes after the task, read from the end while they are notes.
  const stripped: { role: ActionRole | 'note'; key: string; value: string }[][] = [];
  for (let guard = 0; guard < 20; guard++) {
    const t = out.text;
    const group = trailingGroup(t);
    if (group && group.start > 0) {
      const parts = splitNotes(group.inner).map((p) => readAnnotation(p, true));
      if (parts.length && parts.every((p) => p !== undefined)) {
        stripped.push(parts as { role: ActionRole | 'note'; key: string; value: string }[]);
        out.text = t.slice(0, group.start).trimEnd() + group.after;
        continue;
      }
    }
    const tail =
      /(?:\s*[—–|,;]\s*|\s+-\s+|\s+)((?:owners?|assignee|assigned to|due(?: date)?|deadline|eta|tickets?|bug|jira|status)\s*[:：]\s*[^,;()—–|]+|due\s+(?:by\s+)?[^,;()—–|]+|@[\w.-]+|\[[^\]]*\]\([^)]*\)|https?:\/\/\S+|#\d+|[A-Z][A-Z0-9]{1,9}-\d+)\s*([.!]?)$/i.exec(
        t,
      );
    if (tail && tail.index > 0) {
      const a = readAnnotation(tail[1], false);
      if (a && !(a.role === 'due' && !a.key && !DATE.test(a.value))) {
        stripped.push([a]);
        out.text = t.slice(0, tail.index) + tail[2];
        continue;
      }
    }
    break;
  }
  // Read in writing order: the notes stripped last stood first.
  for (const group of stripped.reverse()) for (const a of group) take(a);
  // Owner, due date and tickets written inside the sentence.
  if (!out.owner) {
    const labelled = /\b(?:owner|assignee|assigned to)\s*[:：]\s*(@?[\p{L}][\p{L}\p{N}._'-]*(?:\s+[\p{Lu}][\p{L}'-]+)?)/iu.exec(out.text);
    const at = out.text.match(mention);
    out.owner = labelled?.[1] ?? at?.[0] ?? null;
  }
  if (!out.due) {
    const due = new RegExp(`\\b(?:due(?:\\s+(?:by|on|date))?|deadline|by)\\s*[:：]?\\s*(${DATE.source})`, 'i').exec(out.text);
    out.due = due?.[1] ?? null;
  }
  for (const m of out.text.matchAll(ticketPattern)) if (!out.tickets.includes(m[0])) out.tickets.push(m[0]);
  return out;
}

// ---- Finding the items -------------------------------------------------------------------------

const bullet = /^(\s*)([-*+]|\d{1,9}[.)])(\s+)(.*)$/;
/** A header row and a delimiter row with as many cells: a GFM table starts here. */
function isTableStart(header: string, delimiter: string): boolean {
  return header.includes('|') && isTableSeparator(delimiter) && tableCells(header).length === tableCells(delimiter).length;
}

/** A line that starts a block of its own, which ends a table. */
const startsBlock = /^\s{0,3}(?:#|>|`{3,}|~{3,}|<[!/?a-zA-Z]|[-*+]\s|\d{1,9}[.)]\s|(?:[-*_]\s*){3,}$)/;
const box = /^\[([ xX])\]\s+/;
const statusMark = /^(✅|✔️?|☑️?|⬜|☐|🔲|❌)\s*/u;
const fence = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(`{3,}|~{3,})/;
/** A label that names a group of tasks: `Tasks:`, `**Improvements/Fixes:**`, `**TODO**`. */
const groupLabel = /^(?:\*\*|__)?[^*_]{1,80}?(?:[:：]\s*(?:\*\*|__)?|(?:\*\*|__)\s*[:：]?)$/;
const annotationLine = /^(?:owners?|assignee|assigned to|due(?: date)?|deadline|eta|tickets?|bugs?|jira|status|priority|type)\s*[:：]/i;

interface RawItem {
  line: number;
  endLine: number;
  indent: number;
  contentStart: number;
  content: string;
  continuation: string[];
  parent: RawItem | null;
  children: RawItem[];
  /** A code block is nested in the item: it cannot become a table cell. */
  hasCode: boolean;
  /** A table of tasks is nested under the item. */
  nestedTable?: boolean;
}

function plain(text: string): string {
  return text
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .trim();
}

function itemFrom(
  sectionId: string,
  line: number,
  endLine: number,
  start: number,
  lineText: string,
  content: string,
  source: ActionItem['source'],
): ActionItem {
  let body = content;
  let status: string | null = null;
  const checkbox = box.exec(body);
  if (checkbox) {
    status = `[${checkbox[1]}]`;
    body = body.slice(checkbox[0].length);
  } else {
    const markLeading = statusMark.exec(body);
    if (markLeading) {
      status = markLeading[1];
      body = body.slice(markLeading[0].length);
    }
  }
  const offset = start + (content.length - body.length);
  const read = readTaskText(body.replace(/\s+$/, ''));
  const stated = read.status ?? status;
  return {
    sectionId,
    line,
    endLine,
    range: range(line, Math.min(offset, lineText.length), line, lineText.trimEnd().length),
    text: read.text,
    written: body.trim(),
    done: stated !== null ? isDone(stated) : reportsDone(read.text),
    status: stated,
    owner: read.owner,
    due: read.due,
    dueDate: read.due ? isoDue(read.due) : null,
    tickets: read.tickets,
    notes: read.notes,
    source,
  };
}

function columnRole(name: string): ActionRole | 'note' {
  const n = plain(name)
    .replace(/[#?*_:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (OWNER_KEY.test(n)) return 'owner';
  if (DUE_KEY.test(n) || /^(?:due|target|date)\b/i.test(n)) return 'due';
  if (TICKET_KEY.test(n)) return 'ticket';
  if (STATUS_KEY.test(n)) return 'status';
  if (TEXT_KEY.test(n)) return 'text';
  return 'note';
}

function readTable(lines: readonly string[], sectionId: string, header: number, last: number): ActionItemBlock {
  const names = tableCells(lines[header]);
  const roles = names.map(columnRole);
  if (!roles.includes('text')) roles[Math.max(roles.indexOf('note'), 0)] = 'text';
  // One column per role: a second Owner column is a note.
  const seen = new Set<string>();
  const columns = names.map((name, i) => {
    const role = roles[i] !== 'note' && seen.has(roles[i]) ? 'note' : roles[i];
    seen.add(role);
    return { name, role };
  });
  const items: ActionItem[] = [];
  for (let l = header + 2; l <= last; l++) {
    const cells = tableCells(lines[l]).map((c) => c.replace(/\\\|/g, '|'));
    if (cells.every((c) => c === '')) continue;
    const textIndex = columns.findIndex((c) => c.role === 'text');
    const cell = (role: ActionRole) => {
      const i = columns.findIndex((c) => c.role === role);
      return i >= 0 && cells[i] !== undefined && cells[i] !== '' ? cells[i] : null;
    };
    const written = cells[textIndex] ?? '';
    const read = readTaskText(written);
    const owner = cell('owner');
    const status = cell('status');
    const due = cell('due');
    const tickets = cell('ticket') ? splitNotes(cell('ticket') as string).map((t) => t.trim()) : [];
    const columnNotes = columns.flatMap((c, i) => (c.role === 'note' && cells[i] ? [{ key: c.name, value: cells[i] }] : []));
    // Notes written in the cell (`Fix it (type: prevent)`) count as the list's do, unless a column says otherwise.
    const conflicts =
      (owner !== null && read.owner !== null && owner !== read.owner) ||
      (due !== null && read.due !== null && due !== read.due) ||
      (status !== null && read.status !== null && status !== read.status) ||
      read.notes.some((n) => columnNotes.some((c) => c.key.toLowerCase() === n.key.toLowerCase()));
    const text = conflicts ? written : read.text;
    const stated = status ?? (conflicts ? null : read.status);
    const start = Math.max(0, lines[l].indexOf(written || '|'));
    items.push({
      sectionId,
      line: l,
      endLine: l,
      range: range(l, start, l, written ? start + written.length : lines[l].trimEnd().length),
      text,
      written,
      done: stated !== null ? isDone(stated) : reportsDone(text),
      status: stated,
      owner: owner ?? read.owner,
      due: due ?? read.due,
      dueDate: (due ?? read.due) ? isoDue((due ?? read.due) as string) : null,
      tickets: [...tickets, ...read.tickets.filter((t) => !tickets.includes(t))],
      notes: conflicts ? columnNotes : [...columnNotes, ...read.notes],
      source: 'table',
    });
  }
  const indent = /^\s*/.exec(lines[header])?.[0] ?? '';
  // An indented line right after the table would nest under the last item of a list written in its place.
  const next = lines.slice(last + 1).find((l) => l.trim() !== '');
  const nests = next !== undefined && next.length - next.trimStart().length > indent.length;
  return { kind: 'table', sectionId, startLine: header, endLine: last, items, indent, columns, convertible: !nests };
}

/** The items and convertible blocks of every section that holds action items. */
export function readActionItems(document: PostmortemDocument): ActionItems {
  const out: ActionItems = { items: [], blocks: [] };
  const { lines } = document;
  for (const section of document.sections) {
    if (!holdsActionItems(section.id)) continue;
    const end = Math.min(section.bodyEndLine, lines.length - 1);
    let l = section.bodyStartLine;
    let open: string | null = null;
    while (l <= end) {
      const text = lines[l];
      if (open) {
        if (new RegExp(`^\\s*${open[0] === '`' ? '`' : '~'}{${open.length},}\\s*$`).test(text)) open = null;
        l++;
        continue;
      }
      const f = fence.exec(text);
      if (f && !bullet.test(text)) {
        open = f[1];
        l++;
        continue;
      }
      if (l + 1 <= end && isTableStart(text, lines[l + 1])) {
        let last = l + 1;
        // As in GFM, rows go on until a blank line or the start of another block (a line without `|` is a row too).
        while (last + 1 <= end && lines[last + 1].trim() !== '' && !startsBlock.test(lines[last + 1])) last++;
        const table = readTable(lines, section.id, l, last);
        out.blocks.push(table);
        out.items.push(...table.items);
        l = last + 1;
        continue;
      }
      if (bullet.test(text)) {
        l = readList(lines, section.id, l, end, out);
        continue;
      }
      const marked = statusMark.exec(text.trimStart());
      if (marked) {
        const first = l;
        const items: ActionItem[] = [];
        while (l <= end && statusMark.test(lines[l].trimStart())) {
          const start = lines[l].length - lines[l].trimStart().length;
          items.push(itemFrom(section.id, l, l, start, lines[l], lines[l].trimStart(), 'line'));
          l++;
        }
        out.items.push(...items);
        out.blocks.push({ kind: 'list', sectionId: section.id, startLine: first, endLine: l - 1, items, indent: '', convertible: true });
        continue;
      }
      l++;
    }
  }
  out.blocks.sort((a, b) => a.startLine - b.startLine);
  return out;
}

/** Reads the list starting at `first`; returns the line after it. */
function readList(lines: readonly string[], sectionId: string, first: number, end: number, out: ActionItems): number {
  const raws: RawItem[] = [];
  let l = first;
  let open: string | null = null;
  while (l <= end) {
    const text = lines[l];
    const last = raws[raws.length - 1];
    if (open) {
      if (new RegExp(`^\\s*${open[0] === '`' ? '`' : '~'}{${open.length},}\\s*$`).test(text)) open = null;
      if (last) {
        last.endLine = l;
        last.hasCode = true;
      }
      l++;
      continue;
    }
    const m = bullet.exec(text);
    if (m) {
      const indent = m[1].length;
      let parent: RawItem | null = last ?? null;
      while (parent && parent.indent >= indent) parent = parent.parent;
      const raw: RawItem = {
        line: l,
        endLine: l,
        indent,
        contentStart: m[1].length + m[2].length + m[3].length,
        content: m[4],
        continuation: [],
        parent,
        children: [],
        hasCode: false,
      };
      parent?.children.push(raw);
      raws.push(raw);
      l++;
      continue;
    }
    if (text.trim() === '') {
      // A blank line ends the list unless an item or an indented line follows.
      let next = l + 1;
      while (next <= end && lines[next].trim() === '') next++;
      if (next > end || !(bullet.test(lines[next]) || /^\s{2,}\S/.test(lines[next]))) break;
      if (!bullet.test(lines[next]) && last && lines[next].length - lines[next].trimStart().length <= last.indent) break;
      l = next;
      continue;
    }
    // Headings, tables and ✅ lines end the list; other text continues the item above.
    const table = isTableStart(text, lines[l + 1] ?? '');
    // A table indented under an item holds that item's tasks: the item names their group.
    if (table && last && text.length - text.trimStart().length > last.indent) last.nestedTable = true;
    if (/^\s{0,3}(?:#|<h\d)/i.test(text) || table || statusMark.test(text.trimStart())) break;
    // An HTML block, a quote or a rule at the margin starts a block of its own: the list ends.
    if (last && text.length - text.trimStart().length <= last.indent && /^\s{0,3}(?:<[!/?a-zA-Z]|>|(?:[-*_]\s*){3,}$)/.test(text)) break;
    if (!last) break;
    const f = fence.exec(text);
    if (f) {
      open = f[1];
      last.hasCode = true;
    } else last.continuation.push(text.trim());
    last.endLine = l;
    l++;
  }
  // Leaves are tasks; a bullet with bullets under it names their group (`- Tasks:`), unless all
  // it has under it are its own notes (`  - Owner: @dana`).
  const items = new Map<RawItem, ActionItem>();
  for (const raw of raws) {
    const notes = raw.children.filter((c) => annotationLine.test(plain(c.content)));
    const isGroup = raw.children.length > notes.length || raw.nestedTable === true;
    if (isGroup || (raw.parent && annotationLine.test(plain(raw.content)) && raw.parent.children.every((c) => annotationLine.test(plain(c.content))))) continue;
    const written = [raw.content, ...raw.continuation, ...notes.map((n) => `(${n.content.trim()})`)].join(' ');
    const endLine = Math.max(raw.endLine, ...notes.map((n) => n.endLine));
    if (groupLabel.test(raw.content.trim()) && raw.children.length === 0 && !raw.continuation.length && plain(raw.content).split(/\s+/).length <= 4) continue;
    items.set(raw, itemFrom(sectionId, raw.line, endLine, raw.contentStart, lines[raw.line], written, 'list'));
  }
  // Convertible blocks: siblings of one level under the same parent, in a row.
  const byParent = new Map<RawItem | null, RawItem[]>();
  for (const raw of raws) if (items.has(raw)) byParent.set(raw.parent, [...(byParent.get(raw.parent) ?? []), raw]);
  for (const siblings of byParent.values()) {
    let run: RawItem[] = [];
    const flush = () => {
      if (!run.length) return;
      const blockItems = run.map((r) => items.get(r) as ActionItem);
      out.blocks.push({
        kind: 'list',
        sectionId,
        startLine: run[0].line,
        endLine: Math.max(...blockItems.map((i) => i.endLine)),
        items: blockItems,
        indent: ' '.repeat(run[0].indent),
        convertible: run.every((r) => !r.hasCode && !r.children.some((c) => c.hasCode)),
      });
      run = [];
    };
    for (const raw of siblings) {
      const previous = run[run.length - 1];
      // A sibling that is not an item (a group between them) breaks the run.
      const between = previous ? raws.filter((r) => r.line > previous.endLine && r.line < raw.line && r.parent === raw.parent) : [];
      if (previous && (between.length || raw.indent !== previous.indent)) flush();
      run.push(raw);
    }
    flush();
  }
  out.items.push(...[...items.values()].sort((a, b) => a.line - b.line));
  return Math.max(l, first + 1);
}

// ---- Writing items as a table or a list -------------------------------------------------------

/** The columns "Convert action items to a table" writes, before any note columns. */
export const tableColumns = ['Action item', 'Owner', 'Due', 'Ticket', 'Status'] as const;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** The status a table cell says: `done`, `open`, or what the author wrote when it is neither (`In progress`). */
function statusCell(item: ActionItem): string {
  if (item.done) return 'done';
  if (item.status && !openStatus.test(item.status.trim()) && !statusMark.test(item.status)) return item.status;
  return 'open';
}

/** The items as table rows (header and separator first), indented like the block. */
export function actionTableLines(block: ActionItemBlock): string[] {
  const noteKeys: string[] = [];
  for (const item of block.items) for (const n of item.notes) if (!noteKeys.some((k) => k.toLowerCase() === n.key.toLowerCase())) noteKeys.push(n.key);
  const header = [...tableColumns, ...noteKeys];
  const row = (cells: string[]) => `${block.indent}| ${cells.join(' | ')} |`;
  return [
    row(header),
    `${block.indent}|${header.map(() => '---').join('|')}|`,
    ...block.items.map((item) =>
      row([
        cell(item.text),
        cell(item.owner ?? ''),
        cell(item.due ?? ''),
        cell(item.tickets.join(', ')),
        cell(statusCell(item)),
        ...noteKeys.map((k) =>
          cell(
            item.notes
              .filter((n) => n.key.toLowerCase() === k.toLowerCase())
              .map((n) => n.value)
              .join('; '),
          ),
        ),
      ]),
    ),
  ];
}

/** The items as a task list, each with the notes its text does not already say. */
export function actionListLines(block: ActionItemBlock): string[] {
  return block.items.map((item) => {
    const notes: string[] = [];
    // What the text says itself (`@dana to fix JIRA-1`) is not written again.
    const says = readTaskText(item.text);
    if (item.owner && says.owner !== item.owner) notes.push(`owner: ${item.owner}`);
    if (item.due && says.due !== item.due) notes.push(`due: ${item.due}`);
    for (const t of item.tickets) if (!says.tickets.includes(t)) notes.push(`ticket: ${t}`);
    const status = statusCell(item);
    if (status !== 'done' && status !== 'open') notes.push(`status: ${status}`);
    for (const n of item.notes) notes.push(`${n.key}: ${n.value}`);
    const text = item.text.trim();
    return `${block.indent}- [${item.done ? 'x' : ' '}] ${text}${notes.length ? `${text ? ' ' : ''}(${notes.join(', ')})` : ''}`;
  });
}

/** What an item says, as the round trip through a table or a list must keep it (runs of spaces are one space). */
export function valuesOf(item: ActionItem): string {
  const { text, done, owner, due, tickets, notes } = item;
  return JSON.stringify([text, done, owner, due, tickets, notes]).replace(/\s+/g, ' ').replace(/" | "/g, '"');
}

/**
 * The block written in the other form reads back as the same items. Values that the other form
 * cannot hold (an owner cell `(a; b)`, a note with a comma) make it false: the action is not offered.
 */
export function convertsLosslessly(block: ActionItemBlock): boolean {
  const before = block.items.map(valuesOf);
  let after: string[];
  if (block.kind === 'list') {
    const lines = actionTableLines(block);
    after = readTable(lines, block.sectionId, 0, lines.length - 1).items.map(valuesOf);
  } else {
    const lines = actionListLines(block);
    const read: ActionItems = { items: [], blocks: [] };
    readList(lines, block.sectionId, 0, lines.length - 1, read);
    after = read.items.map(valuesOf);
  }
  return after.length === before.length && after.every((v, i) => v === before[i]);
}
