import * as vscode from 'vscode';
import { statusRequest } from '../../protocol/requests';
import { type BaseLanguageClient, type LanguageClientOptions, RevealOutputChannelOn, State } from 'vscode-languageclient';
import { registerCommands } from './commands';

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
  };
  client = createClient('postmortem', 'Postmortem', clientOptions);

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
        `**Postmortem** — template **${result.templateName}** (\`${result.template}\`)`,
        result.configFile ? `Configuration: \`${vscode.Uri.parse(result.configFile).fsPath}\`` : 'Configuration: settings only (no .postmortemrc.json)',
        result.missing.length ? `Missing: ${result.missing.join(', ')}` : 'Every required section is present.',
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
      if (!result) return;
      const picked = await vscode.window.showQuickPick(result.missing.length ? result.missing : ['Nothing is missing'], {
        title: `Missing from this postmortem (${result.templateName})`,
      });
      if (picked && result.missing.includes(picked)) await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    ...registerCommands(client),
    vscode.window.onDidChangeActiveTextEditor(() => void refreshStatus()),
    vscode.languages.onDidChangeDiagnostics(() => void refreshStatus()),
  );

  await client.start();
  void refreshStatus();
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
