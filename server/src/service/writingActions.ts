import { type ActionItemBlock, convertsLosslessly, holdsActionItems, readActionItems, valuesOf } from './actionItems';
import { applyEdits, editsForFix, type TextEdit } from './fixes';
import type { Analysis } from './analysis';
import type { Range } from './model';
import type { Fix } from './rules/types';
import { findDiagram, timelineDiagram } from './timelineDiagram';

// Actions on the writing, offered where the cursor is whether or not there is a finding:
// "Convert action items to a table" (and back) in the corrective section, "Insert timeline
// diagram" (or update it) in the timeline. The same fix data the rules carry; fixes.ts writes them.

export interface WritingAction {
  title: string;
  /** `rewrite` changes the form of what is there; `insert` adds a block. */
  kind: 'rewrite' | 'insert';
  fix: Fix;
  edits: TextEdit[];
}

const touches = (range: Range, from: number, to: number) => range.start.line <= to && range.end.line >= from;

/** The fix data of the actions at `range`, before they become edits. */
export function writingFixesAt(analysis: Analysis, range: Range): { kind: WritingAction['kind']; fix: Fix }[] {
  const { document, incident } = analysis;
  const out: { kind: WritingAction['kind']; fix: Fix }[] = [];
  const { blocks } = readActionItems(document);
  const convertible = (b: ActionItemBlock) => b.convertible && b.items.length > 0 && convertsLosslessly(b);
  let here = blocks.filter((b) => touches(range, b.startLine, b.endLine) && convertible(b));
  // On the heading of a section of action items: its blocks.
  if (!here.length) {
    const heading = document.sections.find((s) => holdsActionItems(s.id) && touches(range, s.headingRange.start.line, s.headingRange.end.line));
    if (heading) here = blocks.filter((b) => b.startLine >= heading.bodyStartLine && b.endLine <= heading.range.end.line && convertible(b));
  }
  const where = (b: ActionItemBlock) => (here.length > 1 ? ` (line ${b.startLine + 1})` : '');
  for (const b of here) {
    out.push(
      b.kind === 'list'
        ? { kind: 'rewrite', fix: { kind: 'action-items-table', title: `Convert action items to a table${where(b)}`, line: b.startLine, safe: false } }
        : {
            kind: 'rewrite',
            fix: { kind: 'action-items-list', title: `Convert action items table to a task list${where(b)}`, line: b.startLine, safe: false },
          },
    );
  }
  const timeline = document.sections.find((s) => s.id === 'timeline');
  const existing = findDiagram(document);
  const inTimeline = timeline && touches(range, timeline.range.start.line, timeline.range.end.line);
  const onDiagram = existing && touches(range, existing.startLine, existing.endLine);
  if (inTimeline || onDiagram) {
    const diagram = timelineDiagram(document, incident);
    if (diagram) {
      out.push({
        kind: 'insert',
        fix: { kind: 'timeline-diagram', title: existing ? 'Update timeline diagram' : 'Insert timeline diagram', text: diagram.text, safe: false },
      });
    }
  }
  return out;
}

/** The writing actions at `range`, with their edits. `reanalyze` reads a text as the analysis was read. */
export function writingActionsAt(analysis: Analysis, range: Range, reanalyze?: (text: string) => Analysis): WritingAction[] {
  const { document } = analysis;
  const text = document.lines.map((l, i) => l + document.eols[i]).join('');
  const items = () => readActionItems(document).items.map(valuesOf);
  return writingFixesAt(analysis, range).flatMap(({ kind, fix }) => {
    const edits = editsForFix(document, analysis.template, fix);
    // An update that writes the same diagram again changes nothing: not offered.
    if (!edits.length || (fix.kind === 'timeline-diagram' && edits.length === 1 && sameText(analysis, edits[0]))) return [];
    // A conversion must read back as the same action items in the whole document (a row that names a
    // section would become that section's heading as a bullet): if it does not, it is not offered.
    if (reanalyze && fix.kind !== 'timeline-diagram') {
      const after = readActionItems(reanalyze(applyEdits(text, document, edits)).document).items.map(valuesOf);
      const before = items();
      if (after.length !== before.length || after.some((v, i) => v !== before[i])) return [];
    }
    return [{ title: fix.title, kind, fix, edits }];
  });
}

function sameText(analysis: Analysis, edit: TextEdit): boolean {
  const { lines } = analysis.document;
  const { start, end } = edit.range;
  if (start.line === end.line && start.character === end.character) return false;
  const old = lines.slice(start.line, end.line + 1);
  return old.join('\n') === edit.newText.replace(/\r\n|\r/g, '\n');
}
