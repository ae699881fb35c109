import type { PlaceholderSite, SectionCompleteness } from '../completeness';
import type { Range } from '../model';
import type { Finding, RelatedPlace, Rule } from './types';
import { shorten } from '../text/shorten';

// Text still as the template (or a placeholder) wrote it: one finding per unfilled field, per
// section that holds nothing else, and per line with a placeholder elsewhere. What counts is
// decided by the completeness evaluation, which the status bar and the hover read too.

const quote = (text: string) => shorten(text, 60);

function describe(site: PlaceholderSite): string {
  if (site.kind === 'template-text') return `"${quote(site.text)}" is the template's text`;
  if (!site.text) return 'nothing is written after the label';
  return `"${quote(site.text)}" is a placeholder`;
}

const related = (sites: readonly PlaceholderSite[]): RelatedPlace[] => sites.map((s) => ({ range: s.range, message: describe(s) }));

function sectionFinding(s: SectionCompleteness): Finding {
  const heading = s.instances[0];
  const n = s.placeholders.length;
  return {
    code: 'placeholder',
    message: `"${heading.label}" still holds only placeholder text (${n} ${n === 1 ? 'place' : 'places'}), so it does not count as written: ${s.section.hover}`,
    range: heading.headingRange,
    fixes: [],
    data: { sectionId: s.section.id },
    related: related(s.placeholders),
  };
}

function lineFinding(sites: readonly PlaceholderSite[], sectionId: string | null): Finding {
  const [first] = sites;
  const what =
    first.kind !== 'template-text'
      ? `${describe(first)}: fill it in.`
      : sectionId === null
        ? `the title is still the template's "${quote(first.text)}": say what broke, and when.`
        : `${describe(first)}: replace it with what happened in this incident.`;
  const others = sites.length > 1 ? ` (${sites.length - 1} more on this line)` : '';
  const whole: Range = { start: first.range.start, end: sites[sites.length - 1].range.end };
  return { code: 'placeholder', message: `${what[0].toUpperCase()}${what.slice(1)}${others}`, range: whole, fixes: [], data: { sectionId, text: first.text } };
}

export const placeholder: Rule = {
  code: 'placeholder',
  description: 'Text still as the template wrote it, or a placeholder (`HH:MM`, `TBD`, `<describe>`, `[what happened]`): it does not count as written.',
  help: 'Replace the placeholder with what happened in this incident; until then the field or section does not count as written.',
  defaultSeverity: 'information',
  tags: ['structure', 'writing'],
  structural: true,
  check({ completeness }) {
    const findings: Finding[] = [];
    const byLine = (sites: readonly PlaceholderSite[], sectionId: string | null) => {
      const lines = new Map<number, PlaceholderSite[]>();
      for (const site of sites) lines.set(site.range.start.line, [...(lines.get(site.range.start.line) ?? []), site]);
      for (const group of lines.values()) findings.push(lineFinding(group, sectionId));
    };
    byLine(completeness.documentPlaceholders, null);
    for (const s of completeness.sections) {
      if (s.status === 'placeholder') {
        findings.push(sectionFinding(s));
        continue;
      }
      if (s.status !== 'present') continue;
      for (const f of s.fields) {
        if (f.status !== 'placeholder' || !f.written) continue;
        const sites = s.placeholders.filter((p) => p.fieldId === f.field.id);
        const label = f.written.label || f.field.name;
        const first = sites[0];
        const what = first ? describe(first) : 'it holds a placeholder';
        findings.push({
          code: 'placeholder',
          message: `"${label}" is not filled in (${what}): ${f.field.hover}`,
          range: first?.text ? { start: first.range.start, end: sites[sites.length - 1].range.end } : f.written.labelRange,
          fixes: [],
          data: { sectionId: s.section.id, fieldId: f.field.id },
          ...(sites.length > 1 ? { related: related(sites) } : {}),
        });
      }
      byLine(
        s.placeholders.filter((p) => !p.fieldId),
        s.section.id,
      );
    }
    return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
};
