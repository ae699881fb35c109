import picomatch from 'picomatch/posix';
import { BrowserMessageReader, BrowserMessageWriter, createBrowserConnection, readFileRequest, startServer } from './core';
import type { ServerRuntime } from './runtime';

// The web worker entry (vscode.dev, github.dev): the same server as main.ts, over the worker's
// messages. There is no file system here: files are read by the client (`postmortem/readFile`,
// through `vscode.workspace.fs`), and paths are the URIs' own paths.

// The worker's global scope, as far as the connection needs it (the project does not type-check against the DOM).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createBrowserConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));

/** The decoded path of a URI (`vscode-vfs://github/owner/repo/docs/a.md` -> `/owner/repo/docs/a.md`). */
function pathOf(uri: string): string {
  const withoutQuery = uri.replace(/[?#].*$/, '');
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(withoutQuery);
  const path = match ? (match[1] ?? '/') : withoutQuery;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const matchers = new Map<string, picomatch.Matcher>();

const runtime: ServerRuntime = {
  async readFile(uri) {
    try {
      return (await connection.sendRequest(readFileRequest, { uri })) ?? undefined;
    } catch {
      return undefined;
    }
  },
  matchesGlobs(uri, globs, folderUri) {
    const key = globs.join('\0');
    let matcher = matchers.get(key);
    if (!matcher) {
      matcher = picomatch([...globs], { dot: true, nocase: true });
      matchers.set(key, matcher);
    }
    const path = pathOf(uri);
    const folder = folderUri ? pathOf(folderUri).replace(/\/$/, '') : undefined;
    const rel = folder && path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : path.replace(/^\//, '');
    const name = rel.split('/').pop() ?? rel;
    return matcher(rel) || matcher(name);
  },
};

startServer(connection, runtime);
connection.listen();
