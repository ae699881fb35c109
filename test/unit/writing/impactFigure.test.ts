import { strict as assert } from 'node:assert';
import { analyze, findingsWith, md } from '../helpers';

// impact-figure: the impact says who and how many.

function flagged(impact: string): boolean {
  const text = md(
    '# Postmortem',
    '',
    '## Issue Summary',
    '',
    '- **Duration:** 10:00 – 11:00 UTC (1 hour)',
    `- **Impact:** ${impact}`,
    '- **Root cause:** a bad deploy.',
  );
  return findingsWith(analyze(text), 'impact-figure').length > 0;
}

describe('impact-figure', () => {
  const withFigure = [
    '30% of users could not log in.',
    '100 percent of the web server was offline.',
    'About 1,200 customers saw errors.',
    '3k requests failed.',
    'We lost $4,500 in orders.',
    '5,000 USD of refunds.',
    'Two merchants could not take payments.',
    'Thousands of users saw a blank page.',
    'Half of the requests timed out.',
    'One in ten checkouts failed.',
    'All users were locked out.',
    'After a deployment, most users were getting a 403.',
    'The majority of our customers saw errors.',
    'Everyone visiting the site got an error.',
    'A complete outage of the API.',
    'The site was completely down.',
    '40 orders were charged twice.',
    'This incident affected {XX} customers (X% of users).',
  ];
  for (const impact of withFigure) {
    it(`is silent on "${impact}"`, () => {
      assert.equal(flagged(impact), false);
    });
  }

  const withoutFigure = [
    'Users could not log in.',
    'Checkout was slow and some users saw errors.',
    'Multiple users reported failed transactions.',
    'The API was degraded for a while.',
  ];
  for (const impact of withoutFigure) {
    it(`flags "${impact}"`, () => {
      assert.equal(flagged(impact), true);
    });
  }

  it('reports on the Impact label, as information', () => {
    const text = md('# Postmortem', '', '## Issue Summary', '', '- **Impact:** Users could not log in.');
    const [finding] = findingsWith(analyze(text), 'impact-figure');
    assert.equal(finding.severity, 'information');
    assert.equal(finding.range.start.line, 4);
    assert.match(finding.message, /not how many were affected/);
  });

  it('reads the lines under the Impact label', () => {
    const text = md('# Postmortem', '', '## Issue Summary', '', '- **Impact:**', '  - The IoT app was down.', '  - Around 35% of our users were affected.');
    assert.deepEqual(findingsWith(analyze(text), 'impact-figure'), []);
  });

  it('takes the figure from an Impact section of its own', () => {
    const text = md(
      '# Postmortem',
      '',
      '## Issue Summary',
      '',
      '- **Impact:** Users could not log in.',
      '',
      '## Impact',
      '',
      '- 12% of accounts (about 4,000) were locked out.',
    );
    assert.deepEqual(findingsWith(analyze(text), 'impact-figure'), []);
  });

  it("is silent while the impact is still the template's placeholder, and without any impact", () => {
    const placeholder = md(
      '# Postmortem',
      '',
      '## Issue Summary',
      '',
      '- **Impact:** Which service was down or slow, what users saw, and what share of users was affected.',
    );
    assert.deepEqual(findingsWith(analyze(placeholder), 'impact-figure'), []);
    assert.deepEqual(findingsWith(analyze(md('# Postmortem', '', '## Issue Summary', '', 'It broke.')), 'impact-figure'), []);
  });
});
