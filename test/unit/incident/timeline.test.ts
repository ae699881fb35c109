import { strict as assert } from 'node:assert';
import type { Analysis } from '../../../server/src/service';
import { analyze, md } from './support';

// Timeline entry times: what an entry without a date or zone takes from the incident, the
// section, a day line or the entry before it.

const times = (analysis: Analysis) => analysis.document.timeline.map((e) => e.time ?? null);

describe('incident: timeline entry times', () => {
  it("gives entries without a date or zone the incident's date and zone", () => {
    const text = md(
      '# Postmortem – 2024-03-08',
      '',
      '## Summary',
      '- **Duration:** 14:00 - 15:30 EAT',
      '',
      '## Timeline',
      '- 13:55 - canary deploy',
      '- **14:00** – error rate climbs',
      '- 15:30: recovered',
    );
    assert.deepEqual(times(analyze(text)), ['2024-03-08T10:55:00Z', '2024-03-08T11:00:00Z', '2024-03-08T12:30:00Z']);
  });

  it('prefers the zone declared for the timeline section over the incident zone', () => {
    const text = md(
      '## Summary',
      '- Start: 2024-03-08 22:00 UTC',
      '- End: 2024-03-08 23:00 UTC',
      '',
      '## Timeline (all times in Pacific Time)',
      '- 14:00 alert fires',
      '- 15:00 rollback',
    );
    assert.deepEqual(times(analyze(text)), ['2024-03-08T22:00:00Z', '2024-03-08T23:00:00Z']);
  });

  it('reads a zone declared once above a table of times', () => {
    const text = md(
      '## Summary',
      '- Start: 2024-02-01 10:00 CET',
      '',
      '## Timeline',
      '',
      'All times in UTC.',
      '',
      '| Time | Event |',
      '| --- | --- |',
      '| 09:00 | alert |',
      '| 09:20 | fix |',
    );
    assert.deepEqual(times(analyze(text)), ['2024-02-01T09:00:00Z', '2024-02-01T09:20:00Z']);
  });

  it('keeps the date and zone an entry writes itself', () => {
    const text = md('## Timeline', '- 2024-05-01 08:00 UTC-4 - first page', '- 2024-05-02T01:00:00Z - all clear');
    assert.deepEqual(times(analyze(text)), ['2024-05-01T12:00:00Z', '2024-05-02T01:00:00Z']);
  });

  it('takes the day of a list-item day line above the entries', () => {
    const text = md(
      '## Summary',
      '- **Duration**: Friday, June 14th, 2024, 11:00 pm (UTC) - Saturday, June 15th, 2024, 2:00 am (UTC)',
      '',
      '## Timeline',
      '- Friday, June 14th:',
      '  - 11:00 pm: queue grows',
      '- Saturday, June 15th:',
      '  - 1:00 am: workers restarted',
      '  - 2:00 am: drained',
    );
    assert.deepEqual(times(analyze(text)), ['2024-06-14T23:00:00Z', '2024-06-15T01:00:00Z', '2024-06-15T02:00:00Z']);
  });

  it('takes the day of a bold day line with a date', () => {
    const text = md('## Timeline', '**Day 1 — 2024-01-19**', '- 22:00 UTC a deploy', '', '**Day 2 — 2024-01-20**', '- 01:00 UTC rollback');
    assert.deepEqual(times(analyze(text)), ['2024-01-19T22:00:00Z', '2024-01-20T01:00:00Z']);
  });

  it('counts a numbered day line from the incident date', () => {
    const text = md(
      '## Summary',
      '- Start: 2024-01-19 22:00 UTC',
      '- End: 2024-01-20 02:00 UTC',
      '',
      '## Timeline',
      '### Day 1',
      '- 22:00 alert',
      '### Day 2',
      '- 02:00 fixed',
    );
    assert.deepEqual(times(analyze(text)), ['2024-01-19T22:00:00Z', '2024-01-20T02:00:00Z']);
  });

  it('rolls entries after midnight to the next day when the incident crosses midnight', () => {
    const text = md(
      '## Summary',
      '- Start: 2024-04-20 23:10 UTC',
      '- End: 2024-04-21 01:30 UTC',
      '',
      '## Timeline',
      '- 23:10 disk full',
      '- 23:55 cleanup',
      '- 00:40 restart',
      '- 01:30 green',
    );
    const analysis = analyze(text);
    assert.deepEqual(times(analysis), ['2024-04-20T23:10:00Z', '2024-04-20T23:55:00Z', '2024-04-21T00:40:00Z', '2024-04-21T01:30:00Z']);
    assert.deepEqual(
      analysis.diagnostics.filter((d) => d.code === 'timeline-order'),
      [],
    );
  });

  it('does not roll an earlier entry to the next day when the incident stays within one day', () => {
    const text = md(
      '# Postmortem – 2024-04-20',
      '',
      '## Summary',
      '- Duration: 10:00 - 12:00 UTC',
      '',
      '## Timeline',
      '- 10:00 alert',
      '- 07:30 escalation',
      '- 12:00 fixed',
    );
    assert.deepEqual(times(analyze(text)), ['2024-04-20T10:00:00Z', '2024-04-20T07:30:00Z', '2024-04-20T12:00:00Z']);
  });

  it('places a lead-up entry before midnight on the day before an incident that starts after it', () => {
    const text = md('## Summary', '- Start: 2024-04-21 00:20 UTC', '- End: 2024-04-21 01:00 UTC', '', '## Timeline', '- 23:50 config pushed', '- 00:20 errors');
    assert.deepEqual(times(analyze(text)), ['2024-04-20T23:50:00Z', '2024-04-21T00:20:00Z']);
  });

  it('reads a time after noon on a 12-hour clock without am or pm as the afternoon', () => {
    const text = md(
      '# Postmortem – 2024-05-06',
      '',
      '## Summary',
      'The site was down from 11:00 to 1:30 UTC.',
      '',
      '## Timeline',
      '- 11:00 alert',
      '- 12:30 fix',
      '- 1:30 resolved',
    );
    assert.deepEqual(times(analyze(text)), ['2024-05-06T11:00:00Z', '2024-05-06T12:30:00Z', '2024-05-06T13:30:00Z']);
  });

  it('moves an entry marked as the next day to the next day', () => {
    const text = md(
      '# Postmortem – 2024-05-06',
      '',
      '## Summary',
      'Down from 10:00 to 11:00 UTC.',
      '',
      '## Timeline',
      '- 10:00 alert',
      '- 09:00 (next day) review',
    );
    assert.deepEqual(times(analyze(text)), ['2024-05-06T10:00:00Z', '2024-05-07T09:00:00Z']);
  });

  it('gives null to an entry whose time cannot be read, and a date alone to a date-only entry', () => {
    const text = md(
      '## Timeline',
      '',
      'All times in UTC.',
      '',
      '| Time | Event |',
      '| --- | --- |',
      '| 2024-03-13 10:01 | node down |',
      '| 2024-03-13 14:?? | scaled down |',
      '| 2024-03-14 | closed |',
    );
    assert.deepEqual(times(analyze(text)), ['2024-03-13T10:01:00Z', null, '2024-03-14']);
  });

  it('leaves times null when no date is known anywhere, but still compares them', () => {
    const text = md('## Timeline', '- 10:00 UTC alert', '- 09:00 UTC earlier thing');
    const analysis = analyze(text);
    assert.deepEqual(times(analysis), [null, null]);
    assert.ok((analysis.document.timeline[1].at ?? 0) < (analysis.document.timeline[0].at ?? 0));
  });

  it('says what each entry time took from elsewhere', () => {
    const text = md('# Postmortem – 2024-03-08', '', '## Summary', '- Duration: 14:00 - 15:30 EAT', '', '## Timeline', '- 14:05 alert');
    const notes = analyze(text).document.timeline[0].timeNotes ?? [];
    assert.ok(
      notes.some((n) => /zone EAT taken from the incident/.test(n)),
      notes.join('; '),
    );
    assert.ok(
      notes.some((n) => /date 2024-03-08 taken from the incident/.test(n)),
      notes.join('; '),
    );
  });
});
