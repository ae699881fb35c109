// The extension as a web extension: its `browser` entry in VS Code's web worker extension host
// (code-server told to run it there with "remote.extensionKind"), the language server in a web
// worker of its own. The copy of the extension under test has no Node bundles at all.
import * as vscode from 'vscode';
import {
  applyCodeAction,
  closeAllEditors,
  getExtension,
  openFixture,
  postmortemDiagnostics,
  waitFor,
  waitForDiagnostic,
  waitForNoDiagnostic,
  waitForQuickFix,
  writeScratchFile,
  writeWorkspaceFile,
} from '../../integration/helpers';

// No node:assert in a web worker: the few checks this suite needs.
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const hoverText = (hover: vscode.Hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

// The web worker's global scope, as far as these checks look at it.
declare const self: unknown;
declare const WorkerGlobalScope: (abstract new () => unknown) | undefined;

/** A fresh copy of a sample under scratch/, so one test's edits never reach another. */
async function copyOfSample(name: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  check(folder, 'a workspace folder is open');
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)));
  return writeScratchFile(name, text);
}

describe('web extension', () => {
  afterEach(() => closeAllEditors());

  it('runs in a web worker extension host, not in Node', async () => {
    check(typeof WorkerGlobalScope === 'function' && self instanceof WorkerGlobalScope, 'the suite (and so the extension) runs in a web worker');
    const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
    check(node === undefined, `no Node.js here, yet process.versions.node is ${node}`);
    check(vscode.env.uiKind === vscode.UIKind.Web, 'the workbench is the browser one');
    const extension = getExtension();
    await extension.activate();
    check(extension.isActive, 'the extension is active');
    check(extension.extensionKind === vscode.ExtensionKind.UI, `the extension runs on the UI side (kind ${extension.extensionKind})`);
    check(extension.packageJSON.browser === './client/dist/browser.js', 'the manifest names the web entry');
    // The copy under test carries only the web bundles: Node could not have run it.
    for (const file of ['client/dist/extension.js', 'server/dist/server.js']) {
      const present = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, ...file.split('/'))).then(
        () => true,
        () => false,
      );
      check(!present, `${file} is not in the extension under test`);
    }
  });

  it('shows the missing section as a diagnostic', async () => {
    const { uri } = await openFixture('missing-timeline-postmortem.md');
    const d = await waitForDiagnostic(uri, 'missing-section', (x) => /Timeline/.test(x.message));
    check(d.source === 'postmortem', 'source postmortem');
    check(d.severity === vscode.DiagnosticSeverity.Error, 'an error');
  });

  it('applies the quick fix, and the missing section appears in the document', async () => {
    const { uri, doc } = await openFixture(await copyOfSample('missing-timeline-postmortem.md'));
    const d = await waitForDiagnostic(uri, 'missing-section', (x) => /Timeline/.test(x.message));
    const fix = await waitForQuickFix(uri, d.range, /Insert the missing "Timeline" section/);
    await applyCodeAction(fix);
    check(/^#+ Timeline\s*$/m.test(doc.getText()), `a Timeline heading was inserted:\n${doc.getText()}`);
    await waitForNoDiagnostic(uri, 'missing-section', (x) => /Timeline/.test(x.message));
  });

  it('shows what a section must contain on hover', async () => {
    const { uri, doc } = await openFixture('complete-postmortem.md');
    const line = doc
      .getText()
      .split(/\r?\n/)
      .findIndex((l) => /^#+ Timeline/.test(l));
    check(line >= 0, 'the sample has a Timeline heading');
    await waitFor(() => postmortemDiagnostics(uri).length >= 0 && vscode.languages.getDiagnostics(uri), 10_000, 'an analysis');
    const text = await waitFor(
      async () => {
        const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 5))) ?? [];
        return hovers.map(hoverText).find((t) => /Timeline/.test(t) && /✅|⬜/.test(t));
      },
      15_000,
      'the Timeline hover with its checklist',
    );
    check(/^#+ Timeline\b/m.test(text), `the hover is titled with the section:\n${text}`);
  });

  it('completes a missing section at the start of a line', async () => {
    const { uri, doc, editor } = await openFixture(await copyOfSample('missing-timeline-postmortem.md'));
    await waitForDiagnostic(uri, 'missing-section');
    const end = new vscode.Position(doc.lineCount, 0);
    await editor.edit((e) => e.insert(end, '\n\n'));
    const position = new vscode.Position(doc.lineCount - 1, 0);
    const labels = await waitFor(
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
        const found = (list?.items ?? []).map(labelOf);
        return found.some((l) => /Timeline/.test(l)) && found;
      },
      15_000,
      'a completion offering the Timeline section',
    );
    check(labels.length > 0, 'completions');
  });

  it('reads .postmortemrc.json through vscode.workspace.fs, and again when it changes', async () => {
    const text = [
      '# Postmortem: web worker check',
      '',
      '## Issue Summary',
      '',
      '- **Duration:** 30 minutes',
      '',
      '## Timeline',
      '',
      '- 10:00 UTC - alert fires',
      '',
      '## Root Cause and Resolution',
      '',
      'A cause.',
      '',
      '## Corrective and Preventative Measures',
      '',
      '- [ ] A measure.',
      '',
    ].join('\n');
    const uri = await writeScratchFile('config-postmortem.md', text);
    await openFixture(uri);
    // Without a configuration file the summary's missing Impact is a warning ...
    await waitForDiagnostic(uri, 'missing-field');
    // ... and a .postmortemrc.json that turns the rule off, read by the server through the client, silences it.
    const config = await writeWorkspaceFile('.postmortemrc.json', '{ "rules": { "missing-field": "off", "missing-section": "warning" } }');
    try {
      await waitForNoDiagnostic(uri, 'missing-field');
      const other = await openFixture(await copyOfSample('missing-timeline-postmortem.md'));
      await waitForDiagnostic(other.uri, 'missing-section', (d) => d.severity === vscode.DiagnosticSeverity.Warning);
    } finally {
      await writeWorkspaceFile('.postmortemrc.json', undefined);
    }
    await waitForDiagnostic(uri, 'missing-field');
    check(config.scheme === vscode.workspace.workspaceFolders?.[0]?.uri.scheme, 'the configuration sits in the workspace folder');
  });
});
