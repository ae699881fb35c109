import { statedSpread } from '../time';
import type { IncidentTime, StatedIncidentDuration, WindowCandidate } from './types';

// The chooser: of the windows the readers propose, a whole window beats half of one; the most
// explicit region wins (fields over sentences, sentences over the timeline's marks); and within a
// region, the window that agrees with the duration the text states wins over one that does not.
// A window is never chosen because it agrees with a statement in another region, so a real
// disagreement between the summary's clock and its stated duration is still reported.

export interface PlacedCandidate {
  candidate: WindowCandidate;
  start: IncidentTime;
  end: IncidentTime | null;
  crossesMidnight: boolean;
  /** End minus start, whole minutes (negative when the end is before the start), or null without an end. */
  minutes: number | null;
  /** Its numeric dates were read in the other day-month order than the document's (a shorter, plausible window). */
  otherDateOrder?: boolean;
}

/** How far a stated duration may be from end minus start: "about 4 hours" for 4h10m is fine. */
export function durationTolerance(computed: number, approximate: boolean): number {
  return approximate ? Math.max(5, computed * 0.1) : 1;
}

/**
 * The unit a stated duration is rounded to, in minutes: "19 hours" is a length rounded to the hour
 * (19h19m is 19 hours), "1.5 hours" to the half hour, "2 days" to the day; "2 hours 5 minutes" and
 * "120 minutes" to the minute.
 */
export function roundedTo(stated: Pick<StatedIncidentDuration, 'minutes' | 'text'>): number {
  const text = stated.text;
  if (/\d\s*m(?:in(?:ute)?s?)?\b|\bminutes?\b|\bmins?\b|\d:\d\d/i.test(text)) return 1;
  const units: [RegExp, number][] = [
    [/(?:\d|\b)d(?:ays?)?\b/i, 1440],
    [/(?:\d|\b)h(?:ours?|rs?)?\b/i, 60],
  ];
  for (const [unit, size] of units) {
    if (!unit.test(text)) continue;
    for (const step of [size, size / 2, size / 4]) if (stated.minutes % step === 0) return step;
  }
  return 1;
}

export function statedAgrees(minutes: number, stated: StatedIncidentDuration): boolean {
  // Within the rounding of the unit it is written in: "2 hours" for 2h29m, not for 2h30m.
  // A range ("10-15 minutes") agrees anywhere in it, with the tolerance of its ends.
  const rounding = Math.max(0, roundedTo(stated) / 2 - 1);
  const spread = statedSpread(stated.text);
  return Math.abs(stated.minutes - minutes) <= Math.max(durationTolerance(minutes, stated.approximate) + spread, rounding);
}

/** A window with an end, and an end later or earlier than its start: an end at the very minute of its start ends nothing (two sentences that name one moment). */
export const isWhole = (p: PlacedCandidate): boolean => p.minutes !== null && p.minutes !== 0;

export interface Choice {
  chosen: PlacedCandidate | null;
  reasons: string[];
}

export function chooseWindow(placed: readonly PlacedCandidate[], stated: StatedIncidentDuration | null): Choice {
  if (!placed.length) return { chosen: null, reasons: [] };
  const whole = placed.filter(isWhole);
  const pool = whole.length ? whole : placed;
  const tier = Math.min(...pool.map((p) => p.candidate.tier));
  const inTier = pool.filter((p) => p.candidate.tier === tier);
  // Of the windows that agree with the stated duration, the closest.
  const agreeing = stated
    ? inTier
        .filter((p) => p.minutes !== null && p.minutes >= 0 && statedAgrees(p.minutes, stated))
        .sort((a, b) => Math.abs((a.minutes ?? 0) - stated.minutes) - Math.abs((b.minutes ?? 0) - stated.minutes))[0]
    : undefined;
  const forward = inTier.find((p) => p.minutes === null || p.minutes >= 0);
  const chosen = agreeing ?? forward ?? inTier[0];
  const reasons = [`window read from ${chosen.candidate.source}${describe(chosen)}`];
  if (agreeing && agreeing !== (forward ?? inTier[0]))
    reasons.push(`chosen over ${describe(forward ?? inTier[0]).trim()} because it agrees with the stated ${stated?.text}`);
  for (const p of placed) {
    if (p === chosen || p.candidate.tier === tier) continue;
    if (p.minutes !== null && p.minutes !== chosen.minutes)
      reasons.push(`not used: ${p.candidate.source}${describe(p)} (${p.minutes === 0 ? 'its end is its start' : 'a less explicit place'})`);
  }
  return { chosen, reasons: reasons.slice(0, 4) };
}

function describe(p: PlacedCandidate): string {
  const clock = (t: IncidentTime) => `${t.text.trim()} (line ${t.range.start.line + 1})`;
  return p.end ? `: ${clock(p.start)} to ${clock(p.end)}${p.minutes !== null ? `, ${p.minutes} min` : ''}` : `: ${clock(p.start)}`;
}
