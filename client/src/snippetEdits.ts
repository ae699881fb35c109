import * as vscode from 'vscode';
import type { BaseLanguageClient, Middleware, StaticFeature } from 'vscode-languageclient';
import type { SnippetEditData } from '../../protocol/requests';

// Quick fixes that write a skeleton come as snippets: the server sends them in `CodeAction.data`
// to a client that declares the experimental `snippetTextEdit` capability (this one), and they are
// applied as VS Code SnippetTextEdits, so the first tab stop is selected. Other clients get the
// plain text in the action's edit.

export function registerSnippetEdits(client: BaseLanguageClient): void {
  const feature: StaticFeature = {
    fillClientCapabilities(capabilities) {
      capabilities.experimental = { ...(capabilities.experimental as object | undefined), snippetTextEdit: true };
    },
    initialize() {},
    getState: () => ({ kind: 'static' }),
    clear() {},
  };
  client.registerFeature(feature);
}

function withSnippets<T extends vscode.Command | vscode.CodeAction>(action: T, uri: vscode.Uri): T {
  const data = (action as { data?: Partial<SnippetEditData> }).data;
  if (!(action instanceof vscode.CodeAction) || !Array.isArray(data?.snippetEdits) || !data.snippetEdits.length) return action;
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    uri,
    data.snippetEdits.map(
      (e) =>
        new vscode.SnippetTextEdit(
          new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character),
          new vscode.SnippetString(e.snippet),
        ),
    ),
  );
  action.edit = edit;
  return action;
}

export const snippetEditsMiddleware: Middleware = {
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    return actions?.map((a) => withSnippets(a, document.uri));
  },
};
