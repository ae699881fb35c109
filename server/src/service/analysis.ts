import type { Classification } from './classify';
import type { PostmortemSettings } from './config';
import type { Incident } from './incident';
import type { PostmortemDocument, Severity } from './model';
import type { Finding } from './rules';
import type { Template } from './templates';

// What one analysis of a document holds. A module of its own, so that the language features and
// the service's entry point both import it without importing each other.

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
