import { type Position, type Range, RequestType } from 'vscode-languageserver-protocol';

// The extension's own requests, declared once for both ends of the wire. Only the protocol
// package is imported here, so the client still never imports server code.

export interface StatusParams {
  uri: string;
}

/** One thing left to write (the server's completeness evaluation decides). */
export interface PostmortemGap {
  kind: 'missing-section' | 'empty-section' | 'placeholder-section' | 'missing-field' | 'placeholder-field' | 'placeholder';
  /** `Timeline`, `Issue Summary › Impact`. */
  label: string;
  /** Why it is listed: `missing`, `empty`, `still a placeholder: HH:MM`. */
  detail: string;
  sectionId: string | null;
  fieldId?: string;
  /** Where it is; absent for what is not in the document at all. */
  range?: Range;
  required: boolean;
}

/** Where the template in effect was chosen. */
export interface TemplateOrigin {
  kind: 'front-matter' | 'config-file' | 'settings' | 'default';
  /** URI of the `.postmortemrc.json` for `config-file`. */
  file?: string;
  /** E.g. why the default applies: `the front matter names "sre", which is no template`. */
  note?: string;
}

/** `postmortem/status`: what the status bar shows for a document. */
export interface PostmortemStatus {
  analyzed: boolean;
  isPostmortem: boolean;
  template: string;
  templateName: string;
  templateOrigin: TemplateOrigin;
  /** Required sections that are present and filled in, with every required field. */
  requiredPresent: number;
  requiredTotal: number;
  /** Names of the required sections that are not complete. */
  missing: string[];
  /** Everything left to write, required first. */
  gaps: PostmortemGap[];
  durationMinutes: number | null;
  /** URI of the `.postmortemrc.json` in effect, if any. */
  configFile: string | null;
  problems: number;
  /** Prose words, as `word-count` counts them. */
  words: number;
  /** The range the template asks for (`postmortem.wordCount`), or null when it asks none. */
  wordRange: { min?: number; max?: number } | null;
}

export const statusRequest = new RequestType<StatusParams, PostmortemStatus | null, void>('postmortem/status');

export interface TemplatesParams {
  /** A document or workspace folder whose `.postmortemrc.json` may define templates. */
  uri?: string;
  /** `2024-05-02`: filled in for `YYYY-MM-DD`. */
  date?: string;
  /** The editor's zone (`Europe/Berlin`, `UTC+02:00`): filled in for `(time zone)`. */
  timeZone?: string;
}

/** `postmortem/templates`: the templates that apply, each with a whole postmortem to start from. */
export interface TemplateChoice {
  id: string;
  name: string;
  description: string;
  source: string;
  /** The whole postmortem as plain Markdown. */
  text: string;
  /** The same as a snippet, with tab stops on what to write. */
  snippet: string;
}

export const templatesRequest = new RequestType<TemplatesParams, TemplateChoice[], void>('postmortem/templates');

export interface TimelineEntryParams {
  uri: string;
  position: Position;
  /** The current time, milliseconds since the epoch. */
  now: number;
  /** The editor's zone, used when the document names none. */
  timeZone?: string;
}

/** `postmortem/timelineEntry`: the entry "Insert Timeline Entry" writes at the cursor. */
export interface TimelineEntryEdit {
  /** Snippet text. */
  snippet: string;
  range: Range;
}

export const timelineEntryRequest = new RequestType<TimelineEntryParams, TimelineEntryEdit | null, void>('postmortem/timelineEntry');

/**
 * `CodeAction.data` of a fix that writes a skeleton, for a client that declared the experimental
 * capability `snippetTextEdit`: the same edits as snippets, to apply instead of the plain ones.
 * (A client with LSP 3.18's `workspace.workspaceEdit.snippetEditSupport` gets SnippetTextEdits instead.)
 */
export interface SnippetEditData {
  snippetEdits: { range: Range; snippet: string }[];
}

export interface FillGapParams {
  uri: string;
  kind: 'missing-section' | 'empty-section' | 'missing-field';
  sectionId: string;
  fieldId?: string;
}

/** `postmortem/fillGap`: the edit that writes a missing section or field (or fills an empty section), as text and snippet. */
export interface GapEdit {
  range: Range;
  newText: string;
  snippet: string;
}

export const fillGapRequest = new RequestType<FillGapParams, GapEdit | null, void>('postmortem/fillGap');

export interface ReadFileParams {
  uri: string;
}

/**
 * `postmortem/readFile`, from the server to the client: the text of a file, or null when it does not
 * exist or cannot be read. The browser server has no file system of its own; the client reads
 * through `vscode.workspace.fs`, which also serves virtual file systems.
 */
export const readFileRequest = new RequestType<ReadFileParams, string | null, void>('postmortem/readFile');
