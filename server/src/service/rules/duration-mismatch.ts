import { durationFix, windowText } from '../incident';
import { formatDuration } from '../time';
import type { Rule } from './types';

/** How far a stated duration may be from end minus start: "about 4 hours" for 4h10m is fine. */
function tolerance(computed: number, approximate: boolean): number {
  return approximate ? Math.max(5, computed * 0.1) : 1;
}

export const durationMismatch: Rule = {
  code: 'duration-mismatch',
  description: 'The stated duration differs from end minus start.',
  help: "Correct the stated duration, or the start or end it disagrees with; the quick fix writes end minus start in the document's own style.",
  defaultSeverity: 'warning',
  tags: ['time', 'summary'],
  structural: false,
  check({ incident }) {
    const { durationMinutes, statedDuration } = incident;
    if (durationMinutes === null || !statedDuration || !incident.start || !incident.end) return [];
    if (Math.abs(statedDuration.minutes - durationMinutes) <= tolerance(durationMinutes, statedDuration.approximate)) return [];
    const fix = durationFix(incident);
    return [
      {
        code: 'duration-mismatch',
        message: `The duration states ${formatDuration(statedDuration.minutes)}, but ${windowText(incident)} is ${formatDuration(durationMinutes)}.`,
        range: statedDuration.range,
        fixes: fix ? [fix] : [],
        data: { statedMinutes: statedDuration.minutes, durationMinutes },
      },
    ];
  },
};
