// The language server process dies: the client starts a new one and diagnostics come back.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, waitFor, waitForDiagnostic, waitForNoDiagnostic } from '../helpers';

/** The language server processes started by this extension host (its children). */
function serverPids(): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), '-f', 'server/dist/server.js'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

describe('server crash recovery', () => {
  afterEach(closeAllEditors);

  it('restarts a killed language server, which then analyses edits again', async function () {
    this.timeout(60_000);
    const { uri, doc } = await openFixture('missing-timeline-postmortem.md');
    await waitForDiagnostic(uri, 'missing-section');
    const before = serverPids();
    assert.equal(before.length, 1, `one server process under the extension host, found ${before.join(', ') || 'none'}`);
    process.kill(before[0], 'SIGKILL');

    const after = await waitFor(
      () => {
        const pids = serverPids();
        return pids.length === 1 && pids[0] !== before[0] ? pids : undefined;
      },
      30_000,
      'a new language server process',
    );
    assert.notEqual(after[0], before[0]);

    // A live server sees the edit: the Timeline section appears, so the finding goes away.
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => /^## Root Cause/.test(l));
    assert.ok(line > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      uri,
      new vscode.Position(line, 0),
      '## Timeline\n\n- 02:00 UTC – the second mailer starts\n- 04:10 UTC – lock fixed, duplicate run stopped\n\n',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForNoDiagnostic(uri, 'missing-section', () => true, 'missing-section to go after the Timeline was added', 30_000);
  });
});
