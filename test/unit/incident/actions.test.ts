import { strict as assert } from 'node:assert';
import type { Analysis, Range } from '../../../server/src/service';
import { analyze, applyFix, assertOnlyAdds, assertSameLines, linesOf, md, only, service, timeFindings } from './support';

// The two code actions: "Compute duration" (insert or correct the duration, in the document's own
// style) and "Sort timeline chronologically" (move whole entries). Each is proven by applying it
// and analysing the result again.

/** Applies the first fix of the only `code` finding; checks the finding is gone and returns the new text. */
function fixOnce(text: string, code: string): string {
  const analysis = analyze(text);
  const finding = only(analysis, code);
  const fixed = applyFix(text, analysis, finding.fixes[0]);
  assert.notEqual(fixed, text, `${code}: the fix changed nothing`);
  assert.deepEqual(
    analyze(fixed).diagnostics.filter((d) => d.code === code),
    [],
    `${code} is still reported after the fix:\n${fixed}`,
  );
  return fixed;
}

const lineRange = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 0 } });

function applyAction(text: string, analysis: Analysis, line: number): string {
  const actions = service.durationActionsAt(analysis, lineRange(line));
  assert.equal(actions.length, 1, `one duration action on line ${line + 1}`);
  return service.applyEdits(text, analysis, actions[0].edits);
}

describe('incident: the Compute duration action', () => {
  const styles: { name: string; text: string; expected: string }[] = [
    {
      name: 'a list item with a bold label and its times nested under it',
      text: md(
        '## Issue Summary',
        '- **Duration:**',
        '  - Start Time: 2024-05-02 07:15 UTC',
        '  - End Time: 2024-05-02 09:00 UTC',
        '- **Impact:** slow logins',
      ),
      expected: '- **Duration:** 1 hour 45 minutes',
    },
    {
      name: 'bold Start and End labels on their own lines',
      text: md('## Summary', '', '**Start:** 2024-05-02 07:15 UTC', '**End:** 2024-05-02 09:00 UTC', '', '**Impact:** slow logins'),
      expected: '**Duration:** 1 hour 45 minutes',
    },
    {
      name: 'plain Start and End labels',
      text: md('Issue Summary:', 'Start time: 2024-05-02 07:15 UTC', 'End time: 2024-05-02 09:00 UTC', 'Impact: slow logins'),
      expected: 'Duration: 1 hour 45 minutes',
    },
    {
      name: 'italic labels in a nested list',
      text: md('**Issue Summary:**', '- Timing:', '  - *Start Time:* 2024-05-02 07:15 SAST', '  - *End Time:* 2024-05-02 09:00 SAST'),
      expected: '  - *Duration:* 1 hour 45 minutes',
    },
    {
      name: 'a summary table',
      text: md(
        '## Summary',
        '',
        '| Field | Value |',
        '| --- | --- |',
        '| Start | 2024-02-01 10:00 UTC |',
        '| End | 2024-02-01 12:15 UTC |',
        '| Impact | 5% of users |',
      ),
      expected: '| Duration | 2 hours 15 minutes |',
    },
    {
      name: 'a Duration field that holds the range',
      text: md('# Postmortem – 2024-09-12', '', '## Issue Summary', '- **Duration**: 07:40 AM - 09:10 AM (UTC)', '- **Impact**: thumbnails missing'),
      expected: '- **Duration**: 07:40 AM - 09:10 AM (UTC) (1 hour 30 minutes)',
    },
    {
      name: 'a Duration label whose range is in the sentence below it',
      text: md(
        'Issue Summary:',
        '',
        'Duration:',
        'It happened on February 7, 2024, from 09:40 to 11:55 WAT. Nobody enjoyed it.',
        '',
        'Impact:',
        'Search was empty.',
      ),
      expected: 'Duration: 2 hours 15 minutes',
    },
    {
      name: 'front matter start_time and end_time',
      text: md('---', 'start_time: 2021-04-12T06:10:00Z', 'end_time: 2021-04-13T08:40:00Z', '---', '', 'The storage layer slowed down.'),
      expected: 'duration: 1 day 2 hours 30 minutes',
    },
    {
      name: 'a range in a summary paragraph with no fields',
      text: md('## Summary', 'On 2024-03-02 the importer stalled from 10:00 to 10:50 UTC.', 'Nothing was lost.', '', '## Timeline', '- 10:00 UTC stall'),
      expected: '**Duration:** 50 minutes',
    },
  ];

  for (const s of styles) {
    it(`inserts the computed duration in the style of ${s.name}`, () => {
      const fixed = fixOnce(s.text, 'missing-duration');
      assertOnlyAdds(s.text, fixed);
      assert.ok(linesOf(fixed).includes(s.expected), `expected the line ${JSON.stringify(s.expected)} in:\n${fixed}`);
      assert.equal(analyze(fixed).incident.statedDuration?.minutes, analyze(s.text).incident.durationMinutes);
    });
  }

  it('corrects only the stated value when it differs', () => {
    const text = md(
      '**Issue Summary:**',
      '- *Start Time:* 2023-06-21 09:20 SAST',
      '- *End Time:* 2023-06-21 12:05 SAST',
      '- *Duration:* Approximately 2 hours, give or take',
    );
    const fixed = fixOnce(text, 'duration-mismatch');
    assert.equal(linesOf(fixed)[3], '- *Duration:* Approximately 2 hours 45 minutes, give or take');
    assert.deepEqual(linesOf(fixed).slice(0, 3), linesOf(text).slice(0, 3));
  });

  it('corrects the duration stated in a sentence', () => {
    const text = md('# Postmortem – 2024-01-02', '', '## Summary', 'The API was down from 10:00 to 12:00 UTC. The outage lasted 3 hours.');
    assert.equal(linesOf(fixOnce(text, 'duration-mismatch'))[3], 'The API was down from 10:00 to 12:00 UTC. The outage lasted 2 hours.');
  });

  it('keeps CRLF line breaks when it inserts a line', () => {
    const text = ['## Summary', '- Start: 2024-02-01 10:00 UTC', '- End: 2024-02-01 12:15 UTC', ''].join('\r\n');
    const fixed = fixOnce(text, 'missing-duration');
    assert.equal(fixed, ['## Summary', '- Start: 2024-02-01 10:00 UTC', '- End: 2024-02-01 12:15 UTC', '- Duration: 2 hours 15 minutes', ''].join('\r\n'));
  });

  it('is offered on the Duration, Start and End lines without a diagnostic, and nowhere else', () => {
    const text = md('## Summary', '- Start: 2024-02-01 10:00 UTC', '- End: 2024-02-01 12:15 UTC', '- Impact: slow', '', '## Timeline', '- 10:00 UTC alert');
    const analysis = analyze(text, { rules: { 'missing-duration': 'off' } });
    assert.deepEqual(timeFindings(analysis), []);
    for (const line of [1, 2]) {
      const fixed = applyAction(text, analysis, line);
      assert.ok(linesOf(fixed).includes('- Duration: 2 hours 15 minutes'), fixed);
      assertOnlyAdds(text, fixed);
    }
    for (const line of [0, 3, 6]) assert.deepEqual(service.durationActionsAt(analysis, lineRange(line)), [], `line ${line + 1}`);
  });

  it('offers to make an approximate duration exact, on its line', () => {
    const text = md('## Summary', '- Duration: 09:00 - 11:10 UTC (about 2 hours)');
    const analysis = analyze(text);
    assert.deepEqual(timeFindings(analysis), []);
    const actions = service.durationActionsAt(analysis, lineRange(1));
    assert.equal(actions[0].title, 'Correct the duration to "2 hours 10 minutes"');
    assert.equal(service.applyEdits(text, analysis, actions[0].edits), md('## Summary', '- Duration: 09:00 - 11:10 UTC (about 2 hours 10 minutes)'));
  });

  it('offers nothing when the stated duration is right, or when start or end is unknown', () => {
    const right = md('## Summary', '- Start: 2024-02-01 10:00 UTC', '- End: 2024-02-01 12:15 UTC', '- Duration: 2 hours 15 minutes');
    assert.deepEqual(service.durationActionsAt(analyze(right), lineRange(3)), []);
    const noEnd = md('## Summary', '- Start: 2024-02-01 10:00 UTC', '- Duration: 2 hours');
    assert.deepEqual(service.durationActionsAt(analyze(noEnd), lineRange(1)), []);
  });

  it('is applied by fix-all, which then finds nothing left to do', () => {
    const text = md('## Summary', '- Start: 2024-02-01 10:00 UTC', '- End: 2024-02-01 12:15 UTC', '- Impact: slow', '- Root cause: a lock');
    const { text: fixed } = service.fixAll(text, { force: true });
    assert.ok(linesOf(fixed).includes('- Duration: 2 hours 15 minutes'), fixed);
    // (The inserted Timeline skeleton's HH:MM placeholders are unparsed times until filled in.)
    assert.deepEqual(
      timeFindings(analyze(fixed)).filter((f) => /duration/.test(f)),
      [],
    );
  });
});

describe('incident: the Sort timeline chronologically action', () => {
  const summary = ['# Postmortem – 2024-01-15', '', '## Issue Summary', '- **Duration:** 09:00 - 11:30 WAT (2 hours 30 minutes)', '', '## Timeline', ''];

  function sortOnce(text: string): string {
    const fixed = fixOnce(text, 'timeline-order');
    assertSameLines(text, fixed);
    return fixed;
  }

  it('moves list entries into order and keeps every line', () => {
    const text = md(...summary, '- 09:00 WAT: alert', '- 10:30 WAT: escalation', '- 10:10 WAT: rollback', '- 11:30 WAT: recovered');
    const fixed = sortOnce(text);
    assert.deepEqual(linesOf(fixed).slice(7), ['- 09:00 WAT: alert', '- 10:10 WAT: rollback', '- 10:30 WAT: escalation', '- 11:30 WAT: recovered']);
  });

  it('moves entries with their nested lines and their parent labels', () => {
    const text = md(
      ...summary,
      '- Detection:',
      '  - At 10:40 WAT, the queue alarm fired.',
      '',
      '- Investigation:',
      '  - We read logs for a while.',
      '',
      '- Escalation:',
      '  - 09:15 WAT: the database team joined.',
      '    - They brought coffee.',
    );
    const fixed = sortOnce(text);
    assert.deepEqual(linesOf(fixed).slice(7), [
      '- Escalation:',
      '  - 09:15 WAT: the database team joined.',
      '    - They brought coffee.',
      '',
      '- Detection:',
      '  - At 10:40 WAT, the queue alarm fired.',
      '',
      '- Investigation:',
      '  - We read logs for a while.',
    ]);
  });

  it('moves paragraph entries with the description lines under them', () => {
    const text = md(
      ...summary,
      '**09:00 WAT: Alert**',
      'The pager went off.',
      '',
      '**10:20 WAT: Fix**',
      'We rolled back.',
      '',
      '**09:40 WAT: Escalation**',
      'More people joined.',
    );
    const fixed = sortOnce(text);
    assert.deepEqual(linesOf(fixed).slice(7), [
      '**09:00 WAT: Alert**',
      'The pager went off.',
      '',
      '**09:40 WAT: Escalation**',
      'More people joined.',
      '',
      '**10:20 WAT: Fix**',
      'We rolled back.',
    ]);
  });

  it('sorts the rows of a timeline table', () => {
    const text = md(...summary, '| Time | Event |', '| --- | --- |', '| 09:00 WAT | alert |', '| 10:50 WAT | fix |', '| 10:05 WAT | rollback |');
    const fixed = sortOnce(text);
    assert.deepEqual(linesOf(fixed).slice(9), ['| 09:00 WAT | alert |', '| 10:05 WAT | rollback |', '| 10:50 WAT | fix |']);
  });

  it('sorts entries inside a day without moving the day lines', () => {
    const text = md(
      '## Summary',
      '- Start: 2024-06-14 21:00 UTC',
      '- End: 2024-06-15 02:00 UTC',
      '- Duration: 5 hours',
      '',
      '## Timeline',
      '- Friday, June 14th, 2024:',
      '  - 9:00 pm: queue grows',
      '  - 11:30 pm: workers restarted',
      '  - 10:15 pm: paged',
      '- Saturday, June 15th, 2024:',
      '  - 2:00 am: drained',
    );
    const fixed = sortOnce(text);
    assert.deepEqual(linesOf(fixed).slice(6), [
      '- Friday, June 14th, 2024:',
      '  - 9:00 pm: queue grows',
      '  - 10:15 pm: paged',
      '  - 11:30 pm: workers restarted',
      '- Saturday, June 15th, 2024:',
      '  - 2:00 am: drained',
    ]);
  });

  it('is not applied by fix-all, because it reorders what the author wrote', () => {
    const text = md(...summary, '- 09:00 WAT: alert', '- 10:30 WAT: escalation', '- 10:10 WAT: rollback', '', '## Root Cause and Resolution', 'A lock.');
    const { text: fixed } = service.fixAll(text, { force: true });
    const timeline = linesOf(fixed).filter((l) => /^- \d/.test(l));
    assert.deepEqual(timeline, ['- 09:00 WAT: alert', '- 10:30 WAT: escalation', '- 10:10 WAT: rollback']);
  });
});
