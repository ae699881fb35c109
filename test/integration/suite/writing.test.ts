// The writing checks and actions as VS Code shows them: findings in the Problems data, and the
// refactors "Insert timeline diagram" and "Convert action items to a table" requested as the
// lightbulb requests them (vscode.executeCodeActionProvider) and applied with workspace.applyEdit.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyCodeAction, closeAllEditors, codeActionsAt, openAnalysed, waitFor, waitForDiagnostic, writeScratchFile } from '../helpers';

const POSTMORTEM = `# Postmortem: Nightly export ran twice

## Issue Summary

- **Duration:** 2024-05-02 23:40 – 2024-05-03 00:30 UTC (50 minutes)
- **Impact:** Customers received duplicate export e-mails.
- **Root cause:** Human error: Dana forgot to disable the old cron entry.

## Timeline

- **23:40 UTC** – The duplicate-send alert fires.
- **00:30 UTC** – The old cron entry is removed; sending stops.

## Corrective and Preventative Measures

- [ ] Improve monitoring
- [ ] Remove cron entries in the deploy script (owner: @dana, due 2024-05-20)
`;

async function actionTitled(uri: vscode.Uri, line: number, title: string): Promise<vscode.CodeAction> {
  let seen: string[] = [];
  return waitFor(
    async () => {
      const actions = await codeActionsAt(uri, new vscode.Range(line, 2, line, 2));
      seen = actions.map((a) => a.title);
      return actions.find((a) => a.title === title);
    },
    10_000,
    `the code action "${title}"`,
  ).catch((e: Error) => {
    throw new Error(`${e.message}; offered: ${seen.join(', ') || '(none)'}`);
  });
}

describe('writing checks and actions', () => {
  afterEach(closeAllEditors);

  it('reports blame language, a vague action, an impact without a figure and a short postmortem', async () => {
    const { uri } = await openAnalysed(await writeScratchFile('writing-postmortem.md', POSTMORTEM));
    const blame = await waitForDiagnostic(uri, 'blame-language', (d) => /Human error/.test(d.message));
    assert.equal(blame.severity, vscode.DiagnosticSeverity.Hint);
    await waitForDiagnostic(uri, 'blame-language', (d) => /Dana forgot/.test(d.message));
    const vague = await waitForDiagnostic(uri, 'vague-action');
    assert.equal(vague.range.start.line, 15);
    await waitForDiagnostic(uri, 'impact-figure');
    const words = await waitForDiagnostic(uri, 'word-count');
    assert.equal(words.severity, vscode.DiagnosticSeverity.Information);
  });

  it('inserts a Mermaid timeline diagram after the timeline, and offers no second one', async () => {
    const { uri, doc } = await openAnalysed(await writeScratchFile('diagram-postmortem.md', POSTMORTEM));
    const insert = await actionTitled(uri, 9, 'Insert timeline diagram');
    assert.equal(insert.kind?.value, 'refactor.insert');
    await applyCodeAction(insert);
    const text = doc.getText();
    assert.match(text, /sending stops\.\n\n<!-- postmortem-timeline-diagram[^\n]*-->\n```mermaid\ngantt\n/);
    assert.match(text, /The duplicate-send alert fires\. :milestone, m1, 2024-05-02 23:40, 0m/);
    assert.match(text, /```\n<!-- \/postmortem-timeline-diagram -->\n\n## Corrective/);
    // Once the server has read the new version, the diagram is current: nothing to insert or update.
    await waitFor(
      async () => !(await codeActionsAt(uri, new vscode.Range(9, 2, 9, 2))).some((a) => /timeline diagram/.test(a.title)),
      10_000,
      'no diagram action on a current diagram',
    );
  });

  it('converts the action items to a table and back', async () => {
    const { uri, doc } = await openAnalysed(await writeScratchFile('actions-postmortem.md', POSTMORTEM));
    const toTable = await actionTitled(uri, 15, 'Convert action items to a table');
    assert.equal(toTable.kind?.value, 'refactor.rewrite');
    await applyCodeAction(toTable);
    assert.ok(doc.getText().includes('| Remove cron entries in the deploy script | @dana | 2024-05-20 |  | open |'), doc.getText());
    const toList = await actionTitled(uri, 16, 'Convert action items table to a task list');
    await applyCodeAction(toList);
    assert.ok(doc.getText().includes('- [ ] Remove cron entries in the deploy script (owner: @dana, due: 2024-05-20)'), doc.getText());
    assert.ok(doc.getText().includes('- [ ] Improve monitoring\n'), doc.getText());
  });
});
