import { checklistHolds, statedTimes } from '../completeness';
import { isEnglish, isEnglishText } from '../writing/prose';
import type { Rule } from './types';

// What the timeline must say, as the template's checklist for it has it (standard: when and how
// the issue was detected, what was tried, misleading paths, escalation, resolution). One finding
// on the timeline heading lists what is missing; the hover on the heading marks each item.

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export const timelineCoverage: Rule = {
  code: 'timeline-coverage',
  description:
    'The timeline leaves out part of its checklist: when and how the issue was detected, what was tried, whom it was escalated to, how it was resolved.',
  help: 'Add timeline entries for what is missing: when and how the issue was detected, what was tried (and what misled), whom it was escalated to, and when it was resolved.',
  defaultSeverity: 'information',
  tags: ['writing', 'timeline'],
  structural: false,
  check({ document, completeness }) {
    if (!isEnglish(document)) return [];
    const timeline = completeness.sections.find((s) => s.section.id === 'timeline');
    const heading = document.sections.find((s) => s.id === 'timeline' && !s.empty);
    if (!timeline?.section.checklist.length || !heading) return [];
    // A timeline still as the skeleton wrote it is for the skeleton's own finding.
    const { text } = timeline;
    if (timeline.status !== 'present' || !/[\p{L}]{3,}/u.test(text) || !isEnglishText(text)) return [];
    // A timeline without a single time: say so once, and list only what its words leave out.
    const untimed = document.timeline.length === 0 && statedTimes(text) === 0;
    const missing = timeline.checklist
      .filter((c) => !(c.covered || (untimed && checklistHolds(timeline, c.item, Number.POSITIVE_INFINITY))))
      .map((c) => c.item.text);
    if (!missing.length && !untimed) return [];
    const parts = [
      ...(untimed ? ['The timeline gives no times: write when each step happened, with the time zone.'] : []),
      ...(missing.length ? [`${untimed ? 'It' : 'The timeline'} does not say: ${missing.map(lowerFirst).join('; ')}.`] : []),
    ];
    return [
      {
        code: 'timeline-coverage',
        message: `${parts.join(' ')} Hover the heading for its checklist.`,
        range: heading.headingRange,
        fixes: [],
        data: { missing, untimed },
      },
    ];
  },
};
