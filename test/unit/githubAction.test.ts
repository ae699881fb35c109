import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { buildCli, cliBin, md, repoRoot, tempFolder } from './helpers';

// docs/github-action.yml, the workflow the README shows: its shell steps run here, in order, as the
// runner would run them, in a repository whose pull request adds and changes sample postmortems.
// The published package is replaced by this checkout's CLI (the workflow's POSTMORTEM variable).

interface Step {
  name: string;
  id?: string;
  run?: string;
  uses?: string;
}

/** The workflow's top-level env and its steps: just enough YAML for the file we write ourselves. */
function readWorkflow(text: string): { env: Record<string, string>; steps: Step[] } {
  const lines = text.split('\n');
  const env: Record<string, string> = {};
  const steps: Step[] = [];
  let inEnv = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^env:\s*$/.test(line)) {
      inEnv = true;
      continue;
    }
    if (inEnv) {
      const m = /^ {2}([A-Z_]+): (.*)$/.exec(line);
      if (m) env[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
      else if (/^\S/.test(line)) inEnv = false;
    }
    const step = /^ {6}- (name|uses): (.*)$/.exec(line);
    if (step) steps.push(step[1] === 'name' ? { name: step[2] } : { name: step[2], uses: step[2] });
    const current = steps[steps.length - 1];
    if (!current) continue;
    const field = /^ {8}(id|uses): (.*)$/.exec(line);
    if (field) current[field[1] as 'id' | 'uses'] = field[2];
    if (/^ {8}run: \|\s*$/.test(line)) {
      const body: string[] = [];
      while (i + 1 < lines.length && (lines[i + 1].startsWith('          ') || lines[i + 1].trim() === '')) body.push(lines[++i].slice(10));
      current.run = body.join('\n');
    }
  }
  return { env, steps };
}

function git(cwd: string, ...args: string[]) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const notAPostmortem = md('# Contributing', '', 'Open a pull request.', '');

describe('the GitHub Actions workflow in docs/github-action.yml', function () {
  this.timeout(120_000);
  const workflow = readWorkflow(readFileSync(join(repoRoot, 'docs', 'github-action.yml'), 'utf8'));
  let folder: ReturnType<typeof tempFolder>;
  let checkout: string;

  before(() => buildCli());

  beforeEach(() => {
    folder = tempFolder();
    // The base branch on "origin" has two postmortems; the pull request changes one, adds two and a README.
    const origin = join(folder.path, 'origin');
    mkdirSync(join(origin, 'postmortems'), { recursive: true });
    git(origin, 'init', '-q', '-b', 'main');
    git(origin, 'config', 'user.email', 'ci@example.com');
    git(origin, 'config', 'user.name', 'CI');
    for (const f of ['complete-postmortem.md', 'setext-postmortem.md']) copyFileSync(join(repoRoot, 'samples', f), join(origin, 'postmortems', f));
    writeFileSync(join(origin, 'CONTRIBUTING.md'), notAPostmortem);
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'base');
    checkout = join(folder.path, 'checkout');
    git(folder.path, 'clone', '-q', origin, checkout);
    git(checkout, 'config', 'user.email', 'ci@example.com');
    git(checkout, 'config', 'user.name', 'CI');
    git(checkout, 'checkout', '-q', '-b', 'pr');
    for (const f of ['missing-timeline-postmortem.md', 'bold-headings-postmortem.md'])
      copyFileSync(join(repoRoot, 'samples', f), join(checkout, 'postmortems', f));
    writeFileSync(
      join(checkout, 'postmortems', 'setext-postmortem.md'),
      `${readFileSync(join(checkout, 'postmortems', 'setext-postmortem.md'), 'utf8')}\nEdited in the pull request.\n`,
    );
    writeFileSync(join(checkout, 'CONTRIBUTING.md'), `${notAPostmortem}\nMore.\n`);
    git(checkout, 'add', '.');
    git(checkout, 'commit', '-q', '-m', 'pr');
  });

  afterEach(() => folder.remove());

  function runStep(step: Step, outputFile: string) {
    return spawnSync('bash', ['-e', '-c', step.run ?? ''], {
      cwd: checkout,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ...workflow.env, POSTMORTEM: `node ${cliBin}`, GITHUB_BASE_REF: 'main', GITHUB_OUTPUT: outputFile },
    });
  }

  it('runs on pull requests with the permission to upload SARIF, and uploads what the lint step writes', () => {
    const text = readFileSync(join(repoRoot, 'docs', 'github-action.yml'), 'utf8');
    assert.match(text, /^on:\n {2}pull_request:/m);
    assert.match(text, /security-events: write/);
    const upload = workflow.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    assert.ok(upload, 'an upload-sarif step');
    assert.match(text, /sarif_file: postmortem\.sarif/);
    assert.match(workflow.env.POSTMORTEM, /^npx --yes --package postmortem-language-server@\d+\.\d+\.\d+ postmortem$/);
  });

  it('finds the changed postmortems, annotates the diff, writes valid SARIF and fails on an error finding', () => {
    const outputFile = join(folder.path, 'github-output');
    writeFileSync(outputFile, '');
    const changed = workflow.steps.find((s) => s.id === 'changed');
    const lint = workflow.steps.find((s) => s.id === 'lint');
    assert.ok(changed?.run && lint?.run, 'the changed and lint steps run shell commands');

    const found = runStep(changed, outputFile);
    assert.equal(found.status, 0, found.stderr);
    assert.equal(readFileSync(outputFile, 'utf8'), 'count=3\n');
    const files = readFileSync(join(checkout, 'changed.txt'), 'utf8').split('\0').filter(Boolean).sort();
    assert.deepEqual(files, ['postmortems/bold-headings-postmortem.md', 'postmortems/missing-timeline-postmortem.md', 'postmortems/setext-postmortem.md']);

    const linted = runStep(lint, outputFile);
    assert.notEqual(linted.status, 0, 'the lint step fails: the missing Timeline is an error');
    const annotations = linted.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.ok(
      annotations.some((a) => /^::error file=postmortems\/missing-timeline-postmortem\.md,line=1,.*title=postmortem missing-section::/.test(a)),
      linted.stdout,
    );
    assert.ok(
      annotations.every((a) => /^::(error|warning|notice) file=postmortems\/(missing-timeline|bold-headings|setext)-postmortem\.md,/.test(a)),
      linted.stdout,
    );

    const log: { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] } = JSON.parse(
      readFileSync(join(checkout, 'postmortem.sarif'), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')));
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const uris = new Set(log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('postmortems/missing-timeline-postmortem.md'));
    assert.ok(!uris.has('postmortems/complete-postmortem.md'), 'unchanged files are not linted');
  });

  it('finds nothing when the pull request changes no postmortem', () => {
    git(checkout, 'reset', '-q', '--hard', 'origin/main');
    writeFileSync(join(checkout, 'CONTRIBUTING.md'), `${notAPostmortem}\nOnly this.\n`);
    git(checkout, 'commit', '-q', '-am', 'docs');
    const outputFile = join(folder.path, 'github-output');
    writeFileSync(outputFile, '');
    const found = runStep(workflow.steps.find((s) => s.id === 'changed')!, outputFile);
    assert.equal(found.status, 0, found.stderr);
    assert.equal(readFileSync(outputFile, 'utf8'), 'count=0\n');
  });
});
