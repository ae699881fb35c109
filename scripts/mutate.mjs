// Mutation testing of server/src/service (StrykerJS, stryker.config.mjs), then docs/mutation.md:
// the date, the mutation score overall and per folder, the surviving mutants accepted as
// equivalent (test/mutation-equivalents.json, each with why) and what is left.
//
//   npm run mutate                 every batch, incremental: only mutants whose code or tests changed run
//   npm run mutate -- rules time   only these batches (a folder of server/src/service, or `files`)
//   npm run mutate -- --force      every mutant again (the cold run)
//   npm run mutate -- --report     only rewrite docs/mutation.md from the last reports
//   npm run mutate -- time/duration.ts 'time/z*.ts'
//                                  only these files (globs under server/src/service, one run with its
//                                  own results, reports/mutation/part-<globs>.json); the newest result
//                                  of each file counts, so a file run updates its folder's numbers
//   npm run mutate -- --concurrency 1 time
//                                  fewer Stryker workers (the config's default is 2)
//
// One Stryker run per batch (stryker.config.mjs reads STRYKER_BATCH), each with its own results,
// so an interrupted run loses one batch at most. Not part of `npm test`. The full reports are
// reports/mutation/<batch>.html (not committed); the results are kept in test/mutation-results/.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import picomatch from 'picomatch';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const SERVICE = 'server/src/service/';
const REPORTS = join(root, 'reports', 'mutation');
// Each batch's results are kept in the repository, gzipped (test/mutation-results/<batch>.json.gz,
// StrykerJS's incremental file, and runs.json, when each ran and how long it took), so a fresh clone
// reruns only what changed and can rewrite docs/mutation.md; reports/mutation/ is the work folder.
const RESULTS = join(root, 'test', 'mutation-results');
const RUNS = join(RESULTS, 'runs.json');
const EQUIVALENTS = join(root, 'test', 'mutation-equivalents.json');
const DOC = join(root, 'docs', 'mutation.md');
/** Targets by group (a folder `name/` or a file `name.ts` directly under server/src/service). */
const TARGETS = { overall: 85, 'rules/': 90, 'time/': 90, 'fixes.ts': 90 };

/** The group of a file: its first folder under server/src/service (`rules/`), or its name when it has none. */
export function groupOf(file) {
  const rest = file.slice(file.indexOf(SERVICE) + SERVICE.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? rest : rest.slice(0, slash + 1);
}

const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** The text a mutant replaces, and the trimmed line it starts on. */
function originalOf(source, location) {
  const lines = source.split('\n');
  const { start, end } = location;
  const line = lines[start.line - 1] ?? '';
  let text;
  if (start.line === end.line) text = line.slice(start.column - 1, end.column - 1);
  else text = [line.slice(start.column - 1), ...lines.slice(start.line, end.line - 1), (lines[end.line - 1] ?? '').slice(0, end.column - 1)].join('\n');
  return { text, line: line.trim() };
}

function readEquivalents() {
  if (!existsSync(EQUIVALENTS)) return [];
  const list = JSON.parse(readFileSync(EQUIVALENTS, 'utf8'));
  for (const e of list) {
    for (const key of ['file', 'line', 'replacement', 'why']) {
      if (typeof e[key] !== 'string' || !e[key]) throw new Error(`${relative(root, EQUIVALENTS)}: every entry needs "${key}" (${JSON.stringify(e)})`);
    }
  }
  return list;
}

/** Counts per group from a mutation-testing-report-schema report. */
export function summarise(report, equivalents) {
  const groups = new Map();
  const accepted = [];
  const used = new Set();
  const survivors = [];
  const bucket = (name) => {
    if (!groups.has(name)) groups.set(name, { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, compileError: 0, runtimeError: 0, equivalent: 0 });
    return groups.get(name);
  };
  for (const [file, entry] of Object.entries(report.files)) {
    const name = groupOf(file);
    for (const m of entry.mutants) {
      const counts = [bucket(name), bucket('overall')];
      const key = {
        Killed: 'killed',
        Timeout: 'timeout',
        Survived: 'survived',
        NoCoverage: 'noCoverage',
        Ignored: 'ignored',
        CompileError: 'compileError',
        RuntimeError: 'runtimeError',
      }[m.status];
      if (!key) continue;
      for (const c of counts) c[key]++;
      if (!UNDETECTED.has(m.status)) continue;
      const original = originalOf(entry.source, m.location);
      const index = equivalents.findIndex(
        (e) =>
          file.endsWith(e.file) && e.line === original.line && e.replacement === m.replacement && (e.original === undefined || e.original === original.text),
      );
      const where = `${file}:${m.location.start.line}`;
      if (index >= 0) {
        used.add(index);
        for (const c of counts) c.equivalent++;
        accepted.push({ where, mutator: m.mutatorName, original: original.text, replacement: m.replacement, why: equivalents[index].why });
      } else {
        survivors.push({ group: name, where, status: m.status, mutator: m.mutatorName, original: original.text, replacement: m.replacement });
      }
    }
  }
  // An entry for a file no report holds (its batch has not run here) is not stale, only unread.
  const measured = new Set(Object.keys(report.files).map((f) => f.slice(f.indexOf(SERVICE))));
  const stale = equivalents.filter((e, i) => !used.has(i) && measured.has(e.file.slice(e.file.indexOf(SERVICE))));
  return { groups, accepted, survivors, stale };
}

function score(c, withoutEquivalents) {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage - (withoutEquivalents ? c.equivalent : 0);
  return valid === 0 ? null : (100 * detected) / valid;
}

const pct = (n) => (n === null ? 'n/a' : `${n.toFixed(1)}%`);
const code = (s) => `\`${String(s).replace(/\s+/g, ' ').replace(/`/g, "'").slice(0, 70)}\``;

function previousNotes() {
  if (!existsSync(DOC)) return null;
  return /<!-- notes -->\n([\s\S]*?)<!-- \/notes -->/.exec(readFileSync(DOC, 'utf8'))?.[1] ?? null;
}

function minutes(ms) {
  return `${Math.round(ms / 60_000)} min`;
}

export function writeDoc(report, { run, coldRuns, missing = [], partly = [], remembering = new Set() } = {}) {
  const equivalents = readEquivalents();
  const { groups, accepted, survivors, stale } = summarise(report, equivalents);
  const names = [...groups.keys()].filter((g) => g !== 'overall').sort((a, b) => Number(!a.endsWith('/')) - Number(!b.endsWith('/')) || a.localeCompare(b));
  const out = [];
  out.push('# Mutation testing');
  out.push('');
  out.push('Written by `npm run mutate` (StrykerJS over `server/src/service`, mocha unit tests, TypeScript checker;');
  out.push('`stryker.config.mjs`). Do not edit by hand except between the notes markers.');
  out.push('');
  out.push(`Date: ${new Date().toISOString().slice(0, 10)}`);
  if (run)
    out.push(
      `This run: ${run.batches.join(', ')}, ${minutes(run.ms)} on this 2-core machine (${run.cold ? 'cold: every mutant tested' : 'incremental: results of unchanged mutants reused'}).`,
    );
  if (coldRuns) out.push(`Cold run: ${coldRuns}`);
  if (missing.length) out.push(`Not run yet: ${missing.join(', ')} (their mutants are not in the numbers).`);
  if (partly.length) out.push(`Measured file by file, not yet whole: ${partly.join(', ')} (only those files are in the numbers).`);
  out.push('');
  out.push('Score = killed / (killed + survived + no coverage); timeouts count as killed. Mutants that do not');
  out.push('type-check and static mutants (run only while a module loads: template tables, regular expressions');
  out.push('built at load time) are not counted. "Without equivalents" also sets aside the survivors accepted');
  out.push('below as equivalent (no test can tell them from the original).');
  out.push('');
  out.push('| group | mutants | killed | survived | no coverage | equivalent | static (not run) | score | without equivalents | target |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const name of ['overall', ...names]) {
    const c = groups.get(name);
    const target = TARGETS[name];
    const s = score(c, true);
    const incomplete = (name === 'overall' && missing.length + partly.length > 0) || partly.some((p) => p.startsWith(name.replace(/\/$/, ' ')));
    const verdict =
      target === undefined
        ? ''
        : incomplete
          ? `≥ ${target}%: not known (not every batch has run)`
          : s !== null && s >= target
            ? remembering.has(name)
              ? `≥ ${target}%: met in a run that remembered readings across tests (may be high)`
              : `≥ ${target}%: met`
            : `≥ ${target}%: **not met**`;
    const label = name === 'overall' ? '**overall**' : `\`${name}\``;
    out.push(
      `| ${label} | ${c.killed + c.timeout + c.survived + c.noCoverage} | ${c.killed + c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.equivalent} | ${c.ignored} | ${pct(score(c, false))} | ${pct(s)} | ${verdict} |`,
    );
  }
  out.push('');
  out.push('## Survivors accepted as equivalent');
  out.push('');
  out.push('From `test/mutation-equivalents.json` (matched by file, source line and replacement).');
  out.push('');
  if (accepted.length === 0) out.push('None.');
  for (const a of accepted) out.push(`- \`${a.where}\` ${a.mutator} ${code(a.original)} → ${code(a.replacement)}: ${a.why}`);
  if (stale.length) {
    out.push('');
    out.push(
      `${stale.length} entr${stale.length === 1 ? 'y' : 'ies'} of the file matched no surviving mutant (the code changed or a test now kills it): ${stale.map((e) => `${e.file} \`${e.line.slice(0, 50)}\``).join('; ')}.`,
    );
  }
  out.push('');
  out.push('## What is left');
  out.push('');
  out.push('Undetected mutants per group, by mutator (after a run, `reports/mutation/survivors.txt` lists each one');
  out.push('with its code, and `reports/mutation/<batch>.html` shows them in the source):');
  out.push('');
  for (const name of names) {
    const left = survivors.filter((s) => s.group === name);
    if (left.length === 0) continue;
    const byMutator = new Map();
    for (const s of left) byMutator.set(s.mutator, (byMutator.get(s.mutator) ?? 0) + 1);
    const parts = [...byMutator].sort((a, b) => b[1] - a[1]).map(([m, n]) => `${n} ${m}`);
    out.push(`- \`${name}\` ${left.length}: ${parts.join(', ')}`);
  }
  out.push('');
  out.push('<!-- notes -->');
  out.push((previousNotes() ?? '\n').replace(/^\n?/, '\n').replace(/\n*$/, '\n'));
  out.push('<!-- /notes -->');
  out.push('');
  writeFileSync(DOC, out.join('\n'));
  // The undetected mutants, one a line, for whoever writes the next tests.
  const list = survivors.map(
    (s) => `${s.where} ${s.status} ${s.mutator}: ${s.original.replace(/\s+/g, ' ').slice(0, 100)} -> ${s.replacement.replace(/\s+/g, ' ').slice(0, 100)}`,
  );
  writeFileSync(join(REPORTS, 'survivors.txt'), `${list.join('\n')}\n`);
  return { groups, accepted, survivors, stale };
}

/** The batches: each folder of server/src/service, and `files` for the files directly in it. */
export function batches() {
  const entries = readdirSync(join(root, SERVICE), { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  return [...folders.sort(), ...(entries.some((e) => e.isFile() && e.name.endsWith('.ts')) ? ['files'] : [])];
}

function readRuns() {
  return existsSync(RUNS) ? JSON.parse(readFileSync(RUNS, 'utf8')) : {};
}

/** Keeps a batch's results in the repository (after the batch ran; runs.json is written beside them). */
function keep(name) {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, `${name}.json.gz`), gzipSync(readFileSync(join(REPORTS, `${name}.incremental.json`)), { level: 9 }));
}

/**
 * Brings the kept results into reports/mutation/ where they are newer than what is there (a fresh
 * clone has nothing there): StrykerJS's incremental file, and the report docs/mutation.md is written
 * from, dated when the batch ran (the newest result of a file counts).
 */
function restore() {
  if (!existsSync(RESULTS)) return;
  mkdirSync(REPORTS, { recursive: true });
  const runs = readRuns();
  for (const f of readdirSync(RESULTS).filter((n) => n.endsWith('.json.gz'))) {
    const name = f.slice(0, -'.json.gz'.length);
    const at = new Date(runs[name]?.last?.date ?? 0);
    const targets = [join(REPORTS, `${name}.incremental.json`), join(REPORTS, `${name}.json`)];
    if (targets.every((t) => existsSync(t) && statSync(t).mtimeMs >= at.getTime())) continue;
    const json = gunzipSync(readFileSync(join(RESULTS, f)));
    for (const t of targets) {
      writeFileSync(t, json);
      utimesSync(t, at, at);
    }
  }
}

function runStryker(env, args) {
  const stryker = join(root, 'node_modules', '.bin', 'stryker');
  return new Promise((resolve) => {
    const child = spawn(stryker, ['run', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (c) => resolve(c ?? 1));
    child.on('error', (e) => {
      console.error(`mutate: cannot start ${stryker}: ${e.message}`);
      resolve(1);
    });
  });
}

/** The name of the run over some files: `part-` and the globs in letters, digits, `-` and `_`. */
export function partName(globs) {
  return `part-${globs
    .join('+')
    .replace(/\.ts\b/g, '')
    .replace(/\*/g, 'X')
    .replace(/[^A-Za-z0-9_+-]+/g, '_')}`;
}

/** The .ts files of a batch (a folder of server/src/service, or `files`), as paths under server/src/service. */
function filesIn(batch) {
  const base = join(root, SERVICE);
  if (batch === 'files') return readdirSync(base).filter((f) => f.endsWith('.ts'));
  return readdirSync(join(base, batch), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${batch}/${f}`);
}

function filesOf(batch) {
  return filesIn(batch).length;
}

/**
 * One report from the batches' and the file runs' reports (each names its files by path): the
 * newest result of each file counts. A batch that never ran whole is missing, or partly measured
 * when some of its files ran on their own.
 */
function mergedReport(names) {
  const files = {};
  const reports = readdirSync(REPORTS)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.incremental.json') && f !== 'runs.json')
    .filter((f) => names.includes(f.slice(0, -'.json'.length)) || f.startsWith('part-'))
    .map((f) => ({ f, t: statSync(join(REPORTS, f)).mtimeMs }))
    .sort((a, b) => a.t - b.t);
  // Groups with results of a run from before the unit tests forgot every reading between tests
  // (test/unit/hooks.ts): a reading remembered under one mutant could hide the next.
  const runs = readRuns();
  const from = new Map();
  for (const { f } of reports) {
    const found = JSON.parse(readFileSync(join(REPORTS, f), 'utf8')).files;
    Object.assign(files, found);
    for (const file of Object.keys(found)) from.set(file, f.slice(0, -'.json'.length));
  }
  const remembering = new Set();
  for (const [file, name] of from) {
    if (runs[name]?.last?.forgets) continue;
    remembering.add(groupOf(file));
    remembering.add('overall');
  }
  const missing = [];
  const partly = [];
  // A file a run's globs named counts as measured even when it has no mutant (types, re-exports).
  const named = Object.values(runs).flatMap((r) => r.globs ?? []);
  const isNamed = named.length ? picomatch(named) : () => false;
  for (const name of names) {
    if (existsSync(join(REPORTS, `${name}.json`))) continue;
    const prefix = name === 'files' ? null : `${SERVICE}${name}/`;
    const inReport = new Set(
      Object.keys(files)
        .filter((f) => (prefix ? f.includes(prefix) : groupOf(f).endsWith('.ts')))
        .map((f) => f.slice(f.indexOf(SERVICE) + SERVICE.length)),
    );
    for (const f of filesIn(name)) if (isNamed(f)) inReport.add(f);
    const seen = inReport.size;
    const all = filesOf(name);
    if (seen >= all) continue;
    if (seen) partly.push(`${name} (${seen} of ${all} files)`);
    else missing.push(name);
  }
  return { report: { files }, missing, partly, remembering };
}

async function main() {
  const args = process.argv.slice(2);
  const all = batches();
  const concurrencyAt = args.indexOf('--concurrency');
  const concurrency = concurrencyAt >= 0 ? args.splice(concurrencyAt, 2)[1] : undefined;
  if (concurrencyAt >= 0 && !(Number(concurrency) >= 1)) {
    console.error(`mutate: --concurrency needs a number of workers, not ${concurrency ?? 'nothing'}`);
    process.exit(2);
  }
  const words = args.filter((a) => !a.startsWith('-')).map((a) => a.replace(/^server\/src\/service\//, ''));
  // A word with `.ts` or `*` is a glob of files; any other names a batch.
  const globs = words.filter((a) => /\.ts$|\*/.test(a));
  const asked = words.filter((a) => !globs.includes(a)).map((a) => a.replace(/\/$/, ''));
  const unknown = asked.filter((a) => !all.includes(a));
  if (unknown.length) {
    console.error(`mutate: no batch ${unknown.join(', ')} (batches: ${all.join(', ')}, or a glob of .ts files under ${SERVICE})`);
    process.exit(2);
  }
  const matched = globs.filter((g) => readdirSync(join(root, SERVICE), { recursive: true }).some((f) => picomatch(g)(String(f))));
  if (matched.length < globs.length) {
    console.error(`mutate: no file under ${SERVICE} matches ${globs.filter((g) => !matched.includes(g)).join(', ')}`);
    process.exit(2);
  }
  const force = args.includes('--force');
  restore();
  const failed = [];
  let run;
  if (!args.includes('--report')) {
    mkdirSync(REPORTS, { recursive: true });
    const chosen = [...asked, ...(globs.length ? [partName(globs)] : [])];
    if (chosen.length === 0) chosen.push(...all);
    const started = Date.now();
    let cold = true;
    for (const batch of chosen) {
      const batchCold = force || !existsSync(join(REPORTS, `${batch}.incremental.json`));
      cold &&= batchCold;
      console.log(`\nmutate: ${batch} (${batchCold ? 'cold' : 'incremental'})`);
      const t0 = Date.now();
      const env = {
        STRYKER_BATCH: batch,
        ...(batch.startsWith('part-') ? { STRYKER_MUTATE: globs.join(',') } : {}),
        ...(concurrency ? { STRYKER_CONCURRENCY: concurrency } : {}),
      };
      const code = await runStryker(env, force ? ['--force'] : []);
      if (code !== 0) {
        console.error(`mutate: stryker exited ${code} on ${batch}`);
        failed.push(batch);
        continue;
      }
      const runs = readRuns();
      const last = { ms: Date.now() - t0, cold: batchCold, date: new Date().toISOString(), forgets: existsSync(join(root, 'test', 'unit', 'hooks.ts')) };
      runs[batch] = { ...runs[batch], last, ...(batchCold ? { cold: last } : {}), ...(batch.startsWith('part-') ? { globs } : {}) };
      keep(batch);
      writeFileSync(RUNS, `${JSON.stringify(runs, null, 2)}\n`);
    }
    run = { batches: chosen, cold, ms: Date.now() - started };
  }
  const runs = readRuns();
  const coldRuns = all.every((b) => runs[b]?.cold)
    ? `${minutes(all.reduce((sum, b) => sum + runs[b].cold.ms, 0))} for every batch (the sum of each one's last cold run: ${all.map((b) => `${b} ${minutes(runs[b].cold.ms)}`).join(', ')})`
    : null;
  const { report, missing, partly, remembering } = mergedReport(all);
  if (Object.keys(report.files).length === 0) {
    console.error(`mutate: no reports in ${relative(root, REPORTS)}; run npm run mutate first`);
    process.exit(1);
  }
  const { groups, stale } = writeDoc(report, { run, coldRuns, missing, partly, remembering });
  const overall = groups.get('overall');
  console.log(`mutate: wrote docs/mutation.md (overall ${pct(score(overall, false))}, ${pct(score(overall, true))} without equivalents)`);
  if (stale.length) console.log(`mutate: ${stale.length} accepted equivalent(s) matched nothing; see docs/mutation.md`);
  if (failed.length) {
    console.error(`mutate: stryker failed on ${failed.join(', ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === join(process.argv[1])) await main();
