import type { Disposable } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../server';
import { toLspDiagnostic } from './convert';

// Push diagnostics: analyse shortly after the last keystroke, publish only if the document is
// still open at that version, clear on close. No stale or duplicate diagnostics.

const delayMs = 120;
const timers = new Map<string, ReturnType<typeof setTimeout>>();

export function schedule(context: ServerContext, document: TextDocument): void {
  const uri = document.uri;
  clearTimeout(timers.get(uri));
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      void publish(context, uri);
    }, delayMs),
  );
}

async function publish(context: ServerContext, uri: string): Promise<void> {
  await context.safe('diagnostics', uri, undefined, async () => {
    const document = context.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const analysis = await context.analysisOf(document);
    // The document moved on (or closed) while we analysed: the newer run publishes.
    if (context.documents.get(uri)?.version !== version) return;
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
