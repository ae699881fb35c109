import type { TimelineEntry } from '../model';
import type { Finding, Fix, Rule } from './types';

export const timelineOrder: Rule = {
  code: 'timeline-order',
  description: 'A timeline entry is earlier than the entry before it (or the whole timeline runs newest first).',
  help: 'Put the entries in the order they happened; the quick fix sorts the timeline, moving whole entries with their nested lines.',
  defaultSeverity: 'warning',
  tags: ['time', 'timeline'],
  structural: false,
  check({ document }) {
    const findings: Finding[] = [];
    const entries = document.timeline;
    const sort: Fix = {
      kind: 'sort-timeline',
      title: 'Sort timeline chronologically',
      entries: entries.map((e) => ({ line: e.line, endLine: e.endLine, at: e.at ?? null })),
      safe: false,
    };
    const timed = entries.filter((e): e is TimelineEntry & { at: number } => typeof e.at === 'number');
    // Newest first, as a status page lists its updates: one way of writing it, not one mistake per
    // entry. Two steps back and none forward (so three entries at least).
    const steps = timed.slice(1).map((e, i) => Math.sign(e.at - timed[i].at));
    if (!steps.includes(1) && steps.filter((d) => d < 0).length >= 2) {
      const [newest, oldest] = [timed[0], timed[timed.length - 1]];
      return [
        {
          code: 'timeline-order',
          message: `The timeline runs newest first, from "${newest.timeText}" back to "${oldest.timeText}" on line ${oldest.line + 1}, as a status page lists its updates: a postmortem tells it oldest first. Sort the timeline.`,
          range: newest.timeRange,
          fixes: [sort],
          data: { newestFirst: true, oldestLine: oldest.line },
        },
      ];
    }
    let previous: TimelineEntry | undefined;
    for (const entry of entries) {
      if (entry.at === null || entry.at === undefined) continue;
      if (previous && previous.at !== null && previous.at !== undefined && entry.at < previous.at) {
        findings.push({
          code: 'timeline-order',
          message: `"${entry.timeText}" is earlier than "${previous.timeText}", the entry before it on line ${previous.line + 1}: sort the timeline, or check the time and its day.`,
          range: entry.timeRange,
          fixes: [sort],
          data: { previousLine: previous.line },
        });
      }
      previous = entry;
    }
    return findings;
  },
};
