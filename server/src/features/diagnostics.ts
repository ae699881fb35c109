import type { Disposable } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import { toLspDiagnostic } from './convert';

// Push diagnostics: analyse after the last keystroke, publish only if the document is still open
// at that version, clear on close. No stale or duplicate diagnostics.
//
// The pause adapts to what an analysis of the document costs and to how fast changes come. A
// change after a quiet spell (longer than one analysis) is analysed at once: the analysis is done
// before the next keystroke, and waiting would only delay the answer. A change that comes while
// a burst is on (the previous one less than an analysis ago) waits half an analysis, within
// bounds, so that a long document costs one analysis per pause while typing, not per keystroke.
// Analyses of a version that is already outdated when they start are cancelled (see publish).

const minDelayMs = 4;
const maxDelayMs = 100;
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const lastChange = new Map<string, number>();

/** The pause before analysing a document whose analysis takes `costMs`, its previous change `sinceMs` ago. */
export function delayFor(costMs: number, sinceMs: number = Number.POSITIVE_INFINITY): number {
  if (sinceMs > costMs) return minDelayMs;
  return Math.round(Math.min(maxDelayMs, Math.max(minDelayMs, costMs / 2)));
}

export function schedule(context: ServerContext, document: TextDocument): void {
  const uri = document.uri;
  const now = performance.now();
  const since = now - (lastChange.get(uri) ?? Number.NEGATIVE_INFINITY);
  lastChange.set(uri, now);
  clearTimeout(timers.get(uri));
  timers.set(
    uri,
    setTimeout(
      () => {
        timers.delete(uri);
        void publish(context, uri);
      },
      delayFor(context.analysisCost(document), since),
    ),
  );
}

async function publish(context: ServerContext, uri: string): Promise<void> {
  await context.safe('diagnostics', uri, undefined, async () => {
    const document = context.documents.get(uri);
    if (!document) return;
    // A newer version (or a close) cancels the analysis of this one before it starts.
    const outdated = {
      get isCancellationRequested() {
        return !context.documents.isCurrent(document);
      },
    };
    const analysis = await context.analysisOf(document, outdated);
    // The document moved on (or closed) while we analysed: the newer run publishes.
    if (!context.documents.isCurrent(document)) return;
    const version = document.version;
    await context.connection.sendDiagnostics({ uri, version, diagnostics: analysis.diagnostics.map((d, i) => toLspDiagnostic(d, i, version, uri)) });
  });
}

export function register(context: ServerContext): Disposable {
  const subscriptions = [
    context.documents.onDidOpen((e) => schedule(context, e.document)),
    context.documents.onDidChangeContent((e) => schedule(context, e.document)),
    context.documents.onDidClose((e) => {
      clearTimeout(timers.get(e.document.uri));
      timers.delete(e.document.uri);
      lastChange.delete(e.document.uri);
      context.forced.delete(e.document.uri);
      void context.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    }),
  ];
  return {
    dispose: () => {
      for (const s of subscriptions) s.dispose();
    },
  };
}
