// What a writer sees while filling in a postmortem, in the real VS Code: unfilled template text is
// reported once (as information, never as a broken time) and does not count as written, in the
// Problems panel, the hover checklist and "Show What Is Missing" alike; skeletons and the
// pm-timeline snippets arrive with their time selected; the Quick Fix menu offers one "Disable"
// per rule.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeActionsAt,
  describeDiagnostics,
  diagnosticCode,
  openAnalysed,
  postmortemDiagnostics,
  waitFor,
  waitForDiagnostic,
  waitForNoDiagnostic,
  writeScratchFile,
} from '../helpers';

/** New Postmortem with the title, the times and the timeline filled in, and the rest left as the template wrote it. */
const HALF_FILLED = `---
postmortem: { template: standard }
---

# Postmortem: Checkout failed for EU customers

Date: 2024-03-12. All times are in UTC.

## Issue Summary

- **Duration:** 2024-03-12 10:15 – 11:40 UTC
- **Impact:** Which service was down or slow, what users saw, and what share of users was affected.
- **Root cause:** The underlying cause, in one or two sentences.

## Timeline

- **10:15 UTC** – The payment gateway starts timing out; the checkout-5xx alert pages the on-call.
- **10:40 UTC** – Escalated to the payments team, who roll back the gateway client.
- **11:40 UTC** – Error rate back to normal; incident resolved.

## Root Cause and Resolution

**Root cause:** What was causing the issue, in detail.

**Resolution:** How the issue was fixed, in detail.

## Corrective and Preventative Measures

- [ ] Alert on gateway timeouts before customers see them (owner: @ana, due 2024-04-01)
`;

/** Missing Timeline, Root Cause and Resolution, Corrective and Preventative Measures. */
const THREE_MISSING = `# Postmortem: Search index stale for an hour

## Issue Summary

- **Duration:** 2024-05-02 13:05 – 14:05 UTC (1 hour)
- **Impact:** 15% of searches returned products no longer sold.
- **Root cause:** The nightly export failed silently and the index kept yesterday's snapshot.
`;

const placeholders = (uri: vscode.Uri) =>
  postmortemDiagnostics(uri, 'placeholder')
    .map((d) => `${diagnosticCode(d)}@${d.range.start.line + 1}`)
    .sort();

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Runs a command that shows a quick pick, and accepts its first item once it is there. */
async function runAndAcceptFirst(command: string, done: () => boolean, description: string): Promise<void> {
  const running = Promise.resolve(vscode.commands.executeCommand(command));
  await waitFor(
    async () => {
      if (done()) return true;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return done();
    },
    15_000,
    description,
  );
  await running;
}

describe('findings a writer can trust', function () {
  // The first test may also wait for the language server to start when run alone.
  this.timeout(40_000);
  afterEach(closeAllEditors);

  it('reports template text left in place once, as information, and counts it as unwritten in the hover and in Show What Is Missing', async () => {
    const uri = await writeScratchFile('half-filled-postmortem.md', HALF_FILLED);
    const { doc, editor } = await openAnalysed(uri);
    await waitForDiagnostic(uri, 'placeholder');
    await waitFor(() => placeholders(uri).length === 3, 10_000, 'three placeholder findings').catch((e: Error) => {
      throw new Error(`${e.message}; diagnostics: ${describeDiagnostics(uri)}`);
    });
    // The Problems panel: the Impact and Root cause values and the Root Cause and Resolution section, each once;
    // nothing louder than information (the stated duration is missing: that is information too).
    assert.deepEqual(placeholders(uri), ['placeholder@12', 'placeholder@13', 'placeholder@21']);
    assert.deepEqual(
      postmortemDiagnostics(uri)
        .filter((d) => d.severity !== vscode.DiagnosticSeverity.Information)
        .map((d) => d.message),
      [],
    );
    assert.deepEqual(postmortemDiagnostics(uri, 'missing-section'), [], 'a section of template text is not reported missing (inserting it would duplicate it)');
    const section = postmortemDiagnostics(uri).find((d) => d.range.start.line === 20);
    assert.match(section?.message ?? '', /"Root Cause and Resolution" still holds only placeholder text/);
    assert.equal(section?.relatedInformation?.length, 2, 'the two placeholder lines are its related information');

    // The hover checklist says the same.
    const hover = await hoverText(uri, new vscode.Position(8, 4));
    assert.match(hover, /⬜ \*\*Impact\*\* \(still a placeholder\)/);
    assert.match(hover, /⬜ \*\*Root cause\*\* \(still a placeholder\)/);
    assert.match(hover, /✅ \*\*Duration\*\*/);

    // Show What Is Missing lists the Impact first and selects it to type over.
    const impact = doc.lineAt(11).text.indexOf('Which');
    await runAndAcceptFirst(
      'postmortem.showMissing',
      () => editor.selection.start.line === 11 && editor.selection.start.character === impact,
      'Show What Is Missing to select the Impact placeholder',
    );
    assert.equal(doc.getText(editor.selection), 'Which service was down or slow, what users saw, and what share of users was affected.');
  });

  it('counts impact and root cause stated in sentences, with the hover checklist and its Fields line agreeing', async () => {
    const text = [
      '# Postmortem: payments failed',
      '',
      '## Issue Summary',
      '',
      'From 10:00 to 11:15 UTC on 4 May 2024 about 6,300 customers (around 12% of orders) could not pay. The root cause was a reconciliation job that locked the orders table.',
      '',
      '## Timeline',
      '',
      '- 10:00 UTC – checkout errors alert',
      '- 11:15 UTC – job killed; payments recover',
      '',
      '## Root Cause and Resolution',
      '',
      'The job locked the table for its whole run; we killed it and moved it off-peak.',
      '',
      '## Corrective and Preventative Measures',
      '',
      '- [ ] Run the reconciliation job off-peak, in batches.',
      '',
    ].join('\n');
    const uri = await writeScratchFile('sentences-postmortem.md', text);
    await openAnalysed(uri);
    await waitForDiagnostic(uri, 'missing-duration');
    assert.deepEqual(postmortemDiagnostics(uri, 'missing-field'), [], 'no missing Impact or Root cause: the sentences state them');
    const hover = await hoverText(uri, new vscode.Position(2, 4));
    assert.match(hover, /\*\*Fields:\*\* ✅ \*\*Duration\*\* · ✅ \*\*Impact\*\* · ✅ \*\*Root cause\*\*/);
    assert.match(hover, /- ✅ The root cause, in a sentence or two/);
  });

  it('starts a New Postmortem with the title selected and nothing but placeholders to report', async () => {
    const before = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    await runAndAcceptFirst(
      'postmortem.newPostmortem',
      () => {
        const e = vscode.window.activeTextEditor;
        return !!e && !before.has(e.document.uri.toString()) && /## Timeline/.test(e.document.getText());
      },
      'a new editor with the skeleton',
    );
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), 'What broke, and when', 'the title is the first tab stop');
    const uri = editor.document.uri;
    await waitForDiagnostic(uri, 'placeholder');
    await waitFor(() => postmortemDiagnostics(uri).length >= 5, 10_000, 'the placeholders of the skeleton');
    const loud = postmortemDiagnostics(uri).filter((d) => d.severity !== vscode.DiagnosticSeverity.Information || diagnosticCode(d) !== 'placeholder');
    assert.deepEqual(
      loud.map((d) => `${diagnosticCode(d)}: ${d.message}`),
      [],
    );
    assert.doesNotMatch(editor.document.getText(), /time zone/, 'the zone is written, never the words "time zone"');
  });

  it('inserts a missing section from the quick fix as a snippet, with its first time selected', async () => {
    const uri = await writeScratchFile('no-timeline-postmortem.md', `${THREE_MISSING}\n## Root Cause and Resolution\n\nThe export failed.\n`);
    const { doc, editor } = await openAnalysed(uri);
    await waitForDiagnostic(uri, 'missing-section', (d) => /Timeline/.test(d.message));
    const actions = await codeActionsAt(uri, new vscode.Range(0, 0, 0, 5));
    const insert = actions.find((a) => a.title === 'Insert the missing "Timeline" section');
    assert.ok(insert?.edit, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    await waitFor(() => /^## Timeline$/m.test(doc.getText()), 10_000, 'the Timeline heading');
    assert.equal(doc.getText(editor.selection), 'HH:MM', 'the first time of the skeleton is selected to type over');
    assert.match(doc.getText(), /^- \*\*HH:MM UTC\*\* – The issue is detected/m, "the document's zone, not the words 'time zone'");
    await waitForNoDiagnostic(uri, 'missing-section', (d) => /Timeline/.test(d.message));
    assert.deepEqual(postmortemDiagnostics(uri, 'unparsed-time'), [], 'the skeleton’s HH:MM is not reported as a broken time');
  });

  it('inserts a missing section from Show What Is Missing', async () => {
    const uri = await writeScratchFile('show-missing-postmortem.md', THREE_MISSING);
    const { doc } = await openAnalysed(uri);
    await waitForDiagnostic(uri, 'missing-section');
    await runAndAcceptFirst('postmortem.showMissing', () => /^## Timeline$/m.test(doc.getText()), 'Show What Is Missing to insert the Timeline');
    await waitFor(() => postmortemDiagnostics(uri, 'missing-section').length === 2, 10_000, 'two sections still missing');
  });

  it('offers pm-timeline with the time after the previous entry selected, in the zone the document writes', async () => {
    const text = `${HALF_FILLED.replace('- **11:40 UTC** – Error rate back to normal; incident resolved.\n', '')}`.replace(
      '- **10:40 UTC** – Escalated to the payments team, who roll back the gateway client.\n',
      '- **10:40 UTC** – Escalated to the payments team, who roll back the gateway client.\npm-t\n',
    );
    const uri = await writeScratchFile('snippet-postmortem.md', text);
    const { doc, editor } = await openAnalysed(uri);
    const line = doc.getText().split('\n').indexOf('pm-t');
    const position = new vscode.Position(line, 4);
    const item = await waitFor(
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
        return list?.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'pm-timeline');
      },
      10_000,
      'the pm-timeline completion',
    );
    assert.equal(item.kind, vscode.CompletionItemKind.Snippet);
    const snippet = item.insertText instanceof vscode.SnippetString ? item.insertText : undefined;
    assert.ok(snippet, 'inserted as a snippet');
    const range = item.range instanceof vscode.Range ? item.range : (item.range?.replacing ?? new vscode.Range(line, 0, line, 4));
    assert.ok(await editor.insertSnippet(snippet, range));
    assert.equal(doc.lineAt(line).text, '- **10:45 UTC** – What happened');
    assert.equal(doc.getText(editor.selection), '10:45', 'the time is the first tab stop');
    await waitForNoDiagnostic(uri, 'placeholder', (d) => d.range.start.line === line, 'no placeholder on the new entry');
    assert.deepEqual(postmortemDiagnostics(uri, 'timeline-outside-window'), []);
    assert.deepEqual(postmortemDiagnostics(uri, 'timeline-order'), []);
  });

  it('offers one "Disable" per rule in the Quick Fix menu, however many findings it has there', async () => {
    const uri = await writeScratchFile('three-missing-postmortem.md', THREE_MISSING);
    await openAnalysed(uri);
    await waitFor(() => postmortemDiagnostics(uri, 'missing-section').length === 3, 10_000, 'three missing-section findings on the title');
    const titles = (await codeActionsAt(uri, new vscode.Range(0, 0, 0, 5))).map((a) => a.title);
    // Every rule with a finding on the title (missing-section three times, and the word count) once each.
    const rules = [
      ...new Set(
        postmortemDiagnostics(uri)
          .filter((d) => d.range.start.line === 0)
          .map((d) => diagnosticCode(d)),
      ),
    ];
    assert.ok(rules.includes('missing-section'), rules.join(', '));
    assert.deepEqual(
      titles.filter((t) => t.startsWith('Disable')).sort(),
      rules.flatMap((r) => [`Disable ${r} for this line`, `Disable ${r} for this file`]).sort(),
    );
    assert.equal(titles.filter((t) => t.startsWith('Insert the missing')).length, 3);
    assert.ok(titles.includes('Insert all 3 missing sections'));
  });
});
