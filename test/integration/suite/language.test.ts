// Hover, outline and folding from the language server, as the editor asks for them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { builtinTemplates } from '../../../server/src/service/templates';
import { allSymbols, closeAllEditors, openFixture, waitFor } from '../helpers';

/** What the standard template says a section must contain: its checklist, as the hover should list it. */
function mustContain(sectionId: string): string[] {
  const section = builtinTemplates.find((t) => t.id === 'standard')?.sections.find((s) => s.id === sectionId);
  assert.ok(section, `the standard template has a ${sectionId} section`);
  const itemText = (item: string | { text: string }) => (typeof item === 'string' ? item : item.text);
  return section.checklist.map(itemText);
}

/** Every checklist item of every section: a hover listing any of them is the postmortem section hover. */
const anyChecklistItem = () =>
  builtinTemplates.flatMap((t) => t.sections.flatMap((s) => s.checklist.map((c: string | { text: string }) => (typeof c === 'string' ? c : c.text))));

function lineOf(doc: vscode.TextDocument, text: string): number {
  const line = doc.getText().split(/\r?\n/).indexOf(text);
  assert.ok(line >= 0, `${doc.uri.path} has a line ${JSON.stringify(text)}`);
  return line;
}

function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** Waits for the symbol provider to answer (the extension may still be starting) and returns the section symbols. */
async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return waitFor(
    async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      const sections = allSymbols(symbols ?? []).filter((s) => s.kind === vscode.SymbolKind.Namespace);
      return sections.length ? sections : undefined;
    },
    15_000,
    'postmortem section symbols (kind Namespace)',
  );
}

describe('hover', () => {
  afterEach(closeAllEditors);

  it('explains on a section heading what the section must contain', async () => {
    const { uri, doc } = await openFixture('complete-postmortem.md');
    const line = lineOf(doc, '## Timeline');
    const checklist = mustContain('timeline');
    let seen = '';
    const text = await waitFor(
      async () => {
        const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 5))) ?? [];
        seen = hovers.map(hoverText).join('\n---\n');
        return hovers.map(hoverText).find((t) => checklist.some((item) => t.includes(item)));
      },
      15_000,
      'a hover listing what the Timeline must contain',
    ).catch((e: Error) => {
      throw new Error(`${e.message}; hovers seen: ${seen || '(none)'}`);
    });
    assert.match(text, /^#+ Timeline\b/m, 'the hover is titled with the section name');
    for (const item of checklist) assert.ok(text.includes(item), `the hover lists "${item}"; it says:\n${text}`);
    assert.ok(!text.includes('[object Object]'), `the hover renders every item as text:\n${text}`);
  });

  it('shows nothing of its own on ordinary text', async () => {
    const { uri, doc } = await openFixture('complete-postmortem.md');
    const line = lineOf(doc, '## Root Cause and Resolution') + 2;
    await documentSymbols(uri); // the server answers by now
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 10))) ?? [];
    const items = anyChecklistItem();
    assert.deepEqual(
      hovers.map(hoverText).filter((t) => items.some((item) => t.includes(item)) || /_Template:/.test(t)),
      [],
      'no section hover away from a heading',
    );
  });
});

describe('outline', () => {
  afterEach(closeAllEditors);

  it('lists the sections, with the timeline entries inside the Timeline', async () => {
    const { uri } = await openFixture('complete-postmortem.md');
    const sections = await documentSymbols(uri);
    assert.deepEqual(
      sections.map((s) => s.name),
      ['Issue Summary', 'Timeline', 'Root Cause and Resolution', 'Corrective and Preventative Measures'],
    );
    assert.deepEqual(
      sections.map((s) => s.detail),
      ['', '', '', ''],
      'a section does not repeat its name as its detail',
    );
    const timeline = sections[1];
    const entries = timeline.children.filter((c) => c.kind === vscode.SymbolKind.Event);
    assert.equal(entries.length, 8, `timeline children: ${timeline.children.map((c) => c.name).join(', ')}`);
    assert.match(entries[0].name, /10:05 AM UTC/);
    const summaryFields = sections[0].children.filter((c) => c.kind === vscode.SymbolKind.Property).map((c) => c.name);
    assert.deepEqual(summaryFields, ['Duration', 'Impact', 'Root Cause']);
  });

  it('finds sections that are only bold labels or plain "Timeline:" lines', async () => {
    const { uri } = await openFixture('bold-headings-postmortem.md');
    const sections = await documentSymbols(uri);
    assert.deepEqual(
      sections.map((s) => s.detail || s.name),
      ['Issue Summary', 'Timeline', 'Root Cause and Resolution', 'Corrective and Preventative Measures'],
      'each symbol names the template section it stands for, in its name or, when the heading says it differently, its detail',
    );
    assert.equal(sections[1].children.filter((c) => c.kind === vscode.SymbolKind.Event).length, 7);
  });
});

describe('folding', () => {
  afterEach(closeAllEditors);

  it('folds each section, including sections under bold pseudo-headings', async () => {
    const { uri, doc } = await openFixture('bold-headings-postmortem.md');
    const timeline = lineOf(doc, 'Timeline:');
    const rootCause = lineOf(doc, '**Root Cause:**');
    let seen: vscode.FoldingRange[] = [];
    await waitFor(
      async () => {
        seen = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri)) ?? [];
        return seen.some((r) => r.start === timeline) && seen.some((r) => r.start === rootCause);
      },
      15_000,
      `folding ranges starting at line ${timeline + 1} (Timeline:) and ${rootCause + 1} (**Root Cause:**)`,
    ).catch((e: Error) => {
      throw new Error(`${e.message}; ranges: ${seen.map((r) => `${r.start + 1}-${r.end + 1}`).join(', ') || '(none)'}`);
    });
    const timelineFold = seen.find((r) => r.start === timeline);
    assert.equal(doc.lineAt(timelineFold?.end ?? 0).text.startsWith('15:35 UTC'), true, 'the Timeline fold ends on its last entry');
  });
});
