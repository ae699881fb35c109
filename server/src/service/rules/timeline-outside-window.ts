import type { TimelineEntry } from '../model';
import type { Finding, Rule } from './types';

/** A lead-up this long before the start is normal: the change that set the incident off, the first signs. */
const LEAD_UP = 2 * 3_600_000;

/**
 * What happens after an incident ends, and belongs in its timeline: the review, the tickets, the
 * customer note, checking that the fix holds. An entry after the end that says one of these is a
 * follow-up, not a sign the end time is wrong.
 */
const followUp =
  /\b(?:post-?mortem|post-incident|retro(?:spective)?|review(?:ed)?|RCA|debrief|action items?|tickets?|filed|scheduled|follow[- ]?ups?|published|status ?page|customers? (?:were )?(?:notified|informed|updated|emailed)|(?:email|note|update|announcement)s? (?:sent|went out)|communicat\w*|announce\w*|closed|resolved|all[- ]clear|monitor(?:ed|ing)|confirmed|verif(?:y|ied|ication)|stable|clean(?:ed)?[- ]?up|backfill\w*|reprocess\w*|documented|write-?up|lessons|hand(?:ed)?[- ]?(?:off|over)|stood down|incident (?:closed|ended|ends|over))\b/i;
/** Words that say the impact went on: then the entry is a reason to check the end time after all. */
const stillBroken =
  /\b(?:still|again|recurr\w*|errors?|outage|down|degraded|spike\w*|alert(?:s|ed)? (?:fired|firing)|pag(?:ed|es)|failing|failed|unavailable|timeouts?|5\d\d|5xx|customers? (?:report|complain)\w*)\b/i;

export function isFollowUp(entry: TimelineEntry): boolean {
  return followUp.test(entry.text) && !stillBroken.test(entry.text);
}

export const timelineOutsideWindow: Rule = {
  code: 'timeline-outside-window',
  description: 'A timeline entry after the incident ended (follow-ups such as the review or tickets excepted), or long (more than 2 hours) before it started.',
  help: "Check the entry's time, date and zone against the incident's start and end, or correct the start or end. Follow-ups after the end (the review, tickets, customer notes) are not reported.",
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
      // A window read without a zone is a wall clock: it cannot be compared with an entry read in one
      // ("4:00 PM" as the end, "2:30 PM PDT" in the timeline).
      if (incident.zone === null && entry.zone) continue;
      // An entry earlier than the one before it is a timeline-order finding, not this one.
      const outOfOrder = entry.at < latest;
      latest = Math.max(latest, entry.at);
      if (outOfOrder) continue;
      if (entry.at > end.at) {
        if (isFollowUp(entry)) continue;
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
