// From a written wall-clock time to a real instant, in the zone's real rules (DST included),
// saying what had to be assumed on the way.
import { DateTime, Info, type Zone } from 'luxon';
import { onForget } from '../incremental/memo';
import { shiftDays } from './clock';
import type { LocalDate, ParsedTime, ResolvedInstant, TimeReadingOptions, ZoneSpec } from './types';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Any day will do for clock arithmetic on times written without a date. */
const ANY_DAY: LocalDate = { year: 2000, month: 1, day: 1, dayUnknown: true };

const pad = (n: number) => String(n).padStart(2, '0');
// A fixed locale keeps zone names and digits the same on every machine.
const at = (millis: number, zone: string | Zone) => DateTime.fromMillis(millis, { zone, locale: 'en-US' });
const clockText = (t: ParsedTime) => `${pad(t.hour)}:${pad(t.minute)}`;
const dateText = (d: LocalDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/**
 * The instant a wall clock in `zone` showed `t` on `date`. Like Temporal's "compatible" choice:
 * a time skipped by spring-forward is moved forward by the gap; a time repeated by
 * fall-back is read as its first occurrence.
 */
function wallClockToMillis(date: LocalDate, t: ParsedTime, zone: Zone): { millis: number; note?: 'skipped' | 'repeated' } {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, t.hour, t.minute, t.second ?? 0);
  // A fixed offset ("UTC", "UTC+2") is never skipped nor repeated.
  if (zone.isUniversal) return { millis: asUtc - zone.offset(asUtc) * MINUTE };
  const offsetBefore = zone.offset(asUtc - DAY);
  const offsets = new Set([offsetBefore, zone.offset(asUtc), zone.offset(asUtc + DAY)]);
  const candidates = [...offsets].map((o) => asUtc - o * MINUTE).filter((ms) => zone.offset(ms) * MINUTE === asUtc - ms);
  if (candidates.length === 0) return { millis: asUtc - offsetBefore * MINUTE, note: 'skipped' };
  return { millis: Math.min(...candidates), ...(candidates.length > 1 ? { note: 'repeated' as const } : {}) };
}

// Zones are immutable: one per name (luxon parses "UTC+2" anew each time it is asked).
const zones = new Map<string, Zone>();
onForget(() => zones.clear());
function zoneNamed(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = Info.normalizeZone(name);
    if (zones.size >= 1000) zones.clear();
    zones.set(name, zone);
  }
  return zone;
}

/** "2024-01-19T15:00:00Z", as luxon's toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'") writes it in UTC. */
function utcIso(millis: number): string {
  const d = new Date(millis);
  const year = d.getUTCFullYear();
  // Four-digit years as the Date writes them; luxon for the others (its own signs and padding).
  if (!(year >= 1000 && year <= 9999)) return at(millis, 'UTC').toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
  return `${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

function describeZone(spec: ZoneSpec): string {
  return spec.text === spec.zone ? spec.text : `${spec.text} (${spec.zone})`;
}

/** Notes about the zone itself: which reading of "CST", and "PST" written in summer (not on a stand-in day: no season is known). */
function zoneNotes(spec: ZoneSpec, millis: number, zone: Zone, dayUnknown: boolean): string[] {
  const notes: string[] = [];
  if (spec.ambiguous) {
    const others = spec.ambiguous.readings.filter((r) => r !== spec.ambiguous?.chosen).join(' or ');
    notes.push(`${spec.text} read as ${spec.ambiguous.chosen}; it can also mean ${others}`);
  }
  if (spec.region && !dayUnknown) {
    const regionOffset = zoneNamed(spec.region).offset(millis);
    if (regionOffset !== zone.offset(millis)) {
      const local = at(millis, spec.region);
      notes.push(`${spec.text} is ${spec.zone}, but on ${local.toISODate()} ${spec.region} clocks were on ${local.offsetNameShort}`);
    }
  }
  return notes;
}

/**
 * The instant `t` names. Its own date and zone win; then the incident date and the
 * section's declared zone; with no zone at all, UTC. Null when no date is known or the zone is unknown to luxon.
 */
export function resolveInstant(t: ParsedTime, options?: TimeReadingOptions): ResolvedInstant | null {
  const assumptions = [...(t.inferred ?? [])];
  const date = t.date ?? options?.referenceDate ?? null;
  if (!date) return null;
  if (!t.date) assumptions.push('date taken from the incident');
  let spec = t.zone;
  if (!spec && options?.defaultZone) {
    spec = options.defaultZone;
    assumptions.push(`zone taken from the section: ${spec.text}`);
  }
  if (!spec) {
    spec = { text: 'UTC', zone: 'UTC' };
    assumptions.push('no zone written or declared; read as UTC');
  }
  const zone = zoneNamed(spec.zone);
  if (!zone.isValid) return null;
  const { millis, note } = wallClockToMillis(date, t, zone);
  if (note === 'skipped') {
    const shifted = at(millis, zone).toFormat('HH:mm');
    assumptions.push(`${clockText(t)} did not exist on ${dateText(date)} in ${describeZone(spec)} (clocks sprang forward); read as ${shifted}`);
  } else if (note === 'repeated') {
    assumptions.push(`${clockText(t)} happened twice on ${dateText(date)} in ${describeZone(spec)} (clocks fell back); read as the first`);
  }
  assumptions.push(...zoneNotes(spec, millis, zone, date.dayUnknown === true));
  const iso = utcIso(millis);
  return { millis, iso, zone: zone.name, assumptions };
}

/**
 * Minutes from `start` to `end`, as real instants in their zones (DST aware).
 * A missing date or zone on one end is taken from the other. When one end has no date of
 * its own and the range would run backwards, the range crosses midnight (23:30 → 01:10 = 100).
 */
export function minutesBetween(start: ParsedTime, end: ParsedTime, options?: TimeReadingOptions): number | null {
  const date = start.date ?? end.date ?? options?.referenceDate ?? ANY_DAY;
  const zone = start.zone ?? end.zone;
  const s: ParsedTime = { ...start, date: start.date ?? date, zone: start.zone ?? zone };
  const e: ParsedTime = { ...end, date: end.date ?? date, zone: end.zone ?? zone };
  let from = resolveInstant(s, options);
  let to = resolveInstant(e, options);
  if (from && to && to.millis < from.millis) {
    if (!end.date) to = resolveInstant({ ...e, date: shiftDays(date, 1) }, options);
    else if (!start.date) from = resolveInstant({ ...s, date: shiftDays(date, -1) }, options);
  }
  return from && to ? (to.millis - from.millis) / MINUTE : null;
}
