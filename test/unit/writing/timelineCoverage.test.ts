import { strict as assert } from 'node:assert';
import { analyze, findingsWith, md, service } from '../helpers';

// timeline-coverage: one finding listing what the timeline leaves out; the hover marks each item.

const complete = [
  '- 10:00 UTC – The latency alert pages the on-call engineer.',
  '- 10:10 UTC – On-call checks the database; a dead end.',
  '- 10:30 UTC – Escalated to the platform team.',
  '- 11:00 UTC – Config rolled back; service restored.',
];

function timeline(...entries: string[]): string {
  return md('# Postmortem: checkout', '', '## Timeline', '', ...entries);
}

describe('timeline-coverage', () => {
  it('is silent on a timeline that says when and how it was detected, what was tried, whom it went to and how it ended', () => {
    assert.deepEqual(findingsWith(analyze(timeline(...complete)), 'timeline-coverage'), []);
  });

  it('lists every missing item in one finding on the timeline heading', () => {
    const analysis = analyze(timeline('- 10:00 UTC – The latency alert pages the on-call engineer.', '- 11:00 UTC – Config rolled back; service restored.'));
    const found = findingsWith(analysis, 'timeline-coverage');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'information');
    assert.equal(found[0].range.start.line, 2);
    assert.equal(
      found[0].message,
      'The timeline does not say: misleading investigation or debugging paths; who the incident was escalated to. Hover the heading for its checklist.',
    );
  });

  it('agrees with the hover checklist on the heading', () => {
    const analysis = analyze(timeline('- 10:00 UTC – The latency alert pages the on-call engineer.', '- 11:00 UTC – Config rolled back; service restored.'));
    const hover = service.hover(analysis, { line: 2, character: 4 })?.contents ?? '';
    const [finding] = findingsWith(analysis, 'timeline-coverage');
    const missing = finding.data?.missing;
    assert.ok(Array.isArray(missing));
    for (const item of missing) assert.ok(hover.includes(`⬜ ${item}`), item);
    assert.ok(hover.includes('✅ How and when the incident was resolved'));
  });

  it('reads times written in the text, not only timeline entries', () => {
    const analysis = analyze(
      timeline(
        '- **Detection (November 10, 8:00 PM):** users reported login failures and monitoring showed slow queries.',
        '- **Actions (8:30 PM):** the team investigated the database, assuming a query problem: a dead end.',
        '- **Escalation (9:30 PM):** escalated to senior DevOps.',
        '- **Resolution (2:00 AM):** disk space freed; logins restored.',
      ),
    );
    assert.deepEqual(findingsWith(analysis, 'timeline-coverage'), []);
  });

  it('says so once when the timeline gives no times, listing only what its words leave out', () => {
    const analysis = analyze(timeline('- The alert fired and on-call checked the database (a dead end).', '- Service restored after a rollback.'));
    const [finding] = findingsWith(analysis, 'timeline-coverage');
    assert.match(
      finding.message,
      /^The timeline gives no times: write when each step happened, with the time zone\. It does not say: who the incident was escalated to\./,
    );
  });

  it("counts the brief's Resolution item written as a label after the timeline", () => {
    const text = md(
      '# Postmortem',
      '',
      '**Timeline:**',
      '- **Detection:** 10:00 UTC, an alert fired.',
      '- **Actions taken:** checked the logs, suspected the database (wrong).',
      '- **Escalation:** the DBA team was paged at 10:20 UTC.',
      '',
      '**Resolution:**',
      '- Rolled back the deploy at 10:40 UTC; service restored.',
      '',
      '**Root Cause and Resolution:**',
      '',
      'A deploy removed an index.',
    );
    assert.deepEqual(findingsWith(analyze(text), 'timeline-coverage'), []);
  });

  const missingOf = (text: string): string[] => {
    const [finding] = findingsWith(analyze(text), 'timeline-coverage');
    return finding ? ((finding.data as { missing: string[] }).missing ?? []) : [];
  };

  it('reads each item in the words people write it in', () => {
    const ways: [string, RegExp][] = [
      ['- 10:00 UTC – We receive an e-mail from a researcher describing a critical issue in the bridge.', /detected/],
      ['- 10:05 UTC – Ops team is alerted via the chat channel.', /escalated/],
      ['- 10:05 UTC – @ana loops in @ben.', /escalated/],
      ['- 10:05 UTC – Incident reported to SRE team.', /escalated/],
      ['- 10:05 UTC – Support forwarded this ticket to the storage team.', /escalated/],
      ['- 10:05 UTC – First responder hands off to the incident lead.', /escalated/],
      ['- 10:05 UTC – The hosting provider was informed about the outage.', /escalated/],
      ['- 10:05 UTC – Support ticket was opened with the vendor.', /escalated/],
      ['- 10:10 UTC – Curling the health endpoint returns a 502.', /actions/i],
      ['- 10:10 UTC – We manually corrected the balancer weights.', /actions/i],
      ['- 10:20 UTC – The cache team said everything appeared to be in order on their side.', /misleading/i],
      ['- 10:20 UTC – I figured that was not the issue and moved on.', /misleading/i],
      ['- 10:20 UTC – The importer failed again after the restart.', /misleading/i],
      ['- 10:20 UTC – The page still wasn’t loading, although the database was up.', /misleading/i],
      ['- 10:40 UTC – The site slowly came back to life.', /resolved/],
      ['- 10:40 UTC – The server now working normally.', /resolved/],
      ['- 10:40 UTC – Curl gets a 200 status code.', /resolved/],
      ['- 10:40 UTC – Merges are once again at their usual rate.', /resolved/],
      ['- 10:40 UTC – Messages are being properly consumed again.', /resolved/],
      ['- 10:40 UTC – All runners were stopped, removing the intruder’s stolen access.', /resolved/],
      ['- 10:40 UTC – All relayers appear to be signing again.', /resolved/],
      ['- 10:40 UTC – Restart the service and show a correct status code.', /resolved/],
      ['- 10:40 UTC – __EVENT OVER__', /resolved/],
      ['- 10:00 UTC – The array shows signs of disk failure.', /detected/],
    ];
    for (const [entry, item] of ways) {
      assert.ok(!missingOf(timeline(entry)).some((m) => item.test(m)), `${entry} should cover ${item}`);
    }
  });

  it('does not read those words where they say something else', () => {
    const ways: [string, RegExp][] = [
      ['- 10:00 UTC – The checkout failed.', /escalated/],
      ['- 10:05 UTC – The team looked at the logs.', /escalated/],
      ['- 10:40 UTC – The config was not properly applied.', /resolved/],
      ['- 10:40 UTC – Once again failing after the deploy.', /resolved/],
      ['- 10:40 UTC – The service still runs on the old host.', /misleading/i],
    ];
    for (const [entry, item] of ways) {
      assert.ok(
        missingOf(timeline(entry)).some((m) => item.test(m)),
        `${entry} should not cover ${item}`,
      );
    }
  });

  it('counts entries dated without a clock time, entries written as headings and entries in an indented block', () => {
    const dated = timeline('- 2023-07-21 – The change is deployed and the alert fires.', '- 2023-07-21 – Reverted; the chain resumed.');
    assert.deepEqual(missingOf(dated), ['Misleading investigation or debugging paths', 'Who the incident was escalated to']);
    const headings = md(
      '# Postmortem: pods',
      '',
      '## Timeline',
      '',
      '### 21:00 - Team alerted',
      '',
      'A user reported the outage in the channel.',
      '',
      '### 21:24 - Quota object deleted, pods launch again',
    );
    assert.ok(!missingOf(headings).some((m) => /escalated/.test(m)));
    const indented = md('# Postmortem: site', '', '## Timeline', '', '\t10:05 - Users complain that pages fail.', '\t10:40 - The site is up and running.');
    assert.ok(!missingOf(indented).some((m) => /detected/.test(m)));
  });

  it('reads the text of an HTML block the timeline runs into, but not an HTML comment', () => {
    const html = md(
      '# Postmortem: db',
      '',
      '<h2>Timeline:</h2>',
      '- 10:00 UTC: alert fired.',
      '- Escalation: escalated to the database team.',
      '',
      '## Root Cause and Resolution',
      '',
      'A firewall rule.',
    );
    const comment = md(
      '# Postmortem: db',
      '',
      '## Timeline',
      '',
      '- 10:00 UTC: alert fired.',
      '',
      '<!--',
      'Escalation: escalated to the database team.',
      '-->',
    );
    assert.ok(!missingOf(html).some((m) => /escalated/.test(m)));
    assert.ok(missingOf(comment).some((m) => /escalated/.test(m)));
  });

  it('does not say a timeline of months gives no times', () => {
    const months = timeline('- 2015-10: disk shows signs of failure; we checked the array.', '- 2016-04: event over, hosts restored.');
    const [finding] = findingsWith(analyze(months), 'timeline-coverage');
    assert.ok(!finding || !/gives no times/.test(finding.message));
  });

  it('uses the checklist of the template in use', () => {
    const text = md('---', 'postmortem: { template: google-sre }', '---', ...timeline(...complete).split('\n'));
    assert.deepEqual(findingsWith(analyze(text), 'timeline-coverage'), []);
    const partial = md('---', 'postmortem: { template: google-sre }', '---', ...timeline('- 10:00 – on-call paged.', '- 10:30 – still down.').split('\n'));
    assert.match(findingsWith(analyze(partial), 'timeline-coverage')[0].message, /times with the time zone/);
  });

  it('is silent on a timeline still as the skeleton wrote it, and on an empty one', () => {
    const skeleton = timeline(
      '- **HH:MM (time zone)** – The issue is detected: how, and by whom.',
      '- **HH:MM** – What was done next.',
      '- **HH:MM** – Service restored.',
    );
    assert.deepEqual(findingsWith(analyze(skeleton), 'timeline-coverage'), []);
    assert.deepEqual(findingsWith(analyze(timeline()), 'timeline-coverage'), []);
  });

  it('leaves a timeline in another language alone: its checklist reads English', () => {
    const french = timeline(
      '- Détecté le 2024-01-21 à 10h15 UTC : une alerte de surveillance a été déclenchée.',
      "- Analyse des journaux du service d'authentification pour identifier les problèmes.",
      "- L'incident a été escaladé aux équipes DevOps et Base de Données pour une enquête approfondie.",
    );
    assert.deepEqual(findingsWith(analyze(french), 'timeline-coverage'), []);
  });
});
