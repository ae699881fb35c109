// The extension's commands, run through vscode.commands.executeCommand as the Command Palette runs them.
// A contributed command that is not registered fails its test.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  contributedCommand,
  describeDiagnostics,
  openAnalysed,
  postmortemDiagnostics,
  registeredCommands,
  waitFor,
  workspaceRoot,
  writeScratchFile,
} from '../helpers';

/** Notes that mention an incident but are not a postmortem by name or content. */
const DRAFT_NOTES = `# Friday checkout slowdown

Notes to turn into a proper write-up next week.
`;

/**
 * The id of the command contributed with `title`. A command missing from package.json or not
 * registered by the extension is a failure (never a skipped test).
 */
async function registeredCommand(title: RegExp): Promise<string> {
  const id = contributedCommand(title);
  assert.ok(id, `package.json contributes no command titled ${title.source}`);
  const registered = await registeredCommands();
  assert.ok(registered.has(id), `package.json contributes ${id} ("${title.source}") but the extension does not register it`);
  return id;
}

describe('commands', () => {
  afterEach(closeAllEditors);

  it('Check This File analyses a Markdown file that was not detected as a postmortem', async () => {
    const uri = await writeScratchFile('draft-notes.md', DRAFT_NOTES);
    await openAnalysed(uri);
    assert.deepEqual(
      postmortemDiagnostics(uri).map((d) => d.message),
      [],
      'draft notes are not a postmortem: nothing is reported before the command',
    );

    await vscode.commands.executeCommand('postmortem.checkThisFile');
    await waitFor(
      () => postmortemDiagnostics(uri, 'missing-section').length === 4,
      15_000,
      'a missing-section diagnostic for each of the 4 required sections',
    ).catch((e: Error) => {
      throw new Error(`${e.message}; diagnostics now: ${describeDiagnostics(uri)}`);
    });
  });

  it('New Postmortem opens a document with every section of the template', async () => {
    const id = await registeredCommand(/New Postmortem/i);
    const before = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    // The command may ask for a template or a title first: accept the proposed answer.
    const running = Promise.resolve(vscode.commands.executeCommand(id));
    const doc = await waitFor(
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        const editor = vscode.window.activeTextEditor;
        return editor && !before.has(editor.document.uri.toString()) && /Timeline/.test(editor.document.getText()) ? editor.document : undefined;
      },
      15_000,
      'a new editor with a postmortem skeleton',
    );
    await running;
    assert.equal(doc.languageId, 'markdown');
    const text = doc.getText();
    for (const section of ['Issue Summary', 'Timeline', 'Root Cause and Resolution', 'Corrective and Preventative Measures'])
      assert.match(text, new RegExp(`^.*${section}.*$`, 'm'), `the skeleton has a "${section}" heading`);
  });

  it('Insert Timeline Entry adds one entry to the Timeline', async () => {
    const id = await registeredCommand(/Insert Timeline Entry/i);
    const { doc, editor } = await openAnalysed(vscode.Uri.joinPath(workspaceRoot(), 'complete-postmortem.md'));
    const timelineEntries = () => {
      const lines = doc.getText().split(/\r?\n/);
      const start = lines.indexOf('## Timeline');
      const end = lines.indexOf('## Root Cause and Resolution');
      return lines.slice(start + 1, end).filter((l) => /^\s*[-*]\s/.test(l));
    };
    const before = timelineEntries();
    const last = doc.lineAt(doc.getText().split(/\r?\n/).indexOf('## Root Cause and Resolution') - 2);
    editor.selection = new vscode.Selection(last.range.end, last.range.end);

    await vscode.commands.executeCommand(id);
    const after = await waitFor(() => (timelineEntries().length > before.length ? timelineEntries() : undefined), 10_000, 'one more timeline entry');
    assert.equal(after.length, before.length + 1);
    const added = after.find((l) => !before.includes(l));
    assert.ok(added && /\d{1,2}:\d{2}|HH:MM|\$\{|time/i.test(added), `the new entry starts with a time (or a time placeholder): ${JSON.stringify(added)}`);
  });
});
