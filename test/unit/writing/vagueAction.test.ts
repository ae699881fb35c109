import { strict as assert } from 'node:assert';
import type { Template } from '../../../server/src/service';
import { allRules, builtinTemplates, parseProjectConfig } from '../../../server/src/service';
import { analyze, findingsWith, md } from '../helpers';

// vague-action: corrective actions someone can check off; owners and due dates where the template asks.

function vague(items: string[], options = {}): string[] {
  const text = md('# Postmortem: queue stall', '', '## Corrective and Preventative Measures', '', ...items);
  return findingsWith(analyze(text, options), 'vague-action').map((d) => text.split('\n')[d.range.start.line]);
}

describe('vague-action: flags tasks that name nothing to check', () => {
  const cases = [
    '- [ ] Improve monitoring',
    '- [ ] Improve our monitoring and alerting',
    '- Better testing.',
    '- [ ] Be more careful',
    '- We will be more careful when deploying to production.',
    '- [ ] Pay more attention to alerts',
    '- [ ] Look into it',
    '- [ ] Investigate further',
    '- [ ] Ensure this does not happen again',
    '- [ ] Prevent this from happening again',
    '- [ ] Review processes',
    '1. **Monitoring**: enhance monitoring',
    '⬜ Improve documentation',
    '- [ ] Be more careful when editing firewall rules and avoid changes made alone',
    '- We need to be more careful, aka, do better',
  ];
  for (const item of cases) {
    it(`flags "${item}"`, () => {
      assert.deepEqual(vague([item]), [item]);
    });
  }

  it('says why, as information, on the task', () => {
    const text = md('# Postmortem', '', '## Action Items', '', '- [ ] Improve monitoring');
    const [finding] = findingsWith(analyze(text), 'vague-action');
    assert.equal(finding.severity, 'information');
    assert.deepEqual(finding.range, { start: { line: 4, character: 6 }, end: { line: 4, character: 24 } });
    assert.match(finding.message, /^"Improve monitoring" is not a task anyone can check off/);
  });

  it('flags the phrases of postmortem.vagueWords', () => {
    assert.deepEqual(vague(['- [ ] Harden the system'], { settings: { vagueWords: ['harden the system'] } }), ['- [ ] Harden the system']);
  });

  it('reads the rows of an action items table', () => {
    assert.deepEqual(vague(['| Action | Owner |', '|---|---|', '| Improve monitoring | @dana |', '| Alert on queue depth above 10k | @lee |']), [
      '| Improve monitoring | @dana |',
    ]);
  });
});

describe('vague-action: stays silent', () => {
  const specific = [
    '- [ ] Add monitoring on server memory',
    '- [ ] Improve monitoring of the connection pool with an alert at 80%',
    '- [ ] Patch the Nginx server',
    '- [ ] Be more careful: add a confirmation prompt to `reindex --prod`',
    '- We should be more careful when changing the scheduler, aka, run the k8s e2e suite before each rollout',
    '- [ ] Be more careful with schema changes, i.e. require a dry run against the replica first',
    '- [ ] Pay more attention to disk alerts by paging the on-call when /var is above 85%',
    '- [ ] Improve API latency alerts',
    '- [ ] Look into the DNS TTL of api.example.com',
    '- [ ] Review the on-call runbook for database failover',
    '- [ ] Add stress testing to our CI/CD pipeline',
    '- [ ] Investigate further (OPS-123)',
    '- [x] Improve monitoring',
    '✅ Improve documentation',
    '- Implemented better logging',
    'Improve monitoring, broadly, is what this section is about.',
  ];
  for (const item of specific) {
    it(`is silent on "${item}"`, () => {
      assert.deepEqual(vague([item]), []);
    });
  }

  it('is silent outside the corrective section', () => {
    const text = md('# Postmortem', '', '## Lessons Learned', '', '- Improve monitoring');
    assert.deepEqual(findingsWith(analyze(text), 'vague-action'), []);
  });
});

describe('vague-action: owners and due dates', () => {
  const standard = builtinTemplates.find((t) => t.id === 'standard') as Template;
  const asking: Template = {
    ...standard,
    id: 'our-team',
    sections: standard.sections.map((s) =>
      s.id === 'corrective-actions'
        ? {
            ...s,
            fields: [
              { id: 'owner', name: 'Owner', aliases: [], required: false, hover: '', placeholder: '' },
              { id: 'due', name: 'Due', aliases: [], required: false, hover: '', placeholder: '' },
            ],
          }
        : s,
    ),
  };
  const options = { customTemplates: [asking], settings: { template: 'our-team' } };

  it('asks for the owner and the due date a template with owner and due fields wants', () => {
    const text = md(
      '# Postmortem',
      '',
      '## Corrective and Preventative Measures',
      '',
      '- [ ] Alert on queue depth above 10k',
      '- [ ] Add a canary stage (owner: @lee)',
    );
    const found = findingsWith(analyze(text, options), 'vague-action');
    assert.deepEqual(
      found.map((d) => d.data?.missing),
      [['owner', 'due date'], ['due date']],
    );
    assert.match(found[0].message, /has no owner and no due date, which the template asks for: add `@name` and `due: YYYY-MM-DD`/);
  });

  it('is silent when each task has both, written any way the parser reads', () => {
    const text = md(
      '# Postmortem',
      '',
      '## Corrective and Preventative Measures',
      '',
      '- [ ] Alert on queue depth above 10k (owner: @dana, due 2024-02-01)',
      '- [ ] Add a canary stage — @lee, due: next sprint',
      '| Action | Owner | Due |',
      '|---|---|---|',
      '| Split the queue per tenant | Marco | Q3 2024 |',
    );
    assert.deepEqual(findingsWith(analyze(text, options), 'vague-action'), []);
  });

  it('counts "n/a" and "TBD" as no owner', () => {
    const text = md('# Postmortem', '', '## Action Items', '', '| Action | Owner | Due |', '|---|---|---|', '| Split the queue per tenant | TBD | n/a |');
    assert.deepEqual(findingsWith(analyze(text, options), 'vague-action')[0].data?.missing, ['owner', 'due date']);
  });

  it('asks for them under a template of .postmortemrc.json whose action section has owner and due fields', () => {
    const config = parseProjectConfig(
      JSON.stringify({
        template: 'our-team',
        templates: {
          'our-team': {
            extends: 'standard',
            sections: [
              { id: 'summary' },
              {
                id: 'corrective-actions',
                fields: [
                  { id: 'owner', name: 'Owner', required: false },
                  { id: 'due', name: 'Due', required: false },
                ],
              },
            ],
          },
        },
      }),
      allRules.map((r) => r.code),
    );
    assert.deepEqual(config.problems, []);
    const text = md(
      '# Postmortem',
      '',
      '## Corrective and Preventative Measures',
      '',
      '- [ ] Alert on queue depth above 10k',
      '- [ ] Split the queue (owner: @lee, due: 2024-02-01)',
    );
    const found = findingsWith(analyze(text, { settings: config.settings, customTemplates: config.templates }), 'vague-action');
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.data?.missing]),
      [[4, ['owner', 'due date']]],
    );
  });

  it('does not ask for owners under the built-in templates', () => {
    const text = md('# Postmortem', '', '## Action Items', '', '- [ ] Alert on queue depth above 10k');
    assert.deepEqual(findingsWith(analyze(text), 'vague-action'), []);
  });
});
