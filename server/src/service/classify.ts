import type { PostmortemDocument } from './model';
import type { Template } from './templates';

// Is this Markdown a postmortem? Real ones tell a story of what happened, with times.
// Look-alikes name every section too: assignment requirements, writing guides, empty templates,
// and READMEs that only link to a postmortem elsewhere.

export interface Classification {
  isPostmortem: boolean;
  reasons: string[];
}

const titleWords = /\b(?:post[- ]?mortem|incident (?:report|review|analysis)|outage (?:report|review)|root cause analysis|RCA|after[- ]action review)\b/i;
// Wording of instructions: what a postmortem "must contain", imperative bullets, and questions.
const requirementWords =
  /\b(?:must contain|should contain|must include|must have|be brief|between \d+ (?:to|and) \d+ words|keep it short|stick to this one)\b/i;
const imperativeStart =
  /^(?:list|state|give|explain|describe|include|add|write|close with|provide|summari[sz]e|mention|itemi[sz]ed?|do not|don'?t|use|make|note|specify|outline|detail|identify|document|short summary|covers?)\b/i;
const incidentWords =
  /\b(?:outages?|incidents?|downtime|went down|was down|were down|failures?|failed|crash(?:ed|es)?|errors?|root cause|unavailable|disruptions?|degraded|post[- ]?mortem)\b/i;
const questionStart = /^(?:what|when|how|which|who|why|where)\b/i;
const narrativeWords =
  /\b(?:we|our|us|was|were|had|did|occurred|happened|caused|noticed|detected|identified|restarted|resolved|fixed|discovered|found|realized|deployed|rolled|began|started|ended|failed|crashed|went|took)\b/gi;
const placeholder = /^(?:x{2,}|y{2,}|z{2,}|tbd|todo|n\/a|-|someone\b.*|<[^>]*>|\[[^\]]*\]|\.\.\.|…)$|\b(?:20xx|yyyy|hh:mm)\b/i;

function contentLines(doc: PostmortemDocument): string[] {
  const out: string[] = [];
  const code = new Set<number>();
  // Indented "code" is kept: in READMEs it is mostly prose indented by mistake (tabs before requirement lists).
  for (const b of doc.blocks) if (b.type === 'fence' || b.type === 'html_block') for (let l = b.startLine; l < b.endLine; l++) code.add(l);
  const headingLines = new Set([...doc.sections.map((s) => s.headingRange.start.line), ...doc.otherHeadings.map((h) => h.line)]);
  doc.lines.forEach((line, i) => {
    if (code.has(i) || headingLines.has(i) || (doc.frontMatter && i <= doc.frontMatter.endLine)) return;
    const text = line
      .trim()
      .replace(/^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
      .replace(/^\|/, '')
      .trim();
    if (text && !/^(?:[-*_|:\s]+)$/.test(text)) out.push(text);
  });
  return out;
}

export function classify(doc: PostmortemDocument, template: Template): Classification {
  const reasons: string[] = [];
  if (doc.frontMatter?.declaresPostmortem) return { isPostmortem: true, reasons: ['front matter declares a postmortem'] };

  const lines = contentLines(doc);
  const required = new Set(template.sections.filter((s) => s.required).map((s) => s.id));
  const filled = new Set(doc.sections.filter((s) => !s.empty && required.has(s.id)).map((s) => s.id));
  const requirements = lines.filter((l) => requirementWords.test(l)).length;
  const instructions = lines.filter((l) => imperativeStart.test(l) || (questionStart.test(l) && !/\d/.test(l))).length;
  const placeholders = lines.filter((l) => placeholder.test(l)).length;
  const narrative = lines.reduce((n, l) => n + (l.match(narrativeWords)?.length ?? 0), 0);
  const titled = doc.title !== null && titleWords.test(doc.title.text);

  if (doc.words < 40) return { isPostmortem: false, reasons: [`only ${doc.words} words`] };
  if (requirements >= 2 && narrative < requirements * 8) {
    return { isPostmortem: false, reasons: [`${requirements} lines state what a postmortem must contain (a copy of requirements)`] };
  }
  if (lines.length > 0 && instructions / lines.length >= 0.4 && narrative < 3 * instructions) {
    return { isPostmortem: false, reasons: [`${instructions} of ${lines.length} lines are instructions or questions (a guide, not a postmortem)`] };
  }
  if (filled.size >= 2 && placeholders * 3 >= lines.length) {
    return { isPostmortem: false, reasons: ['sections hold placeholders only (an empty template)'] };
  }
  if (filled.size >= 2) reasons.push(`${filled.size} required sections with content`);
  if (titled) reasons.push('the title names a postmortem or incident report');
  if (doc.timeline.length >= 3) reasons.push(`${doc.timeline.length} timeline entries`);
  if (narrative >= 10 && /\b(?:outage|incident|downtime|down|failure|error|root cause|postmortem|post-mortem)\b/i.test(lines.join(' ')))
    reasons.push('a narrative of an outage');
  // Two filled sections make a postmortem when they tell of an incident: a cause or measures, times, a title
  // or a narrative of an outage. A project README has a Summary and a Timeline of weeks too.
  const structured =
    filled.size >= 2 &&
    (filled.has('root-cause') ||
      filled.has('corrective-actions') ||
      doc.timeline.length >= 2 ||
      titled ||
      reasons.includes('a narrative of an outage') ||
      incidentWords.test(lines.join(' ')));
  const isPostmortem =
    structured ||
    ((titled || doc.timeline.length >= 3) && doc.words >= 80) ||
    (reasons.includes('a narrative of an outage') && doc.words >= 150 && (titled || filled.size >= 1));
  return { isPostmortem, reasons: reasons.length ? reasons : ['no postmortem structure or narrative found'] };
}
