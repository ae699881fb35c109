import { onForget } from '../incremental/memo';
import type { Block } from '../model';
import type { Template } from '../templates';
import type { LabelLine } from './labels';

// A page copied from a rendered document loses its line breaks at the headings: "…DisasterIssue
// SummaryDuration: 14:30 - 15:15 UTC", "Timeline14:30 UTC: alerts fired". A section's name glued to
// the text before it (a lowercase letter, then the name's capital) and after it (a capital or a
// digit) is a heading a reader still sees; so is a field label glued right after it.

const minNameLength = 6;

interface GluePattern {
  /** Section names and aliases, longest first, as one alternation (case-insensitive). */
  names: RegExp;
}

let patterns = new WeakMap<Template, GluePattern>();
onForget(() => {
  patterns = new WeakMap();
});

function patternOf(template: Template): GluePattern {
  let p = patterns.get(template);
  if (!p) {
    const names = template.sections
      .flatMap((s) => [s.name, ...s.aliases.map((a) => a.split('|')[0])])
      .filter((n) => n.length >= minNameLength && /^[A-Za-z][A-Za-z' &-]*$/.test(n))
      .sort((a, b) => b.length - a.length)
      .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));
    p = { names: new RegExp(`(${names.join('|')})`, 'gi') };
    patterns.set(template, p);
  }
  return p;
}

const fieldAfter = /^([A-Z][A-Za-z ]{1,30}?)\s*:\s*/;

/** Labels for the section names (and the field labels right after them) glued into `lines`. */
export function gluedLabels(lines: readonly string[], blocks: readonly Block[], template: Template, skip: (line: number) => boolean): LabelLine[] {
  const { names } = patternOf(template);
  const out: LabelLine[] = [];
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    for (let line = block.startLine; line < block.endLine; line++) {
      if (skip(line)) continue;
      const text = lines[line];
      // Quick test: a capital right after a letter or digit with no space ("rI", "y14").
      if (!/[a-z0-9)][A-Z]|[a-z][0-9]/.test(text)) continue;
      for (const m of text.matchAll(names)) {
        const at = m.index ?? 0;
        const end = at + m[0].length;
        const before = text[at - 1];
        const after = text[end];
        const multiWord = /\s/.test(m[0]);
        const gluedBefore = at === 0 || (multiWord && /[a-z0-9)!?.]/.test(before ?? ''));
        if (!gluedBefore || !/^[A-Z]/.test(text[at]) || !after || !/[A-Z0-9]/.test(after)) continue;
        out.push(label(line, at, end, m[0], '', end));
        const field = fieldAfter.exec(text.slice(end));
        if (field) {
          const valueStart = end + field[0].length;
          const next = nextGlue(text, valueStart, names);
          out.push(label(line, end, end + field[1].length + 1, field[1], text.slice(valueStart, next).trim(), valueStart, true));
        }
      }
    }
  }
  return out;
}

function nextGlue(text: string, from: number, names: RegExp): number {
  const rest = new RegExp(names.source, 'gi');
  rest.lastIndex = from;
  for (let m = rest.exec(text); m; m = rest.exec(text)) {
    const at = m.index;
    if (/[a-z0-9)]/.test(text[at - 1] ?? '') && /^[A-Z]/.test(text[at]) && /[A-Z0-9]/.test(text[at + m[0].length] ?? '')) return at;
  }
  return text.length;
}

function label(line: number, start: number, end: number, name: string, value: string, valueStart: number, colon = false): LabelLine {
  return {
    style: 'plain',
    level: 0,
    line,
    headingEndLine: line,
    label: name,
    heading: name,
    labelStart: start,
    labelEnd: end,
    value,
    valueStart,
    prefix: '',
    labelOnly: value === '',
    inList: false,
    itemEndLine: line,
    colon,
    evidence: { block: 'paragraph', startsParagraph: true, standsAlone: true, capitalised: true, requirement: false, glued: true },
  };
}
