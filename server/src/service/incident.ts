import type { PostmortemSettings } from './config';
import type { PostmortemDocument, Range } from './model';

// The incident's clock as the summary states it: start, end, zone, computed and stated duration.
// Times are read by `time/`; this module decides where in the document to look.

export interface IncidentTime {
  /** As written. */
  text: string;
  range: Range;
  /** ISO 8601 as precise as the text allows (UTC `Z` when the zone is known), or null. */
  iso: string | null;
  millis: number | null;
}

export interface Incident {
  start: IncidentTime | null;
  end: IncidentTime | null;
  /** The zone as written (UTC, WAT, UTC+2, America/New_York), or null. */
  timezone: string | null;
  durationMinutes: number | null;
  statedDuration: { minutes: number; text: string; range: Range } | null;
}

export const noIncident: Incident = { start: null, end: null, timezone: null, durationMinutes: null, statedDuration: null };

/** Reads the incident window. Until the time reader lands this finds nothing. */
export function readIncident(_document: PostmortemDocument, _settings: PostmortemSettings): Incident {
  return noIncident;
}
