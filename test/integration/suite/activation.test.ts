// The harness itself and the extension's activation, inside the real extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, getExtension, openFixture, waitFor, workspaceRoot } from '../helpers';

describe('harness', () => {
  it('runs inside a VS Code extension host with the samples workspace open', async () => {
    assert.ok(vscode.version, 'vscode.version is set');
    const root = workspaceRoot();
    const entries = await vscode.workspace.fs.readDirectory(root);
    const names = entries.map(([name]) => name);
    assert.ok(names.includes('missing-timeline-postmortem.md'), `workspace ${root.toString()} lists: ${names.join(', ')}`);
  });
});

describe('extension activation', () => {
  after(closeAllEditors);

  it(`${EXTENSION_ID} is installed`, () => {
    const ext = getExtension();
    assert.equal(ext.packageJSON.name, 'postmortem-lsp');
    assert.equal(ext.packageJSON.publisher, 'postmortem-tools');
  });

  it('activates when a Markdown postmortem is opened', async () => {
    const ext = getExtension();
    const { doc } = await openFixture('complete-postmortem.md');
    assert.equal(doc.languageId, 'markdown');
    await waitFor(() => ext.isActive, 15_000, `${EXTENSION_ID} to activate after opening a Markdown file`);
    // isActive turns true even when activate() threw; activate() again returns that activation's outcome.
    await ext.activate();
  });
});
