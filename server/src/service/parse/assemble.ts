import { onForget } from '../incremental/memo';
import type { Field, FrontMatter, PostmortemDocument, Section, Suppressions } from '../model';
import type { Template, TemplateField, TemplateSection } from '../templates';
import type { LabelLine, ParsedBlock } from './blocks';
import { range, splitLines } from './lines';
import { matcherOf, matchField, normalizeLabel, type SectionMatch, type SectionMatcher } from './match';
import { gluedLabels } from './glued';
import { sentenceFields } from './sentenceFields';
import { findDates, findTimes, STAND_IN_DAY } from '../time';
import { findTimelineEntries } from './timeline';

/** The text as markdown-it should read it: front matter blanked (line numbers kept), no BOM. */
export function markdownSource(lines: readonly string[], frontMatterEnd: number): string {
  return lines.map((l, i) => (i <= frontMatterEnd ? '' : i === 0 ? l.replace(/^\uFEFF/, '') : l)).join('\n');
}

export interface SplitText {
  lines: string[];
  eols: string[];
  hasBom: boolean;
}

export function splitText(text: string): SplitText {
  const { lines, eols } = splitLines(text);
  return { lines, eols, hasBom: text.charCodeAt(0) === 0xfeff };
}

/** Section rank: real headings by level, then pseudo-headings. Lower ranks contain higher ones. */
function headingRank(label: LabelLine): number {
  return label.level > 0 ? label.level : 7;
}

const maxPseudoHeadingWords = 8;
// "What happened", "So what happened?", "What happened on 17th June 2019", "What was the problem?": the account a report opens with.
const openingAccount =
  /^(?:(?:so,? |here'?s |here is )?(?:what happened|what went on|what occurred|what was the (?:problem|issue))(?: (?:on|to|with|during|in|at|yesterday|last|this)\b.*)?|the incident|incident|description|incident description|incident details|details of (?:the )?incident)$/;
const timeFieldIds = new Set(['duration', 'start', 'end']);

interface OpenSection {
  section: Section;
  template: TemplateSection;
  rank: number;
  /** Sections the same heading names too. */
  copies: Section[];
  /** Opened by a list item (`- **Key events**` over its own list): the item's last line and its indentation. */
  item?: { endLine: number; indent: number };
}

/** A heading's words without its inline tags (`<span style="color: red">What happened?</span>`). */
const untagged = (heading: string) => heading.replace(/<[^>]*>/g, '');

function isBlankish(line: string): boolean {
  const t = line.trim();
  return t === '' || /^(?:[-*_]\s*){3,}$/.test(t) || /^<!--.*-->$/.test(t) || /^<br\s*\/?>$/i.test(t) || /^(?:&nbsp;|\\)$/.test(t);
}

function lastContentLineBefore(lines: readonly string[], before: number, floor: number): number {
  let line = before - 1;
  while (line > floor && lines[line].trim() === '') line--;
  return line;
}

/** `frontMatter` is the document's, already read by the caller (it chose the template by it). */
/** The fields of every section, and the time fields among them once each: made once per template (matchField remembers by list). */
let fieldLists = new WeakMap<Template, { allFields: TemplateField[]; timeFields: TemplateField[] }>();
onForget(() => {
  fieldLists = new WeakMap();
});
function fieldListsOf(template: Template): { allFields: TemplateField[]; timeFields: TemplateField[] } {
  let lists = fieldLists.get(template);
  if (!lists) {
    const allFields = template.sections.flatMap((s) => s.fields);
    const timeFields = allFields.filter((f, i, all) => timeFieldIds.has(f.id) && all.findIndex((g) => g.id === f.id) === i);
    lists = { allFields, timeFields };
    fieldLists.set(template, lists);
  }
  return lists;
}

export function assemble(split: SplitText, blocks: ParsedBlock[], template: Template, frontMatter: FrontMatter | null): PostmortemDocument {
  const { lines, eols, hasBom } = split;
  const matcher = matcherOf(template);
  const inFrontMatter = (line: number) => frontMatter !== null && line <= frontMatter.endLine;
  const labels = [...blocks.flatMap((b) => b.labels), ...gluedLabels(lines, blocks, template, inFrontMatter)].sort(
    (a, b) => a.line - b.line || a.labelStart - b.labelStart,
  );
  // A bold or plain line with nothing under it but subheadings (`Action Items`, a blank line, then
  // `### Prevention`, `### Detection`; `Timeline of Events`, "All times are UTC.", then
  // `### 07:10-07:40 UTC: Detection`) is their parent: it ranks as the heading before it does (its
  // sibling), or one above the subheadings when no heading comes before it. The subheadings are
  // parts, not sections of their own: they name its section, an optional one or none, or hold a
  // time. A real heading with nothing under it but two or more headings of its own level is their
  // parent as well, half a rank above them. Else pseudo-headings rank below every real heading.
  const impliedRank = new Map<LabelLine, number>();
  // The highest real heading that gives each section (for "headed elsewhere", below).
  const headedAt = new Map<string, number>();
  for (const l of labels) {
    if (l.level === 0 || inFrontMatter(l.line)) continue;
    const id = matcher.match(l.label)?.section.id;
    if (id && l.level < (headedAt.get(id) ?? 7)) headedAt.set(id, l.level);
  }
  // A bold or plain line that may head subheadings: on its own (a paragraph's start, or after a sentence), naming a section.
  const isCandidate = (l: LabelLine) =>
    l.level === 0 &&
    l.labelOnly &&
    !l.inList &&
    !l.bulletHeading &&
    (l.evidence.startsParagraph || l.evidence.standsAlone) &&
    matcher.match(l.label) !== undefined;
  // The sections that a bold or plain line of their exact name gives.
  const linedAs = new Map<string, number[]>();
  for (const l of labels) {
    const m = isCandidate(l) && !inFrontMatter(l.line) ? matcher.match(l.label) : undefined;
    if (m?.exact) linedAs.set(m.section.id, [...(linedAs.get(m.section.id) ?? []), l.line]);
  }
  let lastLevel = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (inFrontMatter(label.line)) continue;
    const real = label.level > 0;
    const before = lastLevel;
    if (real) lastLevel = label.level;
    else if (!isCandidate(label)) continue;
    const sub = labels[i + 1];
    if (!sub || inFrontMatter(sub.line)) continue;
    // A pseudo-heading over deeper subheadings; a real heading over two or more of its own level with
    // nothing of its own (`<h3>Action Items</h3>`, then `### Prevention`, `### Detection`).
    if (real ? sub.level !== label.level : sub.level <= before) continue;
    // At most a short note between them ("All times are UTC."), no list or table.
    const between = lines.slice(label.headingEndLine + 1, sub.line).filter((l) => l.trim());
    if (between.length > 2 || between.some((l) => /^\s*(?:[-*+|>]|\d{1,3}[.)])\s/.test(l))) continue;
    const own = matcher.match(label.label)?.section;
    // (A heading that holds a time is an entry, not a parent: `### 07:10 UTC: Detection`.)
    if (!own || holdsWhen(label.label)) continue;
    // Its parts: the headings at the subheading's level up to a higher heading or a sibling pseudo-heading.
    const parts: LabelLine[] = [];
    let after = i + 1;
    for (; after < labels.length; after++) {
      const l = labels[after];
      if ((l.level > 0 && l.level < sub.level) || isCandidate(l)) break;
      if (l.level === sub.level) parts.push(l);
    }
    const isPart = (l: LabelLine) => {
      const named = matcher.match(l.label)?.section;
      // (A required section counts when a heading as high as the one before, or a line of its own, gives it
      // elsewhere: `### Fixes` beside `## Root Cause` or a plain `Root Cause` line.)
      return !named || named.id === own.id || !named.required || holdsWhen(l.label) || (headedAt.get(named.id) ?? 7) <= before || linedAs.has(named.id);
    };
    // (A real heading's own note is allowed over entries only: `<h3>Timeline</h3>`, "All times are UTC.", `### 07:10 UTC: Detection`.)
    if ((real && (parts.length < 2 || (between.length > 0 && !parts.every((l) => holdsWhen(l.label))))) || !parts.every(isPart)) continue;
    const rank = real ? label.level - 0.5 : before > 0 ? before : sub.level - 1;
    impliedRank.set(label, rank);
    // Its parts are inside it: the heading level after them is its own.
    if (!real) lastLevel = rank;
    i = after - 1;
  }
  const rankOf = (label: LabelLine) => impliedRank.get(label) ?? headingRank(label);
  const sections: Section[] = [];
  const fields: Field[] = [];
  const otherHeadings: PostmortemDocument['otherHeadings'] = [];
  const { allFields, timeFields } = fieldListsOf(template);
  let open: OpenSection | undefined;
  let title: PostmortemDocument['title'] = null;

  const close = (beforeLine: number) => {
    if (!open) return;
    const s = open.section;
    const end = Math.max(lastContentLineBefore(lines, beforeLine, s.headingRange.end.line), s.headingRange.end.line);
    s.range = range(s.headingRange.start.line, s.headingRange.start.character, end, lines[end].length);
    s.bodyEndLine = end;
    s.empty = lines.slice(s.bodyStartLine, end + 1).every(isBlankish);
    for (const copy of open.copies) Object.assign(copy, { range: s.range, bodyEndLine: s.bodyEndLine, empty: s.empty });
    open = undefined;
  };

  const addField = (label: LabelLine, templateField: TemplateField, sectionId: string | null) => {
    fields.push({
      id: templateField.id,
      sectionId,
      label: label.label,
      labelRange: range(label.line, label.labelStart, label.line, label.labelEnd),
      value: label.value,
      valueRange: range(label.line, label.valueStart, label.line, Math.max(label.valueStart, lines[label.line].trimEnd().length)),
      fullValue: label.value,
      valueEndLine: label.line,
      style: label.inList ? 'list' : label.style === 'bold' ? 'bold' : 'plain',
      prefix: label.prefix,
    });
  };

  const fieldOf = (label: LabelLine): { field: TemplateField; sectionId: string | null } | undefined => {
    if (open) {
      const f = matchField(label.label, open.template.fields);
      if (f) return { field: f, sectionId: open.section.id };
      // `Start time:` / `Duration:` outside the summary still give the incident's clock (not in a timeline,
      // where `- Start:` is a step).
      const time = open.section.id === 'timeline' || label.bulletHeading ? undefined : matchField(label.label, timeFields);
      return time ? { field: time, sectionId: open.section.id } : undefined;
    }
    const f = matchField(label.label, allFields);
    return f ? { field: f, sectionId: null } : undefined;
  };

  const firstTextLine = lines.findIndex((l, i) => l.trim() !== '' && !(frontMatter && i <= frontMatter.endLine));
  // A bold line above the first section, or a short plain first line with text after it ("Postmortem").
  const isTitleLine = (label: LabelLine) =>
    label.style === 'bold' ||
    (label.style === 'plain' && !label.colon && label.line === firstTextLine && label.evidence.capitalised && nextTextLine(lines, label.line) >= 0);
  const skeletonLists = plainSkeletonLists(labels, matcher);
  // Words that say what a section is for name it in a heading or a bold line; a plain line, or a
  // `#hashtag` line, must use a name.
  // The document's first level-1 heading is its title unless it is a section's very name ("# 2023-01-04 -
  // Outage of wire.com caused by a DoS attack" says what the report is about, not which part it is).
  const firstRealHeading = labels.find((l) => l.level > 0 && !(frontMatter && l.line <= frontMatter.endLine));
  const titleAbove = (l: LabelLine) =>
    lines.slice(frontMatter ? frontMatter.endLine + 1 : 0, l.line).every((t) => !t.trim()) &&
    labels.some((o) => o.line > l.line && o.level > 0 && o.level < l.level);
  // A document that names its sections in plain `Name:` lines over a list or an indented block
  // ("Timeline:", then "Main cause:") writes the others the same way: there, words that say what a
  // section is for name it too.
  const plainColonHeads = (label: LabelLine) =>
    label.style === 'plain' &&
    label.colon &&
    label.labelOnly &&
    !label.inList &&
    !label.prefix.trim() &&
    label.evidence.capitalised &&
    blockUnder(lines, label.line);
  const plainColonNames = labels.some((l) => plainColonHeads(l) && matcher.match(l.label)?.exact);
  // "What was the root cause?" on a line of its own, after a finished sentence and over its answer: a
  // question that heads what follows (with or without blank lines around it).
  // (Inline tags around it, `<span style="color: red">…?</span>`, or an image line above it change nothing.)
  const questionHeads = (label: LabelLine) => {
    if (label.style !== 'plain' || !label.labelOnly || label.inList || label.prefix.trim() || !/\?\s*$/.test(untagged(label.heading))) return false;
    if (!label.evidence.capitalised || !label.evidence.standsAlone) return false;
    const before = (lines[label.line - 1] ?? '').trim();
    if (before && !/[.!?:;)"”*_]$|^(?:#|[-*+|>]\s|\d{1,3}[.)]\s)|^<[^>]*>$/.test(before)) return false;
    let next = label.line + 1;
    while (next < lines.length && !lines[next].trim()) next++;
    return next < lines.length && /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?[\p{Lu}\p{N}]/u.test(lines[next]) && !/\?\s*$/.test(lines[next]);
  };
  // The sections real headings name, with the rank of each heading: a section named by a heading at
  // least as high as the one a label sits under is that heading's, not the label's.
  const headed = new Map<string, { line: number; rank: number }[]>();
  for (const label of labels) {
    if (label.level === 0 || inFrontMatter(label.line)) continue;
    const id = matcher.match(label.label)?.section.id;
    if (id) headed.set(id, [...(headed.get(id) ?? []), { line: label.line, rank: rankOf(label) }]);
  }
  /**
   * A label under the open section, at a lower rank, that names another section is a part of the open
   * one: in a timeline, when it holds a time (a phase: `### 09:45-11:00 UTC: Root cause identified`,
   * `#### Phase 3: Recovery (17:55-18:00 UTC)`); and when the document gives that other section a
   * heading of its own at least as high as the open one's (or is an optional section), if the label is a
   * bold or plain line (`**action items:** …` in a tl;dr beside `## Recommendations`), sits under a
   * subheading of the open section, or is one of a set of subheadings of which another is the open
   * section's or no section's (`### Prevention`, `### Detection`, `### Fixes` under `## Action items`
   * beside `## Root cause`). Bold and plain lines must be headed elsewhere.
   * A subheading alone under another section (`### Timeline` under `## Impact` after `## Timeline`) is
   * a second instance.
   */
  const partOfOpen = (label: LabelLine, match: SectionMatch): boolean => {
    if (!open || rankOf(label) <= open.rank || match.section.id === open.section.id) return false;
    if (open.section.id === 'timeline' && holdsWhen(label.label)) return true;
    const { rank, section } = open;
    // (Or a bold or plain line of its exact name before the open section: `Root Cause` over its account.)
    const headedElsewhere =
      (headed.get(match.section.id)?.some((h) => h.line !== label.line && h.rank <= rank) ?? false) ||
      (label.level > 0 && (linedAs.get(match.section.id)?.some((line) => line < section.headingRange.start.line) ?? false));
    if (label.level === 0) return headedElsewhere;
    // An optional section (`### Detection` among the action items' categories) need not be headed elsewhere.
    if (!headedElsewhere && match.section.required) return false;
    for (const other of labels) {
      if (other.line <= section.headingRange.start.line || other.level === 0 || other === label) continue;
      if (rankOf(other) <= rank) break;
      if (other.line < label.line && rankOf(other) < rankOf(label)) return true;
      if (other.level === label.level && (matcher.match(other.label)?.section.id ?? section.id) === section.id) return true;
    }
    return false;
  };
  /**
   * `**Corrective Measures:**` and `**Preventative Measures:**` under `**Corrective and Preventative
   * Measures:**`, `### Root Cause` under `## Root Cause and Resolution`: a label naming the open
   * section with some of its heading's words is one half of it, not a second instance, when the
   * halves begin right under the whole (the section says nothing before its first half).
   */
  const splitInHalves = new Set<Section>();
  const halfOfOpen = (label: LabelLine, match: SectionMatch): boolean => {
    if (!open || match.section.id !== open.section.id || rankOf(label) < open.rank) return false;
    const words = (text: string) =>
      new Set(
        normalizeLabel(text)
          .split(/[^\p{L}\p{N}]+/u)
          .filter((w) => w && w !== 'and'),
      );
    const whole = words(open.section.label);
    const half = words(label.label);
    if (!(half.size > 0 && half.size < whole.size && [...half].every((w) => whole.has(w)))) return false;
    const section = open.section;
    if (!splitInHalves.has(section)) {
      for (let l = section.headingRange.end.line + 1; l < label.line; l++) if (lines[l].trim()) return false;
      splitInHalves.add(section);
    }
    return true;
  };
  /**
   * `**Root cause**` alone on its line under `**What happened**` or `## Summary`, `### Root cause` under
   * `## Summary`: a line written as the one that opened the open section (a bold or plain line), a bold
   * line under a heading, or a heading under the open section's, naming another required section
   * exactly, is that section, not one of the open section's fields, unless the open section is a list
   * of such lines (another of its fields written the same way, before or after it) or the document
   * names that section in another line.
   */
  const siblingOfOpen = (label: LabelLine): SectionMatch | undefined => {
    if (!open || label.inList || !label.labelOnly) return undefined;
    const heading = label.level > 0;
    // (A bold line, or a plain one standing alone, under a heading stands for a heading too: `**Root cause**`
    // or `Root cause` between blank lines under `## Issue Summary`.)
    const standsForHeading = label.style === 'bold' || (label.style === 'plain' && label.evidence.standsAlone && label.evidence.capitalised);
    const lineLikeOpen = open.section.level === 0 ? label.style === open.section.style : standsForHeading;
    if (heading ? rankOf(label) <= open.rank : !lineLikeOpen) return undefined;
    const match = matcher.match(label.label);
    if (!match?.exact || !match.section.required || match.section.id === open.section.id) return undefined;
    const fieldsOfOpen = open.template.fields;
    const openLine = open.section.headingRange.start.line;
    for (const other of labels) {
      if (other.line <= openLine || other === label || inFrontMatter(other.line)) continue;
      if (other.level > 0 && rankOf(other) <= open.rank) break;
      const otherMatch = matcher.match(other.label);
      if (other.line > label.line && otherMatch?.exact) break;
      const sameWay = other.level === label.level && other.style === label.style && other.labelOnly && !other.inList;
      if (sameWay && !otherMatch && matchField(other.label, fieldsOfOpen)) return undefined;
    }
    const elsewhere = labels.some(
      (l) => l !== label && l.labelOnly && !l.inList && !inFrontMatter(l.line) && matcher.match(l.label)?.section.id === match.section.id,
    );
    return elsewhere ? undefined : match;
  };
  // "## What happened?" (or `**What happened?**`) opening a report that has no summary is its summary: the
  // short account first (after a title, in the body or the front matter).
  const summaryTemplate = template.sections.find((t) => t.id === 'summary');
  const accountOf = (label: LabelLine): SectionMatch | undefined =>
    summaryTemplate && !sections.length && (title !== null || !!frontMatter?.title) && openingAccount.test(normalizeLabel(label.label))
      ? { section: summaryTemplate, alias: label.label, exact: false, via: 'intent' }
      : undefined;
  const sectionOf = (label: LabelLine): SectionMatch | undefined => {
    const match = matcher.match(label.label);
    if (match && halfOfOpen(label, match)) return undefined;
    if (match?.via === 'intent' && label.missingSpace) return undefined;
    // A question heads one of the report's required parts; "How many users were affected?" asks for a field.
    const asking = questionHeads(label);
    const question = asking && match?.section.required === true;
    if (match?.via === 'intent' && label.style === 'plain' && !(plainColonNames && plainColonHeads(label)) && !question) return undefined;
    if (match && asking && !match.exact && !question) return undefined;
    // (The document's title: its first heading, at level 1, or on its first line over higher headings: `<h3>post
    // mortem: resolver unreachable</h3>` over `## TL;DR`.)
    if (match && !match.exact && label === firstRealHeading && (label.level === 1 || titleAbove(label)) && !sections.length) return undefined;
    if (match && partOfOpen(label, match)) return undefined;
    return match;
  };
  for (const label of labels) {
    if (frontMatter && label.line <= frontMatter.endLine) continue;
    // A sibling item after a list item that opened a section ends it ("- **Time to resolve**: 3h 14m" after
    // "- **Key events**" and its list).
    if (open?.item && label.inList && label.line > open.item.endLine && indentOf(lines[label.line]) <= open.item.indent) close(label.line);
    const isHeading = label.level > 0;
    // "Root cause and resolution must contain:" counts only over an account, not over the assignment's bullets.
    if (label.evidence.requirement && !bodyIsAccount(lines, label, labels)) continue;
    // (Under a front matter title, a bold line that opens the account is the account's: `**What happened?**`.)
    const titled = !!frontMatter?.title && label.style === 'bold' && accountOf(label) !== undefined;
    if (!isHeading && !sections.length && !title && !titled && label.labelOnly && !label.inList && isTitleLine(label) && !matcher.match(label.label)) {
      title = { text: label.label, line: label.line };
      continue;
    }
    if (label.bulletHeading) {
      const match = sectionOf(label);
      // Outside every section a bullet heading naming one is that section (`- **Root Cause**:` over its list under `## Technical Analysis`).
      if (match?.exact && (!open || !fieldOf(label)) && (label.style === 'bold' || skeletonLists.has(label.listLine ?? -1))) {
        openSection(label, match);
        continue;
      }
    }
    if (label.inList || !label.labelOnly) {
      const f = fieldOf(label);
      if (f) addField(label, f.field, f.sectionId);
      // "**Summary**: openfoodfacts.net was down after …" (the Google SRE book's style): a section whose
      // account starts on its name's line.
      else if (!label.inList && label.colon && !label.prefix.trim() && label.value.split(/\s+/).length >= 4) {
        const match = sectionOf(label);
        if (match?.exact) openSection(label, match, true);
      }
      continue;
    }
    if (!isHeading) {
      const f = fieldOf(label);
      const sibling = f && open ? siblingOfOpen(label) : undefined;
      if (sibling) {
        openSection(label, sibling);
        continue;
      }
      if (f && open) {
        addField(label, f.field, f.sectionId);
        continue;
      }
      // The words of its name: an aside in parentheses ("Issue Summary (A.K.A What in the Web-World Happened?)") or an emoji is none.
      const words = label.label
        .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
        .split(/\s+/)
        .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      const asks = /\?[*_\s]*$/.test(untagged(label.heading));
      const match = words <= (asks ? maxPseudoHeadingWords + 4 : maxPseudoHeadingWords) ? sectionOf(label) : undefined;
      // A bare line without a colon or bold must name a section exactly, begin with a capital, and
      // stand on its own: not the middle of a sentence wrapped over two lines.
      const bare = label.style === 'plain' && !label.colon;
      // ("issue Summary" alone at a paragraph's start names it exactly, whatever its first letter.)
      const capitalised = label.evidence.capitalised || (match?.exact === true && label.evidence.startsParagraph);
      const account = !match && !f && label.style === 'bold' && label.evidence.standsAlone ? accountOf(label) : undefined;
      if (account) {
        openSection(label, account);
        continue;
      }
      if (
        !match ||
        (bare &&
          !questionHeads(label) &&
          (!match.exact || !capitalised || !label.evidence.standsAlone || (label.evidence.runsInto && !label.evidence.startsParagraph)))
      ) {
        if (f) addField(label, f.field, f.sectionId);
        continue;
      }
      openSection(label, match);
      continue;
    }
    // `### Duration:` under the summary, or above every section: a field whose value is the block under it.
    const headingField = fieldOf(label);
    if (headingField && ((open && rankOf(label) > open.rank && !siblingOfOpen(label)) || (!open && timeFieldIds.has(headingField.field.id)))) {
      addField(label, headingField.field, headingField.sectionId);
      continue;
    }
    const match = sectionOf(label);
    if (match) {
      openSection(label, match);
      continue;
    }
    const account = accountOf(label);
    if (account) {
      openSection(label, account);
      continue;
    }
    if (!title && !sections.length) title = { text: label.label, line: label.line };
    // `## 13:20` or `## May 12` inside a timeline of `### 12:28` entries is one more entry (or the day of the next
    // ones), written a rank too high: it does not end the timeline.
    const entryOfTimeline = open?.section.id === 'timeline' && onlyWhen(label.label);
    if (open && rankOf(label) <= open.rank && !entryOfTimeline) close(label.line);
    otherHeadings.push({ label: label.label, line: label.line, style: label.style, level: label.level });
  }
  close(lines.length);
  followUpsInLessons(sections, lines, template);
  // A heading that names two sections counts for the second only where no heading of its own names it.
  const owned = new Set(sections.filter((s) => !s.sharesHeadingWith).map((s) => s.id));
  for (let i = sections.length - 1; i >= 0; i--) if (sections[i].sharesHeadingWith && owned.has(sections[i].id)) sections.splice(i, 1);

  function openSection(label: LabelLine, match: SectionMatch, inline = false) {
    const rank = rankOf(label);
    // "Resolution and preventive steps": the heading opens the section not yet present, and counts for the other too.
    const named = [{ section: match.section, part: match.part }, ...(match.also ?? [])];
    const first = named.find((n) => !sections.some((s) => s.id === n.section.id)) ?? named[0];
    const templateSection = first.section;
    // `### Root Cause` under `## Root Cause and Resolution`, `**Action Items:**` under `## Corrective ...`: a part, not a new section.
    if (open && open.section.id === templateSection.id && rank > open.rank) {
      const f = matchField(label.label, templateSection.fields);
      if (f) addField(label, f, templateSection.id);
      return;
    }
    close(label.line);
    const section: Section = {
      id: templateSection.id,
      heading: label.heading,
      label: label.label,
      style: label.style,
      level: label.level,
      headingRange: range(label.line, label.labelStart, label.headingEndLine, lines[label.headingEndLine].trimEnd().length),
      range: range(label.line, label.labelStart, label.headingEndLine, lines[label.headingEndLine].length),
      // An inline section ("Summary: the site was down …") holds its own line.
      bodyStartLine: inline ? label.line : label.headingEndLine + 1,
      bodyEndLine: label.headingEndLine,
      empty: true,
      part: first.part,
      missingSpace: label.missingSpace,
      reasons: [readAs(templateSection, label, match)],
    };
    sections.push(section);
    const copies: Section[] = [];
    for (const other of named) {
      if (other === first) continue;
      const copy: Section = {
        ...section,
        id: other.section.id,
        part: other.part,
        sharesHeadingWith: section.id,
        reasons: [readAs(other.section, label, match)],
      };
      sections.push(copy);
      copies.push(copy);
    }
    open = {
      section,
      template: templateSection,
      rank,
      copies,
      ...(label.bulletHeading ? { item: { endLine: label.itemEndLine, indent: indentOf(lines[label.line]) } } : {}),
    };
  }

  // A field's value runs on until the next label or the end of its section.
  const labelLines = labels.map((l) => l.line);
  for (const f of fields) {
    const section = sections.find((s) => s.id === f.sectionId && s.range.start.line <= f.labelRange.start.line && s.range.end.line >= f.labelRange.start.line);
    const limit = section ? section.range.end.line : lines.length - 1;
    const next = labelLines.find((l) => l > f.labelRange.start.line) ?? lines.length;
    const end = Math.max(f.labelRange.start.line, Math.min(limit, lastContentLineBefore(lines, next, f.labelRange.start.line)));
    f.valueEndLine = end;
    f.fullValue = [f.value, ...lines.slice(f.labelRange.start.line + 1, end + 1).map((l) => l.trim())].filter(Boolean).join('\n');
  }

  const firstHeading = labels.find((l) => l.level > 0 || l.style === 'bold');
  if (!title && firstHeading && (!sections.length || firstHeading.line < sections[0].range.start.line))
    title = { text: firstHeading.label, line: firstHeading.line };
  // A blog post's or a report's title in its front matter, unless the body opens with its own title.
  if (frontMatter?.title && !(title && labels.some((l) => l.line === title?.line && l.level === 1))) title = frontMatter.title;

  const comments = blocks.flatMap((b) => b.comments);
  const document: PostmortemDocument = {
    lines,
    eols,
    hasBom,
    title,
    frontMatter,
    sections,
    fields,
    timeline: findTimelineEntries(blocks, sections, lines),
    blocks: blocks.map(({ type, startLine, endLine }) => ({ type, startLine, endLine })),
    otherHeadings,
    words: blocks.reduce((n, b) => n + b.words, 0),
    suppressions: readSuppressions(comments, lines),
  };
  // Impact and root cause told in the summary's sentences count as its fields.
  document.fields.push(...sentenceFields(document, template));
  document.fields.sort((x, y) => x.labelRange.start.line - y.labelRange.start.line || x.labelRange.start.character - y.labelRange.start.character);
  return document;
}

/**
 * Lists of plain `* Name:` items that are the document's skeleton: their names are the template's
 * required sections (one alone, or most of several). A timeline's `- Detection:` / `- Escalation:`
 * phases are not.
 */
function plainSkeletonLists(labels: readonly LabelLine[], matcher: SectionMatcher): Set<number> {
  const byList = new Map<number, { items: number; required: Set<string> }>();
  for (const l of labels) {
    if (!l.bulletHeading || l.style === 'bold' || l.listLine === undefined) continue;
    const entry = byList.get(l.listLine) ?? { items: 0, required: new Set<string>() };
    entry.items++;
    const match = matcher.match(l.label);
    if (match?.exact && match.section.required) entry.required.add(match.section.id);
    byList.set(l.listLine, entry);
  }
  const out = new Set<number>();
  for (const [line, e] of byList) if (e.required.size * 2 >= e.items && (e.items === 1 ? e.required.size === 1 : e.required.size >= 2)) out.add(line);
  return out;
}

const styleWords: Record<string, string> = {
  atx: 'a heading',
  setext: 'an underlined heading',
  bold: 'a bold line',
  plain: 'a plain line',
  html: 'an HTML heading',
  list: 'a list item',
};

// What follow-up work looks like in a section's body: `**TODO**:` / `**DONE**:` paragraphs, "Action
// planned:", a task list, "Going forward, we will …".
const FOLLOW_UPS =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:TODO|DOING|DONE|Actions?\s+(?:taken|planned|points?|items?))\b[^\n:]{0,20}?(?:\*\*|__)?\s*[:：]|^\s*[-*+]\s+\[[ xX]\]\s|\b(?:going forward|in the future|from now on),?\s+we\s+(?:will|plan|intend|are going|'ll)\b/im;

/**
 * "Lessons learned" whose body is the follow-up work (a task list, `**TODO**:` paragraphs, "Action
 * planned:") is the corrective measures too, when no section of the document names them.
 */
function followUpsInLessons(sections: Section[], lines: readonly string[], template: Template): void {
  const corrective = template.sections.find((t) => t.id === 'corrective-actions');
  if (!corrective || sections.some((s) => s.id === corrective.id)) return;
  const at = sections.findIndex((s) => s.id === 'lessons-learned' && !s.empty && FOLLOW_UPS.test(lines.slice(s.bodyStartLine, s.bodyEndLine + 1).join('\n')));
  if (at < 0) return;
  const lessons = sections[at];
  sections.splice(at + 1, 0, {
    ...lessons,
    id: corrective.id,
    part: undefined,
    sharesHeadingWith: lessons.sharesHeadingWith ?? lessons.id,
    reasons: [`read as ${corrective.name} too: its body lists the follow-up work`],
  });
}

/** The clocks and dates in a label, found by the time module's own readers (a stand-in year for "May 14"). */
function whenSpans(label: string): { start: number; end: number }[] {
  if (!/\d/.test(label)) return [];
  return [...findTimes(label), ...findDates(label, { referenceDate: STAND_IN_DAY, standInYear: true })];
}

/** The label holds a time of day or a date: `09:45-11:00 UTC: Recovery`, `Phase 3 (17:55-18:00 UTC)`, `Feb 24: …`. */
function holdsWhen(label: string): boolean {
  return whenSpans(label).length > 0;
}

/** A heading that is only a date or a clock (or a range of clocks), with at most a weekday and a zone. */
function onlyWhen(label: string): boolean {
  // What is left once the dates and clocks go may be a weekday, "at"/"to", punctuation and a zone
  // written in capitals ("UTC", "PST", "UTC+2").
  const spans = whenSpans(label);
  if (!spans.length) return false;
  let rest = label;
  for (const t of spans) rest = rest.slice(0, t.start) + ' '.repeat(t.end - t.start) + rest.slice(t.end);
  rest = rest.replace(/\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:at|to)\b|[-–—,()*_:]/gi, ' ');
  return /^\s*(?:(?:UTC|GMT|Z|[A-Z]{2,5})(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\s*)?$/.test(rest);
}

/** The line after `line` is a list item or indented: a block under a label. */
function blockUnder(lines: readonly string[], line: number): boolean {
  const next = lines[line + 1] ?? '';
  return /^(?:\s{2,}\S|\t|\s{0,3}(?:[-*+]|\d{1,3}[.)])\s)/.test(next);
}

/** "read as Timeline: a plain line on its own naming the section exactly". */
function readAs(section: TemplateSection, label: LabelLine, match: SectionMatch): string {
  const e = label.evidence;
  const what = e.glued
    ? 'a name glued to the text around it (a page pasted without its line breaks)'
    : label.missingSpace
      ? `\`${label.heading.split(' ')[0].replace(/[^#].*$/, '')}\` without the space a heading needs`
      : label.bulletHeading
        ? 'a list item holding only the name, with the account under it'
        : label.style === 'plain'
          ? `a plain line${label.colon ? ' ending in a colon' : ' on its own'}${e.block === 'paragraph' && !e.startsParagraph ? ' inside a paragraph' : ''}`
          : `${styleWords[label.style] ?? 'a line'}${label.level ? ` (level ${label.level})` : ''}`;
  const how =
    match.via === 'intent'
      ? 'in words that say what the section is for'
      : match.via === 'typo'
        ? `spelled close to "${match.alias}"`
        : match.alias.toLowerCase() === section.name.toLowerCase()
          ? 'naming the section'
          : `with its other name "${match.alias}"`;
  const extra = [
    e.block === 'html' && label.style !== 'html' ? 'in an HTML block' : '',
    e.block === 'code' ? 'indented like code' : '',
    e.requirement ? 'the assignment\'s "must contain" over an account of the incident' : '',
    e.repaired ? `${e.repaired}` : '',
  ].filter(Boolean);
  return `read as ${section.name}: ${what}, ${how}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}

function nextTextLine(lines: readonly string[], after: number): number {
  for (let l = after + 1; l < lines.length; l++) if (lines[l].trim() !== '') return l;
  return -1;
}

// Past tense, broadly: regular verbs and the irregular ones accounts use most.
const pastTense =
  /\b(?:\p{L}{3,}ed|was|were|had|did|went|took|began|ran|found|saw|made|got|came|left|held|kept|led|lost|brought|caught|told|thought|knew|became|broke|fell|grew|rose|shut|put|set|hit|sent|spent|wrote|stood|gave|built|chose|drove|froze|hung|meant|paid|read|rang|sold|stuck|struck|swung|taught|threw|understood|woke|won)\b/iu;

/**
 * The lines under a requirement-worded name ("… must contain:") tell what happened (capitalised
 * sentences in the past tense, times) rather than what to write (lowercase fragments, questions, orders).
 */
function bodyIsAccount(lines: readonly string[], label: LabelLine, labels: readonly LabelLine[]): boolean {
  // Up to the next heading, emphasised name, `Name:` or item label: a paragraph's other lines propose plain labels too, which end nothing here.
  const next = labels.find((l) => l.line > label.headingEndLine && (l.level > 0 || l.style !== 'plain' || l.colon || l.inList))?.line ?? lines.length;
  const body: string[] = [];
  let indent = -1;
  for (let l = label.headingEndLine + 1; l < Math.min(next, lines.length) && body.length < 6; l++) {
    // The lines of the body's first level: items nested under one are its details.
    const own = lines[l].length - lines[l].trimStart().length;
    if (lines[l].trim() && indent >= 0 && own > indent) continue;
    if (lines[l].trim() && indent < 0) indent = own;
    const raw = lines[l].trim();
    const text = raw.replace(/^(?:[-*+]|\d+[.)])\s+/, '').replace(/^[*_]+/, '');
    // A paragraph wrapped over lines is one statement: a line that opens no item goes on the one before it.
    if (text && text === raw && body.length && (lines[l - 1] ?? '').trim()) body[body.length - 1] += ` ${text}`;
    else if (text) body.push(text);
  }
  if (!body.length) return false;
  // Told: a time, a past told, or the writers themselves ("We must create a to-do list …"): no assignment says "we".
  const told = body.filter(
    (t) => /\d{1,2}[:.]\d\d|\b\d{4}-\d\d-\d\d\b/.test(t) || (/^\p{Lu}/u.test(t) && pastTense.test(t) && !/\?\s*$/.test(t)) || /^(?:we|I|our|my)\b/i.test(t),
  );
  return told.length * 2 >= body.length;
}

const directive = /^postmortem-disable(-next-line|-line|-file)?\b\s*(.*)$/;

/** `<!-- postmortem-disable-next-line rule -->`, `-line`, `-file`; no rule named means every rule. */
function readSuppressions(comments: { line: number; text: string }[], lines: readonly string[]): Suppressions {
  const file = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  for (const c of comments) {
    const m = directive.exec(c.text);
    if (!m) continue;
    const rules = m[2].split(/[\s,]+/).filter((r) => /^[a-z][a-z-]*$/.test(r));
    const names = rules.length ? rules : ['*'];
    if (m[1] === '-file' || m[1] === undefined) {
      for (const r of names) file.add(r);
      continue;
    }
    let target = c.line;
    if (m[1] === '-next-line') {
      target = c.line + 1;
      while (target < lines.length && lines[target].trim() === '') target++;
    }
    const set = byLine.get(target) ?? new Set<string>();
    for (const r of names) set.add(r);
    byLine.set(target, set);
  }
  return { file, lines: byLine };
}

/** The indentation of a line, in characters. */
function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
