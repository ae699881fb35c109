import type { Rule } from './types';

export const missingSection: Rule = {
  code: 'missing-section',
  description: 'A section the template requires is absent.',
  defaultSeverity: 'error',
  tags: ['structure'],
  structural: true,
  check({ completeness, anchor }) {
    return completeness.sections
      .filter((s) => s.section.required && s.status === 'missing')
      .map(({ section }) => ({
        code: 'missing-section',
        message: `Missing section "${section.name}": ${section.hover}`,
        range: anchor,
        fixes: [{ kind: 'insert-section', title: `Insert the missing "${section.name}" section`, sectionId: section.id }],
        data: { sectionId: section.id },
      }));
  },
};
