import type { Connection, ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { OpenDocuments } from './documents';
import type { Analysis, PostmortemService, Template } from './service';

// What every feature of the server is given. A module of its own, so that the features and the
// server that wires them both import it without importing each other.

/** What `analysisOf` checks before analysing: a request's cancellation token, or "this version is outdated". */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export interface ServerContext {
  /** Every handler registered on it gets its positions and ranges clamped to the document (boundary.ts). */
  connection: Connection;
  /** `get` gives a snapshot: one version of the document, which never changes. */
  documents: OpenDocuments;
  service: PostmortemService;
  /**
   * The analysis of that snapshot's text (cached per document and version). Rejects with a
   * cancellation, analysing nothing, when `cancellation` is requested before the analysis starts.
   */
  analysisOf(document: TextDocument, cancellation?: Cancellation): Promise<Analysis>;
  /** How long the document's last analysis took (ms), or an estimate from its size before the first. */
  analysisCost(document: TextDocument): number;
  /** Documents the user asked to check whatever their name or content ("Check This File"). */
  forced: Set<string>;
  /** The project configuration file that applies to a document, if any. */
  configFileOf(uri: string): Promise<string | undefined>;
  /** The templates for a document or folder: its project's custom ones, then the built-in ones. */
  templatesFor(uri: string | undefined): Promise<Template[]>;
  /** Runs a handler; an exception is logged with the document and feature, and the request gets `empty` (a cancelled one: the LSP cancellation error). */
  safe<T>(feature: string, uri: string | undefined, empty: T, run: () => T | Promise<T>): Promise<T | ResponseError<void>>;
  /** Re-analyses every open document (settings or configuration changed). */
  revalidateAll(): void;
}
