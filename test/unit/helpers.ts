import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Analysis, type AnalyzeOptions, createPostmortemService, type Diagnostic, type Fix, type Section } from '../../server/src/service';

// Small helpers shared by the unit tests: documents are built in memory, one line per argument.

export const service = createPostmortemService();

export const repoRoot = resolve(__dirname, '..', '..');

/** A Markdown document from its lines, joined with `\n` (or the line break given). */
export function md(...lines: string[]): string {
  return lines.join('\n');
}

export function crlf(...lines: string[]): string {
  return lines.join('\r\n');
}

/** Analyses the text as a postmortem whatever its content (a file named on the command line). */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return service.analyze(text, { force: true, ...options });
}

/** Findings as `code@line` with 1-based lines, in the order reported. */
export function findings(analysis: Analysis): string[] {
  return analysis.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`);
}

export function findingsWith(analysis: Analysis, code: string): Diagnostic[] {
  return analysis.diagnostics.filter((d) => d.code === code);
}

export function sectionIds(analysis: Analysis): string[] {
  return analysis.document.sections.map((s) => s.id);
}

export function onlySection(analysis: Analysis, id: string): Section {
  const found = analysis.document.sections.filter((s) => s.id === id);
  assert.equal(found.length, 1, `expected one "${id}" section, found ${found.length}: ${JSON.stringify(sectionIds(analysis))}`);
  return found[0];
}

/** The text after applying one fix. */
export function applyFix(text: string, analysis: Analysis, fix: Fix): string {
  return service.applyEdits(text, analysis, service.editsForFix(analysis, fix));
}

/** The same finding (code and data) in another analysis: line numbers move when a fix inserts text. */
export function sameFinding(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && JSON.stringify(a.data ?? null) === JSON.stringify(b.data ?? null);
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Every line of `before` is still in `after`, in the same order (fixes only add). Lines are compared
 * without their whitespace, so a fix may add a space (`#Timeline` -> `# Timeline`) but never drop text.
 */
export function assertKeepsEveryLine(before: string, after: string): void {
  const squeeze = (line: string) => line.replace(/[\s\uFEFF]+/g, '');
  const kept = splitLines(after).map(squeeze);
  let next = 0;
  splitLines(before).forEach((line, index) => {
    const found = kept.indexOf(squeeze(line), next);
    assert.ok(found >= 0, `line ${index + 1} ${JSON.stringify(line)} is missing (or out of order) after the fix:\n${after}`);
    next = found + 1;
  });
}

/** Asserts the fix removes the finding and keeps every line; returns the fixed text. */
export function assertFixWorks(text: string, options: AnalyzeOptions, finding: Diagnostic, fix: Fix): string {
  const analysis = analyze(text, options);
  const fixed = applyFix(text, analysis, fix);
  assert.notEqual(fixed, text, `"${fix.title}" changed nothing`);
  assertKeepsEveryLine(text, fixed);
  const left = analyze(fixed, options).diagnostics.filter((d) => sameFinding(d, finding));
  assert.deepEqual(
    left.map((d) => `${d.code}@${d.range.start.line + 1}`),
    [],
    `"${fix.title}" left the ${finding.code} finding in place:\n${fixed}`,
  );
  return fixed;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const cliBin = join(repoRoot, 'server', 'bin', 'postmortem.js');

/** Runs the built CLI in `cwd` (a temporary folder, so no project `.postmortemrc.json` is picked up). */
export function runCli(args: string[], cwd: string): CliResult {
  const result = spawnSync(process.execPath, [cliBin, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function buildCli(): void {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `build failed:\n${result.stderr}`);
}

/** A fresh temporary folder, removed by the returned function. */
export function tempFolder(prefix = 'postmortem-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Registers `cases` as tests, except those named in `known` (behaviour the product gets wrong today):
 * those are checked to still fail, so a case that starts passing names itself, to be removed from
 * the list; and a name in `known` that matches no case fails (no silent exclusions).
 */
export function casesWithKnownGaps(cases: readonly [name: string, check: () => void][], known: readonly string[], listName: string): void {
  const gaps = new Map<string, () => void>();
  for (const [name, check] of cases) {
    if (known.includes(name)) gaps.set(name, check);
    else it(name, check);
  }
  it(`names only existing cases in ${listName}`, () => {
    assert.deepEqual(
      known.filter((g) => !gaps.has(g)),
      [],
    );
  });
  it(`still gets every case in ${listName} wrong (one right now is to be removed from the list)`, () => {
    const right = [...gaps].filter(([, check]) => {
      try {
        check();
        return true;
      } catch {
        return false;
      }
    });
    assert.deepEqual(
      right.map(([name]) => name),
      [],
      `these known gaps are now right: remove them from ${listName}`,
    );
  });
}
