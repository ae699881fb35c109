import { durationFix, statedAgrees, windowText } from '../incident';
import { formatDuration } from '../time';
import type { Rule } from './types';

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
    // The tolerance ("about 4 hours" for 4h10m is fine) is the one the window chooser uses.
    if (statedAgrees(durationMinutes, statedDuration)) return [];
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
