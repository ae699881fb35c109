import type { IncidentTime } from '../incident';
import type { Finding, Rule } from './types';

export const missingTimezone: Rule = {
  code: 'missing-timezone',
  description: 'The start or end time has no time zone, and none is declared for its section or the document.',
  help: 'Write the zone next to the time (`14:20 UTC`, `09:05 CET`, `+02:00`) or declare it once, e.g. `All times in UTC.`',
  defaultSeverity: 'warning',
  tags: ['time', 'summary'],
  structural: false,
  check({ incident }) {
    const findings: Finding[] = [];
    const without = [incident.start, incident.end].filter((t): t is IncidentTime => t !== null && t.zone === null);
    for (const t of without) {
      // One finding per line: "08:00 - 09:30" without a zone is one omission.
      if (findings.some((f) => f.range.start.line === t.range.start.line)) continue;
      const which = t === incident.start ? 'start' : 'end';
      findings.push({
        code: 'missing-timezone',
        message: `The ${which} time "${t.text}" has no time zone, and none is declared for the section or the document: write it like "${t.text} UTC", or declare "All times in UTC."`,
        range: t.range,
        fixes: [],
        data: { which },
      });
    }
    return findings;
  },
};
