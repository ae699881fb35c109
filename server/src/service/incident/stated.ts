import { findDates, findTimes, findUnreadableTimes, parseStatedDuration, type StatedDuration, type TimeReadingOptions } from '../time';
import type { PostmortemDocument } from '../model';
import { fieldSources, incidentLengthLines, lastLineOf, type Regions, rangeIn, sentences } from './sources';
import type { Source, StatedIncidentDuration, TimeField } from './types';

// How long the text itself says the incident lasted: a Duration field, "lasted about 3 hours",
// "a 45-minute outage", "(~2h)", "40min of total outage".

const QUALIFIERS =
  /^(?:\s*(?:(?:about|around|approximately|approx\.?|roughly|nearly|almost|just|over|under|more\s+than|less\s+than|a\s+total\s+of|a\s+period\s+of|(?:an?\s+)?(?:estimated|approximate)\s+(?:time|period|duration|total)\s+of|for|of|a|an|us|them|me|(?:the|our)\s+(?:team|engineers)|those|these|all|the\s+(?:whole|entire|full)|overall|altogether|in\s+(?:total|all))\b\.?|[~≈]))*\s*$/i;
// "lasted", "for", "outage of", "a 45-minute outage": how summaries state how long an incident was.
const LASTED =
  /\b(?:lasted|lasting|lasts|took|spanned|spanning|persisted|continued|(?:remained|stayed|was|were|been|being|went)\s+(?:down|offline|unavailable|unreachable|inaccessible))\b/gi;
const FOR = /\b(?:for|during)\b/gi;
// "we had a period of about 2.5h from 14:00 to 16:30": the period the sentence then tells of.
const PERIOD = /\b(?:a|the)\s+(?:period|window|span|stretch)\s+of\b/gi;
// "restored within ~6.5 hours", "resolved after 90 minutes": how long until the service was back.
// "we restored order in just four hours": the thing restored may stand between.
const BACK_AFTER =
  /\b(?:restored|resolved|recovered|mitigated|fixed|back\s+(?:online|up|to\s+normal))(?:(?:\s+(?:it|this|order|service|services|access|everything|(?:the|our|normal|full)\s+[a-z]+))?\s+(?:with)?in\b|\s+after\b)/gi;
// "Total duration: 1.5 hours.", "Downtime: 45 minutes" and "Outage length: 2 hrs" inside a sentence of the summary.
const LABELLED =
  /\b(?:duration|downtime|outage\s+duration|(?:outage|incident|impact)\s+length|length\s+of\s+(?:the\s+)?(?:outage|incident|downtime)|time\s+to\s+(?:restore|recover|resolve))(?:\s+of\s+(?:the\s+)?(?:interruption|outage|incident|downtime|disruption|issue|problem|event))?\s*[:：]/gi;
// "took 10 minutes to identify the cause", "for 5 minutes before anyone noticed": part of the incident, not all of it.
const PART_OF_INCIDENT =
  /^\s*(?:for\s+\w+\s+)?(?:to\s+(?:detect|notice|identify|find|diagnose|pinpoint|locate|respond|acknowledge|escalate|discover|spot|reali[sz]e|understand|figure|page|alert)|before\s+(?:anyone|we|it|the\s+team|an?\s+\w+)\s+(?:noticed|detected|was\s+detected|spotted|found|realized|realised))\b/i;
// "undetected for eight days", "went unnoticed for 2 hours": how long before detection, not how long it lasted.
const BEFORE_DETECTION = /\b(?:undetected|unnoticed|unseen|unreported|not\s+(?:detected|noticed|reported))\s+for\s*$/i;
const OF =
  /\b(?:outage|downtime|disruption|interruption|duration|incident|degradation|stall|halt|stoppage|unavailability)\s+(?:time\s+|length\s+)?(?:of|was|lasted)\b/gi;
// "40min of total outage", "2 hours of downtime": the duration comes first.
const OF_OUTAGE =
  /^\s*(?:of\s+(?:[a-z-]+\s+){0,2}?(?:outage|downtime|disruption|interruption|degradation|unavailability|degraded\s+service|service\s+(?:loss|interruption)|chaos|mayhem|havoc|turmoil|disarray))\b/i;
const HYPHENATED =
  /\b((\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety)[-\s]?(minute|min|hour|hr|day)s?)[-\s](?:long\s+)?(?:(?:total|complete|partial|full|service|site|api|network|production)\s+)?(?:[a-z]+\s+)?(?:outage|downtime|disruption|interruption|incident|degradation|stall|halt|stoppage|freeze|breakdown|blackout|failure)\b/gi;
// "a 10 minutes gap": a number, a unit, then a noun (after an article, so "for 10 minutes" is not it).
const MEASURED_NOUN =
  /(?<=\b(?:a|an|the|approximately\s+a|about\s+a|roughly\s+a)\s+)((?:\d+(?:\.\d+)?)[-\s]?(?:minutes?|mins?|hours?|hrs?|days?))[-\s]+(?!(?:ago|later|after|before|earlier|of|to|and|or|in|into|for|from)\b)[a-z]+\b/gi;
const OUTAGE_WORDS =
  /\b(?:outage|down|downtime|offline|unavailable|unreachable|inaccessible|unusable|unresponsive|disrupt\w*|degrad\w*|interrupt\w*|impact\w*|affected|fail\w*|errors?|incident|broken|unable|could\s*n[o’']t|can[’']?t|cannot|halt\w*|stall\w*|stopp\w*|froze|frozen|freez\w*|breakdown|hung|hang\w*|slow\w*|dark|not\s+(?:operational|working|responding|available|accessible)|stopped|lost|loss|prevent(?:ed|s|ing)\s+(?:all\s+|most\s+|many\s+)?(?:users|customers|visitors|people|clients))\b/i;
const DURING_THOSE = /\b(?:during|in|over|throughout|for)\s+(?:all\s+)?(?:those|these|that)\b/gi;
// "took 20 minutes to copy the files": a task's length (bringing the service back is the incident's).
const TASK = /^\s*(?:for\s+\w+\s+)?to\s+(?!(?:restore|recover|resolve|fix|bring|get|mitigate|return|come|be\s+(?:restored|resolved|fixed|back))\b)[a-z]+/i;
// What a length after a range must not be followed by: "40 minutes after the deploy" is an offset.
const OFFSET_AFTER = /^\s*(?:after|before|later|earlier|ago|into|since|past|from|of\s+(?:the|each|every))\b/i;

/**
 * Columns (in `blanked`) just after the comma or dash that follows a written range's second time:
 * "… to 10:40 PM (UTC-8), 40 minutes during …".
 */
function afterRange(raw: string, blanked: string, options: TimeReadingOptions): number[] {
  const out: number[] = [];
  const times = findTimes(raw, options);
  if (times.length < 2) return out;
  for (const m of blanked.matchAll(/[,–—]\s*/g)) {
    const at = m.index ?? 0;
    const before = times.filter((t) => t.end <= at);
    const last = before[before.length - 1];
    if (before.length < 2 || !last || /[.!?]/.test(raw.slice(last.end, at)) || raw.slice(last.end, at).length > 12) continue;
    const rest = blanked.slice(at + m[0].length);
    const d = parseStatedDuration(rest);
    if (!d || d.start > 12 || OFFSET_AFTER.test(rest.slice(d.end))) continue;
    out.push(at + m[0].length);
  }
  return out;
}

const APPROXIMATE = /(?:~|≈|\b(?:about|around|approx\.?|approximately|roughly|nearly|almost|over|under|more\s+than|less\s+than|estimated|within)\b)[\s\w]*$/i;

/**
 * "Duration: 1:30 hours": a clock with an hours word after it and no zone or date is a length, not a
 * time of day, unless a word before it makes it one ("at 14:30 hours", "from 09:00 hrs").
 */
function isClockLength(text: string, t: { start: number; end: number; zone: unknown; date: unknown }): boolean {
  return (
    t.zone === null &&
    t.date === null &&
    /^\d{1,3}:\d\d$/.test(text.slice(t.start, t.end)) &&
    /^\s*(?:hours?|hrs?)(?!\p{L})/iu.test(text.slice(t.end)) &&
    !/\b(?:at|from|until|till|to|since|by|before|after|around|between|and)\s*$/i.test(text.slice(0, t.start))
  );
}

/** `text` with its times, dates and unreadable times blanked, so "2100hrs" or "UTC-5" are not durations. */
export function blankTimes(text: string, options: TimeReadingOptions): string {
  let out = text;
  const blank = (start: number, end: number) => {
    out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  };
  for (const t of findTimes(text, options)) if (!isClockLength(text, t)) blank(t.start, t.end);
  for (const d of findDates(text, options)) blank(d.start, d.end);
  for (const u of findUnreadableTimes(text)) blank(u.start, u.end);
  // Offsets written on their own: "(UTC-5)", "GMT+1".
  for (const m of text.matchAll(/\b(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?/gi)) blank(m.index ?? 0, (m.index ?? 0) + m[0].length);
  return out;
}

export function statedIn(s: Source, options: TimeReadingOptions): StatedIncidentDuration | null {
  const text = blankTimes(s.text, options);
  const d = parseStatedDuration(text);
  if (!d || d.minutes <= 0) return null;
  return {
    minutes: Math.round(d.minutes),
    text: d.text,
    range: rangeIn(s, d.start, d.end),
    approximate: d.approximate === true || APPROXIMATE.test(s.text.slice(0, d.start)),
    source: 'field',
  };
}

/** "lasted about 3 hours", "for a total of 16 minutes" (in a sentence about the outage), "a 45-minute outage". */
export function statedInSentence(s: Source, options: TimeReadingOptions): StatedIncidentDuration | null {
  const text = blankTimes(s.text, options);
  const candidates: { at: number; requiresOutage: boolean; parenthesised?: boolean; task?: boolean }[] = [];
  for (const m of text.matchAll(LASTED)) candidates.push({ at: (m.index ?? 0) + m[0].length, requiresOutage: false, task: /^took$/i.test(m[0]) });
  // "During those 45 minutes the panel was empty": the window just told, by its length.
  for (const m of text.matchAll(DURING_THOSE)) candidates.push({ at: (m.index ?? 0) + m[0].length, requiresOutage: false });
  // "from 10:00 PM to 10:40 PM (UTC-8), 40 minutes during the dinner rush": a length set after a written range.
  for (const at of afterRange(s.text, text, options)) candidates.push({ at, requiresOutage: false });
  for (const m of text.matchAll(OF)) candidates.push({ at: (m.index ?? 0) + m[0].length, requiresOutage: false });
  for (const m of text.matchAll(LABELLED)) candidates.push({ at: (m.index ?? 0) + m[0].length, requiresOutage: false });
  for (const m of text.matchAll(FOR)) candidates.push({ at: (m.index ?? 0) + m[0].length, requiresOutage: true });
  for (const m of text.matchAll(PERIOD)) candidates.push({ at: (m.index ?? 0) + m[0].length, requiresOutage: false });
  for (const m of text.matchAll(BACK_AFTER)) candidates.push({ at: (m.index ?? 0) + m[0].length, requiresOutage: false });
  // "From 00:00 UTC to 06:00 UTC (6 hours)": a duration alone in parentheses.
  for (const m of text.matchAll(/\(/g)) candidates.push({ at: (m.index ?? 0) + 1, requiresOutage: false, parenthesised: true });
  candidates.sort((a, b) => a.at - b.at);
  for (const c of candidates) {
    const rest = text.slice(c.at);
    const d = parseStatedDuration(rest);
    if (!d || d.minutes <= 0 || !QUALIFIERS.test(rest.slice(0, d.start))) continue;
    if (c.parenthesised && !/^\s*\)/.test(rest.slice(d.end))) continue;
    if (PART_OF_INCIDENT.test(rest.slice(d.end)) || BEFORE_DETECTION.test(text.slice(0, c.at))) continue;
    // "which took about twenty minutes to copy": how long a task took, not the incident.
    if (c.task && TASK.test(rest.slice(d.end))) continue;
    if (c.requiresOutage) {
      const sentence = sentences(text).find((x) => c.at > x.start && c.at <= x.end);
      if (!sentence || !OUTAGE_WORDS.test(text.slice(sentence.start, sentence.end))) continue;
    }
    const start = c.at + d.start;
    return {
      minutes: Math.round(d.minutes),
      text: d.text,
      range: rangeIn(s, start, start + d.text.length),
      approximate: d.approximate === true || APPROXIMATE.test(rest.slice(0, d.start)),
      source: 'sentence',
    };
  }
  // "40min of total outage"
  for (const d of durationsIn(text)) {
    if (!OF_OUTAGE.test(text.slice(d.end))) continue;
    return {
      minutes: Math.round(d.minutes),
      text: d.text,
      range: rangeIn(s, d.start, d.end),
      approximate: d.approximate === true || APPROXIMATE.test(text.slice(0, d.start)),
      source: 'sentence',
    };
  }
  // "a 10 minutes gap between blocks during the chain stall": any noun, when the sentence tells of an outage
  // (a duration far from the window is dropped later as the length of a part).
  for (const m of text.matchAll(MEASURED_NOUN)) {
    const sentence = sentences(text).find((x) => (m.index ?? 0) >= x.start && (m.index ?? 0) < x.end);
    if (!sentence || !OUTAGE_WORDS.test(text.slice(sentence.start, sentence.end))) continue;
    const d = parseStatedDuration(m[1]);
    if (!d || d.minutes <= 0) continue;
    const start = m.index ?? 0;
    return {
      minutes: Math.round(d.minutes),
      text: m[1],
      range: rangeIn(s, start, start + m[1].length),
      approximate: APPROXIMATE.test(text.slice(0, start)),
      source: 'sentence',
    };
  }
  for (const m of text.matchAll(HYPHENATED)) {
    const start = m.index ?? 0;
    const unit = m[3].toLowerCase().startsWith('min') ? 'minute' : m[3].toLowerCase().startsWith('h') ? 'hour' : 'day';
    const d = parseStatedDuration(`${m[2]} ${unit}s`);
    if (!d || d.minutes <= 0) continue;
    return {
      minutes: Math.round(d.minutes),
      text: m[1],
      range: rangeIn(s, start, start + m[1].length),
      approximate: APPROXIMATE.test(text.slice(0, start)),
      source: 'sentence',
    };
  }
  return null;
}

/** Every duration written in `text`, in order, with columns in `text`. */
function durationsIn(text: string): StatedDuration[] {
  const out: StatedDuration[] = [];
  let from = 0;
  while (from < text.length) {
    const d = parseStatedDuration(text.slice(from));
    if (!d) break;
    if (d.minutes > 0) out.push({ ...d, start: from + d.start, end: from + d.end });
    from += Math.max(d.end, 1);
  }
  return out;
}

/**
 * "for 75 minutes" in a sentence with no word for an outage: a stated duration only when the window
 * a reader computed agrees with it (within a quarter), which the chooser checks.
 */
export function looseDurations(s: Source, options: TimeReadingOptions): StatedIncidentDuration[] {
  const text = blankTimes(s.text, options);
  const out: StatedIncidentDuration[] = [];
  for (const m of text.matchAll(FOR)) {
    const at = (m.index ?? 0) + m[0].length;
    const rest = text.slice(at);
    const d = parseStatedDuration(rest);
    if (
      !d ||
      d.minutes <= 0 ||
      !QUALIFIERS.test(rest.slice(0, d.start)) ||
      PART_OF_INCIDENT.test(rest.slice(d.end)) ||
      BEFORE_DETECTION.test(text.slice(0, at))
    )
      continue;
    const start = at + d.start;
    out.push({
      minutes: Math.round(d.minutes),
      text: d.text,
      range: rangeIn(s, start, start + d.text.length),
      approximate: d.approximate === true || APPROXIMATE.test(rest.slice(0, d.start)),
      source: 'sentence',
    });
  }
  return out;
}

/** Fewer words than this make a byline or a greeting, not the lead's first paragraph. */
const MIN_PARAGRAPH_WORDS = 8;

/**
 * The duration the text states: a Duration field, the front matter's `duration`, then a sentence of
 * the summary, the impact section, the lead, and last the title ("… (30min outage)").
 */
export function findStatedDuration(
  document: PostmortemDocument,
  regions: Regions,
  fields: readonly TimeField[],
  options: TimeReadingOptions,
): StatedIncidentDuration | null {
  // "Time to recovery: 148 minutes" in a Stats section measures something else than the outage; "Time
  // to resolve: 3h 14m" is the whole of it, until it was resolved.
  const stating = fields.filter((f) => f.id === 'duration' && (f.inSummary || !/^time\s+to\b(?!\s+resol)/i.test(f.model.label)));
  for (const f of stating) {
    for (const s of fieldSources(document, f)) {
      const d = statedIn(s, options);
      if (d) return d;
    }
  }
  const key = document.frontMatter?.incidentKeys?.find((k) => /^duration$/i.test(k.key));
  if (key) {
    const d = statedIn({ line: key.line, text: ' '.repeat(key.valueStart) + key.value }, options);
    if (d) return { ...d, source: 'front-matter' };
  }
  const fieldLines = new Set(fields.filter((f) => f.id !== 'duration').map((f) => f.line));
  for (const sources of [regions.summary, regions.impact, firstParagraph(regions.lead)]) {
    for (const s of sources) {
      if (fieldLines.has(s.line)) continue;
      const d = statedInSentence(s, options);
      if (d) return d;
    }
  }
  if (regions.title) {
    const d = statedInSentence(regions.title, options);
    if (d) return { ...d, source: 'title' };
  }
  // Last, a conclusion that sums the incident up ("we restored order in just four hours").
  for (const s of regions.conclusion) {
    const d = statedInSentence(s, options);
    if (d) return d;
  }
  // Anywhere else, a sentence about the incident as a whole ("The incident lasted overall around 26 minutes").
  for (const s of incidentLengthLines(document)) {
    const d = statedInSentence(s, options);
    if (d) return d;
  }
  return null;
}

/**
 * The lines of the first paragraph of a region that tells something: a lead's later sentences tell of
 * parts of the incident. A byline or a greeting before it ("<small>June 22nd, 2020 by TravisR</small>",
 * "Hi all,") is not that paragraph.
 */
export function firstParagraph(sources: readonly Source[]): Source[] {
  const paragraphs: Source[][] = [];
  for (const s of sources) {
    const last = paragraphs[paragraphs.length - 1];
    if (last && s.line === lastLineOf(last[last.length - 1]) + 1) last.push(s);
    else paragraphs.push([s]);
  }
  const words = (p: Source[]) =>
    p
      .map((s) => s.text.replace(/<[^>]*>/g, ' '))
      .join(' ')
      .split(/\s+/)
      .filter((w) => /\p{L}/u.test(w)).length;
  return paragraphs.find((p) => words(p) >= MIN_PARAGRAPH_WORDS) ?? paragraphs[0] ?? [];
}
