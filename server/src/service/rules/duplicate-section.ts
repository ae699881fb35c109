import type { Section } from '../model';
import type { Finding, Rule } from './types';

/**
 * Two headings clash when they name the same section and the same part of it (or all of it). A part
 * written beside the section (its template's `besideParts`) clashes only with itself.
 */
function clash(a: Section, b: Section, beside: readonly string[]): boolean {
  if (a.id !== b.id) return false;
  if ((a.part !== undefined && beside.includes(a.part)) || (b.part !== undefined && beside.includes(b.part))) return a.part === b.part;
  return a.part === undefined || b.part === undefined || a.part === b.part;
}

export const duplicateSection: Rule = {
  code: 'duplicate-section',
  description: 'The same section appears twice.',
  help: 'Merge the two parts under one heading, or rename one if it is a different section (a Root Cause followed by a Resolution and Recovery heading is one section in two parts, and Contributing Factors beside a Root Cause are not a repeat: neither is flagged).',
  defaultSeverity: 'warning',
  tags: ['structure'],
  structural: true,
  check({ document, template }) {
    const seen: Section[] = [];
    const findings: Finding[] = [];
    const rank = (s: Section) => s.level || 7;
    document.sections.forEach((s, i) => {
      const beside = template.sections.find((t) => t.id === s.id)?.besideParts ?? [];
      const first = seen.find((o) => clash(o, s, beside));
      // "## Lessons learnt / ### What went wrong / ### Where we got lucky": the repeat is a subheading
      // still inside the first heading's part of the document, so the same section goes on.
      const within =
        first !== undefined &&
        rank(s) > rank(first) &&
        document.sections.slice(document.sections.indexOf(first) + 1, i).every((between) => rank(between) > rank(first));
      if (first && !within) {
        const name = template.sections.find((t) => t.id === s.id)?.name ?? s.label;
        findings.push({
          code: 'duplicate-section',
          message: `"${s.label}" repeats the ${name} section already started on line ${first.headingRange.start.line + 1}. Merge the two so readers find everything in one place.`,
          range: s.headingRange,
          fixes: [],
          data: { sectionId: s.id, firstLine: first.headingRange.start.line },
        });
      } else if (!first) seen.push(s);
    });
    return findings;
  },
};
