import type { PostmortemDocument } from '../model';
import { findTimeRange, findTimes, type ParsedTime, type TimeReadingOptions } from '../time';
import { dateBefore, dateOnLine, fieldSources, firstTime, localTime, sentences } from './sources';
import type { FoundTime, Source, TimeField, WindowCandidate } from './types';

// The readers: each looks at one region of the document the way a reader does and proposes the
// windows it finds there, with where it found them. The chooser (choose.ts) decides.

/** How explicit each region is; lower is preferred when several give a whole window. */
export const TIER = { fields: 0, durationField: 1, frontMatter: 2, summary: 3, impact: 4, lead: 5, title: 6, statusRecord: 7, timeline: 8, joined: 9 } as const;

const found = (time: ParsedTime, s: Source, source: string, options: TimeReadingOptions): FoundTime => ({
  ...localTime(s, time),
  sameLineDate: dateBefore(s.text, time.start, options),
  source,
});

/** A time field's first time: on its label's line, or under the label when nothing follows it there. */
function firstIn(document: PostmortemDocument, f: TimeField, options: TimeReadingOptions): FoundTime | null {
  const sources = fieldSources(document, f);
  const first = f.emptyValue ? firstTime(sources, options) : firstTime(sources.slice(0, 1), options);
  if (!first) return null;
  const line = sources.find((s) => s.line === first.line);
  return { time: first.time, line: first.line, sameLineDate: line ? dateOnLine(line.text, options) : null, source: `the ${f.model.label} field` };
}

/** The Start and End fields, and "Start: 10:00 AM EST, End: 12:00 PM EST" on the Start field's line. */
export function fromFields(document: PostmortemDocument, fields: readonly TimeField[], options: TimeReadingOptions): WindowCandidate[] {
  let start: FoundTime | null = null;
  let end: FoundTime | null = null;
  let startField: TimeField | undefined;
  for (const f of fields) {
    if (f.id === 'start' && !start) {
      start = firstIn(document, f, options);
      if (start) startField = f;
    }
    if (f.id === 'end' && !end) end = firstIn(document, f, options);
  }
  const out: WindowCandidate[] = [];
  if (start && end) out.push({ start, end, source: 'the Start and End fields', tier: TIER.fields, rangeLine: null });
  if (start && !end && startField) {
    const s0 = start;
    for (const s of fieldSources(document, startField)) {
      const later = findTimes(s.text, options).find((t) => s.line > s0.line || t.start >= s0.time.end);
      const between = later && s.line === s0.line ? s.text.slice(s0.time.end, later.start) : '';
      if (later && /\b(?:end(?:ed|s|ing)?|until|till|to|resolved|restored|recovered)\b|[–—-]\s*$/i.test(between)) {
        out.push({
          start: s0,
          end: { time: later, line: s.line, sameLineDate: s0.sameLineDate, source: `the ${startField.model.label} field` },
          source: `the ${startField.model.label} field`,
          tier: TIER.fields,
          rangeLine: null,
        });
        break;
      }
    }
  }
  // A Start field alone: half a window, used only when nothing gives a whole one (an End field alone is no start).
  if (!out.length && start) out.push({ start, end: null, source: 'the Start field alone', tier: TIER.fields, rangeLine: null });
  return out;
}

/** The End field's first time ("**Resolved**: … 22:10"), for a start given elsewhere: as fromFields reads it. */
export function endField(document: PostmortemDocument, fields: readonly TimeField[], options: TimeReadingOptions): FoundTime | null {
  for (const f of fields) {
    const time = f.id === 'end' ? firstIn(document, f, options) : null;
    if (time) return time;
  }
  return null;
}

/** A range in the Duration field ("08:00 AM - 09:30 AM (UTC)"), or start and end told in its words. */
export function fromDurationField(document: PostmortemDocument, fields: readonly TimeField[], options: TimeReadingOptions): WindowCandidate[] {
  const out: WindowCandidate[] = [];
  for (const f of fields.filter((x) => x.id === 'duration')) {
    const sources = fieldSources(document, f);
    for (const s of sources) {
      const r = findTimeRange(s.text, options);
      if (r) out.push(fromRange(r, s, 'the Duration field', TIER.durationField, options));
    }
    out.push(...fromProse(sources, 'the Duration field', TIER.durationField, options, false));
  }
  return out;
}

/**
 * `start_time` / `end_time` (and `started_at`, `resolved`, `resolvedWhen`, …) in the front matter; a
 * status page's incident record begins at its `date:`, and may end at the End field of its body
 * ("**Resolved**: … {{< track "2021-02-10T22:10:00Z" >}}").
 */
export function fromFrontMatter(document: PostmortemDocument, options: TimeReadingOptions, bodyEnd: FoundTime | null = null): WindowCandidate[] {
  const keys = document.frontMatter?.incidentKeys ?? [];
  const read = (pattern: RegExp): FoundTime | null => {
    for (const k of keys) {
      if (!pattern.test(k.key)) continue;
      const text = ' '.repeat(k.valueStart) + k.value;
      const t = findTimes(text, options)[0];
      if (t) return { time: t, line: k.line, sameLineDate: null, source: `the front matter (${k.key})` };
    }
    return null;
  };
  const keyed = read(/start|begin|began/i);
  const start = keyed ?? (document.frontMatter?.incidentRecord ? read(/^date$/i) : null);
  if (!start) return [];
  // `resolvedWhen` copied from `date` (the same instant) is no end written.
  const endKey = read(/end|resolv|recover|restor|mitigat/i);
  const written = endKey && endKey.time.text !== start.time.text ? endKey : null;
  const end = written ?? (bodyEnd && bodyEnd.line > start.line ? bodyEnd : null);
  const source = written || !end ? 'the front matter' : `the front matter for the start and ${end.source} for the end`;
  // A record's `date:` is when its first notice was posted: a window the account itself writes ("from
  // 17:45 to 20:20 CEST") is more exact, unless the record also writes when it was resolved.
  const tier = keyed || written ? TIER.frontMatter : TIER.statusRecord;
  return [{ start, end, source, tier, rangeLine: null }];
}

// What points at the end of the incident in a sentence, and at its start.
const END_WORDS =
  /\b(?:restored|resolved|recovered|fixed|mitigated|ended|ending|ends|concluded|concluding|finished|finishing|cleared|stabili[sz]ed|resumed|back\s+(?:online|up|to\s+normal|in\s+service)|returned\s+to\s+normal|came\s+back|until|till|up\s+again|fully\s+operational|end(?:\s+time)?\s*[:：]|start(?:ed|s)?\s+(?:again|working\s+again)|(?:working|running|flowing|serving)\s+again|(?:served|working|running|operating|functioning)\s+normally|back\s+to\s+normal|by(?=\s+(?:about\s+|around\s+|approximately\s+|~\s*)?\d{1,2}(?:[:.h]\d\d|\s*[ap]\.?m)))/gi;
const START_WORDS =
  /\b(?:start(?:ed|ing|s)?(?!\s+(?:again|working\s+again))|began|begins|beginning|begun|commenc(?:ed|ing|es)|since|from|onset|first\s+(?:occurred|appeared)|occurred|happened|went\s+down|start(?:\s+time)?\s*[:：])/gi;

/** END_WORDS for a test of one sentence (END_WORDS itself is global, for matchAll). */
const ENDS = new RegExp(END_WORDS.source, 'i');
/**
 * The first time told as the end in a resolution's words: the time after an end word in its sentence
 * ("I restored the folder from the backup. The pictures came back at 21:55 CET.").
 */
export function endInWords(sources: readonly Source[], where: string, options: TimeReadingOptions): FoundTime | null {
  for (const s of sources) {
    const inLine = findTimes(s.text, options);
    if (!inLine.length) continue;
    for (const sentence of sentences(s.text)) {
      const words = ENDS.exec(s.text.slice(sentence.start, sentence.end));
      if (!words) continue;
      const after = sentence.start + words.index;
      const t = inLine.find((x) => x.start >= after && x.start < sentence.end);
      if (t) return found(t, s, where, options);
    }
  }
  return null;
}

/** A sentence that opens by pointing back at the time before it: "At this point", "By then". */
const BACK_TO_THEN = /^\s*(?:at\s+(?:this|that)\s+(?:point|time)|by\s+(?:then|this\s+time|that\s+time|this\s+point)|from\s+then\s+on)\b/i;

// What "by 17:00" is not the end of: the outage growing, or being found.
const WORSE_OR_KNOWN_BY =
  /\b(?:outage|down|offline|unavailable|worse|worsen\w*|degrad\w*|escalat\w*|spread\w*|transition\w*|fail\w*|errors?|noticed|discovered|reported|detected|identified|paged|alerted|aware|investigat\w*|escalated)\b/i;
// What "until 10:34" is not the end of: the failure going unnoticed ("undetected for eight days until
// 2022-04-28 10:34 when … sent an email"): then it was found, not over.
const UNNOTICED_UNTIL =
  /\b(?:undetected|unnoticed|unseen|unreported|unknown|not\s+(?:been\s+)?(?:noticed|detected|seen|spotted|reported|discovered|found|caught)|no\s*(?:one|body)\s+(?:noticed|knew|saw))\b/i;
const DETECTION_WORDS = /\b(?:noticed|detected|reported|alerted|paged|discovered|spotted|observed|flagged)\b/i;

// "| **Detected** | `2022-04-28 10:34` |", "Time detected: 10:05": a time the writer labels as when the
// incident was found (a detection word and nothing else before it on its line or in its cell).
const DETECTION_LABEL =
  /(?:^|\|)[\s*_`>|-]*(?:(?:time|date|when)\s+)?(?:detected|noticed|reported|discovered|identified|alerted|detection(?:\s+time)?|first\s+(?:noticed|detected|reported))(?:\s+(?:at|on))?[\s*_`:：|]*$/i;
const labelledDetection = (t: MarkedTime) => DETECTION_LABEL.test(t.source.text.slice(0, t.time.start));

interface MarkedTime {
  time: ParsedTime;
  source: Source;
  role: 'start' | 'end' | null;
  /** An end the next sentence confirms ("At this point, … operating normally"). */
  final?: boolean;
}

/**
 * Start and end told in sentences: a written range ("from 10:00 to 12:30 WAT", "between 02:00 and
 * 02:41"), or times the words around them mark: "starting at 11:10 AM and ending at 12:00 PM CET",
 * "At 12:00 p.m. EAT the site was offline. At 12:16 p.m. EAT, service was restored." Each end a
 * sentence marks after the start gives a candidate, so the chooser can weigh them with the stated
 * duration.
 */
export function fromProse(sources: readonly Source[], where: string, tier: number, options: TimeReadingOptions, ranges = true): WindowCandidate[] {
  const out: WindowCandidate[] = [];
  if (ranges) {
    for (const s of sources) {
      const r = findTimeRange(s.text, options);
      if (r) {
        out.push(fromRange(r, s, `the time range in ${where}`, tier, options));
        break;
      }
    }
  }
  const times: MarkedTime[] = [];
  for (const s of sources) {
    const inLine = findTimes(s.text, options);
    if (!inLine.length) continue;
    const roles: (MarkedTime['role'] | null)[] = inLine.map(() => null);
    const final = new Set<number>();
    let lastBefore = -1;
    for (const sentence of sentences(s.text)) {
      const inside = inLine.map((t, i) => ({ t, i })).filter(({ t }) => t.start >= sentence.start && t.start < sentence.end);
      const text = s.text.slice(sentence.start, sentence.end);
      if (!inside.length) {
        // "… finished recovery at 1:54 PM. At this point, the service was operating normally.": the
        // sentence after a time says the impact ended then, which makes that time the end.
        if (lastBefore >= 0 && roles[lastBefore] !== 'start' && BACK_TO_THEN.test(text) && ENDS.test(text)) {
          roles[lastBefore] = 'end';
          final.add(lastBefore);
        }
        continue;
      }
      lastBefore = inside[inside.length - 1].i;
      const mark = (words: RegExp, role: 'start' | 'end', fallbackBefore: boolean) => {
        for (const m of text.matchAll(words)) {
          // "transitioned to a full outage by 17:00", "reported internally by 22:50": by then it was worse, or known.
          if (/^by$/i.test(m[0]) && WORSE_OR_KNOWN_BY.test(text.slice(0, m.index).split(/[,;]/).pop() ?? '')) continue;
          if (/^(?:until|till)$/i.test(m[0]) && UNNOTICED_UNTIL.test(text.slice(0, m.index).split(/[,;]/).pop() ?? '')) continue;
          const at = sentence.start + (m.index ?? 0);
          // A word points at the next time in its sentence, else (for an end) the one before it.
          // (or the time whose own words hold it: "On Wednesday, October 15 from 05:00" is one time).
          const next = inside.find(({ t }) => t.end > at);
          // "… halted for about three hours until the nodes were recovered": "until" with no time after it
          // tells what ended it, not when: the time before it is not the end.
          const previous = fallbackBefore ? [...inside].reverse().find(({ t }) => t.end <= at) : undefined;
          const before = previous && !/\b(?:until|till)\b/i.test(s.text.slice(previous.t.end, at + m[0].length)) ? previous : undefined;
          const target = next ?? before;
          if (target && roles[target.i] === null) roles[target.i] = role;
        }
      };
      mark(END_WORDS, 'end', true);
      mark(START_WORDS, 'start', false);
    }
    inLine.forEach((t, i) => {
      times.push({ time: t, source: s, role: roles[i] ?? null, ...(final.has(i) ? { final: true } : {}) });
    });
  }
  const firstEnd = times.findIndex((t, i) => t.role === 'end' && times.slice(0, i).some((x) => x.role !== 'end'));
  if (firstEnd < 0) {
    // "On 24 March 2017 at 07:32 GMT the site answered 500": when it started, and nothing on when it ended.
    const starts = times.filter((t) => t.role === 'start');
    // "On 20 January … started to fail", then "On 21 January … started to fail again": two episodes, no one start.
    const episodes = new Set(starts.map((t) => t.source.line)).size > 1 && new Set(starts.map((t) => JSON.stringify(t.time.date))).size > 1;
    // "noticed at 0:59 CET" is when it was detected, not when it began.
    const start = starts[0] ?? times.find((t) => t.role === null && !DETECTION_WORDS.test(t.source.text));
    if (start && !out.length && !episodes)
      out.push({
        start: found(start.time, start.source, `a sentence of ${where}`, options),
        end: null,
        source: `a sentence of ${where}`,
        tier,
        rangeLine: null,
      });
    return out;
  }
  const before = times.slice(0, firstEnd);
  const start = before.find((t) => t.role === 'start') ?? before.find((t) => t.role === null && !labelledDetection(t));
  if (!start) return out;
  // An end the next sentence confirms ("At this point, … operating normally") comes first.
  const ends = times.slice(firstEnd).filter((t) => t.role === 'end');
  for (const end of [...ends.filter((t) => t.final), ...ends.filter((t) => !t.final)]) {
    out.push({
      start: found(start.time, start.source, `a sentence of ${where}`, options),
      end: found(end.time, end.source, `a sentence of ${where}`, options),
      source: `sentences of ${where}`,
      tier,
      rangeLine: null,
    });
  }
  return out;
}

function fromRange(r: { start: ParsedTime; end: ParsedTime }, s: Source, source: string, tier: number, options: TimeReadingOptions): WindowCandidate {
  const start = localTime(s, r.start);
  return {
    start: { ...start, sameLineDate: dateBefore(s.text, r.start.start, options), source },
    end: { ...localTime(s, r.end), sameLineDate: dateOnLine(s.text, options), source },
    source,
    tier,
    rangeLine: start.line,
  };
}
