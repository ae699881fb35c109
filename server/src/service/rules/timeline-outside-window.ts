import type { Finding, Rule } from './types';

/** A lead-up this long before the start is normal: the change that set the incident off, the first signs. */
const LEAD_UP = 2 * 3_600_000;

export const timelineOutsideWindow: Rule = {
  code: 'timeline-outside-window',
  description: 'A timeline entry after the incident ended, or long (more than 2 hours) before it started.',
  help: "Check the entry's time, date and zone against the incident's start and end, or correct the start or end.",
  defaultSeverity: 'warning',
  tags: ['time', 'timeline'],
  structural: false,
  check({ document, incident }) {
    const { start, end } = incident;
    if (!start || !end || incident.durationMinutes === null) return [];
    const findings: Finding[] = [];
    let latest = Number.NEGATIVE_INFINITY;
    for (const entry of document.timeline) {
      if (entry.at === null || entry.at === undefined) continue;
      // An entry earlier than the one before it is a timeline-order finding, not this one.
      const outOfOrder = entry.at < latest;
      latest = Math.max(latest, entry.at);
      if (outOfOrder) continue;
      if (entry.at > end.at) {
        findings.push({
          code: 'timeline-outside-window',
          message: `"${entry.timeText}" is after the incident ended (${end.text}, ${end.source}): if the impact lasted longer, correct the end time.`,
          range: entry.timeRange,
          fixes: [],
          data: { after: 'end' },
        });
      } else if (entry.at < start.at - LEAD_UP) {
        findings.push({
          code: 'timeline-outside-window',
          message: `"${entry.timeText}" is more than 2 hours before the incident started (${start.text}, ${start.source}): check its day, or the start time.`,
          range: entry.timeRange,
          fixes: [],
          data: { before: 'start' },
        });
      }
    }
    return findings;
  },
};
