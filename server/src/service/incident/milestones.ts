import type { PostmortemDocument, TimelineEntry } from '../model';

// What the timeline marks: the entry where the problem started, the ones where it was resolved,
// and the one where it was detected. A timeline whose first entry is an alert or a report does
// not mark the start: the alert is when it was detected.

/**
 * A mark the writer set as a label at the head of an entry, written bold or not and followed by its
 * punctuation ("**Recovery.** …", "Resolved: …", "**OUTAGE BEGINS** —"): one of `names`.
 */
function entryLabel(names: string): RegExp {
  return new RegExp(`^[\\s>#*_-]*(?:\\*\\*|__)?\\s*(?:${names})\\s*(?:(?:\\*\\*|__)\\s*[.:!—–-]?|[.:!—–-])`, 'i');
}

const START_MARK =
  /\b(?:(?:problem|incident|outage|issue|impact|degradation|downtime|disruption|errors?|failures?)\s+(?:starts?|started|begins?|began|beginning|occurs|occurred)|(?:start|beginning|onset)\s+of\s+(?:the\s+)?(?:incident|outage|problem|issue|impact|degradation|downtime|disruption)|(?:starts?|started|begins?|began)\s+(?:degrading|failing|erroring|returning\s+errors|to\s+(?:fail|degrade|error))|(?:went|go|goes|going|is|are|was|were|became)\s+(?:hard\s+|completely\s+|fully\s+)?(?:down|offline|unavailable|unreachable)|(?:stop|stopped|stops|ceased?|ceases)\s+(?:working|responding|serving|fulfill?ing|handling|launching|accepting|processing|producing|syncing|answering|delivering)|(?:is|are)\s+(?:now\s+)?(?:failing|erroring)\b|(?:chain|network|service|site|api|cluster|database)\s+(?:stall(?:ed|s)?|halt(?:ed|s)?)|outage\s+(?:starts|started|begins|began)|first\s+(?:impact|errors?|failures?)|(?:users?|customers?|people|requests?|clients?)\s+(?:start|started|begin|began)\s+(?:running\s+into|seeing|getting|hitting|experiencing|receiving|to\s+(?:see|get|hit|fail|experience|receive))|(?:begins?|began|started|starts)\s+to\s+(?:drop|fail|degrade|error|decline|fall|slow|time\s+out)|(?:starts?|started|begins?|began)\s+(?:raising|throwing|emitting|logging|returning|serving|producing|reporting)\s+(?:[\w-]+\s+){0,5}?(?:errors?|exceptions?|failures?|timeouts?|5\d\d\b))/i;
const END_MARK =
  /\b(?:resolved|restored|recovered|recovers|fully\s+operational|back\s+(?:online|up|to\s+normal|in\s+service)|returns?\s+to\s+normal|returned\s+to\s+normal|all\s+clear|(?:incident|outage|issue|problem|impact|downtime)\s+(?:ends?|ended|over|closed|resolved|mitigated)|end\s+of\s+(?:the\s+)?(?:incident|outage|impact|downtime)|service\s+resum\w+|resum(?:es|ed)\s+(?:normal|service|operations?)|(?:chain|network|block\s+production|production|processing|traffic|replication|syncing|blocks)\s+(?:resumes|resumed)|(?:goes|went)\s+away|(?:created|working|running|available|serving|responding|online|processing|flowing|launching|produced)\s+again|(?:working|running|operating|functioning|serving|performing|behaving)\s+(?:normally|as\s+(?:usual|normal|expected)|correctly|properly|fine)|(?:returned|came|went|is|was|are|were)\s+back\s+(?:to\s+normal|online|up)|normal\s+(?:operations?|service)\s+(?:resumed|restored|returned)|(?:is|was|were|are|got|been)\s+(?:fixed|repaired|corrected))\b|(?:is|are)\s+back(?=\s*(?:$|[.,;!)]))|recovery\b[^.;]{0,60}?\b(?:completed?|finished|done)\b|(?:completed?|finished)\s+(?:the\s+)?recovery/i;
// "not resolved", "still not back", "partially restored", "some addresses come back online", "attempted to restore": not the end.
// …and hedged: "Service appears to be restored" before the entry that says it is.
// …and under way ("coming back online", "being brought back up"), or said of people ("Team is back up").
// …and a purpose or a condition ("scaled down to prevent a thundering herd when the gateways are brought back online").
const NOT_THE_END =
  /\b(?:to\s+(?:prevent|avoid)|in\s+case|so\s+that|in\s+order\s+to|if|unless|ahead\s+of|prepar\w*\s+for|plan\w*\s+to|wait\w*\s+for|not|n[’']t|never|still|partially|partly|some|only|a\s+few|parts?\s+of|attempt\w*|tr(?:y|ied|ying)|begin\w*|start\w*\s+to|hop\w*|expect\w*|appears?|seems?|seemed|looks?\s+like|might|may|apparently|probably|coming|being\s+brought|getting)\b|\b(?:team|we|I|engineers?|staff|everyone|on-?call|people)\s*$/i;
// After the mark only what takes it back counts ("… working again. Service appears to be restored.").
const TAKEN_BACK =
  /\b(?:appears?|seems?|seemed|looks?\s+like|might|apparently|probably|not\s+yet|still\s+(?:down|failing|broken|unavailable)|partially|partly)\b/i;
// A mark the writer set as a label at the head of the entry ("**Recovery.** …", "Resolved: …",
// "All clear –"): it outranks a restore word inside another entry ("the previous certificate is restored").
const END_LABEL = entryLabel(
  'recovery|recovered|resolved|resolution|mitigated|mitigation|all[\\s-]+clear|impact\\s+(?:ends|ended|over)|(?:incident|outage)\\s+(?:resolved|closed|ends|ended|over)|end\\s+of\\s+(?:the\\s+)?(?:impact|incident|outage)|service\\s+(?:restored|recovered)',
);
// A start the writer set as a label at the head of the entry ("**OUTAGE BEGINS**", "Impact starts:").
const START_LABEL = entryLabel(
  '(?:the\\s+)?(?:outage|incident|impact|downtime|disruption|degradation|problem|issue)\\s+(?:begins|began|starts|started)|start\\s+of\\s+(?:the\\s+)?(?:outage|incident|impact)',
);
// What an entry says when the incident was noticed: an alert or page, a report or ticket, an
// escalation, a declaration. A clause that denies it ("no alert is configured") does not count.
const DETECTED =
  /\b(?:detect(?:s|ed|ion)?|alert(?:s|ed|ing)?|alarm(?:s|ed)?|pag(?:ed|ing)|pages|notic(?:e|es|ed)|report(?:s|ed)?|tickets?|escalat(?:e|es|ed|ion)|complain(?:s|ed|ts?)?|declared|spotted|discover(?:s|ed)|became\s+aware|flagged|observed|pinged|monitoring\s+(?:fired|triggered)|on-?call)\b/i;
// "Function execution is fully restored", "all services completely recovered".
const FULLY = /\b(?:fully|completely|entirely)\s+(?:restored|recovered|resolved|operational|functional|back)\b/i;
const DENIAL = /\b(?:no|not|never|without|nobody|none)\b|n[’']t\b/i;

/** The entry's words say the incident was noticed, in a clause that does not deny it. */
function saysDetected(text: string): boolean {
  return text.split(/[.;,]/).some((clause) => {
    const found = DETECTED.exec(clause);
    return found !== null && !DENIAL.test(clause.slice(0, found.index));
  });
}

export interface Milestones {
  start: TimelineEntry | null;
  /** Entries marked as the end, after the start, in order. */
  ends: TimelineEntry[];
  /** Every entry marked as the end, in order (for a start the summary gives). */
  marked: TimelineEntry[];
  /** The first entry that says the incident was noticed (at or after the marked start, when there is one). */
  detected: TimelineEntry | null;
}

/** Start, end and detection as the timeline's own words mark them (entries with a time only). */
export function timelineMilestones(document: PostmortemDocument): Milestones {
  const timed = document.timeline.filter((e) => typeof e.at === 'number');
  const text = (e: TimelineEntry) => bodyOf(document, e);
  const start = timed.find((e) => startsHere(text(e))) ?? null;
  const detected = detectedAfter(timed, start?.at ?? null, text);
  const marked = timed.filter((e) => {
    const t = text(e);
    if (END_LABEL.test(t)) return true;
    const m = marks(END_MARK, t);
    return m !== null && !NOT_THE_END.test(clauseBefore(t, m.index)) && !TAKEN_BACK.test(afterMark(t, m));
  });
  // Entries labelled as the end, when the timeline has any, are the end; restore words elsewhere are steps.
  // Else an entry that says the service is fully restored ends what earlier restore words only eased.
  const labelled = marked.filter((e) => END_LABEL.test(text(e)));
  const full = marked.filter((e) => FULLY.test(text(e)));
  const chosen = labelled.length ? labelled : full.length ? full : marked;
  const ends = start ? chosen.filter((e) => e !== start && (e.at as number) >= (start.at as number)) : [];
  return { start, ends, marked: chosen, detected };
}

/** The first entry at or after `from` (any, without one) whose words say the incident was noticed. */
function detectedAfter(timed: readonly TimelineEntry[], from: number | null, text: (e: TimelineEntry) => string): TimelineEntry | null {
  const after = timed.filter((e) => from === null || (e.at as number) >= from).sort((a, b) => (a.at as number) - (b.at as number) || a.line - b.line);
  return after.find((e) => saysDetected(text(e))) ?? null;
}

/** When the timeline says the incident was detected, at or after the incident's start. */
export function detectedEntry(document: PostmortemDocument, start: number | null): TimelineEntry | null {
  const timed = document.timeline.filter((e) => typeof e.at === 'number');
  return detectedAfter(timed, start, (e) => bodyOf(document, e));
}

/**
 * What comes before a mark in its own clause: from the sentence's start, or from a clause with a
 * subject of its own ("all errors seem to have stopped and the incident is resolved": the hedge is
 * the errors', not the resolution's).
 */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  let from = 0;
  for (const m of before.matchAll(/[.!?;](?:\s|$)|\band\s+(?=(?:the|it|everything|all|service|services|traffic)\b)/gi)) from = (m.index ?? 0) + m[0].length;
  return before.slice(from);
}

/** The rest of an end mark's sentence and the next sentence: what may take the mark back. */
function afterMark(text: string, mark: RegExpExecArray): string {
  const after = mark.index + mark[0].length;
  const sentenceEnds = [...text.slice(after).matchAll(/[.!?](?:\s|$)/g)].map((x) => after + (x.index ?? 0));
  return text.slice(after, sentenceEnds[1] ?? text.length);
}

/**
 * The entry marks the start: "Site is hard down", "Problem starts", in a clause that is not about
 * noticing it ("Users report the site is down" is when it was detected).
 */
function startsHere(text: string): boolean {
  // "**OUTAGE BEGINS** — Automated message on #infrastructure-alerts …": the writer's own label outranks
  // what the entry goes on to say of how it was seen.
  if (START_LABEL.test(text)) return true;
  const m = marks(START_MARK, text);
  if (!m) return false;
  const from = Math.max(text.lastIndexOf(',', m.index), text.lastIndexOf(';', m.index), text.lastIndexOf('.', m.index)) + 1;
  const to = [',', ';', '.'].map((c) => text.indexOf(c, m.index + m[0].length)).filter((i) => i >= 0);
  const clause = text.slice(from, to.length ? Math.min(...to) : text.length);
  return !DETECTED.test(clause);
}

/**
 * Where `mark` says this entry is the start or the end, or null. "the start of the outage (~13:30)"
 * points at another time, not at the entry's own.
 */
function marks(mark: RegExp, text: string): RegExpExecArray | null {
  const m = mark.exec(text);
  if (!m) return null;
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
  return /^\W{0,4}(?:at\s+|around\s+|~)?\d{1,2}[:.]\d\d/.test(after) ? null : m;
}

/** An entry's words: its text, and for a heading the lines under it (up to a paragraph's worth, code left out). */
function bodyOf(document: PostmortemDocument, e: TimelineEntry): string {
  if (e.kind !== 'heading') return e.text;
  let text = e.text;
  let body = false;
  for (let l = e.line + 1; l <= e.endLine && text.length < 600; l++) {
    const line = document.lines[l].trim();
    // The first paragraph under the heading: what happened at that time.
    if (!line || /^(?:```|~~~)/.test(line)) {
      if (body) break;
      continue;
    }
    body = true;
    text += ` ${line}`;
  }
  return text;
}
