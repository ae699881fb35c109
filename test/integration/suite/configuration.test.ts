// Settings and .postmortemrc.json take effect on open documents without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  allSymbols,
  closeAllEditors,
  openFixture,
  postmortemDiagnostics,
  waitFor,
  waitForDiagnostic,
  waitForNoDiagnostic,
  writeWorkspaceFile,
} from '../helpers';

const CONFIG_FILE = '.postmortemrc.json';

describe('configuration', () => {
  afterEach(closeAllEditors);
  // Whatever a test did, the next ones see the defaults again.
  after(async () => {
    await vscode.workspace.getConfiguration('postmortem').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await writeWorkspaceFile(CONFIG_FILE, undefined);
  });

  it('turns a rule off as soon as the postmortem.rules setting says so, and back on when it is removed', async () => {
    const { uri } = await openFixture('missing-timeline-postmortem.md');
    await waitForDiagnostic(uri, 'missing-section');
    const config = vscode.workspace.getConfiguration('postmortem');

    await config.update('rules', { 'missing-section': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForNoDiagnostic(uri, 'missing-section', undefined, 'the missing-section diagnostic to disappear after setting it "off"');

    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostic(uri, 'missing-section', undefined, 'the missing-section diagnostic to come back after removing the setting');
  });

  it('changes the severity of a rule through postmortem.rules', async () => {
    const { uri } = await openFixture('missing-timeline-postmortem.md');
    await waitForDiagnostic(uri, 'missing-section', (d) => d.severity === vscode.DiagnosticSeverity.Error);
    await vscode.workspace.getConfiguration('postmortem').update('rules', { 'missing-section': 'information' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostic(uri, 'missing-section', (d) => d.severity === vscode.DiagnosticSeverity.Information, 'missing-section reported as information');
    await vscode.workspace.getConfiguration('postmortem').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostic(uri, 'missing-section', (d) => d.severity === vscode.DiagnosticSeverity.Error, 'missing-section reported as an error again');
  });

  it('checks against the google-sre template when .postmortemrc.json chooses it', async () => {
    const { uri } = await openFixture('complete-postmortem.md');
    // The standard template is satisfied; wait for the server to have analysed the document.
    await waitFor(
      async () =>
        allSymbols((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? []).some(
          (s) => s.kind === vscode.SymbolKind.Namespace,
        ),
      15_000,
      'the server to analyse complete-postmortem.md',
    );
    assert.deepEqual(
      postmortemDiagnostics(uri, 'missing-section').map((d) => d.message),
      [],
      'nothing is missing under the standard template',
    );

    await writeWorkspaceFile(CONFIG_FILE, '{ "template": "google-sre" }\n');
    const missingUnderSre = ['Impact', 'Trigger', 'Resolution', 'Detection', 'Lessons Learned'];
    await waitFor(
      () => missingUnderSre.every((name) => postmortemDiagnostics(uri, 'missing-section').some((d) => d.message.startsWith(`Missing section "${name}"`))),
      15_000,
      `missing-section diagnostics for ${missingUnderSre.join(', ')} (the google-sre sections this postmortem lacks)`,
    ).catch((e: Error) => {
      throw new Error(
        `${e.message}; missing-section now: ${
          postmortemDiagnostics(uri, 'missing-section')
            .map((d) => d.message.split(':')[0])
            .join('; ') || '(none)'
        }`,
      );
    });

    await writeWorkspaceFile(CONFIG_FILE, undefined);
    await waitForNoDiagnostic(uri, 'missing-section', undefined, 'the google-sre findings to go away once .postmortemrc.json is deleted');
  });
});
