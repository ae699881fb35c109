// Every quick fix and the fix-all action, requested as the editor requests them
// (vscode.executeCodeActionProvider) and applied with workspace.applyEdit; the language
// server's next analysis must no longer report what was fixed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction,
  closeAllEditors,
  codeActionsAt,
  keepsLinesInOrder,
  openFixture,
  postmortemDiagnostics,
  waitFor,
  waitForDiagnostic,
  waitForNoDiagnostic,
  waitForQuickFix,
  writeScratchFile,
} from '../helpers';

const linesOf = (doc: vscode.TextDocument) => doc.getText().split(/\r?\n/);

/** Missing Timeline and Corrective and Preventative Measures. */
const TWO_SECTIONS_MISSING = `# Postmortem: Search autocomplete returned stale suggestions

## Issue Summary

- **Duration:** 40 minutes, 13:05 – 13:45 UTC on 2 May 2024
- **Impact:** Autocomplete suggested products that were no longer sold for about 15% of searches.
- **Root Cause:** A cache warm-up job loaded yesterday's snapshot after a failed export.

## Root Cause and Resolution

The export job failed silently and the warm-up job loaded the previous snapshot. We re-ran the export and flushed the cache.
`;

/** "##Timeline" has no space after the hashes; nothing else is wrong. */
const HEADING_WITHOUT_SPACE = `# Postmortem: Status page showed "All systems operational" during an outage

## Issue Summary

- **Duration:** 25 minutes, 07:10 – 07:35 UTC on 12 August 2024
- **Impact:** The status page stayed green while 20% of API calls failed, so customers opened 140 tickets asking whether we knew.
- **Root Cause:** The status page's health probe called a cached endpoint that kept answering during the outage.

##Timeline

- **07:10 UTC** – API error rate rises to 20%.
- **07:18 UTC** – Support asks why the status page is green.
- **07:35 UTC** – API recovers; status page updated by hand.

## Root Cause and Resolution

The probe hit \`/healthz\` on the CDN, which served a cached 200. We pointed the probe at the origin.

## Corrective and Preventative Measures

- Probe the origin, never a cached path.
`;

/** The summary has no Impact; everything else is there. */
const SUMMARY_WITHOUT_IMPACT = `# Postmortem: Password reset emails delayed

## Issue Summary

- **Duration:** 1 hour 5 minutes, 20:15 – 21:20 UTC on 8 February 2024
- **Root Cause:** The email provider throttled our account after a marketing campaign used the same sending domain.

## Timeline

- **20:15 UTC** – Marketing campaign starts sending from the shared domain.
- **20:40 UTC** – Support reports password reset emails arriving late.
- **21:20 UTC** – Transactional mail moved to its own domain; delays end.

## Root Cause and Resolution

Marketing and transactional mail shared one sending domain and one rate limit. We moved transactional mail to its own domain.

## Corrective and Preventative Measures

- Keep transactional and marketing mail on separate domains and rate limits.
`;

/** One of each fixable problem: a missing section, a missing field, a heading without its space. */
const SEVERAL_FIXABLE_PROBLEMS = `# Postmortem: Exports stuck in the queue

## Issue Summary

- **Duration:** 50 minutes, 15:00 – 15:50 UTC on 4 July 2024
- **Root Cause:** A worker pool was scaled to zero by an autoscaler rule with the wrong metric.

##Timeline

- **15:00 UTC** – Autoscaler scales the export workers to zero.
- **15:50 UTC** – Workers scaled back by hand; queue drains.

## Root Cause and Resolution

The autoscaler read queue latency in seconds as minutes. We fixed the unit and scaled the workers back up.
`;

describe('quick fixes', () => {
  afterEach(closeAllEditors);

  it('inserts a missing Timeline section and keeps every original line', async () => {
    const { uri, doc } = await openFixture('missing-timeline-postmortem.md');
    const before = linesOf(doc);
    const diag = await waitForDiagnostic(uri, 'missing-section', (d) => /"Timeline"/.test(d.message));
    const fix = await waitForQuickFix(uri, diag.range, /Insert the missing "Timeline" section/);
    assert.equal(fix.isPreferred, true, 'inserting the section is the preferred fix');
    await applyCodeAction(fix);

    await waitForNoDiagnostic(uri, 'missing-section', (d) => /"Timeline"/.test(d.message), 'the missing Timeline finding to disappear');
    assert.match(doc.getText(), /^## Timeline$/m, 'an ATX heading like the document’s others');
    const kept = keepsLinesInOrder(before, linesOf(doc));
    assert.ok(kept.ok, `original line lost or reordered by the quick fix: ${JSON.stringify(kept.missing)}`);
  });

  it('inserts all missing sections at once', async () => {
    const uri = await writeScratchFile('two-missing-postmortem.md', TWO_SECTIONS_MISSING);
    const { doc } = await openFixture(uri);
    const before = linesOf(doc);
    await waitFor(() => postmortemDiagnostics(uri, 'missing-section').length === 2, 15_000, 'two missing-section diagnostics');
    const diag = postmortemDiagnostics(uri, 'missing-section')[0];
    const fix = await waitForQuickFix(uri, diag.range, /^Insert all 2 missing sections$/);
    await applyCodeAction(fix);

    await waitForNoDiagnostic(uri, 'missing-section');
    const text = doc.getText();
    assert.match(text, /^## Timeline$/m);
    assert.match(text, /^## Corrective and Preventative Measures$/m);
    assert.ok(text.indexOf('## Timeline') < text.indexOf('## Corrective and Preventative Measures'), 'the sections are inserted in template order');
    const kept = keepsLinesInOrder(before, linesOf(doc));
    assert.ok(kept.ok, `original line lost: ${JSON.stringify(kept.missing)}`);
  });

  it('turns a rule off for one line with a disable-next-line comment', async () => {
    const uri = await writeScratchFile('no-impact-postmortem.md', SUMMARY_WITHOUT_IMPACT);
    const { doc } = await openFixture(uri);
    const diag = await waitForDiagnostic(uri, 'missing-field', (d) => /Impact/.test(d.message));
    const fix = await waitForQuickFix(uri, diag.range, /^Disable missing-field for this line$/);
    await applyCodeAction(fix);

    await waitForNoDiagnostic(uri, 'missing-field');
    assert.equal(
      doc.lineAt(diag.range.start.line).text,
      '<!-- postmortem-disable-next-line missing-field -->',
      'the comment goes on the line above the finding',
    );
    assert.equal(doc.lineAt(diag.range.start.line + 1).text, '## Issue Summary');
  });

  it('turns a rule off for the whole file with a disable-file comment', async () => {
    const { uri, doc } = await openFixture('missing-timeline-postmortem.md');
    const diag = await waitForDiagnostic(uri, 'missing-section');
    const fix = await waitForQuickFix(uri, diag.range, /^Disable missing-section for this file$/);
    await applyCodeAction(fix);

    await waitForNoDiagnostic(uri, 'missing-section');
    assert.match(doc.getText(), /<!-- postmortem-disable-file missing-section -->/);
  });

  it('adds the space that makes "##Timeline" a heading', async () => {
    const uri = await writeScratchFile('heading-space-postmortem.md', HEADING_WITHOUT_SPACE);
    const { doc } = await openFixture(uri);
    const diag = await waitForDiagnostic(uri, 'heading-space');
    assert.equal(doc.lineAt(diag.range.start.line).text, '##Timeline');
    const fix = await waitForQuickFix(uri, diag.range, /^Add a space after "#"$/);
    await applyCodeAction(fix);

    await waitForNoDiagnostic(uri, 'heading-space');
    assert.equal(doc.lineAt(diag.range.start.line).text, '## Timeline');
  });

  it('adds a missing summary field in the markup of the fields beside it', async () => {
    const uri = await writeScratchFile('no-impact-postmortem.md', SUMMARY_WITHOUT_IMPACT);
    const { doc } = await openFixture(uri);
    const before = linesOf(doc);
    const diag = await waitForDiagnostic(uri, 'missing-field', (d) => /Impact/.test(d.message));
    const fix = await waitForQuickFix(uri, diag.range, /^Add "Impact" to Issue Summary$/);
    assert.equal(fix.isPreferred, true);
    await applyCodeAction(fix);

    await waitForNoDiagnostic(uri, 'missing-field', (d) => /Impact/.test(d.message), 'the missing Impact finding to disappear');
    assert.match(doc.getText(), /^- \*\*Impact:\*\* /m, 'a "- **Impact:**" line like its "- **Duration:**" sibling');
    const kept = keepsLinesInOrder(before, linesOf(doc));
    assert.ok(kept.ok, `original line lost: ${JSON.stringify(kept.missing)}`);
  });

  it('fixes every fixable problem with source.fixAll.postmortem', async () => {
    const uri = await writeScratchFile('fix-all-postmortem.md', SEVERAL_FIXABLE_PROBLEMS);
    const { doc } = await openFixture(uri);
    for (const code of ['missing-section', 'missing-field', 'heading-space']) await waitForDiagnostic(uri, code);
    const before = linesOf(doc).filter((l) => l !== '##Timeline');

    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('postmortem');
    const actions = await waitFor(
      async () => {
        const found = await codeActionsAt(uri, whole, fixAllKind);
        return found.length ? found : undefined;
      },
      10_000,
      'a source.fixAll.postmortem code action',
    );
    assert.equal(actions.length, 1, `one fix-all action, got: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(actions[0].kind?.value, 'source.fixAll.postmortem');
    assert.ok(!actions.some((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind)), 'asking for the fix-all kind returns no quick fixes');
    await applyCodeAction(actions[0]);

    for (const code of ['missing-section', 'missing-field', 'heading-space']) await waitForNoDiagnostic(uri, code);
    const text = doc.getText();
    assert.match(text, /^## Timeline$/m);
    assert.match(text, /^## Corrective and Preventative Measures$/m);
    assert.match(text, /^- \*\*Impact:\*\* /m);
    const kept = keepsLinesInOrder(before, linesOf(doc));
    assert.ok(kept.ok, `original line lost: ${JSON.stringify(kept.missing)}`);
  });
});
