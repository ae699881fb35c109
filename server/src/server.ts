import {
  type Connection,
  DidChangeConfigurationNotification,
  type Disposable,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { clampedConnection } from './boundary';
import { OpenDocuments } from './documents';
import * as codeActions from './features/codeActions';
import * as commands from './features/commands';
import * as completion from './features/completion';
import * as diagnostics from './features/diagnostics';
import * as hover from './features/hover';
import * as selectionRanges from './features/selectionRanges';
import * as status from './features/status';
import * as symbols from './features/symbols';
import * as templates from './features/templates';
import * as timelineEntry from './features/timelineEntry';
import type { ServerRuntime } from './runtime';
import {
  type AnalyzeOptions,
  type Analysis,
  allRules,
  configFileName,
  createPostmortemService,
  type PostmortemSettings,
  parseProjectConfig,
  type ProjectConfig,
  mergeSettings,
} from './service';

// Capabilities, documents and the wiring of features. Each feature lives in features/ and gets
// the context (context.ts); the postmortem knowledge lives in the service.

import type { Cancellation, ServerContext } from './context';

export type { Cancellation, ServerContext };

/** The newest analysis of an open document: the cache, and what the next re-analysis starts from. */
interface DocumentAnalysis {
  snapshot: TextDocument;
  /** Settings generation it was made with. */
  generation: number;
  analysis: Analysis;
  costMs: number;
}

class Cancelled extends Error {}

export function startServer(rawConnection: Connection, runtime: ServerRuntime): void {
  const documents = new OpenDocuments();
  const connection = clampedConnection(rawConnection, (uri) => documents.get(uri));
  const service = createPostmortemService({ logger: { error: (message) => connection.console.error(message) } });
  const forced = new Set<string>();
  const analyses = new Map<string, DocumentAnalysis>();
  const editorSettings = new Map<string, Promise<Partial<PostmortemSettings>>>();
  const projectConfigs = new Map<string, Promise<(ProjectConfig & { uri: string }) | undefined>>();
  let folders: WorkspaceFolder[] = [];
  let canPullConfiguration = false;
  let hearsFolderChanges = false;
  let generation = 0;
  const disposables: Disposable[] = [];

  const folderOf = (uri: string) =>
    folders.filter((f) => uri === f.uri || uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`)).sort((a, b) => b.uri.length - a.uri.length)[0];

  function settingsFor(uri: string): Promise<Partial<PostmortemSettings>> {
    if (!canPullConfiguration) return Promise.resolve({});
    let pending = editorSettings.get(uri);
    if (!pending) {
      pending = connection.workspace.getConfiguration({ scopeUri: uri, section: 'postmortem' }).then(
        (value: unknown) => (value && typeof value === 'object' ? (value as Partial<PostmortemSettings>) : {}),
        () => ({}),
      );
      editorSettings.set(uri, pending);
    }
    return pending;
  }

  function projectConfigFor(uri: string): Promise<(ProjectConfig & { uri: string }) | undefined> {
    const folder = folderOf(uri);
    if (!folder) return Promise.resolve(undefined);
    let pending = projectConfigs.get(folder.uri);
    if (!pending) {
      const configUri = `${folder.uri.replace(/\/$/, '')}/${configFileName}`;
      pending = runtime.readFile(configUri).then((text) => {
        if (text === undefined) {
          connection.sendDiagnostics({ uri: configUri, diagnostics: [] });
          return undefined;
        }
        const config = parseProjectConfig(
          text,
          allRules.map((r) => r.code),
        );
        // A broken configuration is shown where it is broken; the defaults apply meanwhile.
        connection.sendDiagnostics({
          uri: configUri,
          diagnostics: config.problems.map((p) => ({
            range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: p.character + 1 } },
            severity: p.severity === 'error' ? 1 : 2,
            source: 'postmortem',
            code: 'invalid-config',
            message: `${p.message} (the defaults apply to it)`,
          })),
        });
        return { ...config, uri: configUri };
      });
      projectConfigs.set(folder.uri, pending);
    }
    return pending;
  }

  /** The analysis options for a document, as of the current settings generation. */
  async function optionsFor(uri: string): Promise<AnalyzeOptions> {
    for (;;) {
      const asked = generation;
      const [fromEditor, project] = await Promise.all([settingsFor(uri), projectConfigFor(uri)]);
      // Settings changed while we waited: what arrived may be the old ones.
      if (asked !== generation) continue;
      const settings = mergeSettings(sanitizeEditorSettings(fromEditor), project?.settings);
      return {
        settings,
        customTemplates: project?.templates,
        matchesFileGlobs: runtime.matchesGlobs(uri, settings.files, folderOf(uri)?.uri),
        force: forced.has(uri),
      };
    }
  }

  const cached = (document: TextDocument) => {
    const newest = analyses.get(document.uri);
    return newest && newest.snapshot === document && newest.generation === generation ? newest.analysis : undefined;
  };

  /** Analyses the snapshot now: from the previous analysis and the edits since, when there is one. */
  function analyzeNow(document: TextDocument, options: AnalyzeOptions): Analysis {
    const base = analyses.get(document.uri);
    const changes = base && base.generation === generation ? documents.changesBetween(base.snapshot, document) : undefined;
    const started = performance.now();
    const analysis = base && changes ? service.reanalyze(base.analysis, document.getText(), changes, options) : service.analyze(document.getText(), options);
    const costMs = performance.now() - started;
    if (documents.isLater(document, base?.snapshot) || (base?.snapshot === document && base.generation !== generation)) {
      analyses.set(document.uri, { snapshot: document, generation, analysis, costMs });
      documents.forgetChangesUpTo(document);
    }
    return analysis;
  }

  const context: ServerContext = {
    connection,
    documents,
    service,
    forced,
    async analysisOf(document, cancellation) {
      const ready = cached(document);
      if (ready) return ready;
      const options = await optionsFor(document.uri);
      if (cancellation?.isCancellationRequested) throw new Cancelled();
      // Another request may have analysed this snapshot while we waited.
      return cached(document) ?? analyzeNow(document, options);
    },
    analysisCost(document) {
      const newest = analyses.get(document.uri);
      // About 2 ms per 1,000 characters for a first analysis on a laptop.
      return newest ? newest.costMs : document.getText().length / 500;
    },
    async configFileOf(uri) {
      return (await projectConfigFor(uri))?.uri;
    },
    async templatesFor(uri) {
      return service.templates(uri ? (await projectConfigFor(uri))?.templates : undefined);
    },
    async safe(feature, uri, empty, run) {
      try {
        return await run();
      } catch (error) {
        if (error instanceof Cancelled) return new ResponseError(LSPErrorCodes.RequestCancelled, `${feature} cancelled`);
        connection.console.error(
          `postmortem ${feature} failed${uri ? ` for ${uri}` : ''}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        return empty;
      }
    },
    revalidateAll() {
      generation++;
      for (const document of documents.all()) diagnostics.schedule(context, document);
    },
  };

  connection.onInitialize((params) => {
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    hearsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: codeActions.kinds },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Postmortem' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        completionProvider: { triggerCharacters: completion.triggerCharacters },
        executeCommandProvider: { commands: commands.names },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'postmortem-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' }).catch(() => undefined);
    // Subscribing throws when the client did not declare workspace folders (a plain stdio client).
    if (hearsFolderChanges)
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders = [...folders.filter((f) => !event.removed.some((r) => r.uri === f.uri)), ...event.added];
        projectConfigs.clear();
        context.revalidateAll();
      });
  });

  connection.onDidChangeConfiguration(() => {
    editorSettings.clear();
    context.revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => c.uri.endsWith(`/${configFileName}`))) {
      projectConfigs.clear();
      context.revalidateAll();
    }
  });

  documents.onDidClose((event) => {
    analyses.delete(event.document.uri);
    editorSettings.delete(event.document.uri);
  });

  disposables.push(
    diagnostics.register(context),
    codeActions.register(context),
    hover.register(context),
    symbols.register(context),
    commands.register(context),
    status.register(context),
    completion.register(context),
    selectionRanges.register(context),
    templates.register(context),
    timelineEntry.register(context),
  );
  connection.onShutdown(() => {
    for (const d of disposables) d.dispose();
  });
  disposables.push(documents.listen(rawConnection));
}

/** Editor settings arrive as JSON from the client; keep only values of the right type. */
function sanitizeEditorSettings(value: Partial<PostmortemSettings>): Partial<PostmortemSettings> {
  const out: Partial<PostmortemSettings> = {};
  if (typeof value.template === 'string' && value.template) out.template = value.template;
  if (Array.isArray(value.files) && value.files.every((f) => typeof f === 'string')) out.files = value.files;
  if (typeof value.detectByContent === 'boolean') out.detectByContent = value.detectByContent;
  if (typeof value.maxDocumentSize === 'number' && value.maxDocumentSize > 0) out.maxDocumentSize = value.maxDocumentSize;
  if (value.ambiguousTimeZones === 'us' || value.ambiguousTimeZones === 'other') out.ambiguousTimeZones = value.ambiguousTimeZones;
  if (value.dateOrder === 'mdy' || value.dateOrder === 'dmy') out.dateOrder = value.dateOrder;
  if (value.rules && typeof value.rules === 'object') {
    out.rules = Object.fromEntries(Object.entries(value.rules).filter(([, v]) => ['off', 'hint', 'information', 'warning', 'error'].includes(v as string)));
  }
  return out;
}
