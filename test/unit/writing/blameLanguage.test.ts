import { strict as assert } from 'node:assert';
import { analyze, findingsWith, md } from '../helpers';

// blame-language: wording that blames people, with neutral wording suggested; silent on look-alikes.

function blamed(line: string, settings = {}): string[] {
  const text = md('# Postmortem: search outage', '', '## Root Cause and Resolution', '', line);
  return findingsWith(analyze(text, { settings }), 'blame-language').map(
    (d) => d.range && text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character),
  );
}

describe('blame-language: flags blame', () => {
  const cases: [string, string][] = [
    ['The root cause was human error in the deploy settings.', 'human error'],
    ['A human-error in the runbook step.', 'human-error'],
    ["It was Dana's fault that the job ran twice.", "Dana's fault"],
    ['This was his fault.', 'his fault'],
    ["It was the engineer's fault.", "the engineer's fault"],
    ['We should have known that the job defaults to production.', 'should have known'],
    ['A careless edit removed the limit.', 'careless'],
    ['The negligent rollout skipped the canary.', 'negligent'],
    ['Dana forgot to switch the target to staging.', 'Dana forgot'],
    ['After Dana Lee forgot the flag, the job ran.', 'Dana Lee forgot'],
    ['Then Marco accidentally deleted the index.', 'Marco accidentally'],
    ['The new intern wrongly typed the command.', 'The new intern wrongly'],
    ['The on-call engineer ignored the alert for an hour.', 'The on-call engineer ignored the alert'],
    ['She did not check the diff before merging.', 'She did not check'],
    ['Someone made a typo in the config.', 'Someone made a typo'],
    ["Kwame didn't test the migration.", "Kwame didn't test"],
    ['Priya broke production with a bad flag.', 'Priya broke production'],
  ];
  for (const [line, phrase] of cases) {
    it(`flags "${phrase}" in "${line}"`, () => {
      assert.deepEqual(blamed(line), [phrase]);
    });
  }

  it('suggests neutral wording, as a hint', () => {
    const text = md('# Postmortem', '', '## Root Cause and Resolution', '', 'Human error caused the outage.');
    const [finding] = findingsWith(analyze(text), 'blame-language');
    assert.equal(finding.severity, 'hint');
    assert.match(finding.message, /"Human error" blames people rather than the system: name what let the mistake through instead/);
  });

  it('reports "she should have known" once', () => {
    assert.deepEqual(blamed('She should have known about the default.'), ['She should have known']);
  });

  it('flags the extra phrases of postmortem.blameWords', () => {
    assert.deepEqual(blamed('Ops dropped the ball on the rollout.', { blameWords: ['dropped the ball'] }), ['dropped the ball']);
  });
});

describe('blame-language: stays silent', () => {
  const silent = [
    'The root cause was a human-readable config that nobody validated.',
    'Failures come from bugs, traffic spikes, hardware failures, natural disasters, human error and more.',
    'This was not human error: the form accepted an invalid value.',
    'Clear documentation is the best way of preventing human error.',
    'It was nobody’s fault; the job had no guard.',
    'Nginx failed to restart because the config was invalid.',
    'The cron job accidentally deleted the cache.',
    'Monitoring missed the alert because the threshold was too high.',
    'The deploy should have been blocked by the config check.',
    'We blamed the cloud at first, but Cloudinary was fine.',
    'Lazy loading of images delayed the page.',
    '`careless` is the name of our linting rule.',
    'Jenkins forgot the workspace between runs.',
  ];
  for (const line of silent) {
    it(`is silent on "${line}"`, () => {
      assert.deepEqual(blamed(line, { allowedNames: ['Jenkins'] }), []);
    });
  }

  it('is silent on a system the document writes as a thing elsewhere ("the Boskos pod", "Hermes config")', () => {
    const text = md(
      '# Postmortem: queue outage',
      '',
      '## Root Cause and Resolution',
      '',
      'The new Hermes config had a typo.',
      'Hermes did not respond to any queue events for an hour.',
      'We restarted the Boskos pod; Boskos failed to acquire a lease.',
    );
    assert.deepEqual(findingsWith(analyze(text), 'blame-language'), []);
  });

  it('still flags a person named as a thing nowhere else, even after "the" elsewhere on the line', () => {
    assert.deepEqual(blamed('After the deploy Dana forgot to check the diff.'), ['Dana forgot']);
    assert.deepEqual(
      findingsWith(
        analyze(md('# Postmortem', '', '## Root Cause and Resolution', '', 'The Hermes deployment went out.', 'Dana did not check the diff.')),
        'blame-language',
      ).length,
      1,
    );
  });

  it('is silent on names in an Owner column, an Owner field and @mentions', () => {
    const text = md(
      '# Postmortem',
      '',
      '## Corrective and Preventative Measures',
      '',
      '| Action | Owner | Due |',
      '|---|---|---|',
      '| Add a staging default | Dana forgot-me-not | 2024-07-01 |',
      '',
      '- [ ] Add a prompt (Owner: Marco accidentally assigned)',
      '- [ ] Add a check @dana',
    );
    assert.deepEqual(findingsWith(analyze(text), 'blame-language'), []);
  });

  it('is silent in code blocks', () => {
    const text = md('# Postmortem', '', '## Timeline', '', '```', 'Dana forgot: human error', '```');
    assert.deepEqual(findingsWith(analyze(text), 'blame-language'), []);
  });
});
