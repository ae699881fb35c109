import type { Field, PostmortemDocument, Section } from '../model';
import type { Template } from '../templates';
import { range } from './lines';

// A summary often states its impact and root cause in sentences, not as `Label:` fields: "The root
// cause was a reconciliation job …", "about 6,300 customers (around 12% of orders) could not pay".
// A reader counts those as the fields; so does the service, with the sentence as the value.

const STATED: Record<string, RegExp> = {
  'root-cause':
    /\b(?:root[- ]cause|(?:was|were|is|are)\s+caused\s+by|caused\s+by|the\s+(?:main\s+|underlying\s+|primary\s+)?cause\s+(?:was|is|of)|due\s+to|because(?:\s+of)?|triggered\s+by|stemmed\s+from|resulted\s+from|traced\s+(?:back\s+)?to)\b/i,
  impact:
    /\b(?:\d+(?:[.,]\d+)?\s*%|\d[\d,.]*\s+(?:users|customers|requests|orders|accounts|visitors|clients|people|transactions|shoppers|students|sites|merchants)|(?:all|most|many|some|every|no)\s+(?:of\s+(?:our|the)\s+)?(?:users|customers|visitors|clients|requests|shoppers)|(?:users|customers|visitors|clients|shoppers|students|people|players|merchants)\s+(?:could\s*n[o’']t|were\s+unable|could\s+not|saw|experienced|received|got|were\s+(?:unable|affected|locked|logged|shown|served))|(?:was|were)\s+(?:affected|impacted)|impact(?:ed)?\s+(?:was|were|on|of)|(?:affect|impact)(?:ed|ing|s)?\s+(?:[\p{L}'’-]+\s+){0,3}?(?:users|customers|visitors|clients|people|accounts|sites|websites?|services|installations|requests|players|students|merchants|subscribers|functionality|traffic|performance|everyone|everybody)|(?:users|customers|visitors|clients|shoppers|students|people|players|merchants|subscribers)\s+who\s+[^.]{1,80}?\s(?:received|saw|got|experienced|encountered|were\s+(?:unable|served|shown|affected|redirected))|resulted\s+in\s+\d[\d,]*\s+\p{L}+)(?![\p{L}\p{N}])/iu,
};
const SENTENCE = /[^.!?]+(?:[.!?](?=\s|$)|$)/g;

/** The fields a section states in its sentences, for the required ones no label gives. */
export function sentenceFields(document: PostmortemDocument, template: Template): Field[] {
  const out: Field[] = [];
  for (const section of document.sections) {
    if (section.empty || section.sharesHeadingWith) continue;
    const wanted = template.sections.find((t) => t.id === section.id)?.fields.filter((f) => f.required && STATED[f.id]) ?? [];
    for (const field of wanted) {
      if (document.fields.some((f) => f.sectionId === section.id && f.id === field.id && inside(section, f.labelRange.start.line))) continue;
      const found = statedIn(document, section, field.id);
      if (found) out.push({ ...found, id: field.id, sectionId: section.id });
    }
  }
  return out;
}

function inside(section: Section, line: number): boolean {
  return line >= section.range.start.line && line <= section.range.end.line;
}

function statedIn(document: PostmortemDocument, section: Section, id: string): Omit<Field, 'id' | 'sectionId'> | null {
  const cue = STATED[id];
  const labelLines = new Set(document.fields.map((f) => f.labelRange.start.line));
  for (let line = section.bodyStartLine; line <= section.bodyEndLine; line++) {
    // A line another field holds is that field's value ("- **Duration:** …").
    if (labelLines.has(line)) continue;
    const text = document.lines[line];
    for (const m of text.matchAll(SENTENCE)) {
      const sentence = m[0];
      const hit = cue.exec(sentence);
      if (!hit) continue;
      const start = (m.index ?? 0) + (sentence.length - sentence.trimStart().length);
      const end = (m.index ?? 0) + sentence.trimEnd().length;
      const at = (m.index ?? 0) + hit.index;
      return {
        label: hit[0],
        labelRange: range(line, at, line, at + hit[0].length),
        value: sentence.trim(),
        valueRange: range(line, start, line, end),
        fullValue: sentence.trim(),
        valueEndLine: line,
        style: 'sentence',
        prefix: '',
      };
    }
  }
  return null;
}
