import type { Rule } from './types';

export const missingField: Rule = {
  code: 'missing-field',
  description: "A part a section requires is absent, e.g. the summary's duration, impact or root cause.",
  help: 'Add the field to the section, e.g. `- **Impact:** who was affected and how much`; the quick fix adds it in the style of its neighbours.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  structural: true,
  check({ completeness }) {
    const findings = [];
    for (const s of completeness.sections) {
      // An absent or empty section is its own finding; a field written as a placeholder is a placeholder finding.
      if (s.status === 'missing' || s.status === 'empty') continue;
      const heading = s.instances[0];
      for (const f of s.fields) {
        if (!f.field.required || f.status !== 'missing') continue;
        findings.push({
          code: 'missing-field',
          message: `"${heading.label}" is missing its ${f.field.name}: ${f.field.hover}`,
          range: heading.headingRange,
          fixes: [{ kind: 'insert-field' as const, title: `Add "${f.field.name}" to ${heading.label}`, sectionId: s.section.id, fieldId: f.field.id }],
          data: { sectionId: s.section.id, fieldId: f.field.id },
        });
      }
    }
    return findings;
  },
};
