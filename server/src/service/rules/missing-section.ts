import type { Rule } from './types';

export const missingSection: Rule = {
  code: 'missing-section',
  description: 'A section the template requires is absent.',
  help: "Add the section under its template name; the quick fix inserts it where the template puts it, in the document's heading style, with a skeleton to fill in.",
  defaultSeverity: 'error',
  tags: ['structure'],
  structural: true,
  check({ document, template, anchor }) {
    const present = new Set(document.sections.map((s) => s.id));
    return template.sections
      .filter((s) => s.required && !present.has(s.id))
      .map((s) => ({
        code: 'missing-section',
        message: `Missing section "${s.name}": ${s.hover}`,
        range: anchor,
        fixes: [{ kind: 'insert-section', title: `Insert the missing "${s.name}" section`, sectionId: s.id }],
        data: { sectionId: s.id },
      }));
  },
};
