import type { TimelineEntry } from '../model';
import type { Finding, Rule } from './types';

export const timelineOrder: Rule = {
  code: 'timeline-order',
  description: 'A timeline entry is earlier than the entry before it.',
  help: 'Put the entries in the order they happened; the quick fix sorts the timeline, moving whole entries with their nested lines.',
  defaultSeverity: 'warning',
  tags: ['time', 'timeline'],
  structural: false,
  check({ document }) {
    const findings: Finding[] = [];
    const entries = document.timeline;
    let previous: TimelineEntry | undefined;
    for (const entry of entries) {
      if (entry.at === null || entry.at === undefined) continue;
      if (previous && previous.at !== null && previous.at !== undefined && entry.at < previous.at) {
        findings.push({
          code: 'timeline-order',
          message: `"${entry.timeText}" is earlier than "${previous.timeText}", the entry before it on line ${previous.line + 1}: sort the timeline, or check the time and its day.`,
          range: entry.timeRange,
          fixes: [
            {
              kind: 'sort-timeline',
              title: 'Sort timeline chronologically',
              entries: entries.map((e) => ({ line: e.line, endLine: e.endLine, at: e.at ?? null })),
              safe: false,
            },
          ],
          data: { previousLine: previous.line },
        });
      }
      previous = entry;
    }
    return findings;
  },
};
