import type { Rule } from './types';

export const missingSection: Rule = {
  code: 'missing-section',
  description: 'A section the template requires is absent.',
  help: "Add the section under its template name; the quick fix inserts it where the template puts it, in the document's heading style, with a skeleton to fill in.",
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
