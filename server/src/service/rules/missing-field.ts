import type { Rule } from './types';

export const missingField: Rule = {
  code: 'missing-field',
  description: "A part a section requires is absent, e.g. the summary's duration, impact or root cause.",
  help: 'Add the field to the section, e.g. `- **Impact:** who was affected and how much`; the quick fix adds it in the style of its neighbours.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  structural: true,
  check({ document, template, incident }) {
    const findings = [];
    for (const t of template.sections) {
      const instances = document.sections.filter((s) => s.id === t.id);
      if (!instances.length || instances.every((s) => s.empty)) continue;
      const here = new Set(document.fields.filter((f) => f.sectionId === t.id).map((f) => f.id));
      for (const f of t.fields.filter((x) => x.required)) {
        if (here.has(f.id)) continue;
        // A duration is also given by start and end, or by a time range in the summary.
        if (f.id === 'duration' && ((here.has('start') && here.has('end')) || incident.start)) continue;
        // An Impact section of its own answers for the summary's impact.
        if (f.id === 'impact' && document.sections.some((s) => s.id === 'impact' && !s.empty)) continue;
        const heading = instances[0];
        findings.push({
          code: 'missing-field',
          message: `"${heading.label}" is missing its ${f.name}: ${f.hover}`,
          range: heading.headingRange,
          fixes: [{ kind: 'insert-field' as const, title: `Add "${f.name}" to ${heading.label}`, sectionId: t.id, fieldId: f.id }],
          data: { sectionId: t.id, fieldId: f.id },
        });
      }
    }
    return findings;
  },
};
