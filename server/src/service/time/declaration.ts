// Zone declarations for a section or a table column: "Timeline (all times in Pacific Time)",
// "All times in CET.", "(all times UTC)", "times are UTC", a "Time (UTC)" header.
import { readWrittenTimes } from './written';
import { readZoneAt } from './zones';
import type { TimeReadingOptions, ZoneSpec } from './types';

// "all times are in", "times shown in", "timestamps", "timezone:", "time (" — the zone follows.
const DECLARING_WORDS =
  /\b(?:time\s*zone|(?:all\s+)?(?:timestamps?|times?)(?!\p{L})(?:\s+(?:are|is|were))?(?:\s+(?:shown|given|listed|expressed|reported))?(?:\s+in)?)\s*:?/giu;
const PARENTHESISED = /\(/g;

/** The zone `text` declares for the times around it, or null. */
export function findZoneDeclaration(text: string, options?: Pick<TimeReadingOptions, 'ambiguousZones'>): ZoneSpec | null {
  for (const m of text.matchAll(DECLARING_WORDS)) {
    const zone = readZoneAt(text, (m.index ?? 0) + m[0].length, options);
    if (zone) return zone.spec;
  }
  // A bare "(UTC)" declares a zone only where it does not belong to a written time.
  if (readWrittenTimes(text, options).length > 0) return null;
  for (const m of text.matchAll(PARENTHESISED)) {
    const zone = readZoneAt(text, m.index ?? 0, options);
    if (zone) return zone.spec;
  }
  return null;
}

/**
 * The zone a parenthesis declares on a line that also states times, where it belongs to none of
 * them: "On January 15, 2024 (UTC), the outage lasted from 10:00 AM to 12:00 PM." A zone written
 * with a time ("10:00 AM (UTC)", the parenthesis inside the time or right after it) declares nothing.
 */
export function findDetachedZone(
  text: string,
  times: readonly { start: number; end: number }[],
  options?: Pick<TimeReadingOptions, 'ambiguousZones'>,
): ZoneSpec | null {
  for (const m of text.matchAll(PARENTHESISED)) {
    const at = m.index ?? 0;
    if (times.some((t) => (at >= t.start && at < t.end) || (t.end <= at && text.slice(t.end, at).trim() === ''))) continue;
    const zone = readZoneAt(text, at, options);
    if (zone) return zone.spec;
  }
  return null;
}
