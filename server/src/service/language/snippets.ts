import type { Template, TemplateSection } from '../templates';

// Skeletons as VS Code snippets (tab stops on what the author replaces) and as plain text.
// The snippets file, section completion, the quick fixes and "New Postmortem" all write sections
// through here, so they cannot drift from the templates.
//
// In each line the times are the first tab stops, then the date (usually right already), then
// the text, then a zone the document does not state; a zone it states is written as it writes it.

/** Text a snippet inserts literally: `$`, `}` and `\` escaped. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** What fills the skeleton's `YYYY-MM-DD` and `(time zone)`. */
export interface SkeletonValues {
  /** `2024-05-02`; in a snippet without it, the editor's current date. */
  date?: string;
  /** `UTC`, `Europe/Berlin`, as the document writes it; without it, `UTC` (a tab stop in a snippet). */
  timeZone?: string;
  /** In a snippet, the tab stop that holds the zone: every zone of the skeleton mirrors it. */
  zoneStop?: number;
}

/** The zone written where none is known: a tab stop in a snippet, so it is one keystroke to change. */
export const defaultZone = 'UTC';

/** The title the New Postmortem skeleton writes, for the author to replace. */
export const skeletonTitle = 'What broke, and when';

/** Numbers tab stops across the sections of one snippet. */
export class TabStops {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: snippet variables, not a template literal
const dateVariables = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';

/** A line of a snippet before its tab stops are numbered: literal text (escaped) and slots. */
type Part = string | { slot: Slot; text: string };
type Slot = 'time' | 'date' | 'text' | 'zone';
/** The order a line's tab stops are visited in. */
const slotOrder: readonly Slot[] = ['time', 'date', 'text', 'zone'];

/** What a skeleton leaves to fill in: times, dates, the zone, and placeholders like `N hours N minutes`, `SEV-N`, `…`. */
const token = /HH:MM|YYYY-MM-DD|\(time zone\)|\bN hours N minutes\b|\bN (?:hours|minutes|customers|users)\b|\bSEV-N\b|…/g;

function tokenPart(text: string, values: SkeletonValues): Part {
  if (text === 'HH:MM') return { slot: 'time', text };
  if (text !== 'YYYY-MM-DD' && text !== '(time zone)') return { slot: 'text', text: escapeSnippet(text) };
  if (text === 'YYYY-MM-DD') return { slot: 'date', text: values.date ? escapeSnippet(values.date) : dateVariables };
  if (values.zoneStop !== undefined) return `$${values.zoneStop}`;
  return values.timeZone ? escapeSnippet(values.timeZone) : { slot: 'zone', text: defaultZone };
}

/** Literal text whose times, dates and zones are slots of their own. */
function tokenized(text: string, values: SkeletonValues): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(token)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(escapeSnippet(text.slice(last, at)));
    parts.push(tokenPart(m[0], values));
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(escapeSnippet(text.slice(last)));
  return parts;
}

/** A value to write: one text slot, or, when it holds times or dates, a slot for each of them. */
function value(text: string, values: SkeletonValues): Part[] {
  if (!text) return [{ slot: 'text', text: '' }];
  return text.search(token) >= 0 ? tokenized(text, values) : [{ slot: 'text', text: escapeSnippet(text) }];
}

function render(parts: readonly Part[], stops: TabStops): string {
  const numbers = new Map<Part, number>();
  for (const slot of slotOrder) for (const p of parts) if (typeof p !== 'string' && p.slot === slot) numbers.set(p, stops.take());
  return parts.map((p) => (typeof p === 'string' ? p : p.text ? `\${${numbers.get(p)}:${p.text}}` : `$${numbers.get(p)}`)).join('');
}

const listPrefix = /^(\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?)/;
const boldLabel = /^(\*\*[^*]+\*\*:?|__[^_]+__:?)(\s*(?:[-–—:]\s*)?)/;
const tableSeparator = /^\s*\|[\s:|-]+\|\s*$/;

function skeletonLine(line: string, previous: string | undefined, stops: TabStops, values: SkeletonValues): string {
  if (!line.trim()) return '';
  if (/^\s*\|/.test(line)) {
    // The header row and the separator stay; each cell of a data row is a tab stop.
    if (tableSeparator.test(line) || !previous?.trim().startsWith('|')) return render(tokenized(line, values), stops);
    const cells = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|');
    const parts: Part[] = ['| '];
    cells.forEach((c, i) => {
      parts.push(...(i ? [' | '] : []), ...value(c.trim(), values));
    });
    parts.push(' |');
    return render(parts, stops);
  }
  const prefix = listPrefix.exec(line)?.[1] ?? '';
  let rest = line.slice(prefix.length);
  const parts: Part[] = [escapeSnippet(prefix)];
  const label = boldLabel.exec(rest);
  if (label) {
    // `**HH:MM (time zone)** – text`: the time is a tab stop, the text another.
    parts.push(...tokenized(label[1], values), escapeSnippet(label[2]));
    rest = rest.slice(label[0].length);
    if (!rest) {
      if (!label[2]) parts.push(' ');
      parts.push({ slot: 'text', text: '' });
      return render(parts, stops);
    }
  } else if (prefix && /:\s*$/.test(rest)) {
    // `- Incident commander:` keeps its label; the value is the tab stop.
    parts.push(...tokenized(rest.trimEnd(), values), ' ', { slot: 'text', text: '' });
    return render(parts, stops);
  }
  parts.push(...value(rest, values));
  return render(parts, stops);
}

/** A value to write as a snippet: one tab stop, or one for each time and date in it (times first). */
export function valueSnippet(text: string, stops: TabStops, values: SkeletonValues = {}): string {
  return render(value(text, values), stops);
}

/** A skeleton as snippet text. */
export function skeletonSnippet(skeleton: string, stops: TabStops, values: SkeletonValues = {}): string {
  const lines = skeleton.split(/\r\n|\r|\n/);
  return lines.map((line, i) => skeletonLine(line, lines[i - 1], stops, values)).join('\n');
}

/** A skeleton as plain text: the date where it is known, the zone as the document writes it (else UTC). */
export function skeletonText(skeleton: string, values: SkeletonValues = {}): string {
  return skeleton.replace(/YYYY-MM-DD/g, () => values.date ?? 'YYYY-MM-DD').replace(/\(time zone\)/g, () => values.timeZone ?? defaultZone);
}

/** A section: its heading (as given, e.g. in the document's own style) and its skeleton. */
export function sectionSnippet(section: TemplateSection, heading: string, stops: TabStops = new TabStops(), values: SkeletonValues = {}): string {
  return `${escapeSnippet(heading)}\n\n${skeletonSnippet(section.skeleton, stops, values)}`;
}

/** Snippet text as the plain text it inserts when every tab stop keeps its default (variables as their names). */
export function snippetText(snippet: string): string {
  // A mirror (`$2` after `${2:UTC}`) inserts what its tab stop holds.
  const defaults = new Map<string, string>();
  for (const m of snippet.matchAll(/\$\{(\d+):((?:[^$}\\]|\\.)*)\}/g)) if (!defaults.has(m[1])) defaults.set(m[1], m[2].replace(/\\(.)/g, '$1'));
  const stop = (n: string) => defaults.get(n) ?? '';
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '\\$}'.includes(snippet[i + 1])) {
      out += snippet[++i];
      continue;
    }
    if (c === '$') {
      const simple = /^\$(?:\d+|[A-Z_]+)/.exec(snippet.slice(i));
      if (simple) {
        const name = simple[0].slice(1);
        out += /^\d/.test(name) ? stop(name) : variableText(name);
        i += simple[0].length - 1;
        continue;
      }
      const open = /^\$\{(\d+|[A-Z_]+)(:?)/.exec(snippet.slice(i));
      if (open) {
        if (!open[2]) {
          // `${1}` or `${CURRENT_YEAR}`
          out += /^\d/.test(open[1]) ? stop(open[1]) : variableText(open[1]);
          i += open[0].length; // at '}'
          continue;
        }
        i += open[0].length - 1; // the default follows; its closing brace is skipped below
        continue;
      }
    }
    if (c === '}') continue;
    out += c;
  }
  return out;
}

const variableNames: Record<string, string> = { CURRENT_YEAR: 'YYYY', CURRENT_MONTH: 'MM', CURRENT_DATE: 'DD', CURRENT_HOUR: 'HH', CURRENT_MINUTE: 'MM' };
const variableText = (name: string) => variableNames[name] ?? '';

/** The sections a new postmortem starts with: the required ones, in template order. */
export function skeletonSections(template: Template): TemplateSection[] {
  return template.sections.filter((s) => s.required);
}

export interface PostmortemSkeleton {
  /** Plain Markdown. */
  text: string;
  /** The same, as a snippet: tab stops on the title and on every value to write. */
  snippet: string;
}

/**
 * A whole postmortem of the template: front matter naming the template, a title, the date and
 * zone, then every required section with its skeleton.
 */
export function postmortemSkeleton(template: Template, values: SkeletonValues = {}): PostmortemSkeleton {
  const frontMatter = `---\npostmortem: { template: ${template.id} }\n---`;
  const sections = skeletonSections(template);

  const stops = new TabStops();
  const title = `# Postmortem: \${${stops.take()}:${skeletonTitle}}`;
  // The zone named once here is the zone of every skeleton time below (they mirror its tab stop).
  const zoneStop = values.timeZone ? undefined : stops.take();
  const zone = zoneStop === undefined ? escapeSnippet(values.timeZone ?? defaultZone) : `\${${zoneStop}:${defaultZone}}`;
  const written = { ...values, timeZone: values.timeZone ?? defaultZone };
  const inSnippet = zoneStop === undefined ? written : { ...written, zoneStop };
  const snippet = [
    escapeSnippet(frontMatter),
    '',
    title,
    '',
    `Date: ${values.date ? escapeSnippet(values.date) : dateVariables}. All times are in ${zone}.`,
    ...sections.flatMap((s) => ['', sectionSnippet(s, `## ${s.name}`, stops, inSnippet)]),
    '',
  ].join('\n');

  const text = [
    frontMatter,
    '',
    `# Postmortem: ${skeletonTitle}`,
    '',
    `Date: ${values.date ?? 'YYYY-MM-DD'}. All times are in ${written.timeZone}.`,
    ...sections.flatMap((s) => ['', `## ${s.name}`, '', skeletonText(s.skeleton, written)]),
    '',
  ].join('\n');
  return { text, snippet };
}
