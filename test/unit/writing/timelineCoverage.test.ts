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
