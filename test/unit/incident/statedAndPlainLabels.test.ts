import { strict as assert } from 'node:assert';
import { blankTimes } from '../../../server/src/service/incident/stated';
import { analyze, md } from '../helpers';

// Stated durations as people write them without "for" or "lasted", and sections named in plain
// `Name:` lines by what they are for, in a document that writes its section names that way.

const summaryWith = (...lines: string[]) =>
  md(
    '# Postmortem: queue stall',
    '',
    '## Issue Summary',
    '',
    ...lines,
    '',
    '## Timeline',
    '',
    '- 09:00 UTC - Alert fired.',
    '- 10:00 UTC - Queue drained.',
    '',
  );

describe('stated durations in other words', () => {
  const cases: [string, string, number | null][] = [
    ['"was down 1 hour until"', 'On 3 June 2024 the queue was down 1 hour until the consumer was restarted.', 60],
    ['"were unavailable for about 2 hours"', 'On 3 June 2024 the dashboards were unavailable for about 2 hours.', 120],
    ['a Duration label naming what it measures', '- Duration of the interruption: 45 minutes from 09:00 to 09:45 UTC on 3 June 2024.', 45],
    ['"during those 45 minutes"', 'From 09:00 to 09:45 UTC on 3 June 2024 the queue stalled. During those 45 minutes no order shipped.', 45],
    ['a length after the range', 'On 3 June 2024 the queue stalled from 09:00 to 09:45 UTC, 45 minutes at the morning peak.', 45],
    [
      "a task's length, which is not the incident's",
      'On 3 June 2024 from 09:00 to 09:45 UTC the queue stalled. The restore took about twenty minutes to copy.',
      null,
    ],
    ['"An hour and a half of web mayhem"', '- Impact: An hour and a half of web mayhem for every user, on 3 June 2024.', 90],
    ['"45 minutes of total chaos"', 'On 3 June 2024 we had 45 minutes of total chaos in the queue.', 45],
    ['"two hours of debugging", which is work, not the outage', 'On 3 June 2024 the queue stalled; two hours of debugging followed.', null],
    ['"we restored order in just four hours"', 'On 3 June 2024 the queue stalled, and we restored order in just four hours.', 240],
    ['"restored the service within 2 hours"', 'On 3 June 2024 the queue stalled; we restored the service within 2 hours.', 120],
    ['an offset after the range, which is not a length', 'On 3 June 2024 the queue stalled from 09:00 to 09:45 UTC, 30 minutes after the deploy.', null],
  ];
  for (const [name, line, minutes] of cases) {
    it(`reads ${name} as ${minutes === null ? 'no stated duration' : `a stated duration of ${minutes} minutes`}`, () => {
      assert.equal(analyze(summaryWith(line)).incident.statedDuration?.minutes ?? null, minutes);
    });
  }
});

describe('a length stated only in the conclusion', () => {
  const withConclusion = (...lines: string[]) => `${summaryWith('On 3 June 2024 the queue stalled.')}\n${md(...lines)}`;
  it('reads "Conclusion: … we restored order in just four hours" when nothing else states a length', () => {
    const analysis = analyze(withConclusion('Conclusion: after a long morning we restored order in just four hours.'));
    assert.equal(analysis.incident.statedDuration?.minutes, 240);
  });
  it('reads the paragraph under a "## Conclusion" heading', () => {
    const analysis = analyze(withConclusion('## Conclusion', '', 'The queue was down for about 2 hours, and we learned a lot.'));
    assert.equal(analysis.incident.statedDuration?.minutes, 120);
  });
  it('prefers a length the summary states', () => {
    const text = `${summaryWith('On 3 June 2024 the queue stalled for 45 minutes.')}\n${md('## Conclusion', '', 'The queue was down for about 2 hours.')}`;
    assert.equal(analyze(text).incident.statedDuration?.minutes, 45);
  });
  it("does not take a task's length in the conclusion", () => {
    assert.equal(analyze(withConclusion('In conclusion, it took 30 minutes to find the cause.')).incident.statedDuration ?? null, null);
  });
});

describe('plain "Name:" lines over a block', () => {
  const doc = (summaryName: string, causeName: string) =>
    md(
      'Web server down.',
      '',
      `${summaryName}:`,
      '    - Impact: every user saw errors for 47 minutes.',
      'Timeline:',
      '    - 4:14 pm - The firewall change went out.',
      '    - 5:01 pm - A new server answered.',
      `${causeName}:`,
      '    - A firewall rule blocked port 22.',
      'Corrective and preventive measures:',
      '    - Review firewall rules before applying them.',
      '',
    );

  it('names sections by what they are for when the document writes its exact names the same way', () => {
    const ids = analyze(doc('Summary of issues', 'Main cause')).document.sections.map((s) => s.id);
    assert.deepEqual(ids, ['summary', 'timeline', 'root-cause', 'corrective-actions']);
  });

  it('reads the same sections as the exact names would', () => {
    const exact = analyze(doc('Issue Summary', 'Root cause')).document.sections.map((s) => s.id);
    const intent = analyze(doc('Summary of issues', 'Main cause')).document.sections.map((s) => s.id);
    assert.deepEqual(intent, exact);
  });

  it('leaves a plain "Main cause:" line alone in a document that names no section that way', () => {
    const text = md(
      '# Postmortem: queue stall',
      '',
      '## Issue Summary',
      '',
      'The queue stalled for an hour on 3 June 2024 from 09:00 to 10:00 UTC.',
      '',
      'Main cause:',
      '- a consumer deadlock',
      '',
      '## Timeline',
      '',
      '- 09:00 UTC - Alert fired.',
      '',
    );
    assert.ok(!analyze(text).document.sections.some((s) => s.id === 'root-cause'));
  });
});

describe('a start the summary gives and an end the timeline marks', () => {
  it("places a start written without a zone in the zone of the timeline's end", () => {
    const a = analyze(
      md(
        '# Postmortem: 500 errors at midnight',
        '',
        '## Summary',
        '',
        'On March 4th, 2024, at midnight, the site answered every request with a 500 error.',
        '',
        '## Timeline',
        '',
        '- **00:05 PST:** Users reported errors.',
        '- **00:20 PST:** Apache restarted; errors continued.',
        '- **00:40 PST:** The site was operating normally again.',
        '',
      ),
    );
    assert.equal(a.incident.durationMinutes, 40);
    assert.equal(a.incident.start?.iso, '2024-03-04T08:00:00Z');
    assert.equal(a.incident.end?.iso, '2024-03-04T08:40:00Z');
  });
});

describe('lessons learned that list the follow-up work', () => {
  const doc = (...lessons: string[]) =>
    md(
      '# 2024-05-02 Mail relay down',
      '',
      '## Summary',
      '',
      'The mail relay refused connections from 10:00 to 11:30 UTC on 2 May 2024; 4,000 messages were delayed.',
      '',
      '## Timeline',
      '',
      '- 10:00 UTC - Relay disk full.',
      '- 11:30 UTC - Disk cleaned, relay restarted.',
      '',
      '## Lessons learned',
      '',
      ...lessons,
      '',
    );

  it('reads them as the corrective measures too, when no section names those', () => {
    const ids = analyze(
      doc('We had no alert on disk space.', '', '**TODO**: add a disk space alert on the relay.', '', '**DONE**: log rotation enabled.'),
    ).document.sections.map((s) => s.id);
    assert.ok(ids.includes('corrective-actions'), ids.join(', '));
    assert.ok(ids.includes('lessons-learned'), ids.join(', '));
  });

  it('reads "Going forward, we will …" as follow-up work', () => {
    const ids = analyze(doc('Going forward, we will alert on disk space before it runs out.')).document.sections.map((s) => s.id);
    assert.ok(ids.includes('corrective-actions'), ids.join(', '));
  });

  it('leaves lessons that list no follow-up work as lessons only', () => {
    const ids = analyze(doc('Disk space on the relay was never watched.', '', 'Restarting the relay was quick once the disk was clean.')).document.sections.map(
      (s) => s.id,
    );
    assert.ok(!ids.includes('corrective-actions'), ids.join(', '));
  });
});

describe('incident/stated: blankTimes keeps a clock written as a length', () => {
  it('keeps "1:30 hours" and "0:45 hrs" without a zone, and blanks a clock the words before it make a time', () => {
    assert.equal(blankTimes('Duration: 1:30 hours', {}), 'Duration: 1:30 hours');
    for (const text of ['at 14:30 hours', 'from 09:00 hours', '1:30 UTC hours', '10:00']) {
      assert.equal(/\d/.test(blankTimes(text, {})), false, text);
    }
  });
});

describe('stated duration: a time-to field outside the summary', () => {
  const record = (label: string) =>
    md(
      '# Incident on 2020-09-21 - some components destroyed',
      '',
      '- **Key events**',
      '  - Incident declared 2020-09-21 18:40',
      '  - Resolved 2020-09-21 21:41',
      '',
      `- **${label}**: 3h 14m`,
      '',
      '- **Impact**:',
      '  - Some users could not reach their services.',
    );

  it('reads "Time to resolve" as the length of the whole incident', () => {
    assert.equal(analyze(record('Time to resolve')).incident.statedDuration?.minutes, 194);
  });

  it('does not read "Time to recovery" there: it measures a part', () => {
    assert.equal(analyze(record('Time to recovery')).incident.statedDuration, null);
  });
});
