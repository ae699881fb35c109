import type { Template, TemplateSection } from '../templates';

// Skeletons as VS Code snippets (tab stops on what the author replaces) and as plain text.
// The snippets file, section completion and "New Postmortem" all write sections through here,
// so they cannot drift from the templates.

/** Text a snippet inserts literally: `$`, `}` and `\` escaped. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** What fills the skeleton's `YYYY-MM-DD` and `(time zone)`. */
export interface SkeletonValues {
  /** `2024-05-02`; in a snippet without it, the editor's current date. */
  date?: string;
  /** `Europe/Berlin`, `UTC+02:00`; in a snippet without it, the editor's UTC offset. */
  timeZone?: string;
}

/** Numbers tab stops across the sections of one snippet. */
export class TabStops {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: snippet variables, not a template literal
const dateVariables = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: a snippet variable, not a template literal
const zoneVariable = 'UTC${CURRENT_TIMEZONE_OFFSET}';

/** Literal skeleton text in a snippet, with the date and zone filled in (or left to the editor's variables). */
function literal(text: string, values: SkeletonValues): string {
  const date = values.date ? escapeSnippet(values.date) : dateVariables;
  const zone = values.timeZone ? escapeSnippet(values.timeZone) : zoneVariable;
  return escapeSnippet(text)
    .replace(/YYYY-MM-DD/g, () => date)
    .replace(/\(time zone\)/g, () => zone);
}

function fillPlain(text: string, values: SkeletonValues): string {
  return text.replace(/YYYY-MM-DD/g, () => values.date ?? 'YYYY-MM-DD').replace(/\(time zone\)/g, () => values.timeZone ?? '(time zone)');
}

function placeholder(stops: TabStops, text: string, values: SkeletonValues): string {
  const n = stops.take();
  return text ? `\${${n}:${literal(text, values)}}` : `$${n}`;
}

const listPrefix = /^(\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?)/;
const boldLabel = /^(\*\*[^*]+\*\*:?|__[^_]+__:?)(\s*(?:[-–—:]\s*)?)/;
const tableSeparator = /^\s*\|[\s:|-]+\|\s*$/;

function skeletonLine(line: string, previous: string | undefined, stops: TabStops, values: SkeletonValues): string {
  if (!line.trim()) return '';
  if (/^\s*\|/.test(line)) {
    // The header row and the separator stay; each cell of a data row is a tab stop.
    if (tableSeparator.test(line) || !previous?.trim().startsWith('|')) return literal(line, values);
    const cells = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|');
    return `| ${cells.map((c) => placeholder(stops, c.trim(), values)).join(' | ')} |`;
  }
  const prefix = listPrefix.exec(line)?.[1] ?? '';
  let rest = line.slice(prefix.length);
  let out = literal(prefix, values);
  const label = boldLabel.exec(rest);
  if (label) {
    // `**14:00 (time zone)** – text`: the time is a tab stop, the text another.
    out += literal(label[1], values).replace(/HH:MM/g, () => `\${${stops.take()}:HH:MM}`) + escapeSnippet(label[2]);
    rest = rest.slice(label[0].length);
    if (!rest) return `${out}${label[2] ? '' : ' '}$${stops.take()}`;
  } else if (prefix && /:\s*$/.test(rest)) {
    // `- Incident commander:` keeps its label; the value is the tab stop.
    return `${out}${literal(rest.trimEnd(), values)} $${stops.take()}`;
  }
  return out + placeholder(stops, rest, values);
}

/** A skeleton as snippet text. */
export function skeletonSnippet(skeleton: string, stops: TabStops, values: SkeletonValues = {}): string {
  const lines = skeleton.split(/\r\n|\r|\n/);
  return lines.map((line, i) => skeletonLine(line, lines[i - 1], stops, values)).join('\n');
}

/** A skeleton as plain text, with whatever values are known filled in. */
export function skeletonText(skeleton: string, values: SkeletonValues = {}): string {
  return fillPlain(skeleton, values);
}

/** A section: its heading (as given, e.g. in the document's own style) and its skeleton. */
export function sectionSnippet(section: TemplateSection, heading: string, stops: TabStops = new TabStops(), values: SkeletonValues = {}): string {
  return `${escapeSnippet(heading)}\n\n${skeletonSnippet(section.skeleton, stops, values)}`;
}

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
  const title = 'What broke, and when';
  const sections = skeletonSections(template);

  const stops = new TabStops();
  const snippet = [
    escapeSnippet(frontMatter),
    '',
    `# Postmortem: \${${stops.take()}:${title}}`,
    '',
    `Date: ${values.date ? escapeSnippet(values.date) : dateVariables}. All times are in ${values.timeZone ? escapeSnippet(values.timeZone) : zoneVariable}.`,
    ...sections.flatMap((s) => ['', sectionSnippet(s, `## ${s.name}`, stops, values)]),
    '',
  ].join('\n');

  const text = [
    frontMatter,
    '',
    `# Postmortem: ${title}`,
    '',
    `Date: ${values.date ?? 'YYYY-MM-DD'}. All times are in ${values.timeZone ?? '(time zone)'}.`,
    ...sections.flatMap((s) => ['', `## ${s.name}`, '', skeletonText(s.skeleton, values)]),
    '',
  ].join('\n');
  return { text, snippet };
}
