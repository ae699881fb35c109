import { strict as assert } from 'node:assert';
import { allRules } from '../../../server/src/service';
import { analyze, md, only, timeCodes, timeFindings } from './support';

// The time rules: when each reports, what it says, and when it stays quiet.

describe('incident: time diagnostics', () => {
  it('registers every time rule with its metadata and a sensible default severity', () => {
    const rules = allRules.filter((r) => timeCodes.has(r.code));
    assert.deepEqual(rules.map((r) => r.code).sort(), [...timeCodes].sort());
    for (const r of rules) {
      assert.ok(r.description.length > 20, r.code);
      assert.ok(r.tags.includes('time'), r.code);
      assert.equal(r.structural, false, r.code);
    }
    assert.equal(allRules.find((r) => r.code === 'end-before-start')?.defaultSeverity, 'error');
  });

  describe('missing-duration', () => {
    it('flags a summary with start and end but no stated duration', () => {
      const text = md('## Summary', '- Start: 2024-02-01 10:00 UTC', '- End: 2024-02-01 12:15 UTC');
      const d = only(analyze(text), 'missing-duration');
      assert.match(d.message, /10:00–12:15 UTC, 2 hours 15 minutes/);
      assert.equal(d.fixes[0].kind, 'write-duration');
    });

    it('says nothing when the duration is stated', () => {
      const text = md('## Summary', '- Start: 2024-02-01 10:00 UTC', '- End: 2024-02-01 12:15 UTC', '- Duration: 2 hours 15 minutes');
      assert.deepEqual(timeFindings(analyze(text)), []);
    });

    it('can be turned off in the settings', () => {
      const text = md('## Summary', '- Start: 2024-02-01 10:00 UTC', '- End: 2024-02-01 12:15 UTC');
      assert.deepEqual(timeFindings(analyze(text, { rules: { 'missing-duration': 'off' } })), []);
    });
  });

  describe('duration-mismatch', () => {
    it('says both the stated and the computed duration', () => {
      const text = md('**Issue Summary:**', '- *Start Time:* 2023-06-21 09:20 SAST', '- *End Time:* 2023-06-21 12:05 SAST', '- *Duration:* 2 hours');
      const d = only(analyze(text), 'duration-mismatch');
      assert.equal(d.message, 'The duration states 2 hours, but 09:20–12:05 SAST is 2 hours 45 minutes.');
      assert.equal(d.range.start.line, 3);
      assert.equal(d.fixes[0].kind, 'write-duration');
    });

    it('accepts an approximate statement close to the computed duration', () => {
      const text = md('## Summary', '- Duration: 09:00 - 11:10 UTC (about 2 hours)');
      assert.deepEqual(timeFindings(analyze(text)), []);
    });

    it('flags an approximate statement far from the computed duration', () => {
      const text = md('## Summary', '- Duration: 09:00 - 12:30 UTC (about 2 hours)');
      assert.deepEqual(timeFindings(analyze(text)), ['duration-mismatch@2']);
    });

    it('compares a lasted sentence with the range in the summary', () => {
      const text = md('# Postmortem – 2024-01-02', '', '## Summary', 'The API was down from 10:00 to 12:00 UTC. The outage lasted 3 hours.');
      assert.match(only(analyze(text), 'duration-mismatch').message, /states 3 hours, but 10:00–12:00 UTC is 2 hours/);
    });
  });

  describe('end-before-start', () => {
    it('flags an end dated before the start as an error', () => {
      const text = md('## Summary', '- Start: 2024-02-02 10:00 UTC', '- End: 2024-02-01 12:00 UTC');
      const analysis = analyze(text);
      const d = only(analysis, 'end-before-start');
      assert.equal(d.severity, 'error');
      assert.equal(d.range.start.line, 2);
      assert.equal(analysis.incident.durationMinutes, null);
    });

    it('flags a same-day range that runs backwards by most of a day', () => {
      const text = md('# Postmortem – 2024-02-01', '', '## Summary', '- Duration: 10:00 - 09:30 UTC');
      assert.deepEqual(timeFindings(analyze(text)), ['end-before-start@4']);
    });

    it('reads an evening start and a morning end as crossing midnight, not as an error', () => {
      const text = md('## Summary', '- Duration: 11:00 PM - 2:00 AM UTC');
      const analysis = analyze(text);
      assert.equal(analysis.incident.durationMinutes, 180);
      assert.ok(!timeFindings(analysis).some((f) => f.startsWith('end-before-start')));
    });
  });

  describe('missing-timezone', () => {
    it('flags start and end without a zone once per line', () => {
      const text = md('# Postmortem – 2024-02-01', '', '## Summary', '- Duration: 10:00 - 11:30', '- Impact: all users');
      const d = only(analyze(text), 'missing-timezone');
      assert.match(d.message, /"10:00" has no time zone/);
      assert.equal(d.range.start.line, 3);
    });

    it('flags each line of separate start and end fields', () => {
      const text = md('## Summary', '- Start: 2024-02-01 10:00', '- End: 2024-02-01 11:00', '- Duration: 1 hour');
      assert.deepEqual(timeFindings(analyze(text)), ['missing-timezone@2', 'missing-timezone@3']);
    });

    it('says nothing when a zone is declared for the document', () => {
      const text = md('All times are UTC.', '', '## Summary', '- Start: 2024-02-01 10:00', '- End: 2024-02-01 11:00', '- Duration: 1 hour');
      assert.deepEqual(timeFindings(analyze(text)), []);
    });
  });

  describe('unparsed-time', () => {
    it('quotes a placeholder start time and shows a time that would be read', () => {
      const text = md('## Summary', '- Start: 2024-02-01 14:?? UTC', '- End: 2024-02-01 15:00 UTC');
      const d = only(analyze(text), 'unparsed-time');
      assert.match(d.message, /"2024-02-01 14:\?\?" cannot be read \(a placeholder, not a time\): write it like 2024-02-01 14:05 UTC/);
    });

    it('quotes a clock placeholder on its own as 14:05 in the incident zone', () => {
      const text = md('## Summary', '- Start: 14:?? UTC', '- End: 15:00 UTC');
      assert.match(only(analyze(text), 'unparsed-time').message, /"14:\?\?" cannot be read .*: write it like 14:05 UTC\./);
    });

    it('flags an impossible clock in the timeline', () => {
      const text = md('## Timeline', '- 10:00 UTC alert', '- 25:10 UTC rollback');
      const d = only(analyze(text), 'unparsed-time');
      assert.match(d.message, /"25:10" cannot be read \(hour 25 out of range\): write it like 23:10 UTC/);
      assert.equal(d.range.start.line, 2);
    });

    it('reports a template placeholder row in a timeline table as a placeholder, not as an unreadable time', () => {
      const text = md(
        '## Timeline',
        '',
        '| Time | Event |',
        '| --- | --- |',
        '| 2024-03-13 HH:mm | Short event description. |',
        '| 2024-03-13 10:01 | Node down |',
      );
      const analysis = analyze(text);
      assert.deepEqual(timeFindings(analysis), []);
      assert.deepEqual(
        analysis.diagnostics.filter((d) => d.code === 'placeholder').map((d) => d.range.start.line + 1),
        [5],
      );
    });

    it('reports a timeline line that starts with a placeholder time once, as a placeholder', () => {
      const text = md('## Timeline', '- 10:00 UTC alert', '- HH:MM - rollback');
      const analysis = analyze(text);
      assert.deepEqual(timeFindings(analysis), []);
      assert.match(only(analysis, 'placeholder').message, /"HH:MM" is a placeholder/);
    });

    it('still flags a half-written time as unreadable', () => {
      const text = md('## Timeline', '- 10:00 UTC alert', '- 10:?? UTC rollback');
      assert.deepEqual(timeFindings(analyze(text)), ['unparsed-time@3']);
    });
  });

  describe('timeline-order', () => {
    it('flags a timeline entry earlier than the entry before it', () => {
      const text = md(
        '## Summary',
        '- **Duration:** 2024-01-15 from 09:00 to 11:30 WAT',
        '',
        '## Timeline',
        '- 09:00 WAT: alert',
        '- 10:30 WAT: escalation',
        '- 10:10 WAT: rollback',
        '- 11:30 WAT: recovered',
      );
      const d = only(analyze(text), 'timeline-order');
      assert.equal(d.range.start.line, 6);
      assert.match(d.message, /"10:10 WAT" is earlier than "10:30 WAT", the entry before it on line 6/);
      assert.equal(d.fixes[0].kind, 'sort-timeline');
    });

    it('says nothing for entries in order across midnight', () => {
      const text = md(
        '## Summary',
        '- Start: 2024-04-20 23:10 UTC',
        '- End: 2024-04-21 01:30 UTC',
        '',
        '## Timeline',
        '- 23:10 disk full',
        '- 00:40 restart',
        '- 01:30 green',
      );
      assert.deepEqual(
        timeFindings(analyze(text)).filter((f) => f.startsWith('timeline')),
        [],
      );
    });
  });

  describe('timeline-outside-window', () => {
    const summary = ['# Postmortem – 2024-06-01', '', '## Summary', '- Duration: 10:00 - 12:00 UTC (2 hours)', '', '## Timeline'];

    it('flags an entry after the incident ended', () => {
      const d = only(analyze(md(...summary, '- 10:00 alert', '- 12:00 fixed', '- 13:15 checkout errors come back')), 'timeline-outside-window');
      assert.equal(d.range.start.line, 8);
      assert.match(d.message, /after the incident ended \(12:00 UTC/);
    });

    it('accepts follow-ups after the end: the review, the tickets, the customer note, watching the fix hold', () => {
      const followUps = [
        '- 12:30 monitoring confirmed stable',
        '- 13:15 postmortem review scheduled',
        '- 14:00 action items filed',
        '- 15:00 customers notified by email',
      ];
      assert.deepEqual(timeFindings(analyze(md(...summary, '- 10:00 alert', '- 12:00 fixed', ...followUps))), []);
    });

    it('still flags an entry after the end that says the impact went on', () => {
      assert.deepEqual(timeFindings(analyze(md(...summary, '- 10:00 alert', '- 12:00 fixed', '- 12:40 monitoring shows errors again'))), [
        'timeline-outside-window@9',
      ]);
    });

    it('flags an entry long before the incident started', () => {
      assert.deepEqual(timeFindings(analyze(md(...summary, '- 06:30 deploy', '- 10:00 alert', '- 12:00 fixed'))), ['timeline-outside-window@7']);
    });

    it('accepts a lead-up shortly before the start', () => {
      assert.deepEqual(timeFindings(analyze(md(...summary, '- 08:30 deploy', '- 09:50 first errors', '- 10:00 alert', '- 12:00 fixed'))), []);
    });

    it('leaves an entry out of order to timeline-order', () => {
      assert.deepEqual(timeFindings(analyze(md(...summary, '- 10:00 alert', '- 07:00 deploy', '- 12:00 fixed'))), ['timeline-order@8']);
    });
  });

  it('reports nothing about times in a postmortem whose times all agree', () => {
    const text = md(
      '# Postmortem: Slow invoices – 2024-09-03',
      '',
      '## Issue Summary',
      '- **Duration:** 13:05 - 14:20 CAT (1 hour 15 minutes)',
      '',
      '## Timeline',
      '- **13:00** – deploy of the invoice worker',
      '- **13:05** – queue latency alert',
      '- **14:20** – rollback complete',
    );
    assert.deepEqual(timeFindings(analyze(text)), []);
  });
});
