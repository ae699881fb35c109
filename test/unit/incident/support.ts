import { strict as assert } from 'node:assert';
import { type Analysis, type AnalyzeOptions, createPostmortemService, type Diagnostic, type Fix, type PostmortemSettings } from '../../../server/src/service';

// Helpers for the incident tests: documents are written in memory, one line per argument.

export const service = createPostmortemService();

export const md = (...lines: string[]): string => lines.join('\n');

export function analyze(text: string, settings: Partial<PostmortemSettings> = {}): Analysis {
  const options: AnalyzeOptions = { force: true, settings };
  return service.analyze(text, options);
}

/** The incident as `analyze --format json` reports it. */
export function incidentOf(analysis: Analysis) {
  const { incident } = analysis;
  return {
    start: incident.start?.iso ?? null,
    end: incident.end?.iso ?? null,
    timezone: incident.timezone,
    durationMinutes: incident.durationMinutes,
    statedDurationMinutes: incident.statedDuration?.minutes ?? null,
  };
}

export const timeCodes = new Set([
  'missing-duration',
  'duration-mismatch',
  'end-before-start',
  'missing-timezone',
  'unparsed-time',
  'timeline-order',
  'timeline-outside-window',
]);

/** The time findings as `code@line` (1-based), sorted. */
export function timeFindings(analysis: Analysis): string[] {
  return analysis.diagnostics
    .filter((d) => timeCodes.has(d.code))
    .map((d) => `${d.code}@${d.range.start.line + 1}`)
    .sort();
}

export function only(analysis: Analysis, code: string): Diagnostic {
  const found = analysis.diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code}, found ${found.length}: ${timeFindings(analysis).join(', ')}`);
  return found[0];
}

export function applyFix(text: string, analysis: Analysis, fix: Fix): string {
  return service.applyEdits(text, analysis, service.editsForFix(analysis, fix));
}

export const linesOf = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** Every line of `before` starts a line of `after`, in order: text was only added (at line ends or as new lines). */
export function assertOnlyAdds(before: string, after: string): void {
  const out = linesOf(after);
  let next = 0;
  for (const line of linesOf(before)) {
    const found = out.findIndex((l, i) => i >= next && l.startsWith(line.trimEnd()));
    assert.ok(found >= 0, `line ${JSON.stringify(line)} is missing or out of order in:\n${after}`);
    next = found + 1;
  }
}

/** The same lines in another order: nothing lost, nothing added. */
export function assertSameLines(before: string, after: string): void {
  assert.deepEqual([...linesOf(after)].sort(), [...linesOf(before)].sort(), `lines differ after sorting:\n${after}`);
}
