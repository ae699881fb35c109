import { editsForFix, type TextEdit } from './fixes';
import { durationFix } from './incident';
import type { Analysis } from './analysis';
import type { Range } from './model';

// "Compute duration" on the Duration, Start and End lines, with or without a diagnostic (the rule
// may be off, or the stated value merely approximate): the same fix data the rules carry.

export interface DurationAction {
  title: string;
  edits: TextEdit[];
}

const DURATION_FIELDS = new Set(['duration', 'start', 'end']);

/** The duration code actions for `range`: insert the computed duration, or correct the stated one. */
export function durationActionsAt(analysis: Analysis, range: Range): DurationAction[] {
  const { incident, document, template } = analysis;
  const fix = durationFix(incident);
  if (!fix || incident.statedDuration?.minutes === incident.durationMinutes) return [];
  const lines = new Set<number>();
  for (const f of document.fields) {
    if (!DURATION_FIELDS.has(f.id)) continue;
    for (let l = f.labelRange.start.line; l <= f.valueEndLine; l++) lines.add(l);
  }
  for (const r of [incident.start?.range, incident.end?.range, incident.statedDuration?.range]) if (r) lines.add(r.start.line);
  if (incident.durationSite && incident.durationSite.kind !== 'replace') lines.add(incident.durationSite.line);
  // Over the few field lines, not over the range: a range may span the whole document or more.
  if (![...lines].some((l) => l >= range.start.line && l <= range.end.line)) return [];
  const edits = editsForFix(document, template, fix);
  return edits.length ? [{ title: fix.title, edits }] : [];
}
