import type { PostmortemDocument } from '../model';
import { withoutMarkup } from '../parse/lines';
import type { LocalDate, TimeReadingOptions } from '../time';
import { dateOnLine, datesIn, fieldSources, type Regions } from './sources';
import type { TimeField } from './types';

// A line about the document, not the incident: "Last updated: 2022-05-25", "Due date: 18th December".
const METADATA =
  /^\s*(?:last\s+)?(?:updated|modified|edited|revised|published|posted|created|written|authored|reviewed|review\s+date|due(?:\s+date)?|date\s+(?:written|of\s+(?:the\s+)?(?:report|review|publication))|report\s+date|document\s+date)(?:\s+(?:on|at))?\s*[:：-]/i;

/**
 * The incident's date, for times written without one: from the Start or Duration field, the front
 * matter, the summary, the impact, the lead, the title, or the first dated timeline entry.
 */
export function findReferenceDate(
  document: PostmortemDocument,
  regions: Regions,
  fields: readonly TimeField[],
  options: TimeReadingOptions,
): { date: LocalDate; source: string } | null {
  for (const f of fields.filter((x) => x.id === 'start')) {
    const d = datesIn(fieldSources(document, f), options);
    if (d) return { date: d, source: `the Start field on line ${f.line + 1}` };
  }
  for (const f of fields.filter((x) => x.id === 'duration')) {
    const d = datesIn(fieldSources(document, f), options);
    if (d) return { date: d, source: `the Duration field on line ${f.line + 1}` };
  }
  // A post's `date:` is when it was written, unless the front matter is an incident record: it waits below.
  const postDate = (key: { key: string }) => /^date$/i.test(key.key) && !document.frontMatter?.incidentRecord;
  for (const key of document.frontMatter?.incidentKeys ?? []) {
    if (/zone|duration|^tz$/i.test(key.key) || postDate(key)) continue;
    const d = dateOnLine(key.value, options);
    if (d) return { date: d, source: `the front matter (${key.key})` };
  }
  const named: [string, Regions['summary']][] = [
    ['the summary', regions.summary],
    ['the impact', regions.impact],
    ['the lead', regions.lead],
    // "Unless otherwise noted, all events happened on 14 February 2023".
    ["the timeline's introduction", regions.timelineIntro],
  ];
  for (const [name, sources] of named) {
    for (const s of sources) {
      if (METADATA.test(s.text)) continue;
      const d = dateOnLine(s.text, options);
      if (d) return { date: d, source: `${name}, line ${s.line + 1}` };
    }
  }
  if (regions.title) {
    const d = dateOnLine(regions.title.text, options);
    if (d) return { date: d, source: 'the title' };
  }
  for (const key of document.frontMatter?.incidentKeys ?? []) {
    const d = postDate(key) ? dateOnLine(key.value, options) : null;
    if (d) return { date: d, source: `the front matter (${key.key})` };
  }
  for (const e of document.timeline) {
    const d = dateOnLine(withoutMarkup(document.lines[e.timeRange.start.line] ?? ''), options);
    if (d) return { date: d, source: `the timeline, line ${e.timeRange.start.line + 1}` };
  }
  return null;
}
