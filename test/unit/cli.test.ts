import { strict as assert } from 'node:assert';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertKeepsEveryLine, buildCli, type CliResult, md, runCli, splitLines, tempFolder } from './helpers';

// The command-line front end, spawned as users and CI run it (docs/cli-contract.md).

const complete = md(
  '# Postmortem: log shipping stalled',
  '',
  '## Issue Summary',
  '',
  '- **Duration:** 2024-02-06 06:00 – 07:10 UTC (1 hour 10 minutes)',
  '- **Impact:** Logs from 40% of hosts arrived up to an hour late; no logs were lost.',
  '- **Root cause:** the shipper buffer filled when the collector rejected oversized batches.',
  '',
  '## Timeline',
  '',
  '- 06:00 UTC - Collector upgraded with a smaller batch limit.',
  '- 06:25 UTC - Log freshness alert fires.',
  '- 07:10 UTC - Batch limit raised; backlog drained.',
  '',
  '## Root Cause and Resolution',
  '',
  'The new collector rejected batches above 1 MB and the shippers retried the same batches forever. We raised the limit.',
  '',
  '## Corrective and Preventative Measures',
  '',
  '- [ ] Make shippers split rejected batches.',
  '- [ ] Test collector upgrades against production batch sizes.',
  '',
);

const missingTwo = md(
  '# Postmortem: log shipping stalled',
  '',
  '## Issue Summary',
  '',
  '- **Duration:** 70 minutes',
  '- **Impact:** late logs from 40% of hosts',
  '- **Root cause:** oversized batches rejected',
  '',
  '## Root Cause and Resolution',
  '',
  'The collector rejected big batches.',
  '',
);

const linkOnlyReadme = md('# My infrastructure project', '', 'The postmortem for this project is on my blog: [read it](https://blog.example.com/pm).', '');

function assertOneLineProblem(result: CliResult, pattern: RegExp) {
  assert.equal(result.status, 2, `exit code; stderr: ${result.stderr}`);
  const lines = result.stderr.trimEnd().split('\n');
  assert.match(lines[0], pattern);
  assert.ok(!/\n\s+at /.test(result.stderr), `a stack trace on stderr:\n${result.stderr}`);
}

describe('cli', function () {
  this.timeout(60_000);
  let folder: ReturnType<typeof tempFolder>;
  let cwd: string;

  before(() => buildCli());

  beforeEach(() => {
    folder = tempFolder();
    cwd = folder.path;
    writeFileSync(join(cwd, 'complete-postmortem.md'), complete);
    writeFileSync(join(cwd, 'missing-postmortem.md'), missingTwo);
  });

  afterEach(() => folder.remove());

  describe('analyze --format json', () => {
    it('prints one object per file, in the order given, with the fields of the contract and its reasons extension', () => {
      const result = runCli(['analyze', '--format', 'json', 'missing-postmortem.md', 'complete-postmortem.md'], cwd);
      assert.equal(result.status, 0, result.stderr);
      const output = JSON.parse(result.stdout);
      assert.ok(Array.isArray(output));
      assert.deepEqual(
        output.map((o: { file: string }) => o.file),
        ['missing-postmortem.md', 'complete-postmortem.md'],
      );
      for (const file of output) {
        assert.deepEqual(Object.keys(file), [
          'file',
          'isPostmortem',
          'template',
          'title',
          'words',
          'sections',
          'missingSections',
          'incident',
          'timeline',
          'diagnostics',
          'reasons',
        ]);
        // The contract's fields come first, in its order; `reasons` (why each item was read so) extends it.
        assert.deepEqual(Object.keys(file.incident), ['start', 'end', 'timezone', 'durationMinutes', 'statedDurationMinutes', 'reasons']);
        for (const s of file.sections) assert.deepEqual(Object.keys(s), ['id', 'heading', 'line', 'endLine', 'style', 'reasons']);
        for (const t of file.timeline) assert.deepEqual(Object.keys(t), ['line', 'time', 'text', 'reasons']);
        for (const list of [file.reasons, file.incident.reasons, ...file.sections.map((s: { reasons: string[] }) => s.reasons)]) {
          assert.ok(Array.isArray(list) && list.every((r: unknown) => typeof r === 'string'));
        }
        assert.ok(file.reasons.length > 0, 'the verdict says why');
        for (const d of file.diagnostics) assert.deepEqual(Object.keys(d), ['line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
      }
    });

    it('explains with --explain why each section, the window and the verdict were read so', () => {
      const result = runCli(['analyze', '--explain', 'missing-postmortem.md', 'complete-postmortem.md'], cwd);
      assert.equal(result.status, 0, result.stderr);
      const [missing, complete] = result.stdout.split('\n\n').map((block) => block.split('\n'));
      assert.equal(missing[0], 'missing-postmortem.md');
      assert.equal(missing[1], '  not a postmortem (evidence -100)');
      assert.ok(missing.includes('    line 3: read as Issue Summary: a heading (level 2), naming the section'), result.stdout);
      assert.ok(missing.includes('    missing: timeline, corrective-actions'), result.stdout);
      assert.equal(complete[0], 'complete-postmortem.md');
      assert.match(complete[1], /^ {2}a postmortem \(evidence \+\d/);
      assert.ok(
        complete.some((l) => /^ {4}\+[\d.]+ {2}4 required sections with content$/.test(l)),
        result.stdout,
      );
      assert.ok(
        complete.some((l) => /^ {4}window read from /.test(l)),
        result.stdout,
      );
    });

    it('reports sections, missing sections, timeline and diagnostics with 1-based lines', () => {
      const [missing, full] = JSON.parse(runCli(['analyze', '--format', 'json', 'missing-postmortem.md', 'complete-postmortem.md'], cwd).stdout);
      assert.equal(missing.template, 'standard');
      assert.equal(missing.title, 'Postmortem: log shipping stalled');
      assert.deepEqual(missing.sections, [
        {
          id: 'summary',
          heading: '## Issue Summary',
          line: 3,
          endLine: 7,
          style: 'atx',
          reasons: ['read as Issue Summary: a heading (level 2), naming the section'],
        },
        {
          id: 'root-cause',
          heading: '## Root Cause and Resolution',
          line: 9,
          endLine: 11,
          style: 'atx',
          reasons: ['read as Root Cause and Resolution: a heading (level 2), naming the section'],
        },
      ]);
      assert.deepEqual(missing.missingSections, ['timeline', 'corrective-actions']);
      assert.deepEqual(
        missing.diagnostics.map((d: { code: string; line: number; column: number; severity: string }) => [d.code, d.line, d.column, d.severity]),
        [
          ['missing-section', 1, 1, 'error'],
          ['missing-section', 1, 1, 'error'],
          ['word-count', 1, 1, 'information'],
        ],
      );
      assert.equal(full.isPostmortem, true);
      assert.deepEqual(
        full.timeline.map((t: { line: number; text: string }) => [t.line, t.text]),
        [
          [11, 'Collector upgraded with a smaller batch limit.'],
          [12, 'Log freshness alert fires.'],
          [13, 'Batch limit raised; backlog drained.'],
        ],
      );
      assert.equal(typeof full.words, 'number');
    });

    it('analyses a file named explicitly whatever its extension', () => {
      writeFileSync(join(cwd, 'notes.txt'), missingTwo);
      const [notes] = JSON.parse(runCli(['analyze', '--format', 'json', 'notes.txt'], cwd).stdout);
      assert.equal(notes.file, 'notes.txt');
      assert.deepEqual(notes.missingSections, ['timeline', 'corrective-actions']);
    });

    it('uses the template given with --template', () => {
      const [file] = JSON.parse(runCli(['analyze', '--format', 'json', '--template', 'google-sre', 'complete-postmortem.md'], cwd).stdout);
      assert.equal(file.template, 'google-sre');
    });
  });

  describe('lint exit codes', () => {
    it('exits 0 when no finding is an error', () => {
      const result = runCli(['lint', 'complete-postmortem.md'], cwd);
      assert.equal(result.status, 0, result.stdout + result.stderr);
    });

    it('exits 1 when a finding is an error, listing it in stylish format', () => {
      const result = runCli(['lint', 'missing-postmortem.md'], cwd);
      assert.equal(result.status, 1);
      assert.match(result.stdout, /^missing-postmortem\.md$/m);
      assert.match(result.stdout, /1:1\s+error\s+Missing section "Timeline".*missing-section/);
    });

    it('exits 0 when the configuration turns the error off', () => {
      writeFileSync(join(cwd, 'quiet.json'), '{ "rules": { "missing-section": "warning" } }');
      assert.equal(runCli(['lint', '--config', 'quiet.json', 'missing-postmortem.md'], cwd).status, 0);
    });

    it('exits 2 with one line on stderr and no stack trace for a missing file', () => {
      const result = runCli(['lint', 'no-such-postmortem.md'], cwd);
      assertOneLineProblem(result, /no-such-postmortem\.md: no such file or folder/);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1);
      assert.equal(result.stdout, '');
    });

    it('exits 2 for an invalid --config, naming the file, line and column', () => {
      writeFileSync(join(cwd, 'broken.json'), '{\n  "template": "standard"\n  "rules": {}\n}');
      const result = runCli(['lint', '--config', 'broken.json', 'complete-postmortem.md'], cwd);
      assertOneLineProblem(result, /invalid config broken\.json:3:3: invalid JSON/);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1);
    });

    it('exits 2 for a --config that does not exist', () => {
      assertOneLineProblem(runCli(['lint', '--config', 'nope.json', 'complete-postmortem.md'], cwd), /cannot read config nope\.json/);
    });

    it('exits 2 for an unknown --template', () => {
      const result = runCli(['lint', '--template', 'netflix', 'complete-postmortem.md'], cwd);
      assertOneLineProblem(result, /unknown template "netflix"/);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1);
    });

    it('exits 2 for an unknown option', () => {
      assertOneLineProblem(runCli(['lint', '--frobnicate', 'complete-postmortem.md'], cwd), /unknown option "--frobnicate"/);
    });

    it('exits 2 for an unknown format and for no path', () => {
      assertOneLineProblem(runCli(['lint', '--format', 'xml', 'complete-postmortem.md'], cwd), /--format must be one of/);
      assertOneLineProblem(runCli(['lint'], cwd), /no PATH given/);
    });
  });

  describe('lint --format json and sarif', () => {
    it('prints file, verdict and diagnostics per file as JSON', () => {
      const result = runCli(['lint', '--format', 'json', 'missing-postmortem.md'], cwd);
      const [file] = JSON.parse(result.stdout);
      assert.deepEqual(Object.keys(file), ['file', 'isPostmortem', 'diagnostics']);
      assert.equal(file.diagnostics.length, 3);
    });

    it('prints valid SARIF 2.1.0', () => {
      const result = runCli(['lint', '--format', 'sarif', 'missing-postmortem.md', 'complete-postmortem.md'], cwd);
      assert.equal(result.status, 1);
      const log = JSON.parse(result.stdout);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
      assert.equal(log.runs.length, 1);
      const [run] = log.runs;
      assert.equal(run.tool.driver.name, 'postmortem');
      const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
      assert.ok(run.results.length >= 2);
      for (const r of run.results) {
        assert.ok(ruleIds.includes(r.ruleId), `rule ${r.ruleId} is described`);
        assert.ok(['error', 'warning', 'note', 'none'].includes(r.level));
        assert.equal(typeof r.message.text, 'string');
        const { artifactLocation, region } = r.locations[0].physicalLocation;
        assert.equal(typeof artifactLocation.uri, 'string');
        assert.ok(region.startLine >= 1 && region.startColumn >= 1);
        assert.ok(region.endLine >= region.startLine);
      }
      assert.deepEqual(
        run.results.map((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [
          r.ruleId,
          r.locations[0].physicalLocation.artifactLocation.uri,
        ]),
        [
          ['missing-section', 'missing-postmortem.md'],
          ['missing-section', 'missing-postmortem.md'],
          ['word-count', 'missing-postmortem.md'],
          ['timeline-coverage', 'complete-postmortem.md'],
          ['word-count', 'complete-postmortem.md'],
        ],
      );
    });
  });

  describe('stats', () => {
    const columns = [
      'file',
      'isPostmortem',
      'template',
      'words',
      'requiredPresent',
      'requiredTotal',
      'timelineEntries',
      'durationMinutes',
      'errors',
      'warnings',
      'missingSections',
    ];

    it('prints CSV with a header and one row per file, the contract columns first, then the totals', () => {
      const result = runCli(['stats', '--format', 'csv', 'missing-postmortem.md', 'complete-postmortem.md'], cwd);
      assert.equal(result.status, 0);
      const [table, totals] = result.stdout.trimEnd().split('\n\n');
      const rows = table.split('\n');
      assert.equal(rows[0].split(',').slice(0, columns.length).join(','), columns.join(','));
      assert.equal(rows.length, 3);
      const missing = Object.fromEntries(rows[1].split(',').map((v, i) => [rows[0].split(',')[i], v]));
      assert.equal(missing.file, 'missing-postmortem.md');
      assert.equal(missing.requiredPresent, '2');
      assert.equal(missing.requiredTotal, '4');
      assert.equal(missing.errors, '2');
      assert.equal(missing.missingSections, 'timeline corrective-actions');
      assert.match(totals, /^metric,value\nincidents,2\n/);
    });

    it('prints JSON rows and totals', () => {
      const { postmortems, totals } = JSON.parse(runCli(['stats', '--format', 'json', 'complete-postmortem.md'], cwd).stdout);
      assert.equal(postmortems.length, 1);
      assert.equal(postmortems[0].file, 'complete-postmortem.md');
      assert.equal(postmortems[0].requiredPresent, 4);
      assert.equal(postmortems[0].timelineEntries, 3);
      for (const c of columns) assert.ok(c in postmortems[0], `column ${c}`);
      assert.equal(totals.incidents, 1);
    });

    it('prints an aligned table by default, then the totals', () => {
      const [table, totals] = runCli(['stats', 'missing-postmortem.md', 'complete-postmortem.md'], cwd).stdout.trimEnd().split('\n\n');
      const lines = table.split('\n');
      assert.equal(lines.length, 3);
      assert.deepEqual(lines[0].split(/\s+/), ['file', 'title', 'date', 'start', 'end', 'duration', 'detect', 'resolve', 'missing', 'actions']);
      const dateColumn = lines[0].indexOf('date');
      assert.deepEqual(
        lines.slice(1).map((l) => l.slice(dateColumn).split(' ')[0]),
        ['-', '2024-02-06'],
      );
      assert.match(totals, /^incidents: +2$/m);
    });
  });

  describe('lint --fix', () => {
    it('inserts the missing sections in place, keeps every line and leaves no temporary file', () => {
      const result = runCli(['lint', '--fix', 'missing-postmortem.md'], cwd);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      const fixed = readFileSync(join(cwd, 'missing-postmortem.md'), 'utf8');
      assertKeepsEveryLine(missingTwo, fixed);
      const lines = splitLines(fixed);
      assert.ok(lines.indexOf('## Timeline') > lines.indexOf('## Issue Summary'));
      assert.ok(lines.indexOf('## Timeline') < lines.indexOf('## Root Cause and Resolution'));
      assert.ok(lines.indexOf('## Corrective and Preventative Measures') > lines.indexOf('## Root Cause and Resolution'));
      assert.deepEqual(readdirSync(cwd).sort(), ['complete-postmortem.md', 'missing-postmortem.md']);
    });

    it('leaves a file without changes alone', () => {
      runCli(['lint', '--fix', 'complete-postmortem.md'], cwd);
      assert.equal(readFileSync(join(cwd, 'complete-postmortem.md'), 'utf8'), complete);
    });

    it('leaves a read-only file untouched and says so in one line', () => {
      const path = join(cwd, 'missing-postmortem.md');
      chmodSync(path, 0o444);
      const result = runCli(['lint', '--fix', 'missing-postmortem.md'], cwd);
      assert.equal(readFileSync(path, 'utf8'), missingTwo);
      const problems = result.stderr.trimEnd().split('\n');
      assert.equal(problems.length, 1, result.stderr);
      assert.match(problems[0], /missing-postmortem\.md: not writable, left untouched/);
      assert.equal(result.status, 1);
      assert.deepEqual(readdirSync(cwd).sort(), ['complete-postmortem.md', 'missing-postmortem.md']);
    });

    it('keeps CRLF line breaks when fixing a CRLF file', () => {
      const path = join(cwd, 'missing-postmortem.md');
      writeFileSync(path, missingTwo.replace(/\n/g, '\r\n'));
      runCli(['lint', '--fix', 'missing-postmortem.md'], cwd);
      const fixed = readFileSync(path, 'utf8');
      assert.ok(fixed.includes('## Timeline\r\n'));
      assert.ok(!/[^\r]\n/.test(fixed));
    });
  });

  describe('folders', () => {
    beforeEach(() => {
      mkdirSync(join(cwd, 'docs', 'incidents'), { recursive: true });
      mkdirSync(join(cwd, 'outside'));
      copyFileSync(join(cwd, 'missing-postmortem.md'), join(cwd, 'docs', '2024-02-06-logs-postmortem.md'));
      writeFileSync(join(cwd, 'docs', 'README.md'), linkOnlyReadme);
      writeFileSync(join(cwd, 'docs', 'incidents', 'logs.md'), complete);
      copyFileSync(join(cwd, 'missing-postmortem.md'), join(cwd, 'outside', 'secret-postmortem.md'));
      symlinkSync(join('..', 'outside', 'secret-postmortem.md'), join(cwd, 'docs', 'linked-postmortem.md'));
    });

    function filesFound(): string[] {
      const result = runCli(['lint', '--format', 'json', 'docs'], cwd);
      assert.notEqual(result.status, 2, result.stderr);
      return JSON.parse(result.stdout).map((f: { file: string }) => f.file);
    }

    it('finds postmortem Markdown under a folder and skips a README that only links to one', () => {
      assert.deepEqual(filesFound(), ['docs/2024-02-06-logs-postmortem.md', 'docs/incidents/logs.md']);
    });

    it('does not follow a symlink that points outside the folder', () => {
      assert.ok(!filesFound().some((f) => f.includes('linked') || f.includes('secret')));
    });

    it('follows a symlink that stays inside the folder', () => {
      symlinkSync('2024-02-06-logs-postmortem.md', join(cwd, 'docs', 'alias-postmortem.md'));
      assert.ok(filesFound().includes('docs/alias-postmortem.md'));
    });

    it('analyses a README named explicitly even though it is no postmortem', () => {
      const [readme] = JSON.parse(runCli(['analyze', '--format', 'json', 'docs/README.md'], cwd).stdout);
      assert.equal(readme.isPostmortem, false);
      assert.ok(readme.diagnostics.length > 0);
    });
  });
});
