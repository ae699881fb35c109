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
    // Counts of whatever the incident touched, not only users and requests.
    'The importer marked 212 tide gauge readings as valid without checking them.',
    'The nightly export published 1 record with a missing owner.',
    'Nine relayers had to resync from a snapshot.',
    // Everything, said another way.
    'All depots and the warehouse lost access to the stock system.',
    'All other queue workers became slow and unusable.',
    'The scheduler did not react to any webhook deliveries.',
    'A total search cluster outage, reported by the status probe.',
    'A complete loss of service for every hosted shop.',
    // None, which is a figure too.
    'The flaw was never used, so there was no impact to ordinary users.',
    'Customers were not affected: the new hosts were not serving yet.',
    'No known impact.',
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
    // A span of time is no count of who was affected.
    'The dashboard was unreachable for 3 hours and 20 minutes.',
    'Checkout failed intermittently over 2 days.',
    // Plural words that are not what was counted.
    'After the change in version 2 was rolled out, logins failed for this reason.',
    'Unlike last week, all this time the reports were late.',
    'The mirror lost access to its upstream.',
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

  it('finds the figure in the paragraph an impact sentence was read from', () => {
    const text = md(
      '# Postmortem',
      '',
      '## Issue Summary',
      '',
      'From 09:00 to 10:00 UTC the booking site was down, and visitors could not reach the calendar. About 30% of our visitors were affected. The root cause was an expired certificate.',
    );
    assert.deepEqual(findingsWith(analyze(text), 'impact-figure'), []);
  });

  it('reads the words of an empty slot ("Description of impact") as not written yet', () => {
    const text = md('# Postmortem', '', '## Issue Summary', '', 'It broke.', '', '## Impact', '', 'Description of impact');
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

describe('impact-figure: where the impact and its figure are read, exactly', () => {
  const S = ['# Postmortem', '', '## Issue Summary', ''];
  const at = (text: string) =>
    findingsWith(analyze(text), 'impact-figure').map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
  const sentence = 'The booking site was down from 09:00 to 10:00 UTC. Users were unable to log in. The root cause was an expired certificate.';

  it('reports on the heading of an Impact section when no Impact field is written', () => {
    assert.deepEqual(at(md(...S, 'The site broke.', '', '## Impact', '', 'Users could not log in.')), [[6, 0, 6, 9]]);
  });

  it('reads the whole paragraph of an impact sentence, not an earlier one, lines joined as lines', () => {
    assert.deepEqual(at(md(...S, sentence)), [[4, 51, 4, 68]]);
    assert.deepEqual(at(md(...S, 'The site was slow on Monday.', '', `${sentence} It hit 1,200 customers.`)), []);
    assert.deepEqual(at(md(...S, `${sentence} It hit 1,200`, 'customers.')), []);
    assert.deepEqual(at(md(...S, 'The site broke.', '', '## Impact', '', 'Checkout failed for 1,200', 'customers.')), []);
  });

  it('reads a labelled Impact field alone, not the other labels of its paragraph', () => {
    assert.deepEqual(at(md(...S, 'Impact: users could not log in', 'Root cause: a bad query slowed 3,000 requests')), [[4, 0, 4, 7]]);
  });

  it('is silent on a document that is not in English, even on an English impact line', () => {
    const french = [
      "# Rapport d'incident",
      '',
      '## Résumé',
      '',
      'Le site était en panne pendant deux heures, et les clients ne pouvaient pas se connecter. La cause était une mise à jour de la base de données qui a échoué.',
      '',
      '- **Impact:** Users could not log in.',
    ];
    assert.deepEqual(at(md(...french)), []);
  });

  it('takes an impact without a word of three letters for not written yet', () => {
    assert.deepEqual(at(md(...S, '- **Impact:** It is ok.')), []);
    assert.deepEqual(at(md(...S, '- **Impact:** It was not ok.')), [[4, 2, 4, 13]]);
  });
});
