import { classify, type Classification } from './classify';
import { mergeSettings, type PostmortemSettings } from './config';
import { applyEdits, editsForFix, insertAllSectionsEdits, suppressionEdit, type TextEdit } from './fixes';
import { readIncident, type Incident } from './incident';
import type { Position, PostmortemDocument, Range, Severity } from './model';
import { assemble, markdownSource, splitText } from './parse/assemble';
import { parseBlocks } from './parse/blocks';
import { lineRange, readFrontMatter } from './parse/lines';
import { allRules, type Finding, type Fix, type Rule } from './rules';
import { builtinTemplates, defaultTemplateId, type Template } from './templates';
import { hoverAt, type HoverResult } from './language/hover';
import { folds, outline, type Fold, type OutlineSymbol } from './language/symbols';

// The postmortem service: pure (no editor, no LSP runtime, no Node built-ins), so the same code
// serves the language server, the CLI and a browser worker.

export * from './config';
export type { Classification } from './classify';
export type { TextEdit } from './fixes';
export type { Incident, IncidentTime } from './incident';
export * from './model';
export type { Finding, Fix, Rule } from './rules';
export { allRules } from './rules';
export { builtinTemplates, defaultTemplateId } from './templates';
export type { Template, TemplateField, TemplateSection } from './templates';
export type { HoverResult } from './language/hover';
export type { Fold, OutlineSymbol, SymbolKind } from './language/symbols';

export interface Diagnostic extends Finding {
  severity: Severity;
}

export interface AnalyzeOptions {
  settings?: Partial<PostmortemSettings>;
  /** Templates defined in `.postmortemrc.json`. */
  customTemplates?: readonly Template[];
  /** The file's path matches the `files` globs (the host decides: it knows paths). */
  matchesFileGlobs?: boolean;
  /** Analyse whatever the content says: a file named on the command line, "Check This File". */
  force?: boolean;
}

export interface Analysis {
  document: PostmortemDocument;
  template: Template;
  settings: PostmortemSettings;
  classification: Classification;
  /** Findings are reported: the document is a postmortem by content, path or request. */
  analyzed: boolean;
  /** Only structure was analysed (the document is above `maxDocumentSize`). */
  structureOnly: boolean;
  incident: Incident;
  missingSections: string[];
  diagnostics: Diagnostic[];
}

export interface Logger {
  error(message: string): void;
}

export interface PostmortemService {
  readonly rules: readonly Rule[];
  analyze(text: string, options?: AnalyzeOptions): Analysis;
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
  templates(customTemplates?: readonly Template[]): Template[];
  hover(analysis: Analysis, position: Position): HoverResult | undefined;
  outline(analysis: Analysis): OutlineSymbol[];
  folds(analysis: Analysis): Fold[];
}

const structureOnlyCode = 'large-document';
const unknownTemplateCode = 'unknown-template';

export function createPostmortemService(options: { rules?: readonly Rule[]; logger?: Logger } = {}): PostmortemService {
  const rules = options.rules ?? allRules;
  const logger = options.logger;

  const templates = (custom: readonly Template[] = []) => [...custom, ...builtinTemplates.filter((b) => !custom.some((c) => c.id === b.id))];

  function analyze(text: string, analyzeOptions: AnalyzeOptions = {}): Analysis {
    const settings = mergeSettings(analyzeOptions.settings);
    const split = splitText(text);
    const frontMatter = readFrontMatter(split.lines);
    const available = templates(analyzeOptions.customTemplates);
    const wanted = frontMatter?.template ?? settings.template;
    const template = available.find((t) => t.id === wanted) ?? available.find((t) => t.id === defaultTemplateId) ?? builtinTemplates[0];
    const structureOnly = text.length > settings.maxDocumentSize;
    const blocks = parseBlocks(markdownSource(split.lines, frontMatter?.endLine ?? -1), split.lines);
    const document = assemble(split, blocks, template);
    const classification = classify(document, template);
    const analyzed = analyzeOptions.force === true || analyzeOptions.matchesFileGlobs === true || (settings.detectByContent && classification.isPostmortem);
    const incident = structureOnly ? readIncident(emptyDocument(document), settings) : readIncident(document, settings);
    const present = new Set(document.sections.map((s) => s.id));
    const missingSections = template.sections.filter((s) => s.required && !present.has(s.id)).map((s) => s.id);
    const analysis: Analysis = { document, template, settings, classification, analyzed, structureOnly, incident, missingSections, diagnostics: [] };
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
        for (const finding of rule.check({ document, template, settings, incident, anchor })) findings.push({ ...finding, severity });
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
    if (missing.length) edits.push(...insertAllSectionsEdits(analysis.document, analysis.template, missing));
    for (const d of analysis.diagnostics) {
      if (d.code === 'missing-section') continue;
      const fix = d.fixes.find((f) => f.kind !== 'replace' || f.safe);
      if (fix) edits.push(...editsForFix(analysis.document, analysis.template, fix));
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
    editsForFix: (analysis, fix) => editsForFix(analysis.document, analysis.template, fix),
    insertAllMissingSections: (analysis) => insertAllSectionsEdits(analysis.document, analysis.template, analysis.missingSections),
    suppress: (analysis, finding, scope) => suppressionEdit(analysis.document, finding, scope),
    fixAll,
    fixAllEdits,
    applyEdits: (text, analysis, edits) => applyEdits(text, analysis.document, edits),
    templates: (custom) => templates(custom),
    hover: hoverAt,
    outline,
    folds,
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
  const first = document.lines.findIndex((l, i) => l.trim() !== '' && !(document.frontMatter && i <= document.frontMatter.endLine));
  return lineRange(document.lines, Math.max(first, 0));
}

function emptyDocument(document: PostmortemDocument): PostmortemDocument {
  return { ...document, fields: [], timeline: [] };
}
