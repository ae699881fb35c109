import {
  type Connection,
  type Disposable,
  Emitter,
  type Event,
  type Range,
  type TextDocumentChangeEvent,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

// The open documents, kept in sync with the client's incremental changes (TextDocumentSyncKind
// .Incremental). `get` gives a snapshot: a TextDocument of one version that never changes, so a
// handler that awaits (the configuration, an analysis) still reads the text and version it was
// asked about. The changes between two snapshots are kept, so that an analysis can be redone
// from the previous one and the edit ranges.

/** One content change as the client sent it: a range in the text before the change, or no range for the whole text. */
export type DocumentChange = { range: Range; text: string } | { text: string };

interface OpenDocument {
  /** Updated in place by each change (cheap: its line offsets are patched, not recomputed). */
  live: TextDocument;
  /** Counts the changes since the open; orders snapshots even when the client's versions do not. */
  sequence: number;
  snapshot?: TextDocument;
  /** The changes made after `loggedFrom`, in order, each with the sequence number it produced. */
  log: { sequence: number; changes: DocumentChange[] }[];
  loggedFrom: number;
}

/** Changes kept per document at most; older ones are dropped and the next analysis is a full one. */
const maxLoggedChanges = 1000;

export class OpenDocuments {
  private readonly open = new Map<string, OpenDocument>();
  /** Each snapshot's document and sequence number, to tell an old version from a closed one. */
  private readonly snapshots = new WeakMap<TextDocument, { document: OpenDocument; sequence: number }>();
  private readonly opened = new Emitter<TextDocumentChangeEvent<TextDocument>>();
  private readonly changed = new Emitter<TextDocumentChangeEvent<TextDocument>>();
  private readonly closed = new Emitter<TextDocumentChangeEvent<TextDocument>>();

  /** A document was opened. */
  readonly onDidOpen: Event<TextDocumentChangeEvent<TextDocument>> = this.opened.event;
  /** A document was opened or its content changed. */
  readonly onDidChangeContent: Event<TextDocumentChangeEvent<TextDocument>> = this.changed.event;
  /** A document was closed (the event carries its last snapshot). */
  readonly onDidClose: Event<TextDocumentChangeEvent<TextDocument>> = this.closed.event;

  /** The current version of an open document, as a snapshot that never changes. */
  get(uri: string): TextDocument | undefined {
    const document = this.open.get(uri);
    if (!document) return undefined;
    if (!document.snapshot) {
      const { live } = document;
      document.snapshot = TextDocument.create(live.uri, live.languageId, live.version, live.getText());
      this.snapshots.set(document.snapshot, { document, sequence: document.sequence });
    }
    return document.snapshot;
  }

  all(): TextDocument[] {
    return this.keys().flatMap((uri) => this.get(uri) ?? []);
  }

  keys(): string[] {
    return [...this.open.keys()];
  }

  /** Whether `snapshot` is still the current version of its document (not outdated, not closed). */
  isCurrent(snapshot: TextDocument): boolean {
    return this.get(snapshot.uri) === snapshot;
  }

  /** Whether `later` is a version of an open document, and later than `earlier` (if that is of the same opening). */
  isLater(later: TextDocument, earlier: TextDocument | undefined): boolean {
    const a = this.snapshots.get(later);
    const b = earlier && this.snapshots.get(earlier);
    return a !== undefined && a.document === this.open.get(later.uri) && (b === undefined || b.document !== a.document || a.sequence > b.sequence);
  }

  /**
   * The changes that turn `from` into `to`, in the order they were made, or undefined when they
   * are not known (different documents, a reopen, too many changes in between, `to` not later).
   */
  changesBetween(from: TextDocument, to: TextDocument): readonly DocumentChange[] | undefined {
    const a = this.snapshots.get(from);
    const b = this.snapshots.get(to);
    if (!a || !b || a.document !== b.document || a.sequence > b.sequence || a.sequence < a.document.loggedFrom) return undefined;
    return a.document.log.filter((entry) => entry.sequence > a.sequence && entry.sequence <= b.sequence).flatMap((entry) => entry.changes);
  }

  /** Forgets the changes up to `snapshot`: nothing older will be re-analysed from its changes. */
  forgetChangesUpTo(snapshot: TextDocument): void {
    const s = this.snapshots.get(snapshot);
    if (!s || s.document !== this.open.get(snapshot.uri) || s.sequence <= s.document.loggedFrom) return;
    s.document.log = s.document.log.filter((entry) => entry.sequence > s.sequence);
    s.document.loggedFrom = s.sequence;
  }

  listen(connection: Connection): Disposable {
    const subscriptions = [
      connection.onDidOpenTextDocument(({ textDocument: t }) => {
        const live = TextDocument.create(t.uri, t.languageId, t.version, typeof t.text === 'string' ? t.text : '');
        this.open.set(t.uri, { live, sequence: 0, log: [], loggedFrom: 0 });
        const event = { document: this.get(t.uri)! };
        this.opened.fire(event);
        this.changed.fire(event);
      }),
      connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
        const document = this.open.get(t.uri);
        const changes = (Array.isArray(contentChanges) ? contentChanges : []).flatMap(wellFormed);
        if (!document || !changes.length) return;
        TextDocument.update(document.live, changes as TextDocumentContentChangeEvent[], typeof t.version === 'number' ? t.version : document.live.version + 1);
        document.sequence++;
        document.snapshot = undefined;
        document.log.push({ sequence: document.sequence, changes });
        if (document.log.length > maxLoggedChanges) document.loggedFrom = document.log.shift()!.sequence;
        this.changed.fire({ document: this.get(t.uri)! });
      }),
      connection.onDidCloseTextDocument(({ textDocument: t }) => {
        const snapshot = this.get(t.uri);
        if (!snapshot) return;
        this.open.delete(t.uri);
        this.closed.fire({ document: snapshot });
      }),
    ];
    return {
      dispose: () => {
        for (const s of subscriptions) s.dispose();
      },
    };
  }
}

const lineOrCharacter = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0);

/** A change the client sent, in a shape TextDocument.update can apply (a malformed one is dropped). */
function wellFormed(change: unknown): DocumentChange[] {
  if (!change || typeof change !== 'object' || typeof (change as { text?: unknown }).text !== 'string') return [];
  const { text, range } = change as {
    text: string;
    range?: { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } };
  };
  if (range === undefined || range === null) return [{ text }];
  const position = (p: { line?: unknown; character?: unknown } | undefined) => ({ line: lineOrCharacter(p?.line), character: lineOrCharacter(p?.character) });
  return [{ range: { start: position(range.start), end: position(range.end) }, text }];
}
