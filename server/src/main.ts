import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { ServerRuntime } from './runtime';
import { startServer } from './core';

// The only Node entry point: the connection (stdio, IPC or socket, from the command line) and
// the runtime that reads files.

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

const matchers = new Map<string, picomatch.Matcher>();

const runtime: ServerRuntime = {
  async readFile(uri) {
    const path = pathOf(uri);
    if (!path) return undefined;
    try {
      return await readFile(path, 'utf8');
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
    const path = pathOf(uri) ?? decodeURIComponent(uri.replace(/^[a-z-]+:\/\/[^/]*/i, ''));
    const folder = folderUri ? pathOf(folderUri) : undefined;
    const rel = (folder ? relative(folder, path) : path).split('\\').join('/');
    const name = rel.split('/').pop() ?? rel;
    return matcher(rel) || matcher(name);
  },
};

if (process.argv.includes('--version')) {
  process.stdout.write('postmortem-language-server 0.1.0\n');
  process.exit(0);
}

if (
  !process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe=') || a.startsWith('--clientProcessId'))
) {
  process.stderr.write('postmortem-language-server: choose a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME\n');
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);
startServer(connection, runtime);
connection.listen();
