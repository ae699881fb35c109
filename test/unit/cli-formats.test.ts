import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { allRules } from '../../server/src/service';
import { buildCli, cliBin, md, repoRoot, runCli, tempFolder } from './helpers';

// The pull-request formats of `postmortem lint`: SARIF validated against the OASIS schema,
// GitHub workflow commands, and the ESLint-style options (--quiet, --max-warnings, --stdin).

const schema = JSON.parse(readFileSync(join(repoRoot, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));

function sarifValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const warningsOnly = md(
  '# Postmortem: cache stampede',
  '',
  '## Issue Summary',
  '',
  '- **Duration:** 40 minutes',
  '',
  '## Timeline',
  '',
  '- 09:00 UTC - cache flushed',
  '- 09:40 UTC - hit rate back',
  '',
  '## Root Cause and Resolution',
  '',
  'A flush with no warm-up.',
  '',
  '## Corrective and Preventative Measures',
  '',
  '- [ ] Warm the cache before a flush.',
  '',
);

const missingTimeline = md(
  '# Postmortem: 100% of "queue" jobs, stuck',
  '',
  '## Issue Summary',
  '',
  '- **Duration:** 70 minutes',
  '- **Impact:** late jobs',
  '- **Root cause:** a stuck worker',
  '',
  '## Root Cause and Resolution',
  '',
  'The worker held a lock.',
  '',
  '## Corrective and Preventative Measures',
  '',
  '- [ ] Time out the lock.',
  '',
);

function runWithStdin(args: string[], cwd: string, input: string) {
  const result = spawnSync(process.execPath, [cliBin, ...args], { cwd, input, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli formats for pull requests', function () {
  this.timeout(60_000);
  let folder: ReturnType<typeof tempFolder>;
  let cwd: string;

  before(() => buildCli());

  beforeEach(() => {
    folder = tempFolder();
    cwd = folder.path;
    mkdirSync(join(cwd, 'docs, old'));
    writeFileSync(join(cwd, 'warnings-postmortem.md'), warningsOnly);
    writeFileSync(join(cwd, 'docs, old', 'queue 100% postmortem.md'), missingTimeline);
  });

  afterEach(() => folder.remove());

  describe('--format sarif', () => {
    it('validates against the SARIF 2.1.0 schema, for the samples and for paths with spaces and commas', () => {
      const validate = sarifValidator();
      for (const args of [
        ['lint', '--format', 'sarif', join(repoRoot, 'samples')],
        ['lint', '--format', 'sarif', '.'],
      ]) {
        const result = runCli(args, cwd);
        const log = JSON.parse(result.stdout);
        assert.ok(log.runs[0].results.length > 0, 'there are results to validate');
        assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      }
    });

    it('the validator rejects a log that breaks the schema', () => {
      const validate = sarifValidator();
      const log = JSON.parse(runCli(['lint', '--format', 'sarif', '.'], cwd).stdout);
      log.runs[0].results[0].level = 'fatal';
      assert.equal(validate(log), false);
      delete log.runs[0].results[0].level;
      log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
      assert.equal(validate(log), false);
    });

    it('describes every rule with a short description, help text, a link and a default level', () => {
      const log = JSON.parse(runCli(['lint', '--format', 'sarif', '.'], cwd).stdout);
      const rules = log.runs[0].tool.driver.rules;
      for (const rule of allRules) {
        const described = rules.find((r: { id: string }) => r.id === rule.code);
        assert.ok(described, `rule ${rule.code} is in the driver`);
        assert.equal(described.shortDescription.text, rule.description);
        assert.ok(described.help.text.startsWith(rule.help), `${rule.code}: help`);
        assert.match(described.help.text, new RegExp(`"${rule.code}": "off"`));
        assert.equal(described.helpUri, `https://github.com/postmortem-tools/postmortem-lsp#${rule.code}`);
        assert.equal(described.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[rule.defaultSeverity]);
      }
    });

    it('gives each result its rule, level, message and region, with the path as a relative URI', () => {
      const log = JSON.parse(runCli(['lint', '--format', 'sarif', 'docs, old'], cwd).stdout);
      const [run] = log.runs;
      const [result] = run.results;
      assert.equal(result.ruleId, 'missing-section');
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'missing-section');
      assert.equal(result.level, 'error');
      assert.match(result.message.text, /^Missing section "Timeline"/);
      assert.deepEqual(result.locations[0].physicalLocation, {
        artifactLocation: { uri: 'docs%2C%20old/queue%20100%25%20postmortem.md' },
        region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 42 },
      });
    });
  });

  describe('--format github', () => {
    it('prints one workflow command per finding, with the level, position and title, escaped as GitHub reads them', () => {
      const result = runCli(['lint', '--format', 'github', 'docs, old/queue 100% postmortem.md'], cwd);
      assert.equal(result.status, 1, result.stderr);
      const lines = result.stdout.trimEnd().split('\n');
      // The missing section, then the impact without a figure and the short prose (notices).
      assert.equal(lines.length, 3);
      assert.deepEqual(
        lines.slice(1).map((l) => /title=postmortem ([a-z-]+)/.exec(l)?.[1]),
        ['impact-figure', 'word-count'],
      );
      assert.ok(lines.slice(1).every((l) => l.startsWith('::notice ')));
      assert.match(
        lines[0],
        /^::error file=docs%2C old\/queue 100%25 postmortem\.md,line=1,endLine=1,col=1,endColumn=42,title=postmortem missing-section::Missing section "Timeline": /,
      );
    });

    it('writes warnings and information as ::warning and ::notice', () => {
      const lines = runCli(['lint', '--format', 'github', 'warnings-postmortem.md'], cwd).stdout.trimEnd().split('\n');
      assert.ok(lines.length >= 2);
      assert.ok(lines.some((l) => l.startsWith('::warning file=warnings-postmortem.md,line=3,')));
      assert.ok(
        lines.every((l) =>
          /^::(warning|notice) file=warnings-postmortem\.md,line=\d+,endLine=\d+,col=\d+,(endColumn=\d+,)?title=postmortem [a-z-]+::\S/.test(l),
        ),
        lines.join('\n'),
      );
    });

    it('escapes line breaks and percent signs in the message', () => {
      // A section name from the configuration carries what a message may contain.
      writeFileSync(
        join(cwd, '.postmortemrc.json'),
        JSON.stringify({
          templates: { t: { extends: 'standard', sections: [{ id: 'summary' }, { id: 'x', name: 'Rate 100%', required: true, hover: 'two\nlines' }] } },
          template: 't',
        }),
      );
      const line = runCli(['lint', '--format', 'github', 'warnings-postmortem.md'], cwd)
        .stdout.split('\n')
        .find((l) => l.includes('Rate 100'));
      assert.ok(line, 'a finding names the section');
      assert.match(line, /Rate 100%25/);
      assert.match(line, /two%0Alines/);
    });
  });

  describe('--quiet and --max-warnings', () => {
    it('--quiet reports only errors', () => {
      const stylish = runCli(['lint', '--quiet', '.'], cwd).stdout;
      assert.match(stylish, /missing-section/);
      assert.doesNotMatch(stylish, /^\s+\d+:\d+\s+warning/m);
      const json = JSON.parse(runCli(['lint', '--quiet', '--format', 'json', 'warnings-postmortem.md'], cwd).stdout);
      assert.deepEqual(json[0].diagnostics, []);
    });

    it('--max-warnings fails the run above the limit and passes at it', () => {
      const warnings = JSON.parse(runCli(['lint', '--format', 'json', 'warnings-postmortem.md'], cwd).stdout)[0].diagnostics.filter(
        (d: { severity: string }) => d.severity === 'warning',
      ).length;
      assert.ok(warnings >= 1);
      const above = runCli(['lint', '--max-warnings', String(warnings - 1), 'warnings-postmortem.md'], cwd);
      assert.equal(above.status, 1);
      assert.equal(above.stderr, `postmortem: too many warnings: ${warnings} (--max-warnings ${warnings - 1})\n`);
      assert.equal(runCli(['lint', `--max-warnings=${warnings}`, 'warnings-postmortem.md'], cwd).status, 0);
      assert.equal(runCli(['lint', '--quiet', '--max-warnings', '0', 'warnings-postmortem.md'], cwd).status, 0, 'quiet warnings are not counted');
    });

    it('rejects a --max-warnings that is not a whole number in one line', () => {
      const result = runCli(['lint', '--max-warnings', 'many', '.'], cwd);
      assert.equal(result.status, 2);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1);
      assert.match(result.stderr, /--max-warnings needs a whole number, not "many"/);
    });
  });

  describe('--stdin', () => {
    it('lints standard input under the --stdin-filename given', () => {
      const result = runWithStdin(['lint', '--format', 'json', '--stdin', '--stdin-filename', 'incidents/queue.md'], cwd, missingTimeline);
      assert.equal(result.status, 1, result.stderr);
      const [file] = JSON.parse(result.stdout);
      assert.equal(file.file, 'incidents/queue.md');
      assert.deepEqual(
        file.diagnostics.map((d: { code: string }) => d.code),
        ['missing-section', 'impact-figure', 'word-count'],
      );
    });

    it('analyses standard input whatever its content, as a file named on the command line', () => {
      const result = runWithStdin(['lint', '--stdin'], cwd, md('Some notes', '', 'Nothing here looks like a postmortem.', ''));
      assert.equal(result.status, 1);
      assert.match(result.stdout, /^<stdin>$/m);
    });

    it('reads the project configuration for standard input too', () => {
      writeFileSync(join(cwd, '.postmortemrc.json'), '{ "rules": { "missing-section": "off" } }');
      const result = runWithStdin(['lint', '--quiet', '--stdin'], cwd, missingTimeline);
      assert.equal(result.status, 0, result.stdout);
    });

    it('refuses --fix, a PATH or --stdin-filename without --stdin, in one line each', () => {
      for (const [args, message] of [
        [['lint', '--stdin', '--fix'], /cannot write back to standard input/],
        [['lint', '--stdin', 'warnings-postmortem.md'], /give no PATH with it/],
        [['lint', '--stdin-filename', 'x.md', 'warnings-postmortem.md'], /--stdin-filename names the document read with --stdin/],
      ] as const) {
        const result = runWithStdin([...args], cwd, warningsOnly);
        assert.equal(result.status, 2, args.join(' '));
        assert.equal(result.stderr.trimEnd().split('\n').length, 1);
        assert.match(result.stderr, message);
      }
    });
  });

  describe('--output', () => {
    it('writes the output to the file given, and a path that cannot be written is one line', () => {
      assert.equal(runCli(['stats', '--format', 'json', '--output', 'stats.json', '.'], cwd).stdout, '');
      assert.equal(JSON.parse(readFileSync(join(cwd, 'stats.json'), 'utf8')).totals.incidents, 2);
      const result = runCli(['stats', '--output', join(cwd, 'no-such-folder', 'x.txt'), '.'], cwd);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^postmortem: cannot write .*x\.txt \(ENOENT\)\n$/);
    });
  });
});
