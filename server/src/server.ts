import {
  type Connection,
  DidChangeConfigurationNotification,
  type Disposable,
  TextDocuments,
  TextDocumentSyncKind,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
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
  type Analysis,
  allRules,
  configFileName,
  createPostmortemService,
  type PostmortemService,
  type PostmortemSettings,
  parseProjectConfig,
  type ProjectConfig,
  mergeSettings,
  readWordCount,
  type Template,
} from './service';

// Capabilities, documents and the wiring of features. Each feature lives in features/ and gets
// this context; the postmortem knowledge lives in the service.

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: PostmortemService;
  /** The analysis of the document's current version (cached by URI and version). */
  analysisOf(document: TextDocument): Promise<Analysis>;
  /** Documents the user asked to check whatever their name or content ("Check This File"). */
  forced: Set<string>;
  /** The project configuration file that applies to a document, if any. */
  configFileOf(uri: string): Promise<string | undefined>;
  /** The templates for a document or folder: its project's custom ones, then the built-in ones. */
  templatesFor(uri: string | undefined): Promise<Template[]>;
  /** Runs a handler; an exception is logged with the document and feature, and the request gets `empty`. */
  safe<T>(feature: string, uri: string | undefined, empty: T, run: () => T | Promise<T>): Promise<T>;
  /** Re-analyses every open document (settings or configuration changed). */
  revalidateAll(): void;
}

interface CachedAnalysis {
  version: number;
  generation: number;
  analysis: Promise<Analysis>;
}

export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  const service = createPostmortemService({ logger: { error: (message) => connection.console.error(message) } });
  const forced = new Set<string>();
  const cache = new Map<string, CachedAnalysis>();
  const editorSettings = new Map<string, Promise<Partial<PostmortemSettings>>>();
  const projectConfigs = new Map<string, Promise<(ProjectConfig & { uri: string }) | undefined>>();
  let folders: WorkspaceFolder[] = [];
  let canPullConfiguration = false;
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

  async function analyze(document: TextDocument): Promise<Analysis> {
    const [fromEditor, project] = await Promise.all([settingsFor(document.uri), projectConfigFor(document.uri)]);
    const settings = mergeSettings(sanitizeEditorSettings(fromEditor), project?.settings);
    return service.analyze(document.getText(), {
      settings,
      customTemplates: project?.templates,
      matchesFileGlobs: runtime.matchesGlobs(document.uri, settings.files, folderOf(document.uri)?.uri),
      force: forced.has(document.uri),
    });
  }

  const context: ServerContext = {
    connection,
    documents,
    service,
    forced,
    analysisOf(document) {
      const cached = cache.get(document.uri);
      if (cached && cached.version === document.version && cached.generation === generation) return cached.analysis;
      const analysis = analyze(document);
      cache.set(document.uri, { version: document.version, generation, analysis });
      return analysis;
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
    connection.workspace.onDidChangeWorkspaceFolders?.((event) => {
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
    cache.delete(event.document.uri);
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
  documents.listen(connection);
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
  const wordCount = readWordCount(value.wordCount);
  if (wordCount) out.wordCount = wordCount;
  for (const key of ['blameWords', 'allowedNames', 'vagueWords'] as const) {
    const words: unknown = value[key];
    if (Array.isArray(words) && words.every((w) => typeof w === 'string')) out[key] = words;
  }
  if (value.rules && typeof value.rules === 'object') {
    out.rules = Object.fromEntries(Object.entries(value.rules).filter(([, v]) => ['off', 'hint', 'information', 'warning', 'error'].includes(v as string)));
  }
  return out;
}
