import type { PostmortemDocument } from '../model';
import type { Template } from '../templates';
import { type Measures, measure } from './evidence';

// Is this Markdown a postmortem? A reader weighs the evidence: a real one tells of one specific
// incident (times and dates, a timeline, sections with an account in them, a narrative in the past
// tense, words for an outage); look-alikes name the sections too, but hold requirements,
// instructions, placeholders, general advice, a guide's "you", or only links. Each piece of
// evidence adds or takes away weight; the verdict is the sign of the sum, and the reasons are the
// pieces that weighed most.

export interface Evidence {
  /** What was seen, in a reader's words: "9 lines with clock times". */
  what: string;
  /** How much it counts for (positive) or against (negative) a postmortem. */
  weight: number;
}

export interface Classification {
  isPostmortem: boolean;
  /** The evidence that weighed most, strongest first, in a reader's words. */
  reasons: string[];
  /** Every piece of evidence with its weight; the verdict is the sign of their sum. */
  evidence: Evidence[];
  score: number;
}

const capped = (n: number, max: number) => Math.min(n, max);

/** The weight of each measure. Positive: tells of an incident; negative: a guide, a template, requirements, an index. */
function weigh(m: Measures): Evidence[] {
  const e: Evidence[] = [];
  const add = (weight: number, what: string) => {
    if (weight !== 0) e.push({ what, weight: Math.round(weight * 10) / 10 });
  };
  const share = (n: number) => (m.lines ? n / m.lines : 0);
  if (m.timeLines) add(capped(m.timeLines, 6), `${m.timeLines} lines with clock times`);
  if (m.dateLines) add(capped(m.dateLines, 2) * 0.5, `${m.dateLines} lines with dates`);
  if (m.timedEntries) add(capped(m.timedEntries, 8) * 0.5, `${m.timedEntries} timeline entries`);
  if (m.filledSections) add(m.filledSections * 1.5, `${m.filledSections} required sections with content`);
  if (m.pastTense >= 3) add(m.pastTense >= 8 ? 3 : 2, `a narrative in the past tense (${m.pastTense.toFixed(1)} verbs per 100 words)`);
  if (m.firstPerson >= 1) add(1, `told by those involved ("we", "our", "I")`);
  if (m.incidentTerms) add(capped(m.incidentTerms, 10) * 0.3, `${m.incidentTerms} words for an outage`);
  // An agenda, a roadmap or a changelog has sections and times too, but nothing goes wrong in it.
  else add(-15, 'no outage, error, failure or cause is told');
  // A long account that hardly names a failure (a game jam's or a release's "postmortem", with one bug in it).
  if (m.incidentTerms && m.words >= 300 && (m.incidentTerms * 100) / m.words < 0.4)
    add(-8, `only ${m.incidentTerms} words for an outage in ${m.words} words: it tells of no outage`);
  if (m.figures) add(0.5, `${m.figures} figures of impact`);
  if (m.incidentTitle) add(2, 'the title names an incident or a postmortem');
  if (m.guideTitle) add(-4, 'the title names a guide, a template, an index or notes');
  // "Postmortem Template" over a worked example: the placeholders left in it say what it is.
  if (m.templateTitle && m.placeholderLines >= 3)
    add(-12, `the title names a template and ${m.placeholderLines} lines are placeholders: an example filled in, not an incident`);
  // Requirements and instructions weigh by their share: a project README followed by a real account keeps a few.
  if (m.requirementLines)
    add(-capped(m.requirementLines, 4) * 3 * Math.min(1, share(m.requirementLines) * 8), `${m.requirementLines} lines saying what a postmortem must contain`);
  if (m.instructionLines)
    add(
      -capped(m.instructionLines, 12) * 0.5 * Math.min(1, share(m.instructionLines) * 4) -
        (share(m.instructionLines) >= 0.25 ? share(m.instructionLines) * 12 : 0),
      `${m.instructionLines} of ${m.lines} lines are orders or questions to the writer`,
    );
  // A tenth of the lines as placeholders is a template, whatever example it carries.
  if (m.placeholderLines)
    add(
      -capped(m.placeholderLines, 8) - (share(m.placeholderLines) >= 0.1 ? 12 : share(m.placeholderLines) * 40),
      `${m.placeholderLines} lines are placeholders`,
    );
  if (m.secondPerson >= 1) add(-capped(m.secondPerson, 6) * 1.5, `speaks to its reader ("you", ${m.secondPerson.toFixed(1)} per 100 words)`);
  if (m.generalStatements) add(-capped(m.generalStatements, 5), `${m.generalStatements} statements about postmortems in general`);
  if (share(m.linkLines) >= 0.3) add(-share(m.linkLines) * 10, `${m.linkLines} of ${m.lines} lines are only links`);
  if (m.instructionComments) add(-capped(m.instructionComments, 3) * 2, `${m.instructionComments} comments telling the writer what to fill in`);
  if (m.pointsElsewhere) add(-6, 'a short text that points to the postmortem elsewhere');
  if (m.linkedReports >= 3) add(-capped(m.linkedReports, 6), `links to ${m.linkedReports} other reports: an index or a roll-up`);
  if (m.plannedLines) add(-capped(m.plannedLines, 6) * 1.5, `${m.plannedLines} lines announce planned work (a maintenance notice)`);
  if (m.tagged) add(3, 'the front matter tags it a postmortem');
  // A blank form: field labels with nothing after them, sections that hold only the prompt in italics.
  if (m.emptyFields >= 2) add(-capped(m.emptyFields, 4) * 1.5, `${m.emptyFields} fields left blank`);
  if (m.promptOnlySections >= 2) add(-capped(m.promptOnlySections, 4) * 1.5, `${m.promptOnlySections} sections hold only a prompt in italics`);
  if (m.advisoryHeadings >= 2) add(-8, `${m.advisoryHeadings} headings of a security advisory (CVE, Fixed in, Workarounds)`);
  if (m.projectPageLines) add(-capped(m.projectPageLines, 5), `${m.projectPageLines} lines of a course or project page`);
  // One specific incident shows in a time, a date, a timeline, or an account told by those involved.
  const specific =
    m.timeLines > 0 || m.dateLines > 0 || m.timedEntries > 0 || (m.firstPerson >= 1 && m.pastTense >= 5) || (m.pastTense >= 5 && m.filledSections >= 2);
  if (!specific) add(-5, 'no time, no date and no first-hand account: no specific incident');
  else if (m.words >= 300) add(m.words >= 600 ? 2 : 1, `${m.words} words: a full account`);
  return e;
}

/**
 * The evidence a document must weigh above to be a postmortem. Measured on 270 labelled documents
 * (seeds, dev, dev2 and two harvested sets): every look-alike weighs at most +3.4 (a roll-up of action
 * items, an empty template with one filled line), every postmortem at least +5.7; the cut sits between.
 */
export const POSTMORTEM_SCORE = 4;

export function classify(doc: PostmortemDocument, template: Template): Classification {
  if (doc.frontMatter?.declaresPostmortem) {
    const evidence = [{ what: 'the front matter declares a postmortem', weight: 100 }];
    return { isPostmortem: true, reasons: [evidence[0].what], evidence, score: 100 };
  }
  const m = measure(doc, new Set(template.sections.filter((s) => s.required).map((s) => s.id)));
  if (doc.words < 40) {
    const evidence = [{ what: `only ${doc.words} words`, weight: -100 }];
    return { isPostmortem: false, reasons: [evidence[0].what], evidence, score: -100 };
  }
  const evidence = weigh(m);
  const score = Math.round(evidence.reduce((n, x) => n + x.weight, 0) * 10) / 10;
  const isPostmortem = score > POSTMORTEM_SCORE;
  // The reasons: the evidence on the side of the verdict, strongest first, then the strongest against it.
  const forVerdict = evidence.filter((x) => x.weight > 0 === isPostmortem).sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const against = evidence.filter((x) => x.weight > 0 !== isPostmortem).sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const reasons = [...forVerdict.slice(0, 4).map((x) => x.what), ...against.slice(0, 1).map((x) => `though ${x.what}`)];
  return { isPostmortem, reasons: reasons.length ? reasons : ['no evidence either way'], evidence, score };
}
