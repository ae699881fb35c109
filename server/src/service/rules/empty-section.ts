import type { Rule } from './types';

export const emptySection: Rule = {
  code: 'empty-section',
  description: 'A section heading with nothing under it: the section does not count as present.',
  help: "Write the section's content under its heading; the quick fix fills in the template's skeleton to start from.",
  defaultSeverity: 'warning',
  tags: ['structure'],
  structural: true,
  check({ completeness }) {
    return completeness.sections
      .filter((s) => s.status === 'empty')
      .flatMap(({ section: t, instances }) =>
        instances.map((s) => ({
          code: 'empty-section',
          message: `Section "${s.label}" is empty. It should hold: ${t.checklist.map((c) => c.text).join('; ')}.`,
          range: s.headingRange,
          fixes: [{ kind: 'fill-section' as const, title: `Fill "${t.name}" with the template's skeleton`, sectionId: s.id, line: s.headingRange.end.line }],
          data: { sectionId: s.id },
        })),
      );
  },
};
