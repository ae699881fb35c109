// Loaded by VS Code's web worker extension host as `extensionTestsPath` (bundled for the browser to
// test/web/dist/index.js by scripts/web-test.mjs). Runs the suites in suite/ with mocha's browser
// build, inside the same web worker as the extension, and writes the report into the workspace
// folder through vscode.workspace.fs (a web worker has no file system of its own), where
// scripts/web-test.mjs reads it.
import * as vscode from 'vscode';

// mocha's browser build: the bundle exports it (and `mocha.setup` puts describe/it on globalThis).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mocha: BrowserMocha = require('mocha/mocha.js');

interface BrowserMocha {
  setup(options: { ui: string; timeout: number; reporter: unknown; color: boolean }): void;
  run(done: (failures: number) => void): unknown;
  suite: unknown;
}

interface Runnable {
  title: string;
  duration?: number;
  fullTitle(): string;
  titlePath(): string[];
}

interface TestRecord {
  titlePath: string[];
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string };
}

export const RESULTS_FILE = '.postmortem-web-results.json';

/** Whether the extension is installed in this host and active, after the suites ran. */
function activation() {
  const extension = vscode.extensions.getExtension('postmortem-tools.postmortem-lsp');
  return { ok: extension?.isActive === true, installed: extension !== undefined, active: extension?.isActive === true };
}

export async function run(): Promise<void> {
  const started = Date.now();
  const tests: TestRecord[] = [];
  class CollectingReporter {
    constructor(runner: { on(event: string, listener: (test: Runnable, error?: unknown) => void): void }) {
      const path = (t: Runnable) => t.titlePath().filter((s) => s !== '');
      runner.on('pass', (t) => tests.push({ titlePath: path(t), fullTitle: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('fail', (t, e) =>
        tests.push({
          titlePath: path(t),
          fullTitle: t.fullTitle(),
          state: 'failed',
          durationMs: t.duration,
          error: e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) },
        }),
      );
      runner.on('pending', (t) => tests.push({ titlePath: path(t), fullTitle: t.fullTitle(), state: 'pending' }));
    }
  }
  let fatal: string | undefined;
  try {
    mocha.setup({ ui: 'bdd', timeout: 20_000, reporter: CollectingReporter, color: false });
    // After setup, which defines describe and it.
    require('./suite/web.test');
    await new Promise<void>((resolve) => mocha.run(() => resolve()));
  } catch (e) {
    fatal = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  const report = {
    host: { vscodeVersion: vscode.version, appName: vscode.env.appName, uiKind: vscode.UIKind[vscode.env.uiKind], remoteName: vscode.env.remoteName },
    durationMs: Date.now() - started,
    tests,
    totals: {
      tests: tests.length,
      passed: tests.filter((t) => t.state === 'passed').length,
      failed: tests.filter((t) => t.state === 'failed').length,
      pending: tests.filter((t) => t.state === 'pending').length,
    },
    activation: activation(),
    fatal,
  };
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('no workspace folder to write the report to');
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, RESULTS_FILE), new TextEncoder().encode(JSON.stringify(report, null, 2)));
}
