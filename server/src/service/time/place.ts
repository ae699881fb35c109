// A written time placed on a calendar day in a zone, when the text leaves the day or the zone
// to the reader: the incident's date, the zone declared for the section. Without a known day the
// time is placed on a stand-in day, so that times of one document still compare and subtract.
import { resolveInstant } from './resolve';
import type { LocalDate, ParsedTime, TimeReadingOptions, ZoneSpec } from './types';

/** Any day will do for comparing times written without a date, as long as it is the same one. */
export const STAND_IN_DAY: LocalDate = { year: 2000, month: 1, day: 1, dayUnknown: true };
const UTC: ZoneSpec = { text: 'UTC', zone: 'UTC' };

export interface PlacedTime {
  /** The instant used to compare and subtract times of one document (on the stand-in day when no date is known). */
  at: number;
  /** The real instant, when both the day and the zone are known; else null. */
  millis: number | null;
  /** UTC `Z` ISO when day and zone are known; a local ISO without offset when only the zone is unknown; else null. */
  iso: string | null;
  /** What the reading of the time itself assumed (DST gaps, which CST). */
  assumptions: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `t` on `date` in `zone`; either may be null (unknown). Null when the zone is unknown to luxon. */
export function placeTime(
  t: ParsedTime,
  date: LocalDate | null,
  zone: ZoneSpec | null,
  options?: Pick<TimeReadingOptions, 'ambiguousZones' | 'dateOrder'>,
): PlacedTime | null {
  const day = date ?? STAND_IN_DAY;
  // A date whose year is a stand-in compares days, but is no real instant.
  const real = date !== null && !date.yearUnknown && !t.yearUnknown;
  const resolved = resolveInstant({ ...t, date: day, zone: zone ?? UTC, inferred: [] }, options);
  if (!resolved) return null;
  const local = `${day.year}-${pad(day.month)}-${pad(day.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second ?? 0)}`;
  return {
    at: resolved.millis,
    millis: real && zone ? resolved.millis : null,
    iso: real ? (zone ? resolved.iso : local) : null,
    assumptions: zone ? resolved.assumptions : [],
  };
}
