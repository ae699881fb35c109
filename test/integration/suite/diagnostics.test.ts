// Diagnostics from the language server, seen through the vscode API: what is reported, and on what.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openAnalysed, openFixture, postmortemDiagnostics, waitForDiagnostic, workspaceRoot } from '../helpers';

describe('diagnostics', () => {
  afterEach(closeAllEditors);

  it('reports a postmortem without a Timeline as a missing-section error on its title', async () => {
    const { uri } = await openFixture('missing-timeline-postmortem.md');
    const diag = await waitForDiagnostic(uri, 'missing-section', (d) => /"Timeline"/.test(d.message));
    assert.equal(diag.source, 'postmortem');
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diag.range.start.line, 0, 'document-level findings sit on the title line');
    const code = diag.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'missing-section');
    assert.match(code.target.toString(), /#missing-section$/, 'the code links to the rule documentation');
  });

  it('reports nothing for a complete postmortem', async () => {
    const { uri } = await openAnalysed(vscode.Uri.joinPath(workspaceRoot(), 'complete-postmortem.md'));
    const structural = postmortemDiagnostics(uri).filter((d) =>
      /^(missing-section|missing-field|empty-section|duplicate-section|heading-space)$/.test(String((d.code as { value: string }).value)),
    );
    assert.deepEqual(
      structural.map((d) => d.message),
      [],
    );
  });

  it('leaves a README that is not a postmortem without any diagnostics', async () => {
    const { uri } = await openAnalysed(vscode.Uri.joinPath(workspaceRoot(), 'README.md'));
    assert.deepEqual(
      postmortemDiagnostics(uri).map((d) => d.message),
      [],
      'README.md is not a postmortem, so nothing is reported on it',
    );
  });

  it('reads bold pseudo-headings as sections and reports the summary fields they lack', async () => {
    const { uri } = await openFixture('bold-headings-postmortem.md');
    const diag = await waitForDiagnostic(uri, 'missing-field', (d) => /Impact/.test(d.message));
    assert.equal(diag.range.start.line, 2, 'the finding sits on the **Issue Summary:** line');
    assert.equal(postmortemDiagnostics(uri, 'missing-section').length, 0, 'every section is recognised from its bold label');
  });
});
