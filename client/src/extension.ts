import * as vscode from 'vscode';
import { fillGapRequest, type PostmortemGap, type PostmortemStatus, statusRequest, type TemplateOrigin } from '../../protocol/requests';
import { type BaseLanguageClient, type LanguageClientOptions, RevealOutputChannelOn, State } from 'vscode-languageclient';
import { registerCommands } from './commands';
import { registerSnippetEdits, snippetEditsMiddleware } from './snippetEdits';

// The client: start the server, say which documents it reads, pass settings through, and show
// a status bar item. Everything about postmortems lives in the server. The same client runs in
// VS Code's Node extension host (node.ts starts the server as a process) and in a browser's web
// worker extension host (browser.ts starts it in a web worker).

let client: BaseLanguageClient | undefined;

/** Starts the client that `createClient` makes (with the options below) and wires the editor to it. */
export async function activateClient(
  context: vscode.ExtensionContext,
  createClient: (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient,
): Promise<void> {
  const output = vscode.window.createOutputChannel('Postmortem');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown' }],
    synchronize: { configurationSection: 'postmortem', fileEvents: vscode.workspace.createFileSystemWatcher('**/.postmortemrc.json') },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    connectionOptions: { maxRestartCount: 5 },
    middleware: snippetEditsMiddleware,
  };
  client = createClient('postmortem', 'Postmortem', clientOptions);
  registerSnippetEdits(client);

  let restarts = 0;
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      if (e.oldState === State.Running && e.newState !== State.Running) {
        restarts++;
        if (restarts === 1) void vscode.window.showWarningMessage('The postmortem language server stopped; restarting it.');
      }
    }),
  );

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.command = 'postmortem.showMissing';
  context.subscriptions.push(status, output);

  const refreshStatus = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!client || !editor || editor.document.languageId !== 'markdown' || !client.isRunning()) {
      status.hide();
      return;
    }
    const result = await client.sendRequest(statusRequest, { uri: editor.document.uri.toString() }).then(undefined, () => null);
    if (!result?.analyzed) {
      status.hide();
      return;
    }
    const duration = result.durationMinutes === null ? '' : ` · ${formatMinutes(result.durationMinutes)}`;
    status.text = `$(checklist) Postmortem ${result.requiredPresent}/${result.requiredTotal}${duration} · ${result.words} words`;
    status.tooltip = new vscode.MarkdownString(
      [
        `**Postmortem** — template **${result.templateName}** (\`${result.template}\`), ${originText(result.templateOrigin)}`,
        result.configFile ? `Configuration: \`${vscode.Uri.parse(result.configFile).fsPath}\`` : 'Configuration: settings only (no .postmortemrc.json)',
        `${result.requiredPresent} of ${result.requiredTotal} required sections written.`,
        result.gaps.length ? `Left to write: ${result.gaps.map((g) => `${g.label} (${g.detail})`).join('; ')}` : 'Nothing is left to write.',
        `Words: ${result.words}${wordRangeText(result.wordRange)}`,
        'Click to list what is missing.',
      ].join('\n\n'),
    );
    status.show();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('postmortem.checkThisFile', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      await client.sendRequest('workspace/executeCommand', { command: 'postmortem.server.checkThisFile', arguments: [editor.document.uri.toString()] });
      setTimeout(() => void refreshStatus(), 300);
    }),
    vscode.commands.registerCommand('postmortem.showMissing', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      const result = await client.sendRequest(statusRequest, { uri: editor.document.uri.toString() });
      if (result) await showMissing(client, editor, result);
    }),
    ...registerCommands(client),
    vscode.window.onDidChangeActiveTextEditor(() => void refreshStatus()),
    vscode.languages.onDidChangeDiagnostics(() => void refreshStatus()),
  );

  await client.start();
  void refreshStatus();
}

function originText(origin: TemplateOrigin): string {
  switch (origin.kind) {
    case 'front-matter':
      return "chosen by the document's front matter";
    case 'config-file':
      return `chosen by ${origin.file ? `\`${vscode.Uri.parse(origin.file).fsPath}\`` : '.postmortemrc.json'}`;
    case 'settings':
      return 'chosen by the `postmortem.template` setting';
    default:
      return origin.note ? `the default (${origin.note})` : 'the default';
  }
}

interface GapItem extends vscode.QuickPickItem {
  gap?: PostmortemGap;
}

const gapIcon: Record<PostmortemGap['kind'], string> = {
  'missing-section': '$(add)',
  'missing-field': '$(add)',
  'empty-section': '$(add)',
  'placeholder-section': '$(edit)',
  'placeholder-field': '$(edit)',
  placeholder: '$(edit)',
};

/** "Show What Is Missing": a missing section or field is inserted when picked; a placeholder is selected to type over. */
async function showMissing(client: BaseLanguageClient, editor: vscode.TextEditor, result: PostmortemStatus): Promise<void> {
  const items: GapItem[] = result.gaps.map((gap) => ({
    label: `${gapIcon[gap.kind]} ${gap.label}`,
    description: gap.detail,
    detail: gap.kind === 'missing-section' || gap.kind === 'missing-field' || gap.kind === 'empty-section' ? 'Insert it from the template' : 'Go to it',
    gap,
  }));
  const picked = await vscode.window.showQuickPick<GapItem>(items.length ? items : [{ label: 'Nothing is missing' }], {
    title: `Missing from this postmortem (${result.templateName}): ${result.requiredPresent} of ${result.requiredTotal} required sections written`,
  });
  const gap = picked?.gap;
  if (!gap) return;
  const uri = editor.document.uri.toString();
  if ((gap.kind === 'missing-section' || gap.kind === 'missing-field' || gap.kind === 'empty-section') && gap.sectionId) {
    const edit = await client.sendRequest(fillGapRequest, { uri, kind: gap.kind, sectionId: gap.sectionId, ...(gap.fieldId ? { fieldId: gap.fieldId } : {}) });
    if (!edit) return;
    const { start, end } = edit.range;
    const target = await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await target.insertSnippet(new vscode.SnippetString(edit.snippet), new vscode.Range(start.line, start.character, end.line, end.character));
    return;
  }
  if (gap.range) {
    const { start, end } = gap.range;
    const target = await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    target.selection = new vscode.Selection(start.line, start.character, end.line, end.character);
    target.revealRange(target.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/** " (the template asks for 400–600)", or nothing when it asks no range. */
function wordRangeText(range: { min?: number; max?: number } | null): string {
  if (!range || (range.min === undefined && range.max === undefined)) return '';
  const asked =
    range.min !== undefined && range.max !== undefined
      ? `${range.min}–${range.max}`
      : range.min !== undefined
        ? `at least ${range.min}`
        : `at most ${range.max}`;
  return ` (the template asks for ${asked})`;
}

function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h}h${m ? ` ${m}m` : ''}` : `${m}m`;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
