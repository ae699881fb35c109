import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { templatesRequest, timelineEntryRequest } from '../../protocol/requests';

// Commands that write: "New Postmortem" and "Insert Timeline Entry". What to write comes from the
// server (it knows the templates and the document); the client adds the editor's date, time and zone.

/** The editor's zone: its IANA name (`Europe/Berlin`), else its UTC offset (`UTC+02:00`). */
function localTimeZone(now: Date): string {
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (name && name !== 'Etc/Unknown') return name;
  const offset = -now.getTimezoneOffset();
  const abs = Math.abs(offset);
  return `UTC${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function localDate(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

async function newPostmortem(client: LanguageClient): Promise<void> {
  const now = new Date();
  const uri = vscode.window.activeTextEditor?.document.uri.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString();
  const templates = await client.sendRequest(templatesRequest, { uri, date: localDate(now), timeZone: localTimeZone(now) });
  if (!templates.length) {
    void vscode.window.showWarningMessage('The postmortem language server offered no templates.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    templates.map((t) => ({ label: t.name, description: t.id, detail: t.description, template: t })),
    { title: 'New Postmortem', placeHolder: 'Choose a template', matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(picked.template.snippet), new vscode.Position(0, 0));
}

async function insertTimelineEntry(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open a Markdown postmortem to insert a timeline entry.');
    return;
  }
  const now = new Date();
  const position = editor.selection.active;
  const edit = await client.sendRequest(timelineEntryRequest, {
    uri: editor.document.uri.toString(),
    position: { line: position.line, character: position.character },
    now: now.getTime(),
    timeZone: localTimeZone(now),
  });
  if (!edit) return;
  const { start, end } = edit.range;
  await editor.insertSnippet(new vscode.SnippetString(edit.snippet), new vscode.Range(start.line, start.character, end.line, end.character));
}

export function registerCommands(client: LanguageClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('postmortem.newPostmortem', () => newPostmortem(client)),
    vscode.commands.registerCommand('postmortem.insertTimelineEntry', () => insertTimelineEntry(client)),
  ];
}
