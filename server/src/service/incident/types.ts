import type { Range } from '../model';
import type { LocalDate, ParsedTime, TimeReadingOptions, ZoneSpec } from '../time';

// The incident's clock, as a careful reader finds it: start, end, zone, computed and stated
// duration, and why each was read so.

export interface IncidentTime {
  /** As written. */
  text: string;
  /** Where `text` is in the document. */
  range: Range;
  /** ISO 8601 as precise as the text allows (UTC `Z` when the zone is known), or null. */
  iso: string | null;
  /** The real instant (the date and the zone are known), or null. */
  millis: number | null;
  /** The instant used to compare and subtract this document's times (on a stand-in day when no date is known). */
  at: number;
  /** The time as read: clock, and the date and zone written with it. */
  parsed: ParsedTime;
  /** The date the time was placed on, or null when the document gives none. */
  date: LocalDate | null;
  /** The zone it was read in (written, shared with the other end, or declared), or null. */
  zone: ZoneSpec | null;
  /** The zone was written next to this time (or with its range). */
  zoneWritten: boolean;
  /** What had to be assumed, in a reader's words. */
  assumptions: string[];
  /** Where it was read, e.g. "the Start field", "the time range in the summary". */
  source: string;
}

export interface StatedIncidentDuration {
  minutes: number;
  /** The duration as written, e.g. `4 hours and 15 minutes`. */
  text: string;
  range: Range;
  /** "about", "~", "approximately" was written before it. */
  approximate: boolean;
  /** Where it was read: the Duration field, a sentence of the summary, the front matter. */
  source: 'field' | 'sentence' | 'front-matter' | 'title';
}

/** A start, end or timeline time that cannot be read. */
export interface UnparsedTime {
  text: string;
  range: Range;
  /** Why, in a reader's words: "a placeholder, not a time". */
  reason: string;
  /** A time that would be read, in the same shape: `14:05 UTC`. */
  example: string;
  where: 'start' | 'end' | 'duration' | 'timeline';
}

/** Where the computed duration goes when it is written (the duration code action's target). */
export type DurationSite =
  /** Correct the stated value. */
  | { kind: 'replace'; range: Range }
  /** After the label of a Duration field with nothing after it: `- **Duration:**`. */
  | { kind: 'after-label'; line: number; character: number }
  /** After the clock range a Duration field holds: `08:00 - 09:30 UTC (1 hour 30 minutes)`. */
  | { kind: 'after-value'; line: number; character: number }
  /** A new line after `line`, written like the label line `model` (a Start/End field, table row or front matter key). */
  | { kind: 'new-line'; line: number; model: LabelModel }
  /** A new paragraph after `line`, when no field shows the document's style. */
  | { kind: 'new-paragraph'; line: number };

/** A label line to copy the style of: where its label and value are. */
export interface LabelModel {
  line: number;
  labelStart: number;
  labelEnd: number;
  /** The label's own words, e.g. `End Time`. */
  label: string;
  valueStart: number;
  valueEnd: number;
}

export interface ZoneDeclaration {
  line: number;
  zone: ZoneSpec;
  /** Index into `document.sections`, or null for the whole document. */
  section: number | null;
}

export interface Incident {
  start: IncidentTime | null;
  end: IncidentTime | null;
  /** The zone as written (UTC, WAT, UTC+2, America/New_York), or null. */
  timezone: string | null;
  /** End minus start in real zones (DST and midnight included), whole minutes; null when unknown or negative. */
  durationMinutes: number | null;
  statedDuration: StatedIncidentDuration | null;
  /** The zone times without one are read in: the start's, or the one declared for the summary or document. */
  zone: ZoneSpec | null;
  /** The date times without one take, and where it was found ("the title"). */
  referenceDate: LocalDate | null;
  referenceDateSource: string | null;
  /** Start and end fall on different calendar days. */
  crossesMidnight: boolean;
  /** Start, end, duration and timeline times that cannot be read. */
  unparsedTimes: UnparsedTime[];
  /** Where a computed duration is written; null when start or end is unknown. */
  durationSite: DurationSite | null;
  /** Zones declared for sections or the whole document ("All times in CET."). */
  zoneDeclarations: ZoneDeclaration[];
  /** The settings every time of this document is read with. */
  readingOptions: TimeReadingOptions;
  /** Why the window and the stated duration were read as they were, in a reader's words. */
  reasons: string[];
  /** When the timeline says the issue was detected, if it says so. */
  detected: IncidentTime | null;
}

export const noIncident: Incident = {
  start: null,
  end: null,
  timezone: null,
  durationMinutes: null,
  statedDuration: null,
  zone: null,
  referenceDate: null,
  referenceDateSource: null,
  crossesMidnight: false,
  unparsedTimes: [],
  durationSite: null,
  zoneDeclarations: [],
  readingOptions: {},
  reasons: [],
  detected: null,
};

/** A line to read times from, with what comes before `from` blanked (the label). */

// ---- What the readers hand to the chooser ---------------------------------------------------

/** A line to read times from, with what comes before `from` blanked (the label). */
export interface Source {
  line: number;
  text: string;
  /**
   * A paragraph a writer wrapped over several lines, read as one: each later line's number and the
   * column of `text` where its column 0 is (the lines are joined with one space).
   */
  joins?: readonly { line: number; at: number }[];
}

/** A time found in the document, before it is placed on a day and in a zone. */
export interface FoundTime {
  time: ParsedTime;
  line: number;
  /** Dates written elsewhere on the same line or field. */
  sameLineDate: LocalDate | null;
  source: string;
}

/** Start, End and Duration, as labelled fields (any label form) or as rows of a two-column table. */
export interface TimeField {
  id: 'start' | 'end' | 'duration';
  line: number;
  valueStart: number;
  valueEnd: number;
  valueEndLine: number;
  model: LabelModel;
  /** The label has nothing after it on its line. */
  emptyValue: boolean;
  inSummary: boolean;
}

/** A place the text tells the window: a pair of times, or a start alone, with where it was read. */
export interface WindowCandidate {
  start: FoundTime;
  end: FoundTime | null;
  /** In a reader's words: "the Start and End fields", "a sentence of the summary". */
  source: string;
  /** Lower is more explicit: fields, the Duration field, front matter, summary, impact, lead, timeline. */
  tier: number;
  /** The line holding a written range the window came from, if any. */
  rangeLine: number | null;
  /** Already placed (timeline entries carry their own day and zone). */
  placed?: { start: IncidentTime; end: IncidentTime };
}
