import { strict as assert } from 'node:assert';
import { analyze, md, sectionIds, service } from './helpers';

// Shapes of real postmortems (and look-alikes) that the corpora did not show. Every document
// here is invented.

/** A summary paragraph under `## Issue Summary`, with the rest of a postmortem around it. */
function withSummary(...summary: string[]): string {
  return md(
    '# Postmortem: queue consumer outage',
    '',
    '## Issue Summary',
    '',
    ...summary,
    '',
    '## Timeline',
    '',
    '- 11:05 AM GMT - The consumer crashes.',
    '- 12:10 PM GMT - An engineer sees the backlog growing.',
    '- 1:35 PM GMT - The backlog is processed.',
    '',
    '## Root Cause and Resolution',
    '',
    'The consumer loaded every pending message into memory. We raised its memory limit and restarted it.',
    '',
    '## Corrective and Preventative Measures',
    '',
    '- Restart the consumer automatically.',
  );
}

describe('generalisation: shapes real postmortems take', () => {
  it('reads a duration stated as "Total duration: 1.5 hours." inside a summary sentence', () => {
    const a = analyze(
      withSummary('Mail was delayed for a fifth of users, from 06:00 to 07:30 UTC. Total duration: 1.5 hours. The relay password had changed.'),
    );
    assert.equal(a.incident.statedDuration?.minutes, 90);
    assert.equal(a.incident.durationMinutes, 90);
  });

  it('reads "For 2.5 hours tutors could not see requests" as the stated duration', () => {
    const a = analyze(withSummary('Start: 11:05 AM (GMT)', 'End: 1:35 PM (GMT)', '', 'For 2.5 hours tutors could not see new student requests.'));
    assert.equal(a.incident.statedDuration?.minutes, 150);
    assert.equal(a.incident.durationMinutes, 150);
  });

  it('reads "It took us 25 minutes to restore the service" as the stated duration', () => {
    const a = analyze(withSummary('Between 18:00 and 18:25 SAST the site was down for all users. It took us 25 minutes to restore the service.'));
    assert.equal(a.incident.statedDuration?.minutes, 25);
  });

  it('reads "got errors for those 45 minutes" as the stated duration', () => {
    const a = analyze(withSummary('The API went down at 12:00 AM UTC and came back at 12:45 AM UTC. Every client got TLS errors for those 45 minutes.'));
    assert.equal(a.incident.statedDuration?.minutes, 45);
    assert.equal(a.incident.durationMinutes, 45);
  });

  it('does not take the time it took to find the cause for the duration of the outage', () => {
    const a = analyze(withSummary('The site was down from 18:00 to 19:30 SAST. It took 10 minutes to identify the full disk, and longer to fix it.'));
    assert.equal(a.incident.statedDuration, null);
    assert.equal(a.incident.durationMinutes, 90);
    assert.ok(!a.diagnostics.some((d) => d.code === 'duration-mismatch'));
  });

  it('recognises an "Actions" heading as the corrective actions section', () => {
    const a = analyze(md('# PM-2023-004', '', '## Summary', '', 'DNS lookups failed.', '', '## Actions', '', '- Pin the image version.'));
    assert.deepEqual(sectionIds(a), ['summary', 'corrective-actions']);
  });

  it('reads bold section names alone on top-level bullets as headings when content follows them', () => {
    const a = analyze(
      md(
        '# Postmortem: records API outage',
        '',
        '- **Issue Summary**',
        '',
        'The records API was down on 14/09/2023 from 10:00 AM to 11:30 AM (WAT). All staff got errors.',
        '',
        '- **Timeline**',
        '',
        '- 10:00 AM: Migration starts.',
        '- 11:30 AM: Migration killed, API responds again.',
        '',
        '- **Root Cause and Resolution**',
        '',
        'The migration locked the table. Killing it released the lock.',
        '',
        '- **Corrective and Preventative Measures**',
        '',
        '- Create indexes concurrently.',
      ),
    );
    assert.deepEqual(sectionIds(a), ['summary', 'timeline', 'root-cause', 'corrective-actions']);
    assert.equal(a.incident.durationMinutes, 90);
  });

  it('does not read a list of bare bold section names (a table of contents) as sections', () => {
    const a = analyze(
      md(
        '# Contents',
        '',
        '- **Issue Summary**',
        '- **Timeline**',
        '- **Root Cause and Resolution**',
        '',
        '## Issue Summary',
        '',
        'The API was down from 10:00 to 11:00 UTC.',
      ),
    );
    assert.deepEqual(sectionIds(a), ['summary']);
  });

  it('does not classify a project README with Summary and Timeline headings as a postmortem', () => {
    const readme = md(
      '# tinyhttpd',
      '',
      'A minimal HTTP/1.1 web server written in C for learning purposes, serving static files from a directory.',
      '',
      '## Summary',
      '',
      'tinyhttpd serves static files, supports keep-alive connections and logs each request in the common log format.',
      'It is meant for learning how a web server works, not for production use, and it has no configuration file.',
      '',
      '## Timeline',
      '',
      '- Week 1: socket handling and request parsing',
      '- Week 2: static files and MIME types',
      '- Week 3: keep-alive connections',
      '- Week 4: logging and tests',
      '',
      '## License',
      '',
      'MIT',
    );
    const a = service.analyze(readme);
    assert.equal(a.classification.isPostmortem, false, a.classification.reasons.join('; '));
  });
});
