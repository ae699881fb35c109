import { DateTime } from 'luxon';
import type { Incident } from './incident';
import type { PostmortemDocument } from './model';
import { formatDuration } from './time';
import { shorten } from './text/shorten';

// "Insert timeline diagram": a Mermaid gantt chart of the timeline entries and the incident's
// window, in the document's zone. GitHub renders Mermaid blocks in Markdown, so the diagram shows
// in pull requests and on the repository page. The block is marked, so running the action again
// replaces it in place. The instants are the ones the service already read for each entry (`at`).

export const diagramStartMarker = '<!-- postmortem-timeline-diagram: made by "Insert timeline diagram"; run it again to update this block -->';
export const diagramEndMarker = '<!-- /postmortem-timeline-diagram -->';
const startMarker = /^\s*<!--\s*postmortem-timeline-diagram\b/;
const endMarker = /^\s*<!--\s*\/postmortem-timeline-diagram\s*-->\s*$/;

/** Entries drawn at most; a longer timeline is cut, and the title says so. */
const maxEntries = 60;

/** Where an earlier diagram is: its first and last line (inclusive). */
export function findDiagram(document: PostmortemDocument): { startLine: number; endLine: number } | undefined {
  const { lines } = document;
  const start = lines.findIndex((l) => startMarker.test(l));
  if (start < 0) return undefined;
  for (let l = start + 1; l < lines.length; l++) {
    if (endMarker.test(lines[l])) return { startLine: start, endLine: l };
    if (startMarker.test(lines[l])) break;
  }
  // The closing marker was deleted: the block ends with its Mermaid fence.
  if (/^\s*(`{3,}|~{3,})\s*mermaid\b/.test(lines[start + 1] ?? '')) {
    const fence = /^\s*(`{3,}|~{3,})/.exec(lines[start + 1])?.[1] ?? '```';
    for (let l = start + 2; l < lines.length; l++)
      if (new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`).test(lines[l])) return { startLine: start, endLine: l };
  }
  return { startLine: start, endLine: start };
}

/** A task name Mermaid reads as written: no `:`, `#` or `;`, no markup, not a keyword. */
function taskName(text: string, fallback: string): string {
  let name = text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/[*_`~]+/g, '')
    .replace(/%%/g, '%')
    .replace(/[:;#]+/g, ' ')
    .replace(/^[\s\-–—•|.,]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(name)) name = fallback;
  name = shorten(name, 60);
  if (
    /^(?:gantt|title|section|dateFormat|axisFormat|tickInterval|excludes|includes|todayMarker|weekday|click|accTitle|accDescr|inclusiveEndDates|topAxis)\b/i.test(
      name,
    )
  )
    name = `· ${name}`;
  return name;
}

export interface TimelineDiagram {
  /** The whole block, markers and fence included, lines joined with `\n`. */
  text: string;
  /** How many entries it draws. */
  entries: number;
}

/** The diagram of the document's timeline, or undefined when no entry has a time that could be read. */
export function timelineDiagram(document: PostmortemDocument, incident: Incident): TimelineDiagram | undefined {
  const timed = document.timeline.filter((e) => typeof e.at === 'number');
  if (!timed.length) return undefined;
  const drawn = timed.slice(0, maxEntries);
  // Times are drawn in the document's zone; without one, as written (they were read as UTC).
  const zone = incident.zone?.zone ?? 'UTC';
  const zoneKnown = incident.zone !== null || timed.some((e) => typeof e.time === 'string' && e.time.endsWith('Z'));
  const zoneText = incident.zone?.text ?? (zoneKnown ? 'UTC' : null);
  const datesKnown = timed.some((e) => typeof e.time === 'string' && /^\d{4}-\d{2}-\d{2}/.test(e.time)) || incident.referenceDate !== null;
  const local = (at: number) => DateTime.fromMillis(at, { zone }).toFormat('yyyy-MM-dd HH:mm');
  const start = incident.start?.at;
  const end = incident.end?.at;
  const window = typeof start === 'number' && typeof end === 'number' && end > start ? { start, end } : undefined;
  const instants = [...drawn.map((e) => e.at as number), ...(window ? [window.start, window.end] : [])];
  const first = Math.min(...instants);
  const last = Math.max(...instants);
  const days = new Set(instants.map((at) => DateTime.fromMillis(at, { zone }).toISODate())).size;
  const axis = days > 1 && datesKnown ? '%b %d %H:%M' : '%H:%M';
  const title = [
    'Incident timeline',
    zoneText ? `(times in ${zoneText.replace(/[:;#]/g, ' ')})` : '(times as written: no time zone given)',
    timed.length > drawn.length ? `first ${drawn.length} of ${timed.length} entries` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const body = ['gantt', `    title ${title}`, '    dateFormat YYYY-MM-DD HH:mm', `    axisFormat ${axis}`, '    todayMarker off'];
  if (window) {
    body.push(
      '    section Impact',
      `    ${taskName(`Outage (${formatDuration(Math.round((window.end - window.start) / 60_000))})`, 'Outage')} :crit, impact, ${local(window.start)}, ${local(window.end)}`,
    );
  }
  body.push('    section Timeline');
  drawn.forEach((e, i) => {
    body.push(`    ${taskName(e.text, e.timeText)} :milestone, m${i + 1}, ${local(e.at as number)}, 0m`);
  });
  // A chart spanning a few minutes still needs a width: Mermaid draws an empty axis otherwise.
  if (last === first && !window) body.push(`    ${taskName('', 'End')} :milestone, m${drawn.length + 1}, ${local(last + 60_000)}, 0m`);
  return { text: [diagramStartMarker, '```mermaid', ...body, '```', diagramEndMarker].join('\n'), entries: drawn.length };
}
