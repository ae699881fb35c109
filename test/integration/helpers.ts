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
      const detail = lastError !== undefined ? `last error: ${lastError instanceof Error ? lastError.message : String(lastError)}` : `last value: ${String(last)}`;
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

/** Opens `relPath` (relative to the workspace folder, e.g. 'missing-timeline-postmortem.md' or 'fixtures/x.md') in an editor. */
export async function openFixture(relPath: string): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), ...relPath.split('/'));
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

/** Reverts unsaved changes and closes every editor, so one test's edits don't leak into the next (and no save prompt appears). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isClosed) continue;
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
