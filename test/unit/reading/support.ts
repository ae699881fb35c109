import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Analysis, createPostmortemService } from '../../../server/src/service';

// The reading fixtures and what a reading is made of, shared by the fixture runner and the
// metamorphic properties.
//
// Each `test/fixtures/reading/*.md` is a small invented postmortem (or a look-alike) that ends with
// its expected reading in one HTML comment:
//
//     <!-- reading: {"isPostmortem":true,"sections":["summary","timeline"],"durationMinutes":45} -->
//
// Every key is optional; only the keys given are checked. The comment is removed before the text is
// analysed, so nothing in it can be read as part of the document.

export const service = createPostmortemService();

export const readingFolder = join(__dirname, '..', '..', 'fixtures', 'reading');

/** What a fixture says a careful reader reads in it. */
export interface ExpectedReading {
  /** The classifier's verdict (the text is analysed without being forced). */
  isPostmortem?: boolean;
  /** Exactly these section ids, each once, in document order. */
  sections?: string[];
  /** At least these section ids. */
  sectionsInclude?: string[];
  /** The incident window: ISO 8601 instants (compared as instants) and the minutes between them. */
  start?: string | null;
  end?: string | null;
  durationMinutes?: number | null;
  statedDurationMinutes?: number | null;
  /** How many timeline entries, and the instant each one is read as (ISO 8601, in order). */
  timelineEntries?: number;
  timelineTimes?: (string | null)[];
  /** The text of each timeline entry, in order. */
  timelineTexts?: string[];
  /** Field id -> text its full value must contain. */
  fields?: Record<string, string>;
  /** Diagnostic codes that must not be reported (e.g. `timeline-order` for entries in order). */
  absent?: string[];
}

export const expectationKeys = [
  'isPostmortem',
  'sections',
  'sectionsInclude',
  'start',
  'end',
  'durationMinutes',
  'statedDurationMinutes',
  'timelineEntries',
  'timelineTimes',
  'timelineTexts',
  'fields',
  'absent',
] as const;

export type ExpectationKey = (typeof expectationKeys)[number];

export interface ReadingFixture {
  name: string;
  /** The document without its reading comment. */
  text: string;
  expected: ExpectedReading;
}

const READING_COMMENT = /\n*<!--\s*reading:\s*(\{[\s\S]*?\})\s*-->\s*$/;

export function loadReadingFixtures(): ReadingFixture[] {
  return readdirSync(readingFolder)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => {
      const raw = readFileSync(join(readingFolder, name), 'utf8');
      const m = READING_COMMENT.exec(raw);
      assert.ok(m, `${name} does not end with a <!-- reading: {...} --> comment`);
      const expected = JSON.parse(m[1]) as ExpectedReading;
      for (const key of Object.keys(expected)) assert.ok((expectationKeys as readonly string[]).includes(key), `${name}: unknown key "${key}"`);
      return { name, text: `${raw.slice(0, m.index)}\n`, expected };
    });
}

/** Analysed as a Markdown file found in a workspace is: not forced, so the classifier decides. */
export function analyzeUnforced(text: string): Analysis {
  return service.analyze(text);
}

/** Section ids in document order, each once (a heading that names two sections gives both). */
export function sectionIdsOf(analysis: Analysis): string[] {
  return [...new Set(analysis.document.sections.map((s) => s.id))];
}

/** What the metamorphic properties keep: the verdict, the sections, the window and the stated duration. */
export interface Reading {
  isPostmortem: boolean;
  sections: string[];
  start: string | null;
  end: string | null;
  durationMinutes: number | null;
  statedDurationMinutes: number | null;
}

/** A time as an instant when it is one, or as the document's own comparison value when it has no date. */
function timeOf(t: { iso: string | null; at: number } | null): string | null {
  if (!t) return null;
  return t.iso ? new Date(Date.parse(t.iso)).toISOString() : `no date, at ${t.at}`;
}

/**
 * The sections as a reader counts them. An optional section that is also a field of the summary
 * (`Impact` in the standard template) may be read either way when it is written as a heading: a
 * bold `**Impact**` line under the summary is its Impact field, an `## Impact` heading is the
 * section; both say the same.
 */
function sectionsAsRead(analysis: Analysis): string[] {
  const optional = new Set(analysis.template.sections.filter((s) => !s.required).map((s) => s.id));
  const ids = [...analysis.document.sections.map((s) => ({ id: s.id, line: s.headingRange.start.line }))];
  // Only a label written as a heading (nothing after it on its line), not `Impact: all users`.
  for (const f of analysis.document.fields) if (optional.has(f.id) && f.value.trim() === '') ids.push({ id: f.id, line: f.labelRange.start.line });
  return [...new Set(ids.sort((a, b) => a.line - b.line).map((x) => x.id))];
}

export function readingOf(analysis: Analysis): Reading {
  const { incident } = analysis;
  return {
    isPostmortem: analysis.classification.isPostmortem,
    sections: sectionsAsRead(analysis),
    start: timeOf(incident.start),
    end: timeOf(incident.end),
    durationMinutes: incident.durationMinutes,
    statedDurationMinutes: incident.statedDuration?.minutes ?? null,
  };
}

/** An ISO 8601 text as an instant, so `14:10:00Z` and `14:10:00.000Z` compare equal. */
export function instant(iso: string | null | undefined): string | null {
  if (iso === null || iso === undefined) return null;
  const millis = Date.parse(iso);
  return Number.isNaN(millis) ? `unreadable ${iso}` : new Date(millis).toISOString();
}
