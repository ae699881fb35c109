// The extension's activation time in a real VS Code (code-server in Debian's chromium): the
// packaged .vsix is installed, and in each run a new window (its own extension host) opens a
// postmortem from the Explorer; the time VS Code itself measured for activate() (its "Running
// Extensions" view: the activate call until its promise resolved, which includes starting the
// language server) is read from the workbench, and the time from clicking the file to its first
// finding in the Problems panel.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openFromExplorer, openProblems, poll, problemRows, runCommand, UI_SETTINGS, waitForWorkbench } from '../ui-test.mjs';
import { ensureCodeServer, installVsix, launchChromium, REPO_ROOT, startCodeServer } from '../vscode-host.mjs';

const SAMPLE = 'missing-timeline-postmortem.md';

export async function measureActivation(vsix, { runs = 3 } = {}) {
  ensureCodeServer();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-bench-'));
  const cleanups = [() => fs.rmSync(root, { recursive: true, force: true })];
  try {
    const workspace = path.join(root, 'workspace');
    fs.cpSync(path.join(REPO_ROOT, 'samples'), workspace, { recursive: true });
    const userDataDir = path.join(root, 'user-data');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(UI_SETTINGS));
    const extensionsDir = path.join(root, 'extensions');
    installVsix(extensionsDir, userDataDir, vsix);
    const [server, browser] = await Promise.all([
      startCodeServer({ folder: workspace, userDataDir, extensionsDir, logFile: path.join(root, 'code-server.log') }),
      launchChromium(),
    ]);
    cleanups.push(
      () => server.stop(),
      () => browser.close(),
    );
    const results = [];
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
        results.push(await once(page));
      } finally {
        await page.close();
      }
    }
    return results;
  } finally {
    for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => undefined);
  }
}

async function once(page) {
  await waitForWorkbench(page);
  const clicked = performance.now();
  await openFromExplorer(page, SAMPLE, 'Postmortem');
  await openProblems(page);
  await poll(async () => (await problemRows(page)).some((r) => /Timeline/.test(r)), 60_000, 'the missing Timeline in the Problems panel', 25);
  const firstFindingMs = performance.now() - clicked;
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Postmortem' }).first();
  const text = await poll(
    async () => {
      const t = await row.textContent({ timeout: 2000 });
      return t && /Activation:\s*\d+/.test(t) ? t : undefined;
    },
    30_000,
    'the activation time of Postmortem in Running Extensions',
  );
  return { activationMs: Number(/Activation:\s*(\d+)\s*ms/.exec(text)[1]), firstFindingMs };
}
