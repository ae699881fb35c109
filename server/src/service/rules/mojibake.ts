import type { Range } from '../model';
import { perLine } from '../incremental/lines';
import { range } from '../parse/lines';
import { findMojibake } from '../text/mojibake';
import type { Finding, Rule } from './types';

// Text decoded with the wrong character set is one problem of the file (it went through one bad
// copy), however many places it shows in: one finding on the first place, the others as related
// information, and one fix that repairs them all.

interface Place {
  range: Range;
  text: string;
  repaired: string;
}

/** Lines that can hold mojibake: a character of the Latin-1 / Windows-1252 ranges it is made of. */
const suspect = /[\u0080-\u00ff\u011e\u011f\u0130\u0131\u015e\u015f\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/;

/** The mis-decoded runs of a line, with the line's other readings (a line no edit touched is not read again). */
const runsAt = perLine((line) => (suspect.test(line) ? findMojibake(line) : []));

export const mojibake: Rule = {
  code: 'mojibake',
  description: 'Text decoded with the wrong character set (`â€™` for `’`), e.g. by a copy through another tool.',
  help: 'Replace the mis-decoded characters with the ones meant; the quick fix repairs every affected place of the file, and only those.',
  defaultSeverity: 'warning',
  tags: ['text'],
  structural: false,
  check({ document }) {
    const places: Place[] = [];
    for (let n = 0; n < document.lines.length; n++) {
      for (const m of runsAt(document.lines, n)) places.push({ range: range(n, m.start, n, m.end), text: m.text, repaired: m.repaired });
    }
    if (!places.length) return [];
    const [first, ...others] = places;
    // Each different text once, three at most; the ellipsis says there are other texts, not other places.
    const different = [...new Map(places.map((p) => [p.text, p])).values()];
    const examples = different.slice(0, 3).map((p) => `"${p.text}" for "${p.repaired}"`);
    const message =
      places.length === 1
        ? `"${first.text}" looks like "${first.repaired}" decoded with the wrong character set.`
        : `${places.length} places look decoded with the wrong character set (${examples.join(', ')}${different.length > examples.length ? ', …' : ''}): the text went through a copy that misread its encoding.`;
    const finding: Finding = {
      code: 'mojibake',
      message,
      range: first.range,
      fixes: [
        places.length === 1
          ? { kind: 'replace', title: `Repair to "${first.repaired}"`, range: first.range, newText: first.repaired, safe: true }
          : {
              kind: 'replace-all',
              title: `Repair all mis-decoded text (${places.length} places)`,
              edits: places.map((p) => ({ range: p.range, newText: p.repaired })),
              safe: true,
            },
      ],
      data: { repaired: first.repaired, places: places.length },
      ...(others.length ? { related: others.map((p) => ({ range: p.range, message: `"${p.text}" for "${p.repaired}"` })) } : {}),
    };
    return [finding];
  },
};
