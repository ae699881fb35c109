import type { Rule } from './types';

const WHERE = { start: 'start time', end: 'end time', duration: 'duration', timeline: 'timeline time' } as const;

export const unparsedTime: Rule = {
  code: 'unparsed-time',
  description: 'A start, end or timeline time that cannot be read (a placeholder, an impossible clock or date).',
  help: 'Write the time in a form that can be read, such as `14:05 UTC`, `2:05 PM PST` or `2024-01-19T14:05Z`; replace placeholders with the real time.',
  defaultSeverity: 'warning',
  tags: ['time'],
  structural: false,
  check({ incident }) {
    return incident.unparsedTimes.map((u) => ({
      code: 'unparsed-time',
      message: `The ${WHERE[u.where]} "${u.text}" cannot be read (${u.reason}): write it like ${u.example}.`,
      range: u.range,
      fixes: [],
      data: { text: u.text, example: u.example },
    }));
  },
};
