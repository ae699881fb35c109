import { range } from '../parse/lines';
import { findMojibake } from '../text/mojibake';
import type { Finding, Rule } from './types';

export const mojibake: Rule = {
  code: 'mojibake',
  description: 'Text decoded with the wrong character set (`â€™` for `’`), e.g. by a copy through another tool.',
  help: 'Replace the mis-decoded characters with the ones meant; the quick fix repairs exactly the affected text.',
  defaultSeverity: 'warning',
  tags: ['text'],
  structural: false,
  check({ document }) {
    const findings: Finding[] = [];
    document.lines.forEach((line, n) => {
      if (
        !/[\u0080-\u00ff\u011e\u011f\u0130\u0131\u015e\u015f\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/.test(line)
      )
        return;
      for (const m of findMojibake(line)) {
        findings.push({
          code: 'mojibake',
          message: `"${m.text}" looks like "${m.repaired}" decoded with the wrong character set.`,
          range: range(n, m.start, n, m.end),
          fixes: [{ kind: 'replace', title: `Repair to "${m.repaired}"`, range: range(n, m.start, n, m.end), newText: m.repaired, safe: true }],
          data: { repaired: m.repaired },
        });
      }
    });
    return findings;
  },
};
