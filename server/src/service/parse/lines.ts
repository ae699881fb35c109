import type { FrontMatter, FrontMatterKey, Position, Range } from '../model';

/** The text split into lines, keeping each line's own break (LF, CRLF or CR). */
export function splitLines(text: string): { lines: string[]; eols: string[] } {
  const lines: string[] = [];
  const eols: string[] = [];
  const re = /\r\n|\r|\n/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push(text.slice(last, m.index));
    eols.push(m[0]);
    last = m.index + m[0].length;
  }
  lines.push(text.slice(last));
  eols.push('');
  return { lines, eols };
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

export function lineRange(lines: readonly string[], line: number): Range {
  const text = lines[line] ?? '';
  const indent = text.length - text.trimStart().length;
  // A line of spaces only: an empty range at its end, never an inverted one.
  return range(line, indent, line, Math.max(indent, text.trimEnd().length));
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Offset of a position in the text, given its lines and breaks. */
export function offsetAt(lines: readonly string[], eols: readonly string[], position: Position): number {
  let offset = 0;
  const line = Math.min(position.line, lines.length - 1);
  for (let i = 0; i < line; i++) offset += lines[i].length + eols[i].length;
  return offset + Math.min(position.character, lines[line].length);
}

// YAML between `---` lines (Jekyll, Quarto), TOML between `+++` lines (Hugo: `title = "…"`).
const frontMatterFence = /^(?:---|\+\+\+)\s*$/;
// Top-level keys an incident record gives its clock in: `start_time`, `started_at`, `startTime`,
// `impact-start`, `end`, `resolved`, `resolvedWhen`, `recovered_at`, `mitigated`, `duration`, `date`, `timezone`.
const incidentKey =
  /^((?:(?:incident|impact|outage|issue)[_-]?)?(?:start(?:ed)?|begin|began|end(?:ed)?|resolved?|resolution|recovered|restored|mitigated|detected)(?:[_-]?(?:time|at|date|when|on|time_?utc))?|duration|date|time_?zone|tz)\s*[:=]\s*(\S.*?)\s*$/i;
const frontMatterEnd = { yaml: /^(?:---|\.\.\.)\s*$/, toml: /^\+\+\+\s*$/ };
// `template: post.html` is a site generator's layout file, not a postmortem template's name.
const layoutFile = /\.(?:html?|liquid|njk|hbs|ejs|tmpl|tpl|md|erb|twig)$/i;

/**
 * YAML (or Hugo's TOML) front matter at the very top. Only the keys this tool uses are read
 * (`postmortem: { template: X }`, `postmortem:` / `  template: X`, `template: X`, `type: postmortem`),
 * so no YAML library is needed.
 */
export function readFrontMatter(lines: readonly string[]): FrontMatter | null {
  const first = (lines[0] ?? '').replace(/^\uFEFF/, '');
  if (!frontMatterFence.test(first)) return null;
  let end = -1;
  const closing = first.startsWith('+') ? frontMatterEnd.toml : frontMatterEnd.yaml;
  for (let i = 1; i < Math.min(lines.length, 500); i++) {
    if (closing.test(lines[i])) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const body = lines.slice(1, end);
  let template: string | undefined;
  let declaresPostmortem = false;
  let taggedPostmortem = false;
  let incidentRecord = false;
  let inPostmortemBlock = false;
  let title: FrontMatter['title'];
  const incidentKeys: FrontMatterKey[] = [];
  for (const [index, raw] of body.entries()) {
    const line = raw.replace(/#.*$/, '');
    const key = incidentKey.exec(raw);
    if (key) {
      const value = key[2].replace(/^(["'])(.*)\1$/, '$2');
      const written = raw.indexOf(key[2], key[1].length);
      incidentKeys.push({ key: key[1], line: index + 1, value, valueStart: value === key[2] ? written : written + 1 });
    }
    const titleKey = /^title\s*[:=]\s*(["']?)(.+?)\1\s*$/.exec(raw);
    if (titleKey && !title) title = { text: titleKey[2], line: index + 1 };
    const flow = /^postmortem\s*:\s*\{(.*)\}\s*$/.exec(line);
    if (flow) {
      declaresPostmortem = true;
      const t = /(?:^|,)\s*template\s*:\s*["']?([\w.-]+)["']?/.exec(flow[1]);
      if (t) template = t[1];
      continue;
    }
    if (/^postmortem\s*:\s*(?:true|yes)?\s*$/.test(line)) {
      declaresPostmortem = true;
      inPostmortemBlock = /:\s*$/.test(line);
      continue;
    }
    const nested = /^\s+template\s*:\s*["']?([\w.-]+)["']?\s*$/.exec(line);
    if (nested && inPostmortemBlock) {
      template = nested[1];
      continue;
    }
    if (/^\S/.test(line)) inPostmortemBlock = false;
    // Incident records (start_time / end_time, a status page's severity) declare one, but not a severity
    // that is empty or announces planned work (`severity = "under-maintenance"`); `categories:` / `tags:`
    // lists that include postmortem only count for one (a blog tags its game jam's "post-mortem" too).
    const recordKey = /^(?:start_time|end_time|incident_(?:start|end|id))\s*[:=]/i.test(line) || /^severity\s*[:=]\s*["']?[^\s"']/i.test(line);
    if (recordKey && !/[:=].*\b(?:maintenance|planned|scheduled)\b/i.test(line)) {
      declaresPostmortem = true;
      incidentRecord = true;
    }
    if (/^\s*-\s*["']?post-?mortems?["']?\s*$/i.test(line) || /^(?:categories|tags)\s*[:=].*\bpost-?mortems?\b/i.test(line)) taggedPostmortem = true;
    const top = /^(template|type|kind|layout)\s*[:=]\s*["']?([\w.-]+)["']?\s*$/.exec(line);
    if (top) {
      if (top[1] === 'template') {
        if (!layoutFile.test(top[2])) template = top[2];
      } else if (/^(?:post-?mortem|incident|incident-report)$/i.test(top[2])) declaresPostmortem = true;
    }
  }
  return {
    startLine: 0,
    endLine: end,
    template,
    declaresPostmortem,
    taggedPostmortem,
    ...(incidentRecord ? { incidentRecord } : {}),
    ...(incidentKeys.length ? { incidentKeys } : {}),
    ...(title ? { title } : {}),
  };
}

// Markdown emphasis, code marks and <br> are blanked before times are read, keeping columns, so
// that `**10:00**  to **11:00**` reads as a range.
const inlineMarkup = /[*`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|<br\s*\/?>/giu;

/** `text` with its inline markup blanked: same length, same columns. */
export function withoutMarkup(text: string): string {
  return text.replace(inlineMarkup, (m) => ' '.repeat(m.length));
}
