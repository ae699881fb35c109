// Completion and snippets in Markdown postmortems. A missing snippet file or feature fails the
// test that needs it (never a skipped test).
import * as assert from 'node:assert/strict';
import { parse as parseJsonc } from 'jsonc-parser';
import * as vscode from 'vscode';
import { closeAllEditors, getExtension, openAnalysed, openFixture, waitFor, waitForDiagnostic, waitForNoDiagnostic, writeScratchFile } from '../helpers';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const SNIPPETS_FILE = 'snippets/postmortem.code-snippets';

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

/** The extension's snippets; a missing or empty snippet file fails the test. */
async function contributedSnippets(): Promise<Snippet[]> {
  const file = vscode.Uri.joinPath(getExtension().extensionUri, ...SNIPPETS_FILE.split('/'));
  assert.ok(await exists(file), `the extension has no ${SNIPPETS_FILE}`);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  const parsed = parseJsonc(text) as Record<string, Snippet> | undefined;
  const snippets = Object.values(parsed ?? {}).filter((s) => s && s.prefix !== undefined && s.body !== undefined);
  assert.ok(snippets.length > 0, `${SNIPPETS_FILE} has no snippets`);
  return snippets;
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list?.items ?? [];
}

const REQUIRED_SECTIONS = ['Issue Summary', 'Timeline', 'Root Cause and Resolution', 'Corrective and Preventative Measures'];

describe('snippets', () => {
  afterEach(closeAllEditors);

  it('offers every postmortem snippet as a completion in a Markdown file', async () => {
    const snippets = await contributedSnippets();
    const uri = await writeScratchFile('snippet-target.md', '\n');
    await openFixture(uri);
    const prefixes = snippets.flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    let offered: string[] = [];
    await waitFor(
      async () => {
        offered = (await completionsAt(uri, new vscode.Position(0, 0))).filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
        return prefixes.every((p) => offered.includes(p));
      },
      10_000,
      `snippet completions ${prefixes.join(', ')}`,
    ).catch((e: Error) => {
      throw new Error(`${e.message}; snippet completions offered: ${offered.join(', ') || '(none)'}`);
    });
  });

  it('the postmortem skeleton snippet gives a document with no missing section', async () => {
    const snippets = await contributedSnippets();
    const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
    const skeleton = snippets.find((s) => REQUIRED_SECTIONS.every((name) => bodyOf(s).includes(name)));
    assert.ok(skeleton, 'a snippet contains all four required sections');
    const prefix = Array.isArray(skeleton.prefix) ? skeleton.prefix[0] : skeleton.prefix;
    const uri = await writeScratchFile('from-snippet-postmortem.md', '\n');
    const { editor } = await openFixture(uri);
    await waitForDiagnostic(uri, 'missing-section', undefined, 'missing-section diagnostics on the empty file (named *postmortem*.md, so analysed)');
    const item = await waitFor(
      async () => (await completionsAt(uri, new vscode.Position(0, 0))).find((i) => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i) === prefix),
      10_000,
      `the "${prefix}" snippet completion`,
    );
    const insertText =
      item.insertText instanceof vscode.SnippetString ? item.insertText : new vscode.SnippetString(String(item.insertText ?? bodyOf(skeleton)));
    assert.ok(await editor.insertSnippet(insertText, new vscode.Position(0, 0)), 'the snippet was inserted');
    for (const name of REQUIRED_SECTIONS) assert.match(editor.document.getText(), new RegExp(name));
    // The empty file lacked every section; once the snippet is in, the next analysis finds them all.
    await waitForNoDiagnostic(uri, 'missing-section', undefined, 'the missing-section diagnostics of the empty file to go away');
  });
});

describe('completion', () => {
  afterEach(closeAllEditors);

  it('suggests a missing section name when a heading is started', async () => {
    const { doc } = await openAnalysed(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'missing-timeline-postmortem.md'));
    const edit = new vscode.WorkspaceEdit();
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    edit.insert(doc.uri, end, '\n\n## ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const position = doc.lineAt(doc.lineCount - 1).range.end;
    let labels: string[] = [];
    await waitFor(
      async () => {
        labels = (await completionsAt(doc.uri, position)).map(labelOf);
        return labels.some((l) => /Timeline/.test(l));
      },
      10_000,
      'a completion naming the missing Timeline section',
    ).catch((e: Error) => {
      throw new Error(`${e.message}; completions offered: ${labels.slice(0, 30).join(', ') || '(none)'}`);
    });
  });
});
