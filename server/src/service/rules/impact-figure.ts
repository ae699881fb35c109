import { isEnglish, isEnglishText } from '../writing/prose';
import { rememberByText } from '../incremental/memo';
import type { Finding, Rule } from './types';

// The impact says who was affected and how many: a share of users, a count of users, requests
// or orders, or money. "Users could not log in" says what, not how many.

const affected =
  '(?:users?|customers?|clients?|visitors?|accounts?|requests?|orders?|transactions?|calls?|sessions?|tenants?|merchants?|sites?|websites?|pages?|queries|jobs?|messages?|e-?mails?|notifications?|events?|payments?|uploads?|devices?|subscribers?|people|members?|students?|shoppers?|players?|downloads?|builds?|deploy(?:ment)?s?|pods?|nodes?|servers?|instances?|services?|tickets?|complaints?|errors?|records?|rows?|files?|images?|cards?|charges?|logins?|sign-?ups?|installs?|repositories|repos?|projects?|teams?|regions?|hosts?|clusters?|apps?|applications?|employees?|staff|developers?|engineers?|partners?|vendors?|stores?|bookings?|reservations?|signups?|checkouts?|carts?)';
const numberWord =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|dozens?|scores|hundreds|thousands|millions|tens of thousands|hundreds of thousands)';
const figures: RegExp[] = [
  // A share: 30%, 100 percent, half of, a third of, one in ten, 3 out of 4.
  /\d+(?:[.,]\d+)?\s*(?:%|percent\b|per cent\b|pct\b)/i,
  /\b(?:half|a third|two[- ]thirds|a quarter|three[- ]quarters|a fifth|a tenth)\b/i,
  /\b(?:one|\d+) in (?:every )?(?:\d+|two|three|four|five|ten|twenty|a hundred|a thousand)\b/i,
  /\b\d[\d,.]*\s*(?:\/|out of)\s*\d/i,
  // Money: $1,200, €3k, 5,000 USD.
  /[$€£¥₦₹]\s?\d|\b\d[\d,.]*\s*(?:k|m|bn|million|billion|thousand)?\s*(?:USD|EUR|GBP|KES|NGN|ZAR|INR|dollars?|euros?|pounds?|naira|rand|shillings?|rupees?)\b/i,
  // A count of what was affected: 1,200 users, 3k requests, 40 orders, two customers, thousands of users.
  new RegExp(`\\b\\d[\\d,.]*\\s*(?:k|m|million|thousand|\\+)?\\s+(?:[\\w'-]+\\s+){0,3}?${affected}\\b`, 'i'),
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
  /\b(?:complete|total|full|100%)\s+(?:outage|downtime|unavailability|service (?:outage|disruption))\b|\b(?:completely|entirely|fully|totally)\s+(?:down|unavailable|offline|inaccessible|unreachable)\b/i,
];

// Remembered: the impact's text is the same in most re-analyses, and these patterns are slow on a long one.
export const statesAFigure = rememberByText((text: string): boolean => figures.some((f) => f.test(text)));

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
    const texts = [...filled.map((f) => f.fullValue), sectionWords].filter((t) => /[\p{L}]{3,}/u.test(t));
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
