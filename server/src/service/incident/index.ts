import type { PostmortemSettings } from '../config';
import type { PostmortemDocument, TimelineEntry } from '../model';
import { range, withoutMarkup } from '../parse/lines';
import { readTimelineTimes } from '../parse/timeline';
import {
  dateOrderShownIn,
  STAND_IN_DAY,
  findTimes,
  findUnreadableTimes,
  formatDuration,
  type ParsedTime,
  placeTime,
  type TimeReadingOptions,
  type ZoneSpec,
} from '../time';
import { chooseWindow, isWhole, type PlacedCandidate, statedAgrees } from './choose';
import { timeFields } from './fields';
import { detectedEntry, timelineMilestones } from './milestones';
import { placeWindow } from './place';
import { endField, endInWords, fromDurationField, fromFields, fromFrontMatter, fromProse, TIER } from './readers';
import { findReferenceDate } from './reference';
import { durationSiteOf } from './site';
import { findStatedDuration, looseDurations } from './stated';
import { fieldSources, type Regions, rangeIn, regionsOf } from './sources';
import {
  type FoundTime,
  noIncident,
  type Incident,
  type IncidentTime,
  type Source,
  type StatedIncidentDuration,
  type UnparsedTime,
  type WindowCandidate,
} from './types';
import { exampleFor } from './words';
import { declaredZoneAt, readZoneDeclarations } from './zones';

// The incident's clock as a careful reader finds it. Each reader (readers.ts, milestones.ts) looks
// at one region and proposes windows; the chooser (choose.ts) decides; place.ts puts each end on its
// day and in its zone. Times are read by `time/`; this folder decides where to look, what a time
// written without a date or a zone takes from the rest of the document, and why.

export { statedAgrees };
export { declaredZoneAt } from './zones';
export type { DurationSite, Incident, IncidentTime, LabelModel, StatedIncidentDuration, UnparsedTime, ZoneDeclaration } from './types';
export { noIncident } from './types';
export { durationFix, exampleFor, windowText } from './words';

/** Reads the incident window, the stated duration, and when the timeline says it was detected. */
export function readIncident(document: PostmortemDocument, settings: PostmortemSettings): Incident {
  // The document's unambiguous dates ("01/16/2024") show how it writes the ambiguous ones; the setting decides otherwise.
  const shown = dateOrderShownIn(document.lines);
  const base: TimeReadingOptions = { ambiguousZones: settings.ambiguousTimeZones, dateOrder: shown ?? settings.dateOrder };
  const regions = regionsOf(document);
  const fields = timeFields(document);
  const declarations = readZoneDeclarations(document, base);
  const unparsedTimes: UnparsedTime[] = [];

  const reference = findReferenceDate(document, regions, fields, base);
  // Without a known date, "Apr 28 … Apr 29" still compare as days: dates are read in a stand-in year.
  const options: TimeReadingOptions = reference ? { ...base, referenceDate: reference.date } : { ...base, referenceDate: STAND_IN_DAY, standInYear: true };
  // Unreadable times in the Start, End and Duration fields are reported whatever else is found.
  for (const f of fields) noteUnreadable(fieldSources(document, f), f.id, options, unparsedTimes);

  const stated = findStatedDuration(document, regions, fields, options);
  const candidates: WindowCandidate[] = [
    ...fromFields(document, fields, options),
    ...fromDurationField(document, fields, options),
    ...fromFrontMatter(document, options, endField(document, fields, options)),
    ...fromProse(regions.summary, 'the summary', TIER.summary, options),
    ...fromProse(regions.impact, 'the impact section', TIER.impact, options),
    ...fromProse(regions.lead, 'the lead', TIER.lead, options),
    ...(regions.title ? fromProse([regions.title], 'the title', TIER.title, options) : []),
  ];
  const placeOne = (c: WindowCandidate): PlacedCandidate => {
    const p = placeWindow(document, c.start, c.end, declarations, reference, base);
    const minutes = p.end ? Math.round((p.end.at - p.start.at) / 60_000) : null;
    return { candidate: c, start: p.start, end: p.end, crossesMidnight: p.crossesMidnight, minutes };
  };
  const placed: PlacedCandidate[] = candidates.map((c) => {
    const first = placeOne(c);
    // "01-11-2021 … 01-12-2021": both dates read day first are a month apart, month first a day apart.
    // A reader takes the order that makes the window a plausible one.
    const other = otherDateOrder(c);
    if (!other || first.minutes === null) return first;
    const second = placeOne(other);
    if (second.minutes === null || second.minutes < 0) return first;
    if (first.minutes >= 0 && second.minutes >= first.minutes) return first;
    second.start.assumptions.push(
      `${c.start.time.text.trim()} and ${c.end?.time.text.trim()} read the other way round (day and month), which gives the shorter window`,
    );
    return { ...second, otherDateOrder: true };
  });
  const clockFor = (start: IncidentTime | null, end: IncidentTime | null, minutes: number | null, zone: Incident['zone'], date: Incident['referenceDate']) => ({
    options: base,
    referenceDate: date,
    zone,
    zoneAt: (line: number) => declaredZoneAt(document, declarations, line)?.zone ?? null,
    start: start?.at ?? null,
    end: end && minutes !== null && minutes >= 0 ? end.at : null,
  });
  // Only the timeline's own marks are left ("Problem starts", "Service is restored"): read its times first.
  if (!placed.some(isWhole) && document.timeline.length) {
    const declared = declaredZoneAt(document, declarations, document.sections.find((s) => s.id === 'timeline')?.headingRange.start.line ?? 0);
    readTimelineTimes(document, clockFor(null, null, null, placed[0]?.start.zone ?? declared?.zone ?? null, placed[0]?.start.date ?? reference?.date ?? null));
    // A start from one place and an end from another count only when they agree with a stated duration, if there is one.
    const joined = startThenTimelineEnd(document, placed, base).filter((p) => !stated || (p.minutes !== null && statedAgrees(p.minutes, stated)));
    placed.push(...fromTimeline(document), ...joined);
  }
  // A start read with no end, and the resolution telling when it ended ("The pictures came back at 21:55 CET."):
  // the two make the window when the end comes after the start, and agree with a stated duration, if there is one.
  const half = placed.some(isWhole) ? undefined : placed.find((p) => p.end === null);
  const told = half ? endInWords(regions.resolution, 'the resolution', options) : null;
  if (half && told && told.line > half.candidate.start.line) {
    const source = `${half.candidate.source} for the start and the resolution for the end`;
    const joined = placeOne({ start: half.candidate.start, end: told, source, tier: TIER.joined, rangeLine: null });
    if (joined.minutes !== null && joined.minutes > 0 && (!stated || statedAgrees(joined.minutes, stated))) placed.push(joined);
  }

  const choice = chooseWindow(placed, stated);
  const incident: Incident = {
    ...noIncident,
    statedDuration: stated,
    referenceDate: reference?.date ?? null,
    referenceDateSource: reference?.source ?? null,
    unparsedTimes,
    zoneDeclarations: declarations,
    readingOptions: base,
    reasons: [
      ...choice.reasons,
      ...(shown && shown !== settings.dateOrder
        ? [`dates read ${shown === 'mdy' ? 'month' : 'day'} first, as the document's unambiguous dates are written`]
        : []),
    ],
  };
  const chosen = choice.chosen;
  if (chosen) {
    incident.start = chosen.start;
    incident.end = chosen.end;
    incident.zone = chosen.start.zone ?? chosen.end?.zone ?? null;
    incident.timezone = incident.zone?.text ?? null;
    if (chosen.end && chosen.minutes !== null) {
      incident.durationMinutes = chosen.minutes >= 0 ? chosen.minutes : null;
      incident.crossesMidnight = chosen.crossesMidnight;
    }
    incident.referenceDate = chosen.start.date ?? incident.referenceDate;
  } else {
    const declared = declaredZoneAt(document, declarations, document.sections.find((s) => s.id === 'summary')?.headingRange.start.line ?? 0);
    incident.zone = declared?.zone ?? null;
  }
  // "a ~90 second network freeze" in an eight-hour incident tells of a part of it, not of its length.
  const statedNow = incident.statedDuration;
  if (statedNow?.source === 'sentence' && incident.durationMinutes !== null && incident.durationMinutes > 0) {
    const ratio = statedNow.minutes / incident.durationMinutes;
    // A start and an end from two sentences apart ("September 22, 2021 05:32" in a quoted notice, "resolved
    // on … 15:32 UTC with a total duration of 48 minutes") are the guess; the length written is not.
    const pieced = chosen?.candidate.rangeLine === null && chosen.candidate.source.startsWith('sentences of');
    const far = ratio < 0.2 || ratio > 5;
    // …unless the text states the window's length too ("at 14:10 it went offline for 84 minutes" tells of a
    // part; "users were impacted by this during roughly 10.5 hours" of the whole 05:00 to 15:37).
    const whole = far && pieced ? statedNear(regions, incident.durationMinutes, 0.1, options) : undefined;
    const asPart = `"${statedNow.text}" (line ${statedNow.range.start.line + 1}) is far from the window, so it is read as the length of a part of the incident`;
    if (whole) {
      incident.statedDuration = whole;
      incident.reasons.push(asPart);
    } else if (far && pieced) {
      incident.reasons = incident.reasons.filter((r) => !choice.reasons.includes(r));
      incident.reasons.push(
        `${incident.start?.text.trim()} and ${incident.end?.text.trim()} are ${formatDuration(incident.durationMinutes)} apart, far from the stated "${statedNow.text}", so they are not read as the window`,
      );
      incident.start = null;
      incident.end = null;
      incident.durationMinutes = null;
      incident.crossesMidnight = false;
    } else if (far) {
      incident.statedDuration = null;
      incident.reasons.push(asPart);
    }
  }
  // "for 75 minutes" in a sentence that names no outage counts when the window agrees with it.
  if (!incident.statedDuration && incident.durationMinutes !== null && incident.durationMinutes > 0) {
    incident.statedDuration = statedNear(regions, incident.durationMinutes, 0.25, options) ?? null;
  }
  if (incident.statedDuration) {
    const d = incident.statedDuration;
    incident.reasons.push(`stated duration "${d.text}" (${formatDuration(d.minutes)}) read from ${statedWhere(d.source)} on line ${d.range.start.line + 1}`);
  }
  if (incident.start && incident.end) incident.durationSite = durationSiteOf(document, fields, incident, chosen?.candidate.rangeLine ?? null);

  // The timeline writes its dates as the window does: read the other way round, when the window was.
  const timelineClock = clockFor(incident.start, incident.end, incident.durationMinutes, incident.zone, incident.referenceDate);
  if (chosen?.otherDateOrder) timelineClock.options = { ...base, dateOrder: base.dateOrder === 'mdy' ? 'dmy' : 'mdy' };
  const timeline = readTimelineTimes(document, timelineClock);
  for (const u of timeline.unreadable) unparsedTimes.push({ ...u, example: '', where: 'timeline' });
  incident.unparsedTimes = unparsedTimes.map((u) => ({ ...u, example: exampleFor(u.text, incident.zone) }));
  const detected = detectedEntry(document, incident.start?.at ?? null);
  incident.detected = detected ? entryTime(document, detected, `the timeline entry on line ${detected.line + 1}`) : null;
  return incident;
}

function statedWhere(source: StatedIncidentDuration['source']): string {
  return source === 'field' ? 'the Duration field' : source === 'front-matter' ? 'the front matter' : source === 'title' ? 'the title' : 'a sentence';
}

/** The candidate with its numeric dates read in the other order, when both ends' dates allow it. */
function otherDateOrder(c: WindowCandidate): WindowCandidate | null {
  if (!c.end) return null;
  const swap = (f: FoundTime): FoundTime | null => {
    if (f.time.otherDate) return { ...f, time: { ...f.time, date: f.time.otherDate, otherDate: f.time.date ?? undefined } };
    return null;
  };
  const start = swap(c.start);
  const end = swap(c.end);
  return start && end ? { ...c, start, end } : null;
}

/**
 * A start the summary (or a field) gives, to each entry the timeline marks as the end after it:
 * "On 24 March at 07:32 GMT users saw errors" and "- 08:00 GMT: the server is working normally".
 */
function startThenTimelineEnd(document: PostmortemDocument, placed: readonly PlacedCandidate[], options: TimeReadingOptions): PlacedCandidate[] {
  const half = placed.find((p) => p.end === null);
  if (!half) return [];
  const out: PlacedCandidate[] = [];
  for (const e of timelineMilestones(document).marked) {
    if (typeof e.at !== 'number') continue;
    const end = entryTime(document, e, `the timeline entry on line ${e.line + 1}, marked as the end`);
    if (!end) continue;
    // "at midnight" in the summary and "00:40 PST" in the timeline: the start is in the end's zone.
    const start = half.start.zone || !end.zone ? half.start : inZone(half.start, end.zone, options);
    if (e.at <= start.at) continue;
    const candidate: WindowCandidate = {
      start: half.candidate.start,
      end: { time: end.parsed, line: end.range.start.line, sameLineDate: null, source: end.source },
      source: `${half.candidate.source} for the start and the timeline for the end`,
      tier: TIER.joined,
      rangeLine: null,
    };
    const minutes = Math.round((end.at - start.at) / 60_000);
    out.push({ candidate, start, end, crossesMidnight: !!(start.date && end.date && start.date.day !== end.date.day), minutes });
  }
  return out;
}

/** A time written without a zone, placed in the zone the other end of the window gives. */
function inZone(t: IncidentTime, zone: ZoneSpec, options: TimeReadingOptions): IncidentTime {
  const placed = placeTime(t.parsed, t.date, zone, options);
  if (!placed) return t;
  const assumptions = t.assumptions.filter((a) => a !== 'no zone is written or declared');
  return {
    ...t,
    at: placed.at,
    millis: placed.millis,
    iso: placed.iso,
    zone,
    zoneWritten: false,
    assumptions: [...assumptions, `zone ${zone.text} taken from the end`, ...placed.assumptions],
  };
}

/** Windows the timeline's words mark: the entry where the problem started, to each entry where it ended. */
function fromTimeline(document: PostmortemDocument): PlacedCandidate[] {
  const marks = timelineMilestones(document);
  if (!marks.start) return [];
  const start = entryTime(document, marks.start, `the timeline entry on line ${marks.start.line + 1}, marked as the start`);
  if (!start) return [];
  const out: PlacedCandidate[] = [];
  for (const e of marks.ends) {
    const end = entryTime(document, e, `the timeline entry on line ${e.line + 1}, marked as the end`);
    if (!end) continue;
    const minutes = Math.round((end.at - start.at) / 60_000);
    const crossesMidnight = !!(start.date && end.date && (start.date.day !== end.date.day || start.date.month !== end.date.month));
    const candidate: WindowCandidate = {
      start: { time: start.parsed, line: start.range.start.line, sameLineDate: null, source: start.source },
      end: { time: end.parsed, line: end.range.start.line, sameLineDate: null, source: end.source },
      source: 'the timeline entries marked as the start and the end',
      tier: TIER.timeline,
      rangeLine: null,
    };
    out.push({ candidate, start, end, crossesMidnight, minutes });
  }
  return out;
}

/** A timeline entry's time as an incident time: the instant the timeline reading gave it. */
function entryTime(document: PostmortemDocument, e: TimelineEntry, source: string): IncidentTime | null {
  if (typeof e.at !== 'number') return null;
  const line = e.timeRange.start.line;
  const text = withoutMarkup(document.lines[line] ?? '');
  const parsed: ParsedTime | undefined = findTimes(text).find((t) => t.end > e.timeRange.start.character && t.start <= e.timeRange.end.character);
  if (!parsed) return null;
  const iso = e.time ?? null;
  return {
    text: parsed.text,
    range: range(line, parsed.start, line, parsed.end),
    iso,
    millis: iso?.endsWith('Z') ? Date.parse(iso) : null,
    at: e.at,
    parsed,
    date: e.day ?? null,
    zone: e.zone ?? null,
    zoneWritten: parsed.zone !== null,
    assumptions: [...(e.timeNotes ?? [])],
    source,
  };
}

function noteUnreadable(sources: readonly Source[], where: UnparsedTime['where'], options: TimeReadingOptions, out: UnparsedTime[]) {
  for (const s of sources) {
    const readable = findTimes(s.text, options);
    for (const u of findUnreadableTimes(s.text)) {
      if (readable.some((t) => u.start < t.end && t.start < u.end)) continue;
      const at = rangeIn(s, u.start, u.end);
      if (out.some((o) => o.range.start.line === at.start.line && o.range.start.character === at.start.character)) continue;
      out.push({ text: u.text, range: at, reason: u.reason, example: '', where });
    }
  }
}

/** A length stated in the summary, the impact or the lead within `share` of `minutes`. */
function statedNear(regions: Regions, minutes: number, share: number, options: TimeReadingOptions): StatedIncidentDuration | undefined {
  for (const s of [...regions.summary, ...regions.impact, ...regions.lead]) {
    const near = looseDurations(s, options).find((d) => Math.abs(d.minutes - minutes) <= minutes * share);
    if (near) return near;
  }
  return undefined;
}
