// Helpers for the integration suites, which run inside a real VS Code extension host.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-tools.postmortem-lsp';

/** Default deadline for waitFor: below mocha's 20 s timeout so a wait fails with its own message. */
export const DEFAULT_WAIT_MS = 15_000;

/**
 * Polls `predicate` until it returns a truthy value (which is returned) or `timeoutMs` passes,
 * then rejects with `description` and the last value or error seen. Never a fixed sleep.
 */
export async function waitFor<T>(
  predicate: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs: number = DEFAULT_WAIT_MS,
  description = 'condition',
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await predicate();
      if (v) return v;
      last = v;
      lastError = undefined;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const detail =
        lastError !== undefined ? `last error: ${lastError instanceof Error ? lastError.message : String(lastError)}` : `last value: ${String(last)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description} (${detail})`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** The workspace folder the runner opened: a temp copy of samples/ (test/fixtures/ is copied to fixtures/ inside it). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: the runner should open a copy of samples/');
  return folder.uri;
}

/** Opens `file` (a URI, or a path relative to the workspace folder such as 'missing-timeline-postmortem.md' or 'fixtures/x.md') in an editor. */
export async function openFixture(file: string | vscode.Uri): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = typeof file === 'string' ? vscode.Uri.joinPath(workspaceRoot(), ...file.split('/')) : file;
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { uri, doc, editor };
}

/** A diagnostic's code as a string, whether it was given as a string/number or as `{ value, target }`. */
export function diagnosticCode(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined || c === null) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

/** The postmortem extension's diagnostics for `uri`, optionally only those with `code`. */
export function postmortemDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem' && (code === undefined || diagnosticCode(d) === code));
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return '(none)';
  return all.map((d) => `[${d.source ?? '?'}:${diagnosticCode(d) ?? '?'}] L${d.range.start.line + 1} ${d.message}`).join('; ');
}

export function getExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) {
    const ours = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    throw new Error(`extension ${EXTENSION_ID} is not installed (non-builtin extensions: ${ours.join(', ') || 'none'})`);
  }
  return ext;
}

/** Every symbol of a tree, depth first (sections sit under the title, as in Markdown's outline). */
export function allSymbols(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...allSymbols(s.children ?? [])]);
}

/** Reverts unsaved changes and closes every editor, so one test's edits don't leak into the next (and no save prompt appears). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isClosed) continue;
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

// ---------------------------------------------------------------------------------------------
// documents written by the tests, and waiting for the server's verdict on them

let scratchCount = 0;

/**
 * Writes `text` to a new file under scratch/ in the workspace (a fresh name each call, so the
 * server sees a document it has never analysed) and returns its URI. `name` keeps its words,
 * which matter: `*postmortem*.md` is always analysed, other names only when the content says so.
 */
export async function writeScratchFile(name: string, text: string): Promise<vscode.Uri> {
  scratchCount++;
  const fileName = name.replace(/\.md$/, `-${scratchCount}.md`);
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'scratch', fileName);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Writes (or with `text` undefined, deletes) a file at `relPath` in the workspace folder. */
export async function writeWorkspaceFile(relPath: string, text: string | undefined): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), ...relPath.split('/'));
  if (text === undefined) await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
  else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Resolves the next time diagnostics of `uri` are published (the language server publishes, even an empty list, after each analysis). */
function nextDiagnosticsChange(uri: vscode.Uri, timeoutMs: number, description: string): { done: Promise<void>; cancel(): void } {
  let subscription: vscode.Disposable | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    subscription?.dispose();
    clearTimeout(timer);
  };
  const done = new Promise<void>((resolve, reject) => {
    subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) {
        cancel();
        resolve();
      }
    });
    timer = setTimeout(() => {
      cancel();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}`));
    }, timeoutMs);
  });
  return { done, cancel };
}

/**
 * Opens `uri` in an editor and resolves once the language server has published its diagnostics
 * for it, so a test can assert that there are none. A document that is already open is edited
 * (a trailing space, reverted by closeAllEditors) to get a fresh analysis.
 */
export async function openAnalysed(uri: vscode.Uri): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const wasOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  const published = nextDiagnosticsChange(uri, DEFAULT_WAIT_MS, `the language server to publish diagnostics for ${uri.path}`);
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    if (wasOpen) {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, doc.lineAt(doc.lineCount - 1).range.end, ' ');
      await vscode.workspace.applyEdit(edit);
    }
    await published.done;
    return { uri, doc, editor };
  } finally {
    published.cancel();
  }
}

/** Waits for a postmortem diagnostic matching `predicate` (default: any with `code`) and returns it. */
export async function waitForDiagnostic(
  uri: vscode.Uri,
  code: string,
  predicate: (d: vscode.Diagnostic) => boolean = () => true,
  description = `a postmortem ${code} diagnostic`,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<vscode.Diagnostic> {
  return waitFor(() => postmortemDiagnostics(uri, code).find(predicate), timeoutMs, description).catch((e: Error) => {
    throw new Error(`${e.message}; diagnostics seen: ${describeDiagnostics(uri)}`);
  });
}

/** Waits until no postmortem diagnostic matches `predicate` (default: none with `code` at all). */
export async function waitForNoDiagnostic(
  uri: vscode.Uri,
  code: string,
  predicate: (d: vscode.Diagnostic) => boolean = () => true,
  description = `every postmortem ${code} diagnostic to disappear`,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<void> {
  await waitFor(() => !postmortemDiagnostics(uri, code).some(predicate), timeoutMs, description).catch((e: Error) => {
    throw new Error(`${e.message}; diagnostics now: ${describeDiagnostics(uri)}`);
  });
}

// ---------------------------------------------------------------------------------------------
// code actions

export function isCodeAction(a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction {
  return typeof (a as vscode.Command).command !== 'string'; // a bare Command has a string `command`
}

/** The code actions VS Code collects for `range` (with the diagnostics there), optionally only of `kind`. */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind?.value);
  return (all ?? []).filter(isCodeAction);
}

/** Waits for a quick fix at `range` whose title matches `title`, for at most `timeoutMs`. */
export async function waitForQuickFix(uri: vscode.Uri, range: vscode.Range, title: RegExp, timeoutMs = 10_000): Promise<vscode.CodeAction> {
  let seen: string[] = [];
  return waitFor(
    async () => {
      const actions = await codeActionsAt(uri, range);
      seen = actions.map((a) => a.title);
      return actions.find((a) => a.kind !== undefined && vscode.CodeActionKind.QuickFix.contains(a.kind) && title.test(a.title));
    },
    timeoutMs,
    `a quick fix titled ${title}`,
  ).catch((e: Error) => {
    throw new Error(`${e.message}; code actions offered: ${seen.length ? seen.map((t) => JSON.stringify(t)).join(', ') : '(none)'}`);
  });
}

/** Applies a code action's WorkspaceEdit (as the editor does when one is chosen). */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (!action.edit) throw new Error(`code action "${action.title}" carries no WorkspaceEdit`);
  const applied = await vscode.workspace.applyEdit(action.edit);
  if (!applied) throw new Error(`workspace.applyEdit refused the edit of "${action.title}"`);
}

/** True when every line of `before` appears in `after`, in the same order (a fix only adds text). */
export function keepsLinesInOrder(before: string[], after: string[]): { ok: boolean; missing?: string } {
  let j = 0;
  for (const line of before) {
    while (j < after.length && after[j] !== line) j++;
    if (j === after.length) return { ok: false, missing: line };
    j++;
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// features that may not exist yet

/** Activates the extension (by opening a Markdown document if needed) and lists every registered command. */
export async function registeredCommands(): Promise<Set<string>> {
  const ext = getExtension();
  if (!ext.isActive) await ext.activate();
  return new Set(await vscode.commands.getCommands(true));
}

/** The id of the extension's command contributed with `title` in package.json, if any. */
export function contributedCommand(title: RegExp): string | undefined {
  const commands = (getExtension().packageJSON?.contributes?.commands ?? []) as { command: string; title: string }[];
  return commands.find((c) => title.test(c.title))?.command;
}
