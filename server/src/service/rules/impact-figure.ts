import type { PostmortemDocument } from '../model';
import { isEnglish, isEnglishText } from '../writing/prose';
import { rememberByText } from '../incremental/memo';
import type { Finding, Rule } from './types';

// The impact says who was affected and how many: a share of users, a count of users, requests
// or orders, or money. "Users could not log in" says what, not how many.

const affected =
  '(?:users?|customers?|clients?|visitors?|accounts?|requests?|orders?|transactions?|calls?|sessions?|tenants?|merchants?|sites?|websites?|pages?|queries|jobs?|messages?|e-?mails?|notifications?|events?|payments?|uploads?|devices?|subscribers?|people|members?|students?|shoppers?|players?|downloads?|builds?|deploy(?:ment)?s?|pods?|nodes?|servers?|instances?|services?|tickets?|complaints?|errors?|records?|rows?|files?|images?|cards?|charges?|logins?|sign-?ups?|installs?|repositories|repos?|projects?|teams?|regions?|hosts?|clusters?|apps?|applications?|employees?|staff|developers?|engineers?|partners?|vendors?|stores?|bookings?|reservations?|signups?|checkouts?|carts?)';
const numberWord =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|dozens?|scores|hundreds|thousands|millions|tens of thousands|hundreds of thousands)';
/** Words of a span of time, not of what was affected ("2 hours", "3 days"). */
const timeUnit = '(?:(?:milli)?seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|times)\\b';
/** Words that end in s or follow a number without being what was counted ("1 was", "all this"). */
const notCounted =
  '(?:is|was|has|does|this|thus|its|his|hers|yes|us|plus|less|unless|across|always|perhaps|various|previous|serious|status|versus|alias|as|and|the|for|with|from|are|were|had|per|out|off|via|into|onto|when|then|than|after|before|until|since|of|to|in|on|at|by|or|am|pm)\\b';
/** A plural noun: what a count or "all" is of ("sequences", "validators"), not "access" or "this". */
const counted = `(?!${notCounted}|${timeUnit})[\\p{L}-]*\\p{L}{2}(?<!ss)s\\b`;

const figures: RegExp[] = [
  // A share: 30%, 100 percent, half of, a third of, one in ten, 3 out of 4.
  /\d+(?:[.,]\d+)?\s*(?:%|percent\b|per cent\b|pct\b)/i,
  /\b(?:half|a third|two[- ]thirds|a quarter|three[- ]quarters|a fifth|a tenth)\b/i,
  /\b(?:one|\d+) in (?:every )?(?:\d+|two|three|four|five|ten|twenty|a hundred|a thousand)\b/i,
  /\b\d[\d,.]*\s*(?:\/|out of)\s*\d/i,
  // Money: $1,200, €3k, 5,000 USD.
  /[$€£¥₦₹]\s?\d|\b\d[\d,.]*\s*(?:k|m|bn|million|billion|thousand)?\s*(?:USD|EUR|GBP|KES|NGN|ZAR|INR|dollars?|euros?|pounds?|naira|rand|shillings?|rupees?)\b/i,
  // A count of what was affected: 1,200 users, 3k requests, 1.21B queries, 40 orders, two customers, thousands of users.
  new RegExp(`\\b\\d[\\d,.]*\\s*(?:k|m|b|bn|million|billion|thousand|\\+)?\\s+(?:[\\w'-]+\\s+){0,3}?${affected}\\b`, 'i'),
  new RegExp(`\\b${numberWord}\\s+(?:of\\s+)?(?:(?:our|the|their|its)\\s+)?(?:[\\w'-]+\\s+){0,2}?${affected}\\b`, 'i'),
  // Most of them: most users, the majority of customers, nearly all requests (a share, if a rough one).
  new RegExp(
    `\\b(?:most|the majority|a majority|nearly all|almost all|virtually all)\\s+(?:of\\s+)?(?:(?:our|the|their|its)\\s+)?(?:[\\w'-]+\\s+){0,2}?${affected}\\b`,
    'i',
  ),
  // Everyone: all users, every customer, the entire site, a complete outage.
  new RegExp(`\\b(?:all|every|entire|whole|none of the|no)\\s+(?:of\\s+)?(?:(?:our|the|their|its)\\s+)?(?:[\\w'-]+\\s+){0,2}?${affected}\\b`, 'i'),
  /\b(?:everyone|everybody|no one|nobody|every)\b/i,
  // A template's slot for the figure: {XX%}, X% of users, N users.
  /\{[^}]*(?:%|\bX{1,3}\b|\bN\b)[^}]*\}|\b[XN]{1,3}\s*%/,
  // A total outage, with what was out in between: "a total streaming server outage", "a complete loss of service".
  /\b(?:complete|total|full|100%)\s+(?:(?!of\b)[\w-]+\s+){0,2}?(?:outage|downtime|unavailability|unresponsiveness|blackout|loss of (?:service|access|connectivity)|service (?:outage|disruption))\b|\b(?:completely|entirely|fully|totally)\s+(?:down|unavailable|offline|inaccessible|unreachable|unresponsive)\b/i,
  // A count of anything the incident touched: "375 sequences", "1 sequence", "23 validators" (not a span of time).
  new RegExp(
    `(?<![\\d:.,/-])\\b(?:\\d[\\d,]*|two|three|four|five|six|seven|eight|nine|ten)\\s+(?!${timeUnit})(?:[\\p{L}-]+\\s+){0,2}?${counted}|(?<![\\d:.,/-])\\b(?:1|one|a single)\\s+(?!${timeUnit}|${notCounted})[\\p{Ll}]{3,}(?<!ed|ing)\\b(?![-:.,]?\\d)`,
    'iu',
  ),
  // All of them: "all branches", "all other controllers", "did not respond to any events".
  new RegExp(`\\b(?:all|every)\\s+(?:of\\s+)?(?:(?:our|the|their|its)\\s+)?(?:other\\s+)?(?:[\\p{L}-]+\\s+){0,2}?${counted}`, 'iu'),
  new RegExp(
    `\\b(?:not|n't|never|unable to|failed to)\\b[^.;\\n]{0,40}?\\bany\\s+(?:of\\s+)?(?:(?:our|the|their|its)\\s+)?(?:[\\p{L}-]+\\s+){0,2}?${counted}`,
    'iu',
  ),
  // None: "no impact to users", "no known impact", "users were not impacted" (zero is a figure).
  /\bno (?:known |real |significant |noticeable |visible |measurable |material |user[- ]facing |customer[- ]facing |external |revenue |business |financial |data )?impact\b|\b(?:not|never|n't) (?:been )?(?:impacted|affected)\b/i,
];

/** The slot's own words left as the text: "Description of impact", "Describe the impact". */
const slotText = /^\W*(?:descr\w*|details?|summary|explanation|explain\w*)\s+(?:of\s+)?(?:the\s+)?impact\W*$/i;

// Remembered: the impact's text is the same in most re-analyses, and these patterns are slow on a long one.
export const statesAFigure = rememberByText((text: string): boolean => figures.some((f) => f.test(text)));

function paragraphOf(document: PostmortemDocument, line: number): string {
  const block = document.blocks.find((b) => b.type === 'paragraph' && b.startLine <= line && line < b.endLine);
  return block ? document.lines.slice(block.startLine, block.endLine).join('\n') : document.lines[line];
}

export const impactFigure: Rule = {
  code: 'impact-figure',
  description: 'The impact does not say how many were affected: no share of users, no count of users, requests or orders, no money figure.',
  help: 'Say how many were affected: the share of users (30%), a count of users, requests or orders, or the money lost.',
  defaultSeverity: 'information',
  tags: ['writing', 'impact'],
  structural: false,
  check({ document, completeness }) {
    if (!isEnglish(document)) return [];
    // The impact as filled in: Impact fields with a value of their own, and the Impact section's text.
    const filled = completeness.sections
      .flatMap((s) => s.fields)
      .flatMap((f) => (f.field.id === 'impact' && f.status === 'present' && f.written ? [f.written] : []));
    const impactSection = completeness.sections.find((s) => s.section.id === 'impact' && s.status === 'present');
    const impactSections = document.sections.filter((s) => s.id === 'impact' && !s.empty);
    const sectionWords = impactSection ? impactSection.text : '';
    // An impact read from a sentence ("…, users were unable to log in.") has its figure in the same
    // paragraph as often as in the sentence ("This affected about 40% of our users.").
    const paragraphs = filled.filter((f) => f.style === 'sentence').map((f) => paragraphOf(document, f.labelRange.start.line));
    const texts = [...filled.map((f) => f.fullValue), ...paragraphs, sectionWords]
      .map((t) =>
        t
          .split('\n')
          .filter((l) => !slotText.test(l))
          .join('\n'),
      )
      .filter((t) => /[\p{L}]{3,}/u.test(t));
    // Nothing written about the impact yet: missing-field (or the skeleton) says so.
    if (!texts.length || texts.some(statesAFigure) || !isEnglishText(texts.join('\n'))) return [];
    const where = filled[0]?.labelRange ?? impactSections[0]?.headingRange;
    if (!where) return [];
    const finding: Finding = {
      code: 'impact-figure',
      message:
        'The impact says what happened but not how many were affected: add a figure, e.g. the share of users (30% of users), a count of users, requests or orders, or the money lost.',
      range: where,
      fixes: [],
      data: { line: where.start.line },
    };
    return [finding];
  },
};
