import type { PostmortemDocument } from '../model';
import { withoutMarkup } from '../parse/lines';
import type { LocalDate, TimeReadingOptions } from '../time';
import { dateOnLine, datesIn, fieldSources, type Regions } from './sources';
import type { TimeField } from './types';

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
  for (const key of document.frontMatter?.incidentKeys ?? []) {
    if (/zone|duration|^tz$/i.test(key.key)) continue;
    const d = dateOnLine(key.value, options);
    if (d) return { date: d, source: `the front matter (${key.key})` };
  }
  const named: [string, Regions['summary']][] = [
    ['the summary', regions.summary],
    ['the impact', regions.impact],
    ['the lead', regions.lead],
  ];
  for (const [name, sources] of named) {
    for (const s of sources) {
      const d = dateOnLine(s.text, options);
      if (d) return { date: d, source: `${name}, line ${s.line + 1}` };
    }
  }
  if (regions.title) {
    const d = dateOnLine(regions.title.text, options);
    if (d) return { date: d, source: 'the title' };
  }
  for (const e of document.timeline) {
    const d = dateOnLine(withoutMarkup(document.lines[e.timeRange.start.line] ?? ''), options);
    if (d) return { date: d, source: `the timeline, line ${e.timeRange.start.line + 1}` };
  }
  return null;
}
