import { formatDuration, type ZoneSpec } from '../time';
import { isoDate, pad, sameDay } from './place';
import type { DurationSite, Incident, IncidentTime } from './types';

// Words shared by the time rules, the hover and the code actions: the window as a reader writes it,
// the fix that writes the computed duration, and an example for a time that cannot be read.

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A time in the same shape as `text` that would be read: `14:??` → `14:05 UTC`, `25:99` → `23:59 UTC`. */
export function exampleFor(text: string, zone: ZoneSpec | null): string {
  const zoneText = zone?.text ?? 'UTC';
  const dateMatch = /([0-9Yy]{4})-([0-9M]{2})-([0-9Dd]{2})/.exec(text);
  let date = '';
  if (dateMatch) {
    const year = /^\d{4}$/.test(dateMatch[1]) ? Number(dateMatch[1]) : 2024;
    const month = /^\d\d$/.test(dateMatch[2]) ? Math.min(Math.max(Number(dateMatch[2]), 1), 12) : 1;
    const day = /^\d\d$/.test(dateMatch[3]) ? Math.min(Math.max(Number(dateMatch[3]), 1), month === 2 && year % 4 !== 0 ? 28 : DAYS_IN_MONTH[month - 1]) : 15;
    date = `${year}-${pad(month)}-${pad(day)}`;
  }
  const clock = /([0-9A-Za-z?_#]{1,2}):([0-9A-Za-z?_#]{2})/.exec(text.slice(dateMatch ? dateMatch.index + dateMatch[0].length : 0));
  if (!clock) return date ? `${date} 14:05 ${zoneText}` : `14:05 ${zoneText}`;
  const meridiem = /\b([AaPp])\.?[Mm]\.?$/.exec(text.trim());
  const maxHour = meridiem ? 12 : 23;
  const hour = /^\d{1,2}$/.test(clock[1]) ? Math.min(Math.max(Number(clock[1]), meridiem ? 1 : 0), maxHour) : meridiem ? 2 : 14;
  const minute = /^\d\d$/.test(clock[2]) ? Math.min(Number(clock[2]), 59) : 5;
  const time = `${pad(hour)}:${pad(minute)}${meridiem ? ` ${meridiem[1].toUpperCase()}M` : ''}`;
  return `${date ? `${date} ` : ''}${time} ${zoneText}`;
}

/** A time as its wall clock reads: `14:30`, or `2023-05-13 22:20` when `withDate`. */
function wallClock(t: IncidentTime, withDate: boolean): string {
  const clock = `${pad(t.parsed.hour)}:${pad(t.parsed.minute)}`;
  return withDate && t.date ? `${isoDate(t.date)} ${clock}` : clock;
}

/** "14:30–18:45 SAST", "2023-05-13 22:20–2023-05-14 15:00 PST", "10:00 WAT–11:00 UTC". */
export function windowText(incident: Pick<Incident, 'start' | 'end'>): string {
  const { start, end } = incident;
  if (!start || !end) return start ? wallClock(start, true) : '';
  const withDate = !!(start.date && end.date && !sameDay(start.date, end.date));
  const sameZone = start.zone?.zone === end.zone?.zone;
  const zone = (t: IncidentTime) => (t.zone ? ` ${t.zone.text}` : '');
  return sameZone
    ? `${wallClock(start, withDate)}–${wallClock(end, withDate)}${zone(end)}`
    : `${wallClock(start, withDate)}${zone(start)}–${wallClock(end, withDate)}${zone(end)}`;
}

/** The fix that writes the computed duration where the document keeps it, or null when it cannot be computed. */
export function durationFix(incident: Incident): { kind: 'write-duration'; title: string; minutes: number; site: DurationSite } | null {
  if (incident.durationMinutes === null || !incident.durationSite) return null;
  const text = formatDuration(incident.durationMinutes);
  const title = incident.durationSite.kind === 'replace' ? `Correct the duration to "${text}"` : `Compute duration: insert "${text}"`;
  return { kind: 'write-duration', title, minutes: incident.durationMinutes, site: incident.durationSite };
}
