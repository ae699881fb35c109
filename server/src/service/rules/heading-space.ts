import { range } from '../parse/lines';
import type { Rule } from './types';

export const headingSpace: Rule = {
  code: 'heading-space',
  description: '`#Timeline` is not a heading in CommonMark: it needs a space after the `#`.',
  help: 'Add a space after the `#` marks (`# Timeline`); the quick fix does it.',
  defaultSeverity: 'warning',
  tags: ['structure', 'markdown'],
  structural: true,
  check({ document }) {
    return document.sections
      .filter((s) => s.missingSpace)
      .map((s) => {
        const line = s.headingRange.start.line;
        const hashes = /^\s*#+/.exec(document.lines[line])?.[0].length ?? 0;
        return {
          code: 'heading-space',
          message: `"${s.heading}" is meant as a heading but renders as text: add a space after the "#".`,
          range: s.headingRange,
          fixes: [{ kind: 'replace' as const, title: 'Add a space after "#"', range: range(line, hashes, line, hashes), newText: ' ', safe: true }],
          data: { sectionId: s.id },
        };
      });
  },
};
