import { classify } from './classify';
import { evaluateCompleteness } from './completeness';
import { mergeSettings } from './config';
import { applyEdits, editsForFix, insertAllSectionsEdits, suppressionEdit, type TextEdit } from './fixes';
import { type DurationAction, durationActionsAt } from './durationActions';
import { noIncident, readIncident } from './incident';
import type { Position, PostmortemDocument, Range, Severity } from './model';
import { assemble, markdownSource, splitText } from './parse/assemble';
import { parseBlocks } from './parse/blocks';
import { type BlockMemo, parseBlocksReusing } from './incremental/blocks';
import { carryLines } from './incremental/lines';
import { rotateRemembered, setRemembering } from './incremental/memo';
import { lineRange, readFrontMatter } from './parse/lines';
import { allRules, type Finding, type Fix, type Rule } from './rules';
import { builtinTemplates, defaultTemplateId, type Template } from './templates';
import { completionsAt, type Completion, type CompletionContext } from './language/completion';
import { hoverAt, type HoverResult } from './language/hover';
import { timeHoverAt } from './language/timeHover';
import { postmortemSkeleton, type PostmortemSkeleton, type SkeletonValues } from './language/snippets';
import { folds, outline, selectionRanges, type Fold, type NestedRange, type OutlineSymbol } from './language/symbols';
import { skeletonValuesOf, timelineEntryAt, type EntryInsertion, type Now } from './language/timelineEntry';
import { type ActionItem, readActionItems } from './actionItems';
import { proseWords } from './writing/prose';
import { type WritingAction, writingActionsAt } from './writingActions';

import type { Analysis, AnalyzeOptions, Logger } from './analysis';

// The postmortem service: pure (no editor, no LSP runtime, no Node built-ins), so the same code
// serves the language server, the CLI and a browser worker.

export type { Analysis, AnalyzeOptions, Diagnostic, Logger } from './analysis';
export * from './config';
export type { Classification } from './classify';
export type { Completeness, FieldCompleteness, FieldStatus, Gap, PlaceholderSite, SectionCompleteness, SectionStatus } from './completeness';
export { allPlaceholders, gapsOf } from './completeness';
export type { TextEdit } from './fixes';
export type { DurationAction } from './durationActions';
export { durationActionsAt } from './durationActions';
export type { DurationSite, Incident, IncidentTime, StatedIncidentDuration, UnparsedTime } from './incident';
export { timeHoverAt } from './language/timeHover';
export * from './model';
export type { Finding, Fix, Rule } from './rules';
export { allRules } from './rules';
export { builtinTemplates, defaultTemplateId } from './templates';
export type { ChecklistCheck, ChecklistItem, Template, TemplateField, TemplateSection } from './templates';
export type { Completion, CompletionContext, CompletionKind } from './language/completion';
export type { HoverResult } from './language/hover';
export type { PostmortemSkeleton, SkeletonValues } from './language/snippets';
export { snippetText } from './language/snippets';
export type { Fold, NestedRange, OutlineSymbol, SymbolKind } from './language/symbols';
export type { EntryInsertion, Now } from './language/timelineEntry';
export type { ActionItem, ActionNote } from './actionItems';
export type { WritingAction } from './writingActions';
export { diagramEndMarker, diagramStartMarker } from './timelineDiagram';

/** One edit, as LSP content changes give it: a range in the text before this edit, or no range for a new whole text. */
export type TextChange = { range: Range; text: string } | { text: string };

export interface PostmortemService {
  readonly rules: readonly Rule[];
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  /**
   * The analysis of `text`, which is the text of `previous` with `changes` applied in order, with
   * the same options: equal to `analyze(text, options)`. The one entry point for re-analysis
   * after an edit: the reading of every top-level block whose lines (and the lines next to it)
   * did not change is taken from `previous` (incremental/blocks.ts); the readings of each line
   * (classifier counts, prose, section shapes) are remembered by text, and a line the changes'
   * ranges did not touch keeps them without a look-up (incremental/lines.ts); time readings, each
   * timeline entry's time (by its line, the clock and the entries before it) and the writing
   * rules' readings are remembered across analyses; the rest (sections, fields, incident, rules)
   * is computed again from those.
   */
  reanalyze(previous: Analysis, text: string, changes: readonly TextChange[], options?: AnalyzeOptions): Analysis;
  /** The edits of one fix, computed against the analysed text. */
  editsForFix(analysis: Analysis, fix: Fix): TextEdit[];
  /** Every missing section at once, in template order. */
  insertAllMissingSections(analysis: Analysis): TextEdit[];
  /** The comment that turns the finding's rule off for its line or the file. */
  suppress(analysis: Analysis, finding: Finding, scope: 'line' | 'file'): TextEdit;
  /** One round of every safe fix, as non-overlapping edits (`source.fixAll`). */
  fixAllEdits(analysis: Analysis): TextEdit[];
  /** Applies every safe fix until none is left (bounded), returning the new text. */
  fixAll(text: string, options?: AnalyzeOptions): { text: string; applied: number };
  applyEdits(text: string, analysis: Analysis, edits: readonly TextEdit[]): string;
  /** "Compute duration" on the Duration, Start and End lines, with or without a diagnostic. */
  durationActionsAt(analysis: Analysis, range: Range): DurationAction[];
  templates(customTemplates?: readonly Template[]): Template[];
  hover(analysis: Analysis, position: Position): HoverResult | undefined;
  outline(analysis: Analysis): OutlineSymbol[];
  folds(analysis: Analysis): Fold[];
  /** For each position, the ranges around it: time or label, entry or field, section, document. */
  selectionRanges(analysis: Analysis, positions: readonly Position[]): NestedRange[];
  /** Missing sections at a line start, a value's shape after a field label, the next timeline entry. */
  completions(analysis: Analysis, position: Position, context?: CompletionContext): Completion[];
  /** A whole postmortem of the template, with the date and zone filled in when given. */
  newPostmortem(template: Template, values?: SkeletonValues): PostmortemSkeleton;
  /** A timeline entry for the current time, written like the entry before the position. */
  timelineEntry(analysis: Analysis, position: Position, now: Now): EntryInsertion;
  /** The tasks of the corrective section(s): text, done or open, owner, due date, tickets. */
  actionItems(analysis: Analysis): ActionItem[];
  /** Prose words as `word-count` and the status bar count them (code, tables of logs, front matter left out). */
  words(analysis: Analysis): number;
  /** "Convert action items to a table" (and back), "Insert timeline diagram" at `range`. */
  writingActionsAt(analysis: Analysis, range: Range): WritingAction[];
}

const structureOnlyCode = 'large-document';
const unknownTemplateCode = 'unknown-template';

export interface ServiceOptions {
  rules?: readonly Rule[];
  logger?: Logger;
  /**
   * Each text is analysed once (the command line): readings are not remembered for a re-analysis
   * (incremental/memo.ts), which keeps the memory of a long document's analysis to what it finds.
   * `reanalyze` still gives the same analysis, only without remembered readings to take.
   */
  oneShot?: boolean;
}

export function createPostmortemService(options: ServiceOptions = {}): PostmortemService {
  const rules = options.rules ?? allRules;
  const remember = !options.oneShot;
  const logger = options.logger;

  const templates = (custom: readonly Template[] = []) => [...custom, ...builtinTemplates.filter((b) => !custom.some((c) => c.id === b.id))];

  // What each re-analysis leaves for the next (only analyses made by reanalyze keep one).
  const memos = new WeakMap<Analysis, BlockMemo>();

  function analyze(
    text: string,
    analyzeOptions: AnalyzeOptions = {},
    reusing?: { previous: BlockMemo | undefined; lines: readonly string[]; changes: readonly TextChange[] },
  ): Analysis {
    setRemembering(remember);
    rotateRemembered();
    const settings = mergeSettings(analyzeOptions.settings);
    const split = splitText(text);
    // The lines no change touched keep their readings (incremental/lines.ts).
    if (reusing) carryLines(reusing.lines, split.lines, reusing.changes);
    const frontMatter = readFrontMatter(split.lines);
    const available = templates(analyzeOptions.customTemplates);
    const wanted = frontMatter?.template ?? settings.template;
    const template = available.find((t) => t.id === wanted) ?? available.find((t) => t.id === defaultTemplateId) ?? builtinTemplates[0];
    const structureOnly = text.length > settings.maxDocumentSize;
    const source = () => markdownSource(split.lines, frontMatter?.endLine ?? -1);
    let memo: BlockMemo | undefined;
    let blocks: ReturnType<typeof parseBlocks>;
    // A first analysis leaves what the next re-analysis reuses too (else the first keystroke after
    // opening a document would parse all of it again); one that no re-analysis follows does not.
    if (reusing || remember) ({ blocks, memo } = parseBlocksReusing(source, split.lines, frontMatter ? frontMatter.endLine + 1 : 0, reusing?.previous));
    else blocks = parseBlocks(source(), split.lines);
    const document = assemble(split, blocks, template, frontMatter);
    const classification = classify(document, template);
    const analyzed = analyzeOptions.force === true || analyzeOptions.matchesFileGlobs === true || (settings.detectByContent && classification.isPostmortem);
    // Above the size limit times are not read at all (postmortem.maxDocumentSize).
    const incident = structureOnly ? { ...noIncident, unparsedTimes: [], zoneDeclarations: [] } : readIncident(document, settings);
    const completeness = evaluateCompleteness(document, template, incident);
    const missingSections = completeness.missingSections;
    const analysis: Analysis = {
      document,
      template,
      settings,
      classification,
      analyzed,
      structureOnly,
      incident,
      completeness,
      missingSections,
      diagnostics: [],
    };
    if (memo) memos.set(analysis, memo);
    if (!analyzed) return analysis;

    const anchor = anchorOf(document);
    const findings: (Finding & { severity: Severity })[] = [];
    if (wanted !== template.id) {
      findings.push({
        code: unknownTemplateCode,
        message: `Unknown template "${wanted}"; using "${template.id}". Known templates: ${available.map((t) => t.id).join(', ')}.`,
        range: frontMatter ? lineRange(document.lines, frontMatter.startLine) : anchor,
        fixes: [],
        severity: 'warning',
      });
    }
    if (structureOnly) {
      findings.push({
        code: structureOnlyCode,
        message: `This document is larger than ${settings.maxDocumentSize.toLocaleString('en-US')} characters: only its structure is analysed (postmortem.maxDocumentSize).`,
        range: anchor,
        fixes: [],
        severity: 'information',
      });
    }
    for (const rule of rules) {
      const severity = settings.rules[rule.code] ?? rule.defaultSeverity;
      if (severity === 'off' || (structureOnly && !rule.structural)) continue;
      try {
        for (const finding of rule.check({ document, template, settings, incident, completeness, anchor })) findings.push({ ...finding, severity });
      } catch (error) {
        logger?.error(`rule ${rule.code} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    analysis.diagnostics = findings.filter((f) => !suppressed(document, f.code, f.range));
    return analysis;
  }

  function fixAllEdits(analysis: Analysis): TextEdit[] {
    const edits: TextEdit[] = [];
    const missing = analysis.diagnostics.filter((d) => d.code === 'missing-section').map((d) => String(d.data?.sectionId));
    const values = skeletonValuesOf(analysis);
    if (missing.length) edits.push(...insertAllSectionsEdits(analysis.document, analysis.template, missing, values));
    for (const d of analysis.diagnostics) {
      if (d.code === 'missing-section') continue;
      // A replacement is applied only when marked safe; a fix marked unsafe (it reorders or rewrites what the user wrote) never is.
      const fix = d.fixes.find((f) => (f.kind === 'replace' || f.kind === 'replace-all' ? f.safe : !('safe' in f && f.safe === false)));
      if (fix) edits.push(...editsForFix(analysis.document, analysis.template, fix, values));
    }
    return edits;
  }

  function fixAll(text: string, analyzeOptions: AnalyzeOptions = {}): { text: string; applied: number } {
    let current = text;
    let applied = 0;
    for (let round = 0; round < 8; round++) {
      const analysis = analyze(current, analyzeOptions);
      const edits = fixAllEdits(analysis);
      if (!edits.length) break;
      const next = applyEdits(current, analysis.document, edits);
      if (next === current) break;
      applied += edits.length;
      current = next;
    }
    return { text: current, applied };
  }

  return {
    rules,
    analyze,
    // The blocks whose text did not change are not read again (incremental/blocks.ts); the lines the
    // changes' ranges did not touch keep their readings without a look-up (incremental/lines.ts).
    reanalyze: (previous, text, changes, analyzeOptions) =>
      analyze(text, analyzeOptions, { previous: memos.get(previous), lines: previous.document.lines, changes }),
    editsForFix: (analysis, fix) => editsForFix(analysis.document, analysis.template, fix, skeletonValuesOf(analysis)),
    insertAllMissingSections: (analysis) => insertAllSectionsEdits(analysis.document, analysis.template, analysis.missingSections, skeletonValuesOf(analysis)),
    suppress: (analysis, finding, scope) => suppressionEdit(analysis.document, finding, scope),
    fixAll,
    fixAllEdits,
    applyEdits: (text, analysis, edits) => applyEdits(text, analysis.document, edits),
    durationActionsAt,
    templates: (custom) => templates(custom),
    // Section or field help, with what the clock says about a time or the Duration line below it.
    hover: (analysis, position) => {
      const help = hoverAt(analysis, position);
      const time = timeHoverAt(analysis, position);
      return help && time ? { contents: `${help.contents}\n\n---\n\n${time.contents}`, range: help.range } : (help ?? time);
    },
    outline,
    folds,
    selectionRanges,
    completions: completionsAt,
    newPostmortem: postmortemSkeleton,
    timelineEntry: timelineEntryAt,
    actionItems: (analysis) => readActionItems(analysis.document).items,
    words: (analysis) => proseWords(analysis.document),
    writingActionsAt: (analysis, range) =>
      writingActionsAt(analysis, range, (text) =>
        analyze(text, {
          settings: analysis.settings,
          customTemplates: analysis.template.source === '.postmortemrc.json' ? [analysis.template] : [],
          force: true,
        }),
      ),
  };
}

function suppressed(document: PostmortemDocument, code: string, range: Range): boolean {
  const { file, lines } = document.suppressions;
  if (file.has('*') || file.has(code)) return true;
  const onLine = lines.get(range.start.line);
  return onLine !== undefined && (onLine.has('*') || onLine.has(code));
}

/** Document-level findings sit on the title, or on the first line with text. */
function anchorOf(document: PostmortemDocument): Range {
  if (document.title) return lineRange(document.lines, document.title.line);
  // Not a comment line: a disable comment written above the anchor must not become the anchor.
  const first = document.lines.findIndex(
    (l, i) => l.trim() !== '' && !/^\s*<!--.*-->\s*$/.test(l) && !(document.frontMatter && i <= document.frontMatter.endLine),
  );
  // Nothing but blank lines (spaces, a byte order mark): the start of the document.
  return first < 0 ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : lineRange(document.lines, first);
}
