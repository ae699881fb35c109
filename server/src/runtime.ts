/** What the server needs from its host: files and paths. Node provides it in main.ts; a browser host could too. */
export interface ServerRuntime {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
  /** Whether the document's path matches any of the globs, relative to its workspace folder. */
  matchesGlobs(uri: string, globs: readonly string[], workspaceFolderUri: string | undefined): boolean;
}
