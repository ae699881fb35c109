import { proseWords } from '../writing/prose';
import type { Rule } from './types';

/** "400–600", "at least 400", "at most 600". */
export function describeWordRange(range: { min?: number; max?: number }): string {
  if (range.min !== undefined && range.max !== undefined) return `${range.min}–${range.max}`;
  return range.min !== undefined ? `at least ${range.min}` : `at most ${range.max}`;
}

export const wordCount: Rule = {
  code: 'word-count',
  description: 'The prose (code, tables of logs and front matter left out) is shorter or longer than the template asks (`standard`: 400–600 words).',
  help: "Bring the prose into the template's range: say what happened, why and what will change, or cut what a reader does not need (postmortem.wordCount sets the range).",
  defaultSeverity: 'information',
  tags: ['writing'],
  structural: true,
  check({ document, template, settings, anchor, completeness }) {
    const range = settings.wordCount[template.id];
    if (!range || (range.min === undefined && range.max === undefined)) return [];
    // A skeleton nobody has written in yet is for the placeholder findings, not a count of its words.
    // A postmortem written without the template's headings has no skeleton: its words count.
    const { sections } = completeness;
    if (!sections.some((s) => s.status === 'present') && sections.some((s) => s.status === 'placeholder' || s.status === 'empty')) return [];
    const words = proseWords(document);
    const short = range.min !== undefined && words < range.min;
    const long = range.max !== undefined && words > range.max;
    if (!short && !long) return [];
    return [
      {
        code: 'word-count',
        message: `${words} words of prose: the ${template.id} template asks for ${describeWordRange(range)} (code, tables of logs and front matter not counted). ${short ? 'Say more about what happened, why, and what will change.' : 'Be brief: keep what a reader needs to act on.'}`,
        range: anchor,
        fixes: [],
        data: { words, ...range },
      },
    ];
  },
};
