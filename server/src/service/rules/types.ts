import type { PostmortemSettings } from '../config';
import type { PostmortemDocument, Range, Severity } from '../model';
import type { Template } from '../templates';
import type { Incident } from '../incident';

/** A fix, as data. `fixes.ts` turns it into text edits, in one place. */
export type Fix =
  | { kind: 'insert-section'; title: string; sectionId: string }
  | { kind: 'fill-section'; title: string; sectionId: string; line: number }
  | { kind: 'insert-field'; title: string; sectionId: string; fieldId: string }
  | { kind: 'replace'; title: string; range: Range; newText: string; safe?: boolean };

export interface Finding {
  code: string;
  message: string;
  range: Range;
  /** Fixes; the first is the preferred one. */
  fixes: Fix[];
  /** Anything the code actions or hover need to read back. */
  data?: Record<string, unknown>;
}

export interface RuleContext {
  document: PostmortemDocument;
  template: Template;
  settings: PostmortemSettings;
  incident: Incident;
  /** The line a document-level finding sits on (the title, or the first line with text). */
  anchor: Range;
}

export interface Rule {
  /** The diagnostic code, kebab-case. */
  code: string;
  description: string;
  defaultSeverity: Severity;
  tags: string[];
  /** Only structure rules run on documents above the size limit. */
  structural: boolean;
  check(context: RuleContext): Finding[];
}
