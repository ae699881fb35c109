import type { Template, TemplateField, TemplateSection } from '../templates';
import { onForget, ownCopy } from '../incremental/memo';

// Heading and label matching: by the template's names and aliases, forgiving about case,
// punctuation, emoji, numbering, asides in parentheses, `&`/`and`, British spelling and small typos.

const spellingVariants: Record<string, string> = {
  preventative: 'preventive',
  learnt: 'learned',
  analyse: 'analyze',
  summarised: 'summarized',
  behaviour: 'behavior',
  organisation: 'organization',
  followup: 'follow up',
  followups: 'follow ups',
  postmortem: 'post mortem',
  timeframe: 'time frame',
};

// Labels repeat across a document and across analyses ("Timeline", "- **Impact:**"): each is normalised once.
const normalized = new Map<string, string>();
const normalizedLimit = 20_000;
onForget(() => normalized.clear());

/** Lowercase words of a label, without markup, emoji, numbering, asides or punctuation. */
export function normalizeLabel(text: string): string {
  let n = normalized.get(text);
  if (n === undefined) {
    n = normalizeUncached(text);
    if (normalized.size >= normalizedLimit) normalized.clear();
    normalized.set(text, n);
  }
  return n;
}

function normalizeUncached(text: string): string {
  let s = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/:[a-z][a-z0-9_+-]{1,40}:/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[*_`~]/g, ' ')
    .replace(/&amp;|&|\+/g, ' and ')
    .toLowerCase()
    // "we're" is "we are" (not "were": a modal after no "we" makes a sentence of the heading).
    .replace(/\b(we|you|they)['’]re\b/g, '$1 are')
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  // Numbering: "1.", "2)", "IV.", "a)" (the punctuation is gone by now, so a lone leading number or numeral).
  s = s.replace(/^(?:\d+(?: \d+)*|[ivx]{1,4}|[a-h]) (?=\p{L})/u, '');
  return s
    .split(' ')
    .map((w) => spellingVariants[w] ?? w)
    .join(' ');
}

export interface SectionMatch {
  section: TemplateSection;
  part?: string;
  /** The alias (or name) that matched. */
  alias: string;
  exact: boolean;
  /** How a heading that is not an exact name matched: a near spelling, or words saying what the section is for. */
  via?: 'typo' | 'intent';
  /** Other sections the same heading names ("Resolution and preventive steps"), in heading order. */
  also?: { section: TemplateSection; part?: string }[];
}

interface AliasEntry {
  normalized: string;
  section: TemplateSection;
  part?: string;
  alias: string;
}

/** Damerau-Levenshtein distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** How many typos a label of this length may have and still match. */
function typoBudget(length: number): number {
  if (length >= 14) return 2;
  if (length >= 6) return 1;
  return 0;
}

/** Fillers that a heading may add after a section's name without changing what it is. */
const trailingFillers = /\s+(?:section|details|report|summary|overview|analysis|of (?:the )?(?:incident|outage|issue|events|event))$/;

/** Words a question about the incident itself asks with "why": "Why did the site go down?", "Why did this happen?". */
const troubleWords = /^(?:happen\w*|occur\w*|fail\w*|broke|break\w*|down|crash\w*|outage|incident|error\w*|issue|problem|stop\w*|went|go|goes|wrong)$/;
const stopWords = new Set(['and', 'of', 'the', 'a', 'an', 'our', 'for', 'to']);
const maxIntentWords = 8;
const firstPerson = new Set(['we', 'i']);
const modalWords = new Set([
  'must',
  'should',
  'shall',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'contain',
  'contains',
  'include',
  'includes',
  'was',
  'were',
  'is',
  'are',
]);

/** A crude stem, enough to equate "prevention"/"preventive" and "measures"/"measure". */
function stem(word: string): string {
  return word.replace(/(?:ations?|ions?|ives?|ing|ed|es|s)$/, '') || word;
}

/** Words of a normalised label, order and inflection ignored: "preventive and corrective measures" = "corrective and preventive measures". */
function signature(normalized: string): string {
  return normalized
    .split(' ')
    .filter((w) => w && !stopWords.has(w))
    .map(stem)
    .sort()
    .join(' ');
}

/** The matcher of a template, made once per template. */
let matchers = new WeakMap<Template, SectionMatcher>();
onForget(() => {
  matchers = new WeakMap();
});
export function matcherOf(template: Template): SectionMatcher {
  let matcher = matchers.get(template);
  if (!matcher) {
    matcher = new SectionMatcher(template);
    matchers.set(template, matcher);
  }
  return matcher;
}

export class SectionMatcher {
  private readonly entries: AliasEntry[] = [];
  private readonly exact = new Map<string, AliasEntry>();
  private readonly bySignature = new Map<string, AliasEntry>();

  constructor(readonly template: Template) {
    for (const section of template.sections) {
      this.add(section.name, section);
      for (const alias of section.aliases) {
        const [name, part] = alias.split('|');
        this.add(name, section, part);
      }
    }
  }

  private add(alias: string, section: TemplateSection, part?: string): void {
    const normalized = normalizeLabel(alias);
    if (!normalized || this.exact.has(normalized)) return;
    const entry = { normalized, section, part, alias };
    this.entries.push(entry);
    this.exact.set(normalized, entry);
    const sig = signature(normalized);
    if (!this.bySignature.has(sig)) this.bySignature.set(sig, entry);
  }

  /** A label whose words, in any order and inflection, are exactly an alias's words. */
  private bySameWords(normalized: string): AliasEntry | undefined {
    return this.bySignature.get(signature(normalized));
  }

  /** "Corrective Actions and Preventive Measures": every part names the same section. */
  private byParts(normalized: string): AliasEntry | undefined {
    const parts = normalized.split(/ and |\s*\/\s*/).filter(Boolean);
    if (parts.length < 2) return undefined;
    const hits = parts.map((p) => this.exact.get(p) ?? this.bySameWords(p));
    const first = hits[0];
    if (!first || hits.some((h) => !h || h.section.id !== first.section.id)) return undefined;
    return { ...first, part: undefined };
  }

  /** What each label matched: a document's labels are mostly the same from one analysis to the next. */
  private readonly known = new Map<string, SectionMatch | undefined>();

  /** The template section a heading names, if any (the same object for the same label: callers never change it). */
  match(label: string): SectionMatch | undefined {
    if (this.known.has(label)) return this.known.get(label);
    // Bounded: a matcher lives as long as its template.
    if (this.known.size >= 5000) this.known.clear();
    const match = this.read(label);
    this.known.set(ownCopy(label), match);
    return match;
  }

  private read(label: string): SectionMatch | undefined {
    const normalized = normalizeLabel(label);
    if (!normalized) return undefined;
    for (const candidate of this.candidates(label, normalized)) {
      const hit = this.exact.get(candidate) ?? this.bySameWords(candidate) ?? this.byParts(candidate);
      if (hit) return { section: hit.section, part: hit.part, alias: hit.alias, exact: true };
    }
    // Typos: only against the whole label, so that extra words never match by accident.
    const budget = typoBudget(normalized.length);
    let best: { entry: AliasEntry; distance: number } | undefined;
    if (budget > 0) {
      for (const entry of this.entries) {
        if (typoBudget(entry.normalized.length) === 0) continue;
        const distance = editDistance(normalized, entry.normalized, budget);
        if (distance <= budget && (!best || distance < best.distance)) best = { entry, distance };
      }
    }
    if (best) return { section: best.entry.section, part: best.entry.part, alias: best.entry.alias, exact: false, via: 'typo' };
    return this.byIntent(normalized, /\?\s*$/.test(label));
  }

  /**
   * A heading that names a section by what it is for rather than by an alias: "Steps to keep this
   * from recurring", "Timeline of Chaos", "Recovery and preventive steps" (which names two).
   */
  private byIntent(normalized: string, question = false): SectionMatch | undefined {
    const words = normalized.split(' ').filter((w) => w && !stopWords.has(w));
    // A heading, not a sentence or an instruction ("Root cause and resolution must contain").
    // "How we will stop this from happening again" is the writers' own plan, though: a modal after "we" or "I".
    // A question is no statement: "What was the root cause?", "What are we doing to prevent it from happening again?".
    if (!words.length || words.length > (question ? maxIntentWords + 4 : maxIntentWords)) return undefined;
    if (!question && words.some((w, i) => modalWords.has(w) && !firstPerson.has(words[i - 1] ?? ''))) return undefined;
    // The index of the word where `stem` starts ("next time": two words in a row; "cause$": that word
    // only, not "caused"), or -1.
    const at = (stem: string): number => {
      const parts = stem.split(' ');
      const fits = (word: string | undefined, part: string, last: boolean) =>
        word !== undefined && (part.endsWith('$') ? word === part.slice(0, -1) : last ? word.startsWith(part) : word === part);
      return words.findIndex((_, i) => parts.every((p, j) => fits(words[i + j], p, j === parts.length - 1)));
    };
    const hits: { section: TemplateSection; part?: string; position: number }[] = [];
    for (const section of this.template.sections) {
      // Of a section's intents, the one named first in the heading: "Contributing causes" names the
      // contributing factors, "Root cause and contributing factors" the cause.
      let hit: { section: TemplateSection; part?: string; position: number } | undefined;
      for (const intent of section.intents ?? []) {
        const positions = intent.words.map(at).filter((p) => p >= 0);
        if (!positions.length || intent.except?.some((w) => at(w) >= 0)) continue;
        // A heading asks "why" of many things ("Why didn't I know about this sooner?", "Why we write these"):
        // of the incident only with a word for it.
        if (positions.length === 1 && positions[0] === at('why') && !words.some((w) => troubleWords.test(w))) continue;
        // Without its head noun, two intent words together still say it ("avoid this in the future").
        if (intent.heads && !intent.heads.some((h) => at(h) >= 0) && positions.length < 2) continue;
        const position = Math.min(...positions);
        if (!hit || position < hit.position) hit = { section, part: intent.part, position };
      }
      if (hit) hits.push(hit);
    }
    if (!hits.length) return undefined;
    hits.sort((a, b) => a.position - b.position);
    const [first, ...rest] = hits;
    return {
      section: first.section,
      part: first.part,
      alias: normalized,
      exact: false,
      via: 'intent',
      ...(rest.length ? { also: rest.map((h) => ({ section: h.section, part: h.part })) } : {}),
    };
  }

  private *candidates(label: string, normalized: string): Generator<string> {
    yield normalized;
    const withoutFiller = normalized.replace(trailingFillers, '');
    if (withoutFiller !== normalized) yield withoutFiller;
    // "Issue Summary: the night the database died", "Timeline - how we panicked"
    const head = label.split(/:|\s[-–—]\s/)[0];
    if (head !== label) {
      const h = normalizeLabel(head);
      if (h) yield h;
    }
    // "Timeline (all times PST) 01/16/2024 - 02/28/2024. All times approximations": the words before
    // the first date or sentence end.
    const lead = label.replace(/\([^)]*\)/g, ' ').split(/\d|\.\s/)[0];
    if (lead.trim() && lead.length < label.length) {
      const l = normalizeLabel(lead);
      if (l && l !== normalized) yield l;
    }
  }
}

/** A field's name and aliases, normalised once per field. */
let fieldNames = new WeakMap<TemplateField, string[]>();
onForget(() => {
  fieldNames = new WeakMap();
});
function namesOf(f: TemplateField): string[] {
  let names = fieldNames.get(f);
  if (!names) {
    names = [f.name, ...f.aliases].map(normalizeLabel);
    fieldNames.set(f, names);
  }
  return names;
}

/** What each label matched, per list of fields (a template's lists are made once and never changed). */
let fieldMatches = new WeakMap<readonly TemplateField[], Map<string, TemplateField | undefined>>();
onForget(() => {
  fieldMatches = new WeakMap();
});

/** The template field a label names, among the given fields. */
export function matchField(label: string, fields: readonly TemplateField[]): TemplateField | undefined {
  let known = fieldMatches.get(fields);
  if (!known) {
    known = new Map();
    fieldMatches.set(fields, known);
  }
  if (known.has(label)) return known.get(label);
  if (known.size >= 5000) known.clear();
  const field = readFieldName(label, fields);
  known.set(ownCopy(label), field);
  return field;
}

function readFieldName(label: string, fields: readonly TemplateField[]): TemplateField | undefined {
  const wanted = normalizeLabel(label);
  if (!wanted) return undefined;
  for (const f of fields) if (namesOf(f).includes(wanted)) return f;
  const budget = typoBudget(wanted.length);
  if (budget === 0) return undefined;
  for (const f of fields) {
    for (const n of namesOf(f)) {
      if (typoBudget(n.length) > 0 && editDistance(wanted, n, budget) <= budget) return f;
    }
  }
  return undefined;
}
