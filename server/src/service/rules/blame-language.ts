import { escapePhrase, type ProseLine, proseLines, tableCells, isEnglish } from '../writing/prose';
import { range } from '../parse/lines';
import { onForget, type RememberingReader, rememberByText } from '../incremental/memo';
import type { Finding, Rule } from './types';

// Blameless writing: a postmortem says what in the system let a mistake through, not who made
// it. Flags "human error", "X's fault", "should have known", "careless", "negligent" and a person
// (a name, he/she, "the engineer") as the subject of a failure ("Dana forgot to ..."), each with
// neutral wording. "A human-readable config" and the names in an Owner column are not blame.

interface Blame {
  kind: string;
  /** A cheap test a line must pass before `pattern` is tried on it. */
  clue?: RegExp;
  /** Its `subject` group, where it has one, is a person: checked against the names that are not people. */
  pattern: RegExp;
  suggestion: string;
}

const NAME = "\\p{Lu}\\p{Ll}+(?:['’]\\p{Lu}\\p{Ll}+)?(?:[ -]\\p{Lu}\\p{Ll}+)?";
const ROLE =
  '(?:[Tt]he|[Aa]n?|[Oo]ur|[Oo]ne of (?:the|our))\\s+(?:(?:on-?call|junior|senior|new|responsible|backend|frontend|devops|ops|database|system|lead|same)\\s+)?(?:engineer|developer|dev|admin|administrator|operator|intern|employee|colleague|teammate|contractor|sre|dba|team member|staff member|person|guy|individual)';
const SUBJECT = `(?<subject>${NAME}|[Hh]e|[Ss]he|${ROLE}|[Ss]omeone|[Ss]omebody)`;
const OMITTED =
  '(?:check|test|verify|notice|review|follow|read|update|validate|communicate|tell|inform|escalate|respond to|acknowledge|see|realize|realise|catch|double-check|wait for|confirm|ask|document|report|back up|look at|run the tests|pay attention)';
const FAILED = [
  '(?:had |has )?(?:forgot|forgotten|neglected|overlooked)\\b',
  `(?:had |has )?(?:failed to|didn['’]t|did not|never|forgot to) ${OMITTED}\\b`,
  '(?:had |has )?(?:missed|ignored) (?:the |an? |all |several |multiple )?(?:alerts?|pages?|warnings?|alarms?|messages?|notifications?|emails?|calls?|steps?|checks?|runbook|procedures?|errors?)\\b',
  '(?:had |has )?(?:mistakenly|accidentally|carelessly|wrongly|inadvertently|recklessly)\\b',
  '(?:messed|screwed|fouled) up\\b',
  '(?:broke|botched) (?:the |our )?(?:build|deploy(?:ment)?|production|prod|site|website|release|config(?:uration)?|database|server|pipeline)\\b',
  '(?:made|caused) (?:a|an|the) (?:mistake|error|typo|blunder|slip)\\b',
  "should(?:n[’']t)? have (?:checked|noticed|caught|tested|seen|realized|realised|verified|reviewed|asked|waited|followed|known)\\b",
  '(?:is|was) (?:to blame|at fault|responsible for (?:the|this) (?:outage|incident|failure|downtime))\\b',
].join('|');

const blames: Blame[] = [
  {
    kind: 'human error',
    clue: /human/i,
    pattern: /\bhuman[- ]errors?\b/giu,
    suggestion: 'name what let the mistake through instead: a missing check, an unclear runbook, a risky default',
  },
  {
    kind: 'fault',
    clue: /fault/i,
    pattern: new RegExp(
      `\\b(?<subject>(?:his|her|their|my|your)(?=\\s+fault)|(?:${NAME}|[Ss]omeone|[Ss]omebody|${ROLE})(?=['’]s\\s+fault))(?:['’]s)?\\s+fault\\b`,
      'gu',
    ),
    suggestion: 'say what happened and what made it possible, not whose fault it was',
  },
  {
    kind: 'should have known',
    clue: /known/i,
    pattern: /\b(?:should(?:n['’]t)?|ought to) have known\b|\bshould['’]ve known\b/giu,
    suggestion: 'say what information was missing or hard to see at the time',
  },
  {
    kind: 'careless',
    clue: /careless|negligen|slopp|reckless|incompeten/i,
    pattern: /\b(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|sloppy|sloppiness|reckless(?:ly|ness)?|incompeten(?:t|ce))\b/giu,
    suggestion: 'describe the action and what made it easy to get wrong',
  },
  {
    kind: 'person as the subject of a failure',
    clue: /forg[oe]t|neglect|overlook|fail|didn|did not|never|miss|ignor|mistaken|accident|careless|wrong|inadvertent|reckless|messed|screwed|fouled|broke|botch|made|caused|should|blame|fault|responsible/i,
    pattern: new RegExp(`\\b${SUBJECT}\\s+(?:(?:also|then|just|apparently|again|simply|unfortunately)\\s+)?(?:${FAILED})`, 'gu'),
    suggestion: 'make the system the subject: "the deploy went out without the config check" rather than "Dana forgot the config check"',
  },
];

/** Capitalised words that start sentences or name systems, not people. */
const notNames = new Set(
  (
    'the a an this that these those it its we our us they their there here then when while after before once if but and so ' +
    'however also unfortunately initially finally meanwhile later eventually everyone nobody monitoring engineering support ' +
    'customers users team teams ops devops sre security qa management nginx apache docker kubernetes redis postgres ' +
    'postgresql mysql mongodb jenkins terraform ansible puppet chef github gitlab git aws azure gcp cloudflare cloudinary linux ' +
    'windows node python django flask rails react prometheus grafana datadog pagerduty slack heroku vercel netlify kafka ' +
    'rabbitmq elasticsearch kibana celery sidekiq cron haproxy traefik envoy istio consul vault helm flux argocd circleci travis ' +
    'bitbucket jira sentry nagios zabbix cloudwatch lambda certbot systemd ubuntu debian mongo memcached varnish firebase ' +
    'supabase stripe twilio sendgrid okta auth0 mailgun monday tuesday wednesday thursday friday saturday sunday january ' +
    'february march april may june july august september october november december today yesterday tomorrow someone somebody ' +
    'he she his her'
  ).split(/\s+/),
);

const negated =
  /\b(?:not|no|never|nor|rather than|instead of|ruled out|beyond|prevent\w*|reduc\w*|avoid\w*|minimi[sz]\w*|eliminat\w*|guard\w* against|protect\w* against|prone to|rather|without)\b[^.;!?]{0,30}$|n['’]t\s+[^.;!?]{0,20}$/i;
/** "bugs, traffic spikes, hardware failures, human error": one cause in a list of kinds of failure, not this incident's. */
const listed = /(?:[^,.;:]{1,40},\s*){2,}(?:(?:and|or)\s+)?$/;

/** What follows a system's name, not a person's: "the Prow deployment", "Prow config", "most prow components". */
const systemNoun =
  '(?:deployments?|config(?:uration)?s?|components?|versions?|outages?|servers?|services?|clusters?|jobs?|bots?|instances?|pods?|api|logs?|database|db|controllers?|plugins?|webhooks?|pipelines?|workers?|nodes?|releases?|builds?|dashboards?|endpoints?)';

/**
 * The document writes the name as a thing elsewhere: after an article ("an updated Prow", "the
 * Boskos pod") or before a system noun ("Prow config"), in any case. A person is rarely written so.
 */
function namedAsThing(name: string, prose: readonly ProseLine[], cache: Map<string, boolean>): boolean {
  const known = cache.get(name);
  if (known !== undefined) return known;
  const word = escapePhrase(name);
  const asThing = new RegExp(
    `\\b(?:the|an?)\\s+(?:(?:updated|new|old|current|main|production|prod|staging|whole|entire|local|real|same)\\s+)?${word}\\b(?!['’]s)|\\b${word}(?:['’]s)?\\s+${systemNoun}\\b`,
    'iu',
  );
  const found = prose.some((p) => asThing.test(p.text));
  cache.set(name, found);
  return found;
}

/**
 * Where the person starts in a matched subject ("After Dana" -> 3 + 1), or undefined when the
 * subject names no person: a sentence opener, a system, a name the settings allow.
 */
function personIn(subject: string, allowed: ReadonlySet<string>, isThing: (name: string) => boolean): number | undefined {
  if (/^(?:the|an?|our|one of)\b/i.test(subject) || /^(?:he|she|someone|somebody|his|her|their|my|your)$/i.test(subject)) return 0;
  const words = [...subject.matchAll(/[^\s-]+/g)];
  let i = 0;
  while (i < words.length && notNames.has(words[i][0].toLowerCase())) i++;
  if (i === words.length) return undefined;
  // The whole subject ("Dana Lee") or one of its words from the name on ("Then Dana": not "then").
  if (allowed.has(subject.toLowerCase()) || words.slice(i).some((w) => allowed.has(w[0].toLowerCase()))) return undefined;
  if (isThing(words[i][0])) return undefined;
  return words[i].index;
}

/** The table columns that hold owners, by line: their cells are names, not blame. */
function ownerCells(document: { lines: string[] }, prose: readonly ProseLine[]): Map<number, number[]> {
  const byLine = new Map<number, number[]>();
  let columns: number[] = [];
  let previous = -2;
  for (const p of prose) {
    if (!p.inTable) {
      columns = [];
      continue;
    }
    const cells = tableCells(document.lines[p.line]);
    if (p.line !== previous + 1 && p.line !== previous + 2) columns = [];
    if (!columns.length && p.line !== previous + 2) {
      columns = cells.flatMap((c, i) => (/^\W*(?:owners?|assignees?|assigned to|responsible|who|dri|lead|people|responders?)\W*$/i.test(c) ? [i] : []));
    } else if (columns.length) byLine.set(p.line, columns);
    previous = p.line;
  }
  return byLine;
}

/** Blanks the cells of the given columns in a table row, keeping every column of the line. */
function blankColumns(text: string, columns: readonly number[]): string {
  let column = -1;
  let out = '';
  let escaped = false;
  const leading = text.trimStart().startsWith('|');
  for (const ch of text) {
    if (ch === '|' && !escaped) column++;
    const cell = leading ? column : column + 1;
    out += ch !== '|' && columns.includes(cell) ? ' ' : ch;
    escaped = ch === '\\';
  }
  return out;
}

/** A blame found in one line's text (the line number is the finding's). */
interface LineBlame {
  start: number;
  end: number;
  kind: string;
  suggestion: string;
  /** The match's `subject` group, a person's name or role: read against the settings and the document (is the name a system's?). */
  subject: string | undefined;
  /** The whole match: the phrase, from the person on where there is a subject. */
  matched: string;
}

// The blames of a line depend on its text and the settings alone: remembered per line text, per settings.
// Whether a subject names a person or a system depends on the document too, so that is read afterwards.
const readers = new Map<string, RememberingReader<readonly LineBlame[]>>();
function forgetReaders(): void {
  for (const reader of readers.values()) reader.drop();
  readers.clear();
}
onForget(forgetReaders);

function lineReader(extra: readonly string[]): (text: string) => LineBlame[] {
  const patterns = extra.length
    ? [
        ...blames,
        {
          kind: 'blame word',
          pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${extra.map(escapePhrase).join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
          suggestion: 'describe what the system allowed to happen, not who is to blame',
        },
      ]
    : blames;
  return (text) => {
    const found: LineBlame[] = [];
    for (const blame of patterns) {
      if (blame.clue && !blame.clue.test(text)) continue;
      blame.pattern.lastIndex = 0;
      for (const m of text.matchAll(blame.pattern)) {
        const start = m.index ?? 0;
        const before = text.slice(Math.max(0, start - 80), start);
        if (negated.test(before)) continue;
        if (blame.kind === 'human error' && listed.test(before)) continue;
        found.push({
          start,
          end: start + m[0].length,
          kind: blame.kind,
          suggestion: blame.suggestion,
          subject: m.groups?.subject,
          matched: m[0],
        });
      }
    }
    return found;
  };
}

export const blameLanguage: Rule = {
  code: 'blame-language',
  description:
    'Wording that blames people rather than the system: "human error", "X\'s fault", "should have known", "careless", a person as the subject of a failure.',
  help: 'Describe what in the system let the mistake through (a missing check, an unclear runbook, a risky default), not who made it.',
  defaultSeverity: 'hint',
  tags: ['writing', 'blameless'],
  structural: false,
  check({ document, settings }) {
    if (!isEnglish(document)) return [];
    const allowed = new Set(settings.allowedNames.map((n) => n.trim().toLowerCase()).filter(Boolean));
    const extra = settings.blameWords.map((w) => w.trim()).filter(Boolean);
    const key = JSON.stringify(extra);
    let blamesIn = readers.get(key);
    if (!blamesIn) {
      if (readers.size >= 20) forgetReaders();
      blamesIn = rememberByText(lineReader(extra));
      readers.set(key, blamesIn);
    }
    const prose = proseLines(document);
    const owners = ownerCells(document, prose);
    const things = new Map<string, boolean>();
    const isThing = (name: string) => namedAsThing(name, prose, things);
    // Owner fields (`Owner: Dana`) and `@dana` name who does a task.
    const findings: Finding[] = [];
    for (const p of prose) {
      // (Most lines name no owner: one test before the two replacements.)
      let text = /owner|assign|@/i.test(p.text)
        ? p.text
            .replace(/\b(?:owners?|assignees?|assigned to)\s*[:：][^,;()|]*/gi, (m) => ' '.repeat(m.length))
            .replace(/@[\w.-]+/g, (m) => ' '.repeat(m.length))
        : p.text;
      const columns = owners.get(p.line);
      if (columns) text = blankColumns(text, columns);
      for (const b of blamesIn(text)) {
        // "an updated Prow … Prow failed": a name the document also writes as a thing is a system.
        const person = b.subject === undefined ? 0 : personIn(b.subject, allowed, isThing);
        if (person === undefined) continue;
        const phrase = b.matched.slice(person).replace(/\s+/g, ' ');
        findings.push({
          code: 'blame-language',
          message: `"${phrase}" blames people rather than the system: ${b.suggestion}.`,
          range: range(p.line, b.start + person, p.line, b.end),
          fixes: [],
          data: { kind: b.kind, phrase: phrase.toLowerCase() },
        });
      }
    }
    // "she should have known" is one finding, not two: a finding inside a longer one on its line goes,
    // and of two on the same words the first stays.
    const length = (f: Finding) => f.range.end.character - f.range.start.character;
    const seen = new Set<string>();
    return findings.filter((f) => {
      const at = `${f.range.start.line}:${f.range.start.character}:${f.range.end.character}`;
      if (seen.has(at)) return false;
      seen.add(at);
      return !findings.some(
        (g) =>
          g.range.start.line === f.range.start.line &&
          g.range.start.character <= f.range.start.character &&
          g.range.end.character >= f.range.end.character &&
          length(g) > length(f),
      );
    });
  },
};
