// Entry point loaded by VS Code's extension host as `extensionTestsPath` (bundled to
// test/integration/dist/index.js). Runs the mocha suites in dist/suite/ inside the real
// extension host and writes a JSON report to $POSTMORTEM_TEST_RESULTS, which
// scripts/integration.mjs reads and prints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type Mocha from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';
import { createMocha } from './mocha';

export interface TestRecord {
  /** Suite titles from the outermost, then the test (or hook) title. */
  titlePath: string[];
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string; expected?: string; actual?: string };
}

export interface IntegrationReport {
  host: { vscodeVersion: string; appName: string; uiKind: string; remoteName?: string };
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  tests: TestRecord[];
  totals: { tests: number; passed: number; failed: number; pending: number };
  activation: { ok: boolean; installed: boolean; active: boolean; error?: string };
  /** Set when mocha itself could not load or run the suites. */
  fatal?: string;
}

function errorInfo(err: unknown): TestRecord['error'] {
  if (err instanceof Error) {
    const e = err as Error & { expected?: unknown; actual?: unknown; showDiff?: boolean };
    const out: NonNullable<TestRecord['error']> = { message: e.message, stack: e.stack };
    if (e.showDiff !== false && ('expected' in e || 'actual' in e)) {
      out.expected = safeString(e.expected);
      out.actual = safeString(e.actual);
    }
    return out;
  }
  return { message: String(err) };
}

function safeString(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v, null, 2) ?? String(v);
  } catch {
    return String(v);
  }
}

function titlePathOf(r: Mocha.Runnable): string[] {
  return r.titlePath().filter((t) => t !== '');
}

function withTimeout<T>(p: Thenable<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    Promise.resolve(p).then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/** Checks (after the suites ran, so they see the extension's natural activation) that it is installed and activated. */
async function checkActivation(): Promise<IntegrationReport['activation']> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) return { ok: false, installed: false, active: false, error: `extension ${EXTENSION_ID} is not installed in this host` };
  try {
    await withTimeout(ext.activate(), 15_000, `activating ${EXTENSION_ID}`);
    return {
      ok: ext.isActive,
      installed: true,
      active: ext.isActive,
      ...(ext.isActive ? {} : { error: 'activate() returned but the extension is not active' }),
    };
  } catch (e) {
    return { ok: false, installed: true, active: ext.isActive, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

function writeReport(report: IntegrationReport): void {
  const out = process.env.POSTMORTEM_TEST_RESULTS;
  if (!out) {
    console.error('[integration] POSTMORTEM_TEST_RESULTS is not set; report:', JSON.stringify(report, null, 2));
    return;
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Write then rename, so the runner never reads a half-written file.
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(report, null, 2));
  fs.renameSync(tmp, out);
}

function runMocha(mocha: Mocha): Promise<number> {
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => resolve(failures));
    } catch (e) {
      reject(e);
    }
  });
}

export async function run(): Promise<void> {
  const started = Date.now();
  const report: IntegrationReport = {
    host: { vscodeVersion: vscode.version, appName: vscode.env.appName, uiKind: vscode.UIKind[vscode.env.uiKind], remoteName: vscode.env.remoteName },
    startedAt: new Date(started).toISOString(),
    tests: [],
    totals: { tests: 0, passed: 0, failed: 0, pending: 0 },
    activation: { ok: false, installed: false, active: false },
  };

  // The reporter only collects results; the runner outside prints them.
  class CollectingReporter {
    constructor(runner: Mocha.Runner) {
      runner.on('pass', (t: Mocha.Test) => {
        report.tests.push({ titlePath: titlePathOf(t), fullTitle: t.fullTitle(), state: 'passed', durationMs: t.duration });
      });
      runner.on('fail', (t: Mocha.Runnable, err: unknown) => {
        report.tests.push({ titlePath: titlePathOf(t), fullTitle: t.fullTitle(), state: 'failed', durationMs: t.duration, error: errorInfo(err) });
      });
      runner.on('pending', (t: Mocha.Test) => {
        report.tests.push({ titlePath: titlePathOf(t), fullTitle: t.fullTitle(), state: 'pending' });
      });
    }
  }

  // Stack traces of failures point at the TypeScript sources (the bundles carry .map files).
  process.setSourceMapsEnabled?.(true);

  try {
    const mocha = createMocha(CollectingReporter as unknown as Mocha.ReporterConstructor);
    // POSTMORTEM_TEST_GREP (a regular expression on full titles) runs a subset, like mocha --grep.
    if (process.env.POSTMORTEM_TEST_GREP) mocha.grep(new RegExp(process.env.POSTMORTEM_TEST_GREP));
    const suiteDir = path.join(__dirname, 'suite');
    const files = fs.existsSync(suiteDir)
      ? fs
          .readdirSync(suiteDir)
          .filter((f) => f.endsWith('.test.js'))
          .sort()
      : [];
    if (files.length === 0) throw new Error(`no compiled suite files (*.test.js) in ${suiteDir}`);
    for (const f of files) mocha.addFile(path.join(suiteDir, f));
    await runMocha(mocha);
  } catch (e) {
    report.fatal = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }

  report.activation = await checkActivation();
  for (const t of report.tests) report.totals[t.state]++;
  report.totals.tests = report.tests.length;
  report.finishedAt = new Date().toISOString();
  report.durationMs = Date.now() - started;
  writeReport(report);

  const problems: string[] = [];
  if (report.fatal) problems.push(`mocha could not run: ${report.fatal}`);
  if (!report.activation.ok) problems.push(`extension ${EXTENSION_ID} failed to activate: ${report.activation.error}`);
  if (report.totals.failed > 0) problems.push(`${report.totals.failed} test(s) failed`);
  if (report.totals.pending > 0) problems.push(`${report.totals.pending} test(s) pending: a skipped test is a failure`);
  if (problems.length) throw new Error(problems.join('\n'));
}
