import type { Completeness } from '../completeness';
import type { PostmortemSettings } from '../config';
import type { PostmortemDocument, Range, Severity } from '../model';
import type { Template } from '../templates';
import type { DurationSite, Incident } from '../incident';

/** A fix, as data. `fixes.ts` turns it into text edits, in one place. */
export type Fix =
  | { kind: 'insert-section'; title: string; sectionId: string }
  | { kind: 'fill-section'; title: string; sectionId: string; line: number }
  | { kind: 'insert-field'; title: string; sectionId: string; fieldId: string }
  | { kind: 'replace'; title: string; range: Range; newText: string; safe?: boolean }
  /** Several replacements that are one repair (every mis-decoded place of the file). */
  | { kind: 'replace-all'; title: string; edits: { range: Range; newText: string }[]; safe?: boolean }
  /** Write `minutes` (as "4 hours 15 minutes") where the document keeps its duration, in its style. */
  | { kind: 'write-duration'; title: string; minutes: number; site: DurationSite }
  /** Move whole timeline entries (with their nested lines) into chronological order; never applied by fix-all. */
  | { kind: 'sort-timeline'; title: string; entries: TimelineSortKey[]; safe: false }
  /** Rewrite the action items (a list or a table) starting on `line` as a table, or as a task list; never applied by fix-all. */
  | { kind: 'action-items-table' | 'action-items-list'; title: string; line: number; safe: false }
  /** Write the timeline diagram after the timeline section, or over the diagram written before; never applied by fix-all. */
  | { kind: 'timeline-diagram'; title: string; text: string; safe: false };

/** A timeline entry's lines and the instant it is sorted by (null: it stays after the entry before it). */
export interface TimelineSortKey {
  line: number;
  endLine: number;
  at: number | null;
}

export interface Finding {
  code: string;
  message: string;
  range: Range;
  /** Fixes; the first is the preferred one. */
  fixes: Fix[];
  /** Anything the code actions or hover need to read back. */
  data?: Record<string, unknown>;
  /** Other places in the document the finding is about (LSP related information). */
  related?: RelatedPlace[];
}

export interface RelatedPlace {
  range: Range;
  message: string;
}

export interface RuleContext {
  document: PostmortemDocument;
  template: Template;
  settings: PostmortemSettings;
  incident: Incident;
  /** What is filled in: the one evaluation the structure rules, status bar and hover share. */
  completeness: Completeness;
  /** The line a document-level finding sits on (the title, or the first line with text). */
  anchor: Range;
}

export interface Rule {
  /** The diagnostic code, kebab-case. */
  code: string;
  description: string;
  /** What to do about a finding, in a sentence or two (SARIF `help`, `lint --format sarif`). */
  help: string;
  defaultSeverity: Severity;
  tags: string[];
  /** Only structure rules run on documents above the size limit. */
  structural: boolean;
  check(context: RuleContext): Finding[];
}
