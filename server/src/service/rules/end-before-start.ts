import { windowText } from '../incident';
import type { Rule } from './types';

export const endBeforeStart: Rule = {
  code: 'end-before-start',
  description: 'The incident ends before it starts.',
  help: "Check the start and end times and their dates and zones: an incident that crosses midnight needs the end's date.",
  defaultSeverity: 'error',
  tags: ['time', 'summary'],
  structural: false,
  check({ incident }) {
    const { start, end } = incident;
    if (!start || !end || end.at >= start.at) return [];
    return [
      {
        code: 'end-before-start',
        message: `The incident ends before it starts (${windowText(incident)}): check the date, the clock or the am/pm of "${end.text}" and "${start.text}".`,
        range: end.range,
        fixes: [],
        data: { start: start.iso, end: end.iso },
      },
    ];
  },
};
