import { durationFix, windowText } from '../incident';
import { lineRange } from '../parse/lines';
import { formatDuration } from '../time';
import type { Rule } from './types';

export const missingDuration: Rule = {
  code: 'missing-duration',
  description: 'The start and end of the incident are known, but how long it lasted is not stated.',
  help: 'State how long the incident lasted, e.g. `- **Duration:** 1 hour 10 minutes`; the quick fix inserts the computed duration.',
  defaultSeverity: 'information',
  tags: ['time', 'summary'],
  structural: false,
  check({ document, incident }) {
    const { start, end, durationMinutes, statedDuration, durationSite } = incident;
    if (!start || !end || durationMinutes === null || statedDuration) return [];
    const fix = durationFix(incident);
    const onDurationLine = durationSite?.kind === 'after-label' || durationSite?.kind === 'after-value';
    return [
      {
        code: 'missing-duration',
        message: `The incident ran ${windowText(incident)}, ${formatDuration(durationMinutes)}, but its duration is not stated.`,
        range: onDurationLine ? lineRange(document.lines, durationSite.line) : end.range,
        fixes: fix ? [fix] : [],
        data: { durationMinutes },
      },
    ];
  },
};
