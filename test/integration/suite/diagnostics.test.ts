// Diagnostics and quick fixes from the language server, seen through the vscode API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, openFixture, postmortemDiagnostics, waitFor } from '../helpers';

const MISSING_TIMELINE = 'missing-timeline-postmortem.md';

/** The server's missing-section diagnostic for Timeline (preferring one whose message names Timeline). */
function missingTimeline(uri: vscode.Uri): vscode.Diagnostic | undefined {
  const missing = postmortemDiagnostics(uri, 'missing-section');
  return missing.find((d) => /timeline/i.test(d.message)) ?? missing[0];
}

function isQuickFix(a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction {
  if (typeof (a as vscode.Command).command === 'string') return false; // a bare Command, not a CodeAction
  const kind = (a as vscode.CodeAction).kind;
  return kind !== undefined && vscode.CodeActionKind.QuickFix.contains(kind);
}

/** True when every line of `before` appears in `after`, in the same order. */
function keepsLinesInOrder(before: string[], after: string[]): { ok: boolean; missing?: string } {
  let j = 0;
  for (const line of before) {
    while (j < after.length && after[j] !== line) j++;
    if (j === after.length) return { ok: false, missing: line };
    j++;
  }
  return { ok: true };
}

describe('missing Timeline section', () => {
  afterEach(closeAllEditors);

  it('is reported as a postmortem missing-section diagnostic', async () => {
    const { uri } = await openFixture(MISSING_TIMELINE);
    const diag = await waitFor(() => missingTimeline(uri), 15_000, `a postmortem missing-section diagnostic on ${MISSING_TIMELINE}`).catch((e: Error) => {
      throw new Error(`${e.message}; diagnostics seen: ${describeDiagnostics(uri)}`);
    });
    assert.equal(diag.source, 'postmortem');
    assert.match(diag.message, /timeline/i, 'the message names the missing section');
  });

  it('has a quick fix that adds the section and keeps every original line', async () => {
    const { uri, doc } = await openFixture(MISSING_TIMELINE);
    const originalLines = doc.getText().split(/\r?\n/);
    const diag = await waitFor(() => missingTimeline(uri), 15_000, 'the missing-section diagnostic').catch((e: Error) => {
      throw new Error(`${e.message}; diagnostics seen: ${describeDiagnostics(uri)}`);
    });

    const actions = await waitFor(
      async () => {
        const all = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diag.range)) ?? [];
        const fixes = all.filter(isQuickFix).filter((a) => /timeline/i.test(a.title));
        return fixes.length ? fixes : undefined;
      },
      10_000,
      'a quick fix whose title mentions Timeline',
    );
    const fix = actions.find((a) => a.edit) ?? actions[0];
    assert.ok(fix.edit, `quick fix "${fix.title}" carries a WorkspaceEdit`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit succeeded');

    await waitFor(() => !postmortemDiagnostics(uri, 'missing-section').some((d) => d.message === diag.message), 15_000, 'the missing-section diagnostic to disappear after the fix').catch((e: Error) => {
      throw new Error(`${e.message}; diagnostics now: ${describeDiagnostics(uri)}`);
    });

    const newText = doc.getText();
    assert.match(newText, /timeline/i, 'the document now has a Timeline section');
    const kept = keepsLinesInOrder(originalLines, newText.split(/\r?\n/));
    assert.ok(kept.ok, `original line lost or reordered by the quick fix: ${JSON.stringify(kept.missing)}`);
  });
});
