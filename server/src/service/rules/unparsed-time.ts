import { allPlaceholders } from '../completeness';
import type { Range } from '../model';
import type { Rule } from './types';

const WHERE = { start: 'start time', end: 'end time', duration: 'duration', timeline: 'timeline time' } as const;

const overlaps = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character < b.end.character && b.start.character < a.end.character;

export const unparsedTime: Rule = {
  code: 'unparsed-time',
  description: 'A start, end or timeline time that cannot be read (an incomplete or impossible clock or date).',
  help: 'Write the time in a form that can be read, such as `14:05 UTC`, `2:05 PM PST` or `2024-01-19T14:05Z`. A template placeholder (`HH:MM`) is a placeholder finding instead.',
  defaultSeverity: 'warning',
  tags: ['time'],
  structural: false,
  check({ incident, completeness }) {
    // A template placeholder (`HH:MM`) is not a broken time: the placeholder rule reports it, once.
    const placeholders = allPlaceholders(completeness).map((p) => p.range);
    return incident.unparsedTimes
      .filter((u) => !placeholders.some((p) => overlaps(p, u.range)))
      .map((u) => ({
        code: 'unparsed-time',
        message: `The ${WHERE[u.where]} "${u.text}" cannot be read (${u.reason}): write it like ${u.example}.`,
        range: u.range,
        fixes: [],
        data: { text: u.text, example: u.example },
      }));
  },
};
