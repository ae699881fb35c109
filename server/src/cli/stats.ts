import type { Analysis } from '../service';
import { readActionItems } from '../service/actionItems';

type LocalDate = NonNullable<Analysis['incident']['referenceDate']>;

// Incident metrics across postmortems: one row per postmortem and the totals, for
// `postmortem stats` (table, JSON, CSV and the HTML report).

export interface StatsInput {
  file: string;
  analysis: Analysis;
}

/** When the incident was detected, and the timeline entry that says so. */
export interface Detection {
  /** Comparable with the incident's start and end (`IncidentTime.at`). */
  at: number;
  /** ISO 8601 in UTC, or null when the entry's date or zone is unknown. */
  iso: string | null;
  /** 1-based line of the entry. */
  line: number;
  text: string;
}

export interface IncidentRow {
  file: string;
  isPostmortem: boolean;
  template: string;
  words: number;
  sections: number;
  requiredPresent: number;
  requiredTotal: number;
  /** Ids of the template's required sections that are absent, space-separated. */
  missingSections: string;
  timelineEntries: number;
  durationMinutes: number | null;
  errors: number;
  warnings: number;
  /** The document's title, or the file name when it has none. */
  title: string;
  /** The day the incident started (YYYY-MM-DD, in the incident's zone), or null. */
  date: string | null;
  start: string | null;
  end: string | null;
  /** When the timeline says the incident was detected (ISO 8601), or null. */
  detected: string | null;
  /** From the start to the detection, whole minutes. */
  timeToDetectMinutes: number | null;
  /** From the detection to the end, whole minutes. */
  timeToResolveMinutes: number | null;
  /** Names of the template's required sections that are absent. */
  missingSectionNames: string[];
  /** Tasks in the corrective section (a task list, bullets or a table), and those not marked done. */
  actionItems: number;
  openActionItems: number;
}

export interface StatsTotals {
  incidents: number;
  /** How many rows have a duration, a time to detect and a time to resolve: what the figures below are over. */
  withDuration: number;
  withTimeToDetect: number;
  withTimeToResolve: number;
  totalDurationMinutes: number;
  medianDurationMinutes: number | null;
  meanTimeToDetectMinutes: number | null;
  meanTimeToResolveMinutes: number | null;
  /** Every month from the first incident to the last (YYYY-MM), with zero for months without one. */
  incidentsPerMonth: { month: string; incidents: number }[];
  /** Incidents with no date, not counted in `incidentsPerMonth`. */
  undated: number;
  /** Action items not marked done, over every postmortem. */
  openActionItems: number;
}

export interface Stats {
  postmortems: IncidentRow[];
  totals: StatsTotals;
}

/**
 * When the incident was detected: the service reads it from the timeline (the first entry, at or
 * after the start, whose words say it was noticed). Null without a start.
 */
export function detectionFromTimeline(analysis: Analysis): Detection | null {
  const { start, detected } = analysis.incident;
  if (!start || !detected || detected.at < start.at) return null;
  return {
    at: detected.at,
    iso: detected.iso,
    line: detected.range.start.line + 1,
    text: analysis.document.timeline.find((e) => e.timeRange.start.line === detected.range.start.line)?.text ?? '',
  };
}

const minutesBetween = (from: number, to: number) => Math.round((to - from) / 60_000);

function isoDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function fileName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

export function incidentRow({ file, analysis }: StatsInput): IncidentRow {
  const { incident, template, document } = analysis;
  const required = template.sections.filter((s) => s.required);
  const detection = detectionFromTimeline(analysis);
  const end = incident.end && incident.durationMinutes !== null ? incident.end.at : undefined;
  const date = incident.start?.date ?? incident.referenceDate;
  const items = readActionItems(document).items;
  return {
    file,
    isPostmortem: analysis.classification.isPostmortem,
    template: template.id,
    words: document.words,
    sections: document.sections.length,
    requiredPresent: required.length - analysis.missingSections.length,
    requiredTotal: required.length,
    missingSections: analysis.missingSections.join(' '),
    timelineEntries: document.timeline.length,
    durationMinutes: incident.durationMinutes,
    errors: analysis.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: analysis.diagnostics.filter((d) => d.severity === 'warning').length,
    title: document.title?.text ?? fileName(file),
    date: date ? isoDate(date) : null,
    start: incident.start?.iso ?? null,
    end: incident.end?.iso ?? null,
    detected: detection ? (detection.iso ?? null) : null,
    timeToDetectMinutes: detection && incident.start ? minutesBetween(incident.start.at, detection.at) : null,
    timeToResolveMinutes: detection && end !== undefined && end >= detection.at ? minutesBetween(detection.at, end) : null,
    missingSectionNames: analysis.missingSections.map((id) => template.sections.find((s) => s.id === id)?.name ?? id),
    actionItems: items.length,
    openActionItems: items.filter((i) => !i.done).length,
  };
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

function mean(values: number[]): number | null {
  return values.length ? oneDecimal(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : oneDecimal((sorted[middle - 1] + sorted[middle]) / 2);
}

function monthsFrom(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number);
  const [lastYear, lastMonth] = last.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

export function statsTotals(rows: readonly IncidentRow[]): StatsTotals {
  const known = (pick: (r: IncidentRow) => number | null) => rows.map(pick).filter((v): v is number => v !== null);
  const durations = known((r) => r.durationMinutes);
  const detect = known((r) => r.timeToDetectMinutes);
  const resolve = known((r) => r.timeToResolveMinutes);
  const counts = new Map<string, number>();
  for (const r of rows) if (r.date) counts.set(r.date.slice(0, 7), (counts.get(r.date.slice(0, 7)) ?? 0) + 1);
  const sortedMonths = [...counts.keys()].sort();
  return {
    incidents: rows.length,
    withDuration: durations.length,
    withTimeToDetect: detect.length,
    withTimeToResolve: resolve.length,
    totalDurationMinutes: durations.reduce((a, b) => a + b, 0),
    medianDurationMinutes: median(durations),
    meanTimeToDetectMinutes: mean(detect),
    meanTimeToResolveMinutes: mean(resolve),
    incidentsPerMonth: sortedMonths.length
      ? monthsFrom(sortedMonths[0], sortedMonths[sortedMonths.length - 1]).map((month) => ({ month, incidents: counts.get(month) ?? 0 }))
      : [],
    undated: rows.filter((r) => !r.date).length,
    openActionItems: rows.reduce((n, r) => n + r.openActionItems, 0),
  };
}

export function incidentStats(files: readonly StatsInput[]): Stats {
  const postmortems = files.map(incidentRow);
  return { postmortems, totals: statsTotals(postmortems) };
}

/** `1h 05m`, `45m`, `-` for unknown: how the table and the report write minutes. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '-';
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = Math.round((abs - h * 60) * 10) / 10;
  return h ? `${sign}${h}h ${String(m).padStart(2, '0')}m` : `${sign}${m}m`;
}

/** `2024-03-14 10:15Z`: an ISO instant shortened for a table cell. */
export function shortTime(iso: string | null): string {
  if (!iso) return '-';
  return iso
    .replace('T', ' ')
    .replace(/:00(?=(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?$)/, '')
    .replace(/\.\d+/, '');
}
