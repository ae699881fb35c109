import { type ActionItem, readActionItems, unassigned } from '../actionItems';
import { escapePhrase, isEnglish } from '../writing/prose';
import type { Finding, Rule } from './types';
import { shorten } from '../text/shorten';

// A corrective measure is a task someone can check off: a verb and the thing it changes
// ("Alert on connection-pool saturation above 80%"). "Improve monitoring", "be more careful"
// and "look into it" name nothing that could be checked. Where the template asks for an owner
// and a due date (custom templates with `owner`/`due` fields), a task without them is noted too.

/** Who is told to do better, when the task opens with it: "We will", "The team should", "Always". */
const exhorted =
  '^(?:(?:we|the team|teams|everyone|engineers?|developers?|people|staff|all|you)\\s+(?:will|should|must|need to|have to|shall|are going to|want to)\\s+)?(?:always\\s+|try to\\s+)?';

/** Vague however it goes on: an exhortation is no task, whatever it is about. */
const exhortations: RegExp[] = [
  new RegExp(`${exhorted}be (?:more |extra |very |much more )?(?:careful|vigilant|cautious|diligent|attentive|mindful|proactive)\\b`, 'i'),
  new RegExp(`${exhorted}pay (?:more |closer |greater )?attention\\b`, 'i'),
  new RegExp(`${exhorted}keep an eye on\\b`, 'i'),
  new RegExp(`${exhorted}(?:do|doing) better\\b`, 'i'),
  new RegExp(`${exhorted}try harder\\b`, 'i'),
  new RegExp(`${exhorted}(?:reflect on|think about|think more about|discuss|talk about)\\b`, 'i'),
  new RegExp(`${exhorted}learn from (?:this|it|our mistakes|the incident)\\b`, 'i'),
  new RegExp(
    `${exhorted}(?:make sure|ensure) (?:that )?(?:it|this|that|this issue|the issue|the problem|this incident|this problem) (?:does(?:n't| not)|won'?t|will not|never|can(?:'t|not)) (?:happen|occur|recur)s?(?: again)?\\b`,
    'i',
  ),
];

/** Vague unless something concrete is named. */
const vaguePhrases: RegExp[] = [
  /\blook(?:ing)? (?:in)?to (?:it|this|that|the (?:issue|problem|incident|matter)|things|the cause)\b/i,
  /\b(?:prevent|avoid) (?:(?:this|it) from happening|such issues|similar issues|this issue|similar incidents|recurrence|this|it)(?: again| in the future)?\b/i,
  /\binvestigate (?:further|more|the issue|the problem|it)\b/i,
  /^\s*(?:follow[- ]up|tbd|todo|n\/a)\s*[.!]?\s*$/i,
  /\b(?:improv|enhanc|increas|boost|strengthen|upgrad|review|revisit|expand|tighten|rethink|re-?evaluat|evaluat)\w*\s+(?:(?:our|the|some|existing|overall|general|current|internal)\s+)*(?:monitoring|alerting|alerts|testing|tests|logging|logs|observability|documentation|docs|communication|process(?:es)?|procedures|code reviews?|reviews|training|visibility|coverage|checks|security|resilience|reliability|quality|practices|tooling|oversight|awareness)\b/i,
  /\b(?:better|more|additional|extra|improved|enhanced|increased|stronger)\s+(?:monitoring|alerting|alerts|testing|tests|logging|observability|documentation|communication|processes|procedures|code reviews?|reviews|training|visibility|coverage|checks|oversight)\b/i,
];

/** Words that name nothing in particular: what is left of a task once these go must name a thing. */
const generic = new Set(
  (
    'a an the and or but of to in on at for with by from as into onto about our we us you your their its it this that these those ' +
    'is are be been being was were will would should could can may might must shall do does did done have has had make makes made ' +
    'sure ensure help helps so such similar more most better best less much many some any all each every other same new ' +
    'again going forward moving ahead future now then when while before after during regular regularly basis continuously ' +
    'continuous constantly closely carefully proper properly appropriate appropriately necessary needed need needs possible ' +
    'accordingly whole entire robust strong stronger effective efficient overall general generally end way ways time times ' +
    'system systems things thing stuff everything anything something issue issues problem problems incident incidents outage ' +
    'outages team teams paths path channels process processes procedure procedures area areas aspects everyone people staff members engineers ' +
    'developers deploy deploying deployment deployments change changes code work working production prod environment ' +
    'environments service services infrastructure platform application applications app apps tool tools place places ' +
    'monitoring monitor alerting alerts alert testing tests test logging logs observability documentation docs communication ' +
    'code reviews review training visibility coverage checks check security resilience reliability quality practices tooling ' +
    'oversight awareness careful vigilant cautious diligent attentive mindful proactive attention look looking eye keep ' +
    'dont doesnt didnt wont cant isnt arent wasnt werent lets thats theres ' +
    'happen happens happening occur occurring recur prevent avoid recurrence learn mistakes investigate further follow up improve improved improving ' +
    'improvement improvements enhance enhanced increase increased boost strengthen upgrade revisit expand tighten rethink ' +
    're-evaluate evaluate additional extra try harder matter cause measures measure steps step actions action'
  ).split(/\s+/),
);

/**
 * Something concrete in what is left of a task: a number (a ticket #42 too), code, a host or file, a
 * path or link, a snake_case name, an acronym (API, DNS), or a word that names a thing. Apostrophes do
 * not count: "it's" is "its", a generic word.
 */
function namesAThing(rest: string): boolean {
  if (/\d|`|[\w-]\.[a-z]{2,}\b|\/\w|\w_\w|\b[A-Z]{2,}\b/.test(rest)) return true;
  return rest
    .toLowerCase()
    .split(/[^\p{L}'-]/u)
    .some((w) => w.length >= 3 && !generic.has(w.replace(/'/g, '')));
}

function extraPhrase(words: readonly string[]): RegExp | undefined {
  const phrases = words.filter((w) => w.trim());
  if (!phrases.length) return undefined;
  // Not \b: a phrase may begin or end with a bracket or a dot ("tune the knobs (soon)").
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${phrases.map(escapePhrase).join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}

/** The vague phrase of the task, when it names nothing more concrete. */
export function vagueness(text: string, extra: readonly string[] = []): string | undefined {
  const plain = text
    .replace(/(\*\*|__)(.*?)\1\s*[:：]?/g, '$2 ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const exhortation of exhortations) {
    const m = exhortation.exec(plain);
    // "Be more careful: add a prompt to `reindex --prod`" goes on with a task of its own.
    // So does one that says what it means: "…, aka, add e2e tests", "…, i.e. …", "… by adding …".
    const task = m
      ? /(?:[:;(—–]|,?\s+(?:aka|a\.k\.a\.?|i\.e\.?|e\.g\.?|namely|that is|for example|for instance|such as|by)\b,?)\s*(.+)$/i.exec(
          plain.slice(m[0].length),
        )?.[1]
      : undefined;
    if (m && !(task && namesAThing(task))) return m[0];
  }
  const own = extraPhrase(extra);
  for (const phrase of own ? [...vaguePhrases, own] : vaguePhrases) {
    const m = phrase.exec(plain);
    if (m && !namesAThing(plain.replace(phrase, ' '))) return m[0];
  }
  return undefined;
}

const quote = (text: string) => shorten(text, 60);

export const vagueAction: Rule = {
  code: 'vague-action',
  description:
    'A corrective action that names nothing to check off ("improve monitoring", "be more careful", "look into it"); where the template asks, one without an owner or a due date.',
  help: 'Write each action as a task someone can check off: a verb and the thing it changes ("Alert when pool use stays above 80% for 5 minutes"), with an owner and a due date.',
  defaultSeverity: 'information',
  tags: ['writing', 'actions'],
  structural: false,
  check({ document, template, settings }) {
    if (!isEnglish(document)) return [];
    const findings: Finding[] = [];
    const asks = (sectionId: string) => {
      const fields = template.sections.find((s) => s.id === sectionId)?.fields ?? [];
      return {
        owner: fields.some((f) => f.id === 'owner'),
        due: fields.some((f) => f.id === 'due' || f.id === 'due-date'),
      };
    };
    for (const item of readActionItems(document).items) {
      if (item.done || !item.text.trim()) continue;
      // A ticket holds the details: the task is tracked, however briefly it is written here.
      const vague = item.tickets.length ? undefined : vagueness(item.text, settings.vagueWords);
      const wanted = asks(item.sectionId);
      const missing = [
        ...(wanted.owner && (!item.owner || unassigned.test(item.owner)) ? ['owner'] : []),
        ...(wanted.due && (!item.due || unassigned.test(item.due)) ? ['due date'] : []),
      ];
      if (!vague && !missing.length) continue;
      findings.push({
        code: 'vague-action',
        message: message(item, vague, missing),
        range: item.range,
        fixes: [],
        data: { text: item.text, vague: vague ?? null, missing },
      });
    }
    return findings;
  },
};

function message(item: ActionItem, vague: string | undefined, missing: string[]): string {
  const parts: string[] = [];
  if (vague)
    parts.push(
      `"${quote(item.text)}" is not a task anyone can check off: say what will change, and where (e.g. "Alert when memory on the API servers stays above 90% for 5 minutes").`,
    );
  if (missing.length)
    parts.push(
      `${vague ? 'It has' : `"${quote(item.text)}" has`} no ${missing.join(' and no ')}, which the template asks for: add ${missing.map((m) => (m === 'owner' ? '`@name`' : '`due: YYYY-MM-DD`')).join(' and ')}.`,
    );
  return parts.join(' ');
}
