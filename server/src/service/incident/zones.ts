import type { PostmortemDocument } from '../model';
import { withoutMarkup } from '../parse/lines';
import { findDetachedZone, findTimes, findZoneDeclaration, type TimeReadingOptions } from '../time';
import type { ZoneDeclaration } from './types';

// Zones declared for a section ("All times in CET.", "Timeline (PST)") or for the whole document.

// A line ending in the words that begin a declaration ("all times", "times are in", "time zone:").
const WRAPPED_DECLARATION = /\b(?:times?|time\s*zone|timezone|zone)\b[\s\w:]{0,16}$/i;
/** The next line of the same paragraph: not blank, not a list item, a table row, a heading or a quote. */
const continues = (line: string | undefined) => line !== undefined && line.trim() !== '' && !/^\s*(?:[-*+|#>]|\d{1,3}[.)]\s)/.test(line);

/** Zones declared for a section (its heading, or a line in it such as "All times in CET.") or for the whole document. */
export function readZoneDeclarations(document: PostmortemDocument, options: TimeReadingOptions): ZoneDeclaration[] {
  const out: ZoneDeclaration[] = [];
  const { sections, lines } = document;
  const sectionOf = (line: number): number | null => {
    for (let i = sections.length - 1; i >= 0; i--) if (line >= sections[i].range.start.line && line <= sections[i].range.end.line) return i;
    return null;
  };
  for (const key of document.frontMatter?.incidentKeys ?? []) {
    if (!/zone|^tz$/i.test(key.key)) continue;
    const zone = findZoneDeclaration(`timezone: ${key.value}`, options);
    if (zone) out.push({ line: key.line, zone, section: null });
  }
  const from = document.frontMatter ? document.frontMatter.endLine + 1 : 0;
  const entryLines = new Set(document.timeline.map((e) => e.line));
  for (let l = from; l < lines.length; l++) {
    // Only "time(s)", "timezone" or a parenthesis can declare a zone (see time/declaration.ts).
    if (lines[l].length > 400 || !/time|zone|\(/i.test(lines[l])) continue;
    // A timeline entry with a clock declares nothing (below); most entries show one at a glance.
    if (entryLines.has(l) && /\d[:h.]\d\d|\d\s*[ap]\.?m\b/i.test(lines[l])) continue;
    const text = withoutMarkup(lines[l]);
    // A line that states a time is not declaring a zone for others ("10:00 UTC: timestamps in UTC
    // logs"), unless a zone in parentheses stands apart from its times ("On May 3 (UTC), from 10:00").
    // A timeline entry with a time declares nothing; a day line of the timeline may ("2015-10-21 (all times UTC)").
    const times = findTimes(text, options);
    if (times.length && entryLines.has(l)) continue;
    let zone = times.length ? findDetachedZone(text, times, options) : findZoneDeclaration(text, options);
    // "… all events happened on 14 February 2023 and all times\nare CET.": a declaration wrapped onto the next line.
    if (!zone && !times.length && WRAPPED_DECLARATION.test(text) && continues(lines[l + 1]) && !entryLines.has(l + 1))
      zone = findZoneDeclaration(`${text} ${withoutMarkup(lines[l + 1])}`, options);
    if (!zone) continue;
    out.push({ line: l, zone, section: sectionOf(l) });
  }
  return out;
}

/** The zone declared for `line`: by its section (at or above the line), else for the document. */
export function declaredZoneAt(document: PostmortemDocument, declarations: readonly ZoneDeclaration[], line: number): ZoneDeclaration | null {
  let section: number | null = null;
  for (let i = document.sections.length - 1; i >= 0; i--) {
    const r = document.sections[i].range;
    if (line >= r.start.line && line <= r.end.line) {
      section = i;
      break;
    }
  }
  const inSection = declarations.filter((d) => d.section !== null && d.section === section && d.line <= line);
  if (inSection.length) return inSection[inSection.length - 1];
  return declarations.find((d) => d.section === null) ?? null;
}

export function describeDeclaration(document: PostmortemDocument, d: ZoneDeclaration): string {
  const section = d.section === null ? null : document.sections[d.section];
  if (section && section.headingRange.start.line === d.line) return `the zone declared in the "${section.label}" heading`;
  return `the zone declared on line ${d.line + 1}`;
}
