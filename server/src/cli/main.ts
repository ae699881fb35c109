import {
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  accessSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import {
  type Analysis,
  type AnalyzeOptions,
  allRules,
  configFileName,
  createPostmortemService,
  mergeSettings,
  parseProjectConfig,
  type PostmortemSettings,
  type Template,
} from '../service';
import { analysisJson, lintJson, sarif, stylish, statsRows, statsTable, statsCsv } from './format';

// The command-line front end: `postmortem lint|analyze|stats`. Problems are one line on stderr,
// never a stack trace; exit codes follow docs/cli-contract.md.

class UsageError extends Error {}

const usage = `usage:
  postmortem lint [--format stylish|json|sarif] [--fix] [--template NAME] [--config FILE] PATH...
  postmortem analyze --format json [--template NAME] [--config FILE] PATH...
  postmortem stats [--format table|json|csv] [--template NAME] [--config FILE] PATH...`;

interface Options {
  command: 'lint' | 'analyze' | 'stats';
  format: string;
  fix: boolean;
  template?: string;
  config?: string;
  paths: string[];
}

function parseArgs(argv: string[]): Options {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  if (command !== 'lint' && command !== 'analyze' && command !== 'stats') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const formats = { lint: ['stylish', 'json', 'sarif'], analyze: ['json'], stats: ['table', 'json', 'csv'] }[command];
  const options: Options = { command, format: formats[0], fix: false, paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--format' || arg === '-f') options.format = value();
    else if (arg.startsWith('--format=')) options.format = arg.slice(9);
    else if (arg === '--fix' && command === 'lint') options.fix = true;
    else if (arg === '--template') options.template = value();
    else if (arg.startsWith('--template=')) options.template = arg.slice(11);
    else if (arg === '--config') options.config = value();
    else if (arg.startsWith('--config=')) options.config = arg.slice(9);
    else if (arg === '--') {
      options.paths.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}" for ${command}`);
    else options.paths.push(arg);
  }
  if (!formats.includes(options.format)) throw new UsageError(`--format must be one of ${formats.join(', ')} for ${command}`);
  if (!options.paths.length) throw new UsageError('no PATH given');
  return options;
}

interface Target {
  /** The path as given (or found under a folder given). */
  display: string;
  absolute: string;
  explicit: boolean;
  matchesGlobs: boolean;
}

function loadConfig(options: Options): { settings: PostmortemSettings; templates: Template[] } {
  const path = options.config ?? (existsSync(configFileName) ? configFileName : undefined);
  let fileSettings: Partial<PostmortemSettings> = {};
  let templates: Template[] = [];
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const config = parseProjectConfig(
      text,
      allRules.map((r) => r.code),
    );
    const firstError = config.problems.find((p) => p.severity === 'error');
    if (firstError) throw new UsageError(`invalid config ${path}:${firstError.line + 1}:${firstError.character + 1}: ${firstError.message}`);
    for (const p of config.problems) process.stderr.write(`postmortem: ${path}:${p.line + 1}:${p.character + 1}: ${p.message}\n`);
    fileSettings = config.settings;
    templates = config.templates;
  }
  const settings = mergeSettings(fileSettings, options.template ? { template: options.template } : undefined);
  const known = [...templates.map((t) => t.id), 'standard', 'google-sre', 'pagerduty', 'atlassian'];
  if (!known.includes(settings.template)) throw new UsageError(`unknown template "${settings.template}" (known: ${known.join(', ')})`);
  return { settings, templates };
}

const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** Files to analyse: explicit files as given; Markdown under folders, never following a link out of the folder. */
function collectTargets(paths: string[], settings: PostmortemSettings): Target[] {
  const isPostmortemPath = picomatch(settings.files, { dot: true, nocase: true });
  const targets: Target[] = [];
  for (const given of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(given);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        `${given}: ${code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`}`,
      );
    }
    if (stat.isFile()) {
      targets.push({ display: given, absolute: resolve(given), explicit: true, matchesGlobs: true });
      continue;
    }
    if (!stat.isDirectory()) throw new UsageError(`${given}: not a file or folder`);
    const root = realpathSync(given);
    const walk = (dir: string) => {
      let entries: string[];
      try {
        entries = readdirSync(dir).sort();
      } catch {
        process.stderr.write(`postmortem: ${dir}: cannot list, skipped\n`);
        return;
      }
      for (const name of entries) {
        const full = join(dir, name);
        const info = lstatSync(full);
        if (info.isSymbolicLink()) {
          // Follow a link only when it stays inside the folder given.
          let real: string;
          try {
            real = realpathSync(full);
          } catch {
            continue;
          }
          if (real !== root && !real.startsWith(root + sep)) continue;
          const target = statSync(real);
          if (target.isFile() && /\.md$/i.test(name)) add(full);
          continue;
        }
        if (info.isDirectory()) {
          if (!skippedFolders.has(name)) walk(full);
        } else if (info.isFile() && /\.(?:md|markdown)$/i.test(name)) add(full);
      }
    };
    const add = (full: string) => {
      const rel = relative(root, realpathSync(full)).split(sep).join('/');
      const display = join(given, relative(resolve(given), full));
      targets.push({ display, absolute: full, explicit: false, matchesGlobs: isPostmortemPath(rel) || isPostmortemPath(basename(full)) });
    };
    walk(resolve(given));
  }
  return targets;
}

function readText(target: Target): string {
  try {
    return readFileSync(target.absolute, 'utf8');
  } catch (error) {
    throw new UsageError(`${target.display}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Writes through a temporary file and a rename, unless the file changed since it was read. */
function writeAtomically(target: Target, original: string, text: string): string | undefined {
  try {
    accessSync(target.absolute, constants.W_OK);
    // A file without any write bit is meant to stay as it is, even for root (whom access() always lets write).
    if ((statSync(target.absolute).mode & 0o222) === 0) throw new Error('read-only');
  } catch {
    return 'not writable, left untouched';
  }
  const temp = join(dirname(target.absolute), `.${basename(target.absolute)}.postmortem-${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'wx', statSync(target.absolute).mode);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (readFileSync(target.absolute, 'utf8') !== original) {
      unlinkSync(temp);
      return 'changed on disk while fixing, left untouched';
    }
    renameSync(temp, target.absolute);
    return undefined;
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created
    }
    return `could not write (${(error as NodeJS.ErrnoException).code ?? 'error'}), left untouched`;
  }
}

export function main(argv: string[]): number {
  const options = parseArgs(argv);
  const { settings, templates } = loadConfig(options);
  const targets = collectTargets(options.paths, settings);
  const service = createPostmortemService({ logger: { error: (m) => process.stderr.write(`postmortem: ${m.split('\n')[0]}\n`) } });
  const results: { target: Target; analysis: Analysis }[] = [];
  for (const target of targets) {
    let text = readText(target);
    const analyzeOptions: AnalyzeOptions = { settings, customTemplates: templates, force: target.explicit, matchesFileGlobs: target.matchesGlobs };
    if (options.fix) {
      const fixed = service.fixAll(text, analyzeOptions);
      if (fixed.text !== text) {
        const problem = writeAtomically(target, text, fixed.text);
        if (problem) process.stderr.write(`postmortem: ${target.display}: ${problem}\n`);
        else text = fixed.text;
      }
    }
    const analysis = service.analyze(text, analyzeOptions);
    if (!target.explicit && !analysis.analyzed) continue;
    results.push({ target, analysis });
  }
  const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  switch (options.command) {
    case 'analyze':
      out(
        JSON.stringify(
          results.map((r) => analysisJson(r.target.display, r.analysis)),
          null,
          2,
        ),
      );
      return 0;
    case 'stats': {
      const rows = statsRows(results.map((r) => ({ file: r.target.display, analysis: r.analysis })));
      out(options.format === 'json' ? JSON.stringify(rows, null, 2) : options.format === 'csv' ? statsCsv(rows) : statsTable(rows));
      return 0;
    }
    case 'lint': {
      const files = results.map((r) => ({ file: r.target.display, analysis: r.analysis }));
      out(
        options.format === 'json'
          ? JSON.stringify(lintJson(files), null, 2)
          : options.format === 'sarif'
            ? JSON.stringify(sarif(files), null, 2)
            : stylish(files),
      );
      return files.some((f) => f.analysis.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
    }
  }
}

function run(): void {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      // One line, as the contract says; the usage is one `--help` away.
      const hint = /no command|unknown command|no PATH|unknown option|needs a value|--format/.test(error.message) ? ' (postmortem --help shows the usage)' : '';
      process.stderr.write(`postmortem: ${error.message}${hint}\n`);
    } else {
      process.stderr.write(`postmortem: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 2;
  }
}

if (require.main === module) run();
export { run };
