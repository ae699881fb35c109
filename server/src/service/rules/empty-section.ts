import type { Rule } from './types';

export const emptySection: Rule = {
  code: 'empty-section',
  description: 'A section heading with nothing under it: the section does not count as present.',
  help: "Write the section's content under its heading; the quick fix fills in the template's skeleton to start from.",
  defaultSeverity: 'warning',
  tags: ['structure'],
  structural: true,
  check({ document, template }) {
    return document.sections
      .filter((s) => s.empty && !document.sections.some((o) => o !== s && o.id === s.id && !o.empty))
      .map((s) => {
        const t = template.sections.find((x) => x.id === s.id);
        const name = t?.name ?? s.label;
        return {
          code: 'empty-section',
          message: `Section "${s.label}" is empty. ${t ? `It should hold: ${t.checklist.map((c) => c.text).join('; ')}.` : ''}`.trim(),
          range: s.headingRange,
          fixes: t
            ? [{ kind: 'fill-section' as const, title: `Fill "${name}" with the template's skeleton`, sectionId: s.id, line: s.headingRange.end.line }]
            : [],
          data: { sectionId: s.id },
        };
      });
  },
};
