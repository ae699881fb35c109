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
  writeFileSync,
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
import { analysisJson, explain, github, lintJson, sarif, stylish, statsTable, statsCsv } from './format';
import { incidentStats } from './stats';
import { statsHtml } from './statsHtml';

// The command-line front end: `postmortem lint|analyze|stats`. Problems are one line on stderr,
// never a stack trace; exit codes follow docs/cli-contract.md.

class UsageError extends Error {}

const usage = `usage:
  postmortem lint [--format stylish|json|sarif|github] [--fix] [--quiet] [--max-warnings N] [--template NAME] [--config FILE] PATH...
  postmortem lint [options] --stdin [--stdin-filename FILE]
  postmortem analyze --format json [--template NAME] [--config FILE] PATH...
  postmortem analyze --explain [--template NAME] [--config FILE] PATH...
  postmortem stats [--format table|json|csv|html] [--output FILE] [--template NAME] [--config FILE] PATH...
options of every command: --output FILE writes the output to FILE; --stdin reads one document from standard input`;

interface Options {
  command: 'lint' | 'analyze' | 'stats';
  format: string;
  fix: boolean;
  template?: string;
  config?: string;
  paths: string[];
  /** Only errors are reported (and counted). */
  quiet: boolean;
  /** Exit 1 when more warnings than this are reported. */
  maxWarnings?: number;
  /** Read one document from standard input. */
  stdin: boolean;
  /** The name the document on standard input is reported under (and matched against the file globs with). */
  stdinFilename?: string;
  output?: string;
  /** `analyze --explain`: why each section, the window and the verdict were read as they were. */
  explain: boolean;
}

function parseArgs(argv: string[]): Options {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  if (command !== 'lint' && command !== 'analyze' && command !== 'stats') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const formats = { lint: ['stylish', 'json', 'sarif', 'github'], analyze: ['json'], stats: ['table', 'json', 'csv', 'html'] }[command];
  const options: Options = { command, format: formats[0], fix: false, paths: [], quiet: false, stdin: false, explain: false };
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
    else if (arg === '--quiet' && command === 'lint') options.quiet = true;
    else if (arg === '--explain' && command === 'analyze') options.explain = true;
    else if ((arg === '--max-warnings' || arg.startsWith('--max-warnings=')) && command === 'lint') {
      const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : value();
      if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings needs a whole number, not "${text}"`);
      options.maxWarnings = Number(text);
    } else if (arg === '--stdin') options.stdin = true;
    else if (arg === '--stdin-filename') options.stdinFilename = value();
    else if (arg.startsWith('--stdin-filename=')) options.stdinFilename = arg.slice(17);
    else if (arg === '--output' || arg === '-o') options.output = value();
    else if (arg.startsWith('--output=')) options.output = arg.slice(9);
    else if (arg === '--') {
      options.paths.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}" for ${command}`);
    else options.paths.push(arg);
  }
  if (!formats.includes(options.format)) throw new UsageError(`--format must be one of ${formats.join(', ')} for ${command}`);
  if (options.stdinFilename !== undefined && !options.stdin) throw new UsageError('--stdin-filename names the document read with --stdin');
  if (options.stdin && options.paths.length) throw new UsageError('--stdin reads one document from standard input: give no PATH with it');
  if (options.stdin && options.fix) throw new UsageError('--fix rewrites files: it cannot write back to standard input');
  if (!options.stdin && !options.paths.length) throw new UsageError('no PATH given');
  return options;
}

interface Target {
  /** The path as given (or found under a folder given). */
  display: string;
  absolute: string;
  explicit: boolean;
  matchesGlobs: boolean;
  /** The text, when it was read from standard input. */
  text?: string;
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

/** The document on standard input, under the name --stdin-filename gives it. */
function stdinTarget(options: Options, settings: PostmortemSettings): Target {
  let text: string;
  try {
    text = readFileSync(0, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read standard input (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const name = options.stdinFilename ?? '<stdin>';
  const isPostmortemPath = picomatch(settings.files, { dot: true, nocase: true });
  const rel = name.split(sep).join('/');
  return { display: name, absolute: resolve(name), explicit: true, matchesGlobs: isPostmortemPath(rel) || isPostmortemPath(basename(rel)), text };
}

function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new UsageError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function readText(target: Target): string {
  if (target.text !== undefined) return target.text;
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
  const targets = options.stdin ? [stdinTarget(options, settings)] : collectTargets(options.paths, settings);
  const service = createPostmortemService({ oneShot: true, logger: { error: (m) => process.stderr.write(`postmortem: ${m.split('\n')[0]}\n`) } });
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
  const out = (s: string) => {
    const text = s.endsWith('\n') || s === '' ? s : `${s}\n`;
    if (options.output === undefined) process.stdout.write(text);
    else writeOutput(options.output, text);
  };
  switch (options.command) {
    case 'analyze':
      if (options.explain) {
        out(results.map((r) => explain(r.target.display, r.analysis)).join('\n\n'));
        return 0;
      }
      out(
        JSON.stringify(
          results.map((r) => analysisJson(r.target.display, r.analysis)),
          null,
          2,
        ),
      );
      return 0;
    case 'stats': {
      const stats = incidentStats(results.map((r) => ({ file: r.target.display, analysis: r.analysis })));
      const formatted = {
        json: () => JSON.stringify(stats, null, 2),
        csv: () => statsCsv(stats),
        html: () => statsHtml(stats, new Date()),
        table: () => statsTable(stats),
      };
      out(formatted[options.format as keyof typeof formatted]());
      return 0;
    }
    case 'lint': {
      // --quiet: only errors are reported, so only errors count.
      const files = results.map((r) => ({
        file: r.target.display,
        analysis: options.quiet ? { ...r.analysis, diagnostics: r.analysis.diagnostics.filter((d) => d.severity === 'error') } : r.analysis,
      }));
      const formatted = {
        json: () => JSON.stringify(lintJson(files), null, 2),
        sarif: () => JSON.stringify(sarif(files), null, 2),
        github: () => github(files),
        stylish: () => stylish(files),
      };
      out(formatted[options.format as keyof typeof formatted]());
      const errors = files.some((f) => f.analysis.diagnostics.some((d) => d.severity === 'error'));
      const warnings = files.reduce((n, f) => n + f.analysis.diagnostics.filter((d) => d.severity === 'warning').length, 0);
      if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
        process.stderr.write(`postmortem: too many warnings: ${warnings} (--max-warnings ${options.maxWarnings})\n`);
        return 1;
      }
      return errors ? 1 : 0;
    }
  }
}

function run(): void {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      // One line, as the contract says; the usage is one `--help` away.
      const hint = /no command|unknown command|no PATH|unknown option|needs a|--format|--stdin|--fix/.test(error.message)
        ? ' (postmortem --help shows the usage)'
        : '';
      process.stderr.write(`postmortem: ${error.message}${hint}\n`);
    } else {
      process.stderr.write(`postmortem: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 2;
  }
}

if (require.main === module) run();
export { run };
