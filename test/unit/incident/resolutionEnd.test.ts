import { strict as assert } from 'node:assert';
import { analyze, md } from '../helpers';

// A start told in the lead or the summary with no end there, and the root cause and resolution telling
// when the incident ended: a reader puts the two together.

const report = (lead: string, resolution: string[], summary?: string) =>
  md(
    '# Postmortem: the pictures that went missing',
    '',
    lead,
    '',
    ...(summary ? ['## Issue Summary', '', summary, ''] : []),
    '## Root Cause and Resolution',
    '',
    ...resolution,
    '',
    '## Corrective and Preventative Measures',
    '',
    '- Keep uploads outside the deploy folder.',
    '',
  );

describe('incident: a start in the lead and an end in the resolution', () => {
  it('reads the window from the lead to the time the resolution says it ended', () => {
    const a = analyze(
      report('On 4 March 2025, from about 21:10 CET, every image on the site was a broken link.', [
        'My last deploy replaced the public folder, uploads included. I restored the folder from the nightly backup.',
        'The pictures came back at 21:55 CET.',
      ]),
    );
    assert.equal(a.incident.start?.iso, '2025-03-04T20:10:00Z');
    assert.equal(a.incident.end?.iso, '2025-03-04T20:55:00Z');
    assert.equal(a.incident.durationMinutes, 45);
    assert.ok(
      a.incident.reasons.some((r) => /the resolution for the end/.test(r)),
      a.incident.reasons.join('; '),
    );
  });

  it('takes no time of the resolution that no end word marks', () => {
    const a = analyze(
      report('On 4 March 2025, from about 21:10 CET, every image on the site was a broken link.', [
        'At 21:30 CET I looked at the deploy log and found that the last deploy replaced the uploads.',
      ]),
    );
    assert.equal(a.incident.end, null);
    assert.equal(a.incident.durationMinutes, null);
  });

  it('takes no end before the start, nor one that disagrees with the stated length', () => {
    const before = analyze(
      report('On 4 March 2025, from about 21:10 CET, every image on the site was a broken link.', [
        'The deploy before it had finished on 3 March 2025 at 18:00 CET.',
      ]),
    );
    assert.equal(before.incident.durationMinutes, null);
    const disagrees = analyze(
      report(
        'On 4 March 2025, from about 21:10 CET, every image on the site was a broken link.',
        ['The pictures came back at 21:55 CET.'],
        'The outage lasted 3 hours.',
      ),
    );
    assert.equal(disagrees.incident.durationMinutes, null);
  });
});
