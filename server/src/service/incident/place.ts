import type { PostmortemDocument, Range } from '../model';
import { range } from '../parse/lines';
import { noonWrittenAsMidnight } from '../parse/timeline';
import { type LocalDate, placeTime, shiftDays, type TimeReadingOptions, type ZoneSpec } from '../time';
import type { FoundTime, IncidentTime, ZoneDeclaration } from './types';
import { declaredZoneAt, describeDeclaration } from './zones';

// A start and an end placed on their days and in their zones, as a reader places them: what is
// written with one end and not the other is shared, and the end moves a day when the clock runs
// past midnight.

export const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (d: LocalDate) => (d.yearUnknown ? `${pad(d.month)}-${pad(d.day)}` : `${d.year}-${pad(d.month)}-${pad(d.day)}`);
export const sameDay = (a: LocalDate, b: LocalDate) => a.year === b.year && a.month === b.month && a.day === b.day;

function rangeOf(found: FoundTime): Range {
  return range(found.line, found.time.start, found.line, found.time.end);
}

/** Start and end placed on their days and in their zones; the end moves a day when the incident crosses midnight. */
export function placeWindow(
  document: PostmortemDocument,
  start: FoundTime,
  end: FoundTime | null,
  declarations: readonly ZoneDeclaration[],
  reference: { date: LocalDate; source: string } | null,
  options: TimeReadingOptions,
): { start: IncidentTime; end: IncidentTime | null; crossesMidnight: boolean } {
  const zoneFor = (t: FoundTime, other: FoundTime | null): { zone: ZoneSpec | null; written: boolean; note?: string } => {
    if (t.time.zone) return { zone: t.time.zone, written: true };
    if (other?.time.zone) return { zone: other.time.zone, written: true, note: `zone ${other.time.zone.text} taken from the ${t === start ? 'end' : 'start'}` };
    const declared = declaredZoneAt(document, declarations, t.line) ?? declarations[0] ?? null;
    if (declared) return { zone: declared.zone, written: false, note: `zone ${declared.zone.text} taken from ${describeDeclaration(document, declared)}` };
    return { zone: null, written: false };
  };
  const dateFor = (t: FoundTime): { date: LocalDate | null; note?: string } => {
    if (t.time.date) return { date: t.time.date };
    if (t.sameLineDate) return { date: t.sameLineDate, note: `date ${isoDate(t.sameLineDate)} taken from the same line` };
    if (reference) return { date: reference.date, note: `date ${isoDate(reference.date)} taken from ${reference.source}` };
    return { date: null };
  };
  const make = (t: FoundTime, date: LocalDate | null, zone: { zone: ZoneSpec | null; written: boolean; note?: string }, notes: string[]): IncidentTime => {
    const placed = placeTime(t.time, date, zone.zone, options) ?? placeTime(t.time, date, null, options);
    const assumptions = [...(t.time.inferred ?? []), ...notes, ...(zone.note ? [zone.note] : []), ...(placed?.assumptions ?? [])];
    if (!date) assumptions.push('no date is given anywhere, so only the clock is known');
    if (!zone.zone) assumptions.push('no zone is written or declared');
    if (t.time.dateAmbiguity) assumptions.push(t.time.dateAmbiguity);
    return {
      text: t.time.text,
      range: rangeOf(t),
      iso: placed?.iso ?? null,
      millis: placed?.millis ?? null,
      at: placed?.at ?? 0,
      parsed: t.time,
      date,
      zone: zone.zone,
      zoneWritten: zone.written,
      assumptions,
      source: t.source,
    };
  };
  const startZone = zoneFor(start, end);
  const startDate = dateFor(start);
  const placedStart = make(start, startDate.date, startZone, startDate.note ? [startDate.note] : []);
  if (!end) return { start: placedStart, end: null, crossesMidnight: false };

  const endZone = zoneFor(end, start);
  // An end without a date of its own is on the start's day, or the next when the clock runs past midnight.
  const ownEndDate = end.time.date ?? (end.line !== start.line ? end.sameLineDate : null);
  const endDate: LocalDate | null = ownEndDate ?? startDate.date;
  const notes: string[] = [];
  if (!ownEndDate && startDate.date) notes.push(`date ${isoDate(startDate.date)} taken from the start`);
  let placedEnd = make(end, endDate, endZone, notes);
  // "from 9:00 to 5:00" on a 12-hour clock without am/pm, and "11:00 AM to 12:30 AM" (meaning noon):
  // the end is in the afternoon.
  const noon = noonWrittenAsMidnight(end.time) && start.time.hour >= 6 && start.time.hour < 12;
  const afternoon = noon ? 12 : end.time.hour + 12;
  const twelveHour = /(?:^|\D)\d:\d\d/.test(end.time.text) && !/(?<![a-z])[ap]\.?m\b/i.test(end.time.text);
  const pmSlip = twelveHour && end.time.hour >= 1 && end.time.hour <= 11 && start.time.hour < afternoon && start.time.hour <= 12;
  if (!ownEndDate && placedEnd.at < placedStart.at && (noon || pmSlip)) {
    const pm: FoundTime = { ...end, time: { ...end.time, hour: afternoon } };
    const note = `${end.time.text.trim()} read as ${afternoon}:${pad(end.time.minute)} (after the start, in the afternoon)`;
    placedEnd = make(pm, endDate, endZone, [...notes, note]);
  }
  let rolled = false;
  if (!ownEndDate && placedEnd.at < placedStart.at) {
    const nextDay = endDate ? shiftDays(endDate, 1) : null;
    const next = make(end, nextDay, endZone, [`${nextDay ? `date ${isoDate(nextDay)}: ` : ''}the day after the start (the incident crosses midnight)`]);
    if (!nextDay) next.at += 86_400_000;
    const hours = (next.at - placedStart.at) / 3_600_000;
    // 23:30 → 01:10 crosses midnight; 10:00 → 09:30 is more likely a slip than a 23½-hour incident.
    if (hours <= 12 || (start.time.hour >= 12 && end.time.hour < 12)) {
      placedEnd = next;
      rolled = true;
    }
  }
  const crossesMidnight = rolled || !!(placedStart.date && placedEnd.date && !sameDay(placedStart.date, placedEnd.date));
  return { start: placedStart, end: placedEnd, crossesMidnight };
}
