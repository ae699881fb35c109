import { DateTime } from 'luxon';
import { declaredZoneAt, type Incident, type IncidentTime, windowText } from '../incident';
import type { Analysis } from '../analysis';
import type { Position, Range, TimelineEntry } from '../model';
import { range, withoutMarkup } from '../parse/lines';
import { findTimes, formatDuration, type ParsedTime, placeTime, type ZoneSpec } from '../time';
import type { HoverResult } from './hover';

// Hover on a time: the instant in UTC and in the incident's zone, its offset from the start, and
// what had to be assumed to read it (which CST, which day). On the Duration line: the computed
// duration and where it comes from.

/** What is known about one time in the document, however it was read. */
interface ReadTime {
  text: string;
  range: Range;
  parsed: ParsedTime;
  /** Comparable instant (a stand-in day when no date is known), or null. */
  at: number | null;
  /** Real instant, or null when the day or the zone is unknown. */
  millis: number | null;
  zone: ZoneSpec | null;
  dateKnown: boolean;
  notes: string[];
  role?: string;
}

const within = (r: Range, p: Position) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

const at = (millis: number, zone: string) => DateTime.fromMillis(millis, { zone, locale: 'en-US' });

/** `T+1h15m`, `T−30m`, `T+1d2h`. */
export function offsetFromStart(minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  if (total === 0) return 'T+0';
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  const parts = `${days ? `${days}d` : ''}${hours ? `${hours}h` : ''}${rest ? `${rest}m` : ''}`;
  return `T${minutes < 0 ? '−' : '+'}${parts}`;
}

function fromIncident(t: IncidentTime, role: string): ReadTime {
  return {
    text: t.text,
    range: t.range,
    parsed: t.parsed,
    at: t.at,
    millis: t.millis,
    zone: t.zone,
    dateKnown: t.date !== null,
    notes: t.assumptions,
    role: `the incident's ${role} (read from ${t.source})`,
  };
}

/** The time under `position`, read the way the analysis reads it. */
function timeAt(analysis: Analysis, position: Position): ReadTime | undefined {
  const { incident, document } = analysis;
  for (const [t, role] of [
    [incident.start, 'start'],
    [incident.end, 'end'],
  ] as const) {
    if (t && within(t.range, position)) return fromIncident(t, role);
  }
  const line = document.lines[position.line];
  if (line === undefined) return undefined;
  const options = { ...incident.readingOptions, ...(incident.referenceDate ? { referenceDate: incident.referenceDate } : {}) };
  const time = findTimes(withoutMarkup(line), options).find((t) => position.character >= t.start && position.character <= t.end);
  if (!time) return undefined;
  const where = range(position.line, time.start, position.line, time.end);
  const entry = document.timeline.find(
    (e) => e.timeRange.start.line === position.line && e.timeRange.start.character < time.end && time.start < e.timeRange.end.character,
  );
  if (entry) return fromEntry(entry, time, where, analysis);
  // Any other time: the day and zone a reader would give it here.
  const notes: string[] = [...(time.inferred ?? [])];
  let zone = time.zone;
  if (!zone) {
    const declared = declaredZoneAt(document, incident.zoneDeclarations, position.line);
    zone = declared?.zone ?? incident.zone;
    if (zone) notes.push(`zone ${zone.text} ${declared ? 'declared for the section' : 'taken from the incident'}`);
  }
  const date = time.date ?? incident.referenceDate;
  if (!time.date && date) notes.push('date taken from the incident');
  const placed = placeTime(time, date, zone, incident.readingOptions);
  return {
    text: time.text,
    range: where,
    parsed: time,
    at: placed?.at ?? null,
    millis: placed?.millis ?? null,
    zone,
    dateKnown: date !== null,
    notes: [...notes, ...(placed?.assumptions ?? [])],
  };
}

function fromEntry(entry: TimelineEntry, time: ParsedTime, where: Range, analysis: Analysis): ReadTime {
  const { incident, document } = analysis;
  // The order the timeline reader uses: written, declared for the section, the incident's.
  const zone = time.zone ?? declaredZoneAt(document, incident.zoneDeclarations, where.start.line)?.zone ?? incident.zone;
  const dateKnown = typeof entry.time === 'string';
  const known = entry.at !== null && entry.at !== undefined;
  return {
    text: time.text,
    range: where,
    parsed: time,
    at: known ? (entry.at as number) : null,
    millis: dateKnown && zone && known ? (entry.at as number) : null,
    zone,
    dateKnown,
    notes: entry.timeNotes ?? [],
    role: `a timeline entry (line ${entry.line + 1})`,
  };
}

/** "CST read as Central Standard Time (US, UTC-6); set postmortem.ambiguousTimeZones to 'other' for China Standard Time (UTC+8)". */
export function ambiguityNote(zone: ZoneSpec): string | undefined {
  if (!zone.ambiguous) return undefined;
  const [usReading, otherReading] = zone.ambiguous.readings;
  const usChosen = zone.ambiguous.chosen === usReading;
  const alternative = usChosen ? otherReading : usReading;
  return `${zone.text} read as ${zone.ambiguous.chosen}; set \`postmortem.ambiguousTimeZones\` to '${usChosen ? 'other' : 'us'}' for ${alternative}`;
}

function describeTime(t: ReadTime, incident: Incident): string {
  const lines: string[] = [];
  const head = `**${t.text.trim()}**`;
  if (t.millis !== null) {
    lines.push(`${head} is **${at(t.millis, 'UTC').toFormat('yyyy-MM-dd HH:mm')} UTC**`);
    const zone = incident.zone;
    if (zone && zone.zone !== 'UTC') lines.push(`- In the incident's zone: ${at(t.millis, zone.zone).toFormat('yyyy-MM-dd HH:mm')} ${zone.text}`);
    else if (t.zone && t.zone.zone !== 'UTC') lines.push(`- In ${t.zone.text}: ${at(t.millis, t.zone.zone).toFormat('yyyy-MM-dd HH:mm')}`);
  } else if (t.at !== null && t.dateKnown) {
    lines.push(`${head} is ${at(t.at, 'UTC').toFormat('yyyy-MM-dd HH:mm')}, local time: no time zone is written or declared`);
  } else {
    const clock = `${String(t.parsed.hour).padStart(2, '0')}:${String(t.parsed.minute).padStart(2, '0')}`;
    lines.push(`${head} is ${clock}${t.zone ? ` ${t.zone.text}` : ''} on an unknown day: no date is written for it or for the incident`);
  }
  if (t.role) lines.push(`- This is ${t.role}.`);
  const start = incident.start;
  if (start && t.at !== null && !t.role?.startsWith("the incident's start")) {
    const minutes = (t.at - start.at) / 60_000;
    lines.push(`- ${offsetFromStart(minutes)} from the start (${start.text.trim()})`);
  }
  const ambiguity = t.zone && ambiguityNote(t.zone);
  if (ambiguity) lines.push(`- ${ambiguity}`);
  if (t.parsed.dateAmbiguity) {
    const mdy = /month first/.test(t.parsed.dateAmbiguity);
    lines.push(`- ${t.parsed.dateAmbiguity}; set \`postmortem.dateOrder\` to '${mdy ? 'dmy' : 'mdy'}' to read it ${mdy ? 'day' : 'month'} first`);
  }
  const notes = t.notes.filter((n) => !(t.zone?.ambiguous && n.startsWith(`${t.zone.text} read as`)));
  if (notes.length) lines.push(`- Read with: ${notes.join('; ')}`);
  return lines.join('\n');
}

/** On the Duration line: the computed duration and how it was derived. */
function describeDuration(incident: Incident): string {
  const lines = ['**Duration**'];
  const { start, end, durationMinutes, statedDuration } = incident;
  if (start && end && durationMinutes !== null) {
    lines.push(`- Computed: **${formatDuration(durationMinutes)}**, ${windowText(incident)}`);
    lines.push(`- Start: ${start.text.trim()} (${start.source}, line ${start.range.start.line + 1})${start.iso ? ` = ${start.iso}` : ''}`);
    lines.push(`- End: ${end.text.trim()} (${end.source}, line ${end.range.start.line + 1})${end.iso ? ` = ${end.iso}` : ''}`);
    const notes = [...new Set([...start.assumptions, ...end.assumptions])];
    if (notes.length) lines.push(`- Read with: ${notes.join('; ')}`);
  } else if (start && end) {
    lines.push(`- The incident ends before it starts (${windowText(incident)}): no duration can be computed`);
  } else {
    lines.push('- Not computed: the start and end of the incident are not both known');
  }
  if (statedDuration) {
    const agrees =
      durationMinutes === null
        ? ''
        : statedDuration.minutes === durationMinutes
          ? ' ✅ matches'
          : ` ⚠️ differs from the computed ${formatDuration(durationMinutes)}`;
    lines.push(`- Stated: ${statedDuration.text} = ${formatDuration(statedDuration.minutes)}${agrees}`);
  } else lines.push('- Stated: nothing');
  return lines.join('\n');
}

/** Hover on any time in the document, or on the Duration line. */
export function timeHoverAt(analysis: Analysis, position: Position): HoverResult | undefined {
  const t = timeAt(analysis, position);
  if (t) return { contents: describeTime(t, analysis.incident), range: t.range };
  const { incident, document } = analysis;
  const durationField = document.fields.find(
    (f) => f.id === 'duration' && position.line >= f.labelRange.start.line && position.line <= f.valueEndLine && (f.value.trim() || incident.start),
  );
  const onStated = incident.statedDuration && within(incident.statedDuration.range, position);
  if (!durationField && !onStated) return undefined;
  const where =
    onStated && incident.statedDuration ? incident.statedDuration.range : range(position.line, 0, position.line, document.lines[position.line].length);
  return { contents: describeDuration(incident), range: where };
}
