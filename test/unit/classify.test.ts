import { strict as assert } from 'node:assert';
import { md, service } from './helpers';
import { POSTMORTEM_SCORE } from '../../server/src/service/classify';

// Is this Markdown a postmortem? Real ones tell what happened, with times; look-alikes name the
// sections too. Without `force`, a look-alike gets no findings.

const realPostmortem = md(
  '# Postmortem: checkout page timed out for EU shoppers',
  '',
  '## Issue Summary',
  '',
  'On 12 September 2024, from 18:05 to 19:20 CEST (75 minutes), the checkout page timed out for about 35% of shoppers in the EU.',
  'They saw a spinner and then an error; 4,100 carts were abandoned. The root cause was a feature flag that sent every',
  'pricing request to a single cache node, which ran out of memory and restarted in a loop.',
  '',
  '## Timeline',
  '',
  '- 18:02 CEST - The `pricing-v2` flag was switched on for all EU traffic.',
  '- 18:05 CEST - Checkout latency alert fired; the on-call engineer was paged.',
  '- 18:20 CEST - We suspected the payment provider and checked their status page (a dead end).',
  '- 18:41 CEST - The cache team noticed one node restarting every two minutes.',
  '- 19:05 CEST - The flag was switched off and the cache node was restarted.',
  '- 19:20 CEST - Latency was back to normal and the incident was closed.',
  '',
  '## Root Cause and Resolution',
  '',
  'The new pricing path hashed every request on the country code, so all EU traffic landed on one cache node. That node',
  'ran out of memory within minutes and restarted, and each restart emptied its cache, which made the next requests even',
  'slower. We turned the flag off, which spread requests across the cluster again, and restarted the node.',
  '',
  '## Corrective and Preventative Measures',
  '',
  '- [ ] Hash pricing requests on the cart id, not the country.',
  '- [ ] Roll flags out to 5% of traffic before 100%.',
  '- [ ] Alert on cache node restarts, not only on latency.',
);

const requirementsCopy = md(
  '# 0x42. Writing a postmortem',
  '',
  'Your postmortem must follow the layout below. Keep it between 400 and 600 words.',
  '',
  '## Requirements',
  '',
  'Issue Summary (the part managers read first) must contain:',
  '',
  '- the duration of the outage with start and end times (with the time zone)',
  '- what the impact was (which service was down or slow, what users saw, what share of users was affected)',
  '- what the root cause was',
  '',
  'Timeline (bullet points, `time - one or two sentences`) must contain:',
  '',
  '- when the problem was detected',
  '- how it was detected (an alert, an engineer, a customer)',
  '- what was done (which parts of the system were checked, what was assumed)',
  '- which paths turned out to be misleading',
  '- who it was escalated to',
  '- how it was resolved',
  '',
  'Root cause and resolution must contain:',
  '',
  '- a detailed explanation of the cause',
  '- a detailed explanation of the fix',
  '',
  'Corrective and preventative measures must contain:',
  '',
  '- what could be improved, broadly',
  '- a list of specific tasks (for example: patch the web server, add monitoring on disk space)',
  '',
  'Be brief and to the point, and stick to this one format so your peers can review it.',
);

const readmeWithLink = md(
  '# Postmortem',
  '',
  'I wrote up the outage of my load balancer project as a blog post.',
  '',
  'Read it here: [When the load balancer forgot its friends](https://blog.example.com/lb-postmortem)',
  '',
  'Thanks for reading!',
);

const emptyTemplate = md(
  '# Postmortem: [Incident title]',
  '',
  '## Issue Summary',
  '',
  '- **Duration:** YYYY-MM-DD HH:MM – HH:MM (time zone)',
  '- **Impact:** TBD',
  '- **Root cause:** TBD',
  '',
  '## Timeline',
  '',
  '- HH:MM - ...',
  '- HH:MM - ...',
  '- HH:MM - ...',
  '',
  '## Root Cause and Resolution',
  '',
  'TBD',
  '',
  '## Corrective and Preventative Measures',
  '',
  '- [ ] TODO',
  '- [ ] TODO',
);

describe('classify: postmortems', () => {
  it('recognises a real-looking postmortem and analyses it without being forced', () => {
    const analysis = service.analyze(realPostmortem);
    assert.equal(analysis.classification.isPostmortem, true, analysis.classification.reasons.join('; '));
    assert.equal(analysis.analyzed, true);
  });

  it('recognises a short document whose front matter says postmortem: true', () => {
    const analysis = service.analyze(md('---', 'postmortem: true', '---', '', 'Notes to come.'));
    assert.equal(analysis.classification.isPostmortem, true);
    assert.deepEqual(analysis.classification.reasons, ['the front matter declares a postmortem']);
    assert.equal(analysis.analyzed, true);
    assert.ok(analysis.diagnostics.some((d) => d.code === 'missing-section'));
  });
});

describe('classify: look-alikes', () => {
  const lookalikes: [string, string][] = [
    ['a copy of the assignment requirements that names every section', requirementsCopy],
    ['a README that only links to a blog post', readmeWithLink],
    ['an empty template full of placeholders', emptyTemplate],
  ];

  for (const [name, text] of lookalikes) {
    it(`does not take ${name} for a postmortem and reports nothing`, () => {
      const analysis = service.analyze(text);
      assert.equal(analysis.classification.isPostmortem, false, analysis.classification.reasons.join('; '));
      assert.equal(analysis.analyzed, false);
      assert.deepEqual(analysis.diagnostics, []);
    });
  }

  it('reports findings on a requirements copy when forced', () => {
    const analysis = service.analyze(requirementsCopy, { force: true });
    assert.equal(analysis.classification.isPostmortem, false);
    assert.equal(analysis.analyzed, true);
    assert.ok(analysis.diagnostics.length > 0);
  });

  it('analyses a look-alike whose path matches the postmortem globs', () => {
    assert.equal(service.analyze(emptyTemplate, { matchesFileGlobs: true }).analyzed, true);
  });

  it('does not detect by content when detectByContent is off', () => {
    const analysis = service.analyze(realPostmortem, { settings: { detectByContent: false } });
    assert.equal(analysis.classification.isPostmortem, true);
    assert.equal(analysis.analyzed, false);
    assert.deepEqual(analysis.diagnostics, []);
  });

  it('does not take an empty file for a postmortem', () => {
    assert.equal(service.analyze('').classification.isPostmortem, false);
  });
});

describe('the weight a postmortem needs', () => {
  const rollUp = md(
    "# Action items from this year's retrospectives",
    '',
    'Collected from the incident reviews of 2024. See [the March outage](2024-03-outage.md), [the May outage](2024-05-outage.md),',
    '[the July degradation](2024-07-degradation.md) and [the October outage](2024-10-outage.md) for what happened.',
    '',
    '## Monitoring improvements',
    '',
    '- Alert on replica lag above 30 seconds (from the March outage, which started at 09:40).',
    '- Page the on-call engineer when the error rate of the API is above 2% for five minutes.',
    '- Add a dashboard for queue depth per consumer group.',
    '',
    '## Release safety',
    '',
    '- Canary every configuration change for 15 minutes before a full rollout.',
    '- Keep the previous image for one-command rollbacks after a failed deploy.',
    '- Review feature flags that touch pricing with the owning team.',
    '',
    '## Root causes we keep seeing',
    '',
    '- Configuration pushed without review caused two of the four outages and the errors users saw.',
    '- Capacity limits nobody had written down caused the other two, and the downtime in May.',
  );

  it('is more than a little: a roll-up of action items, with some outage words and a clock, is not a postmortem', () => {
    const c = service.analyze(rollUp).classification;
    assert.equal(c.isPostmortem, false, `score ${c.score}: ${c.reasons.join('; ')}`);
  });

  it('decides by the score against one cut, the same for every document', () => {
    for (const text of [rollUp, realPostmortem]) {
      const c = service.analyze(text).classification;
      assert.equal(c.isPostmortem, c.score > POSTMORTEM_SCORE, `score ${c.score}`);
    }
    assert.ok(service.analyze(realPostmortem).classification.score > POSTMORTEM_SCORE + 2, 'a real postmortem clears the cut by a margin');
  });
});
