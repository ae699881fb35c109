import { strict as assert } from 'node:assert';
import { analyze, incidentOf, md } from './support';

// Zones: written next to the time (each kind), declared for a section or the whole document,
// ambiguous abbreviations by setting, and real zone rules across midnight and DST changes.

const window = (start: string, end: string, zone: string) => md('## Summary', `- Start: ${start} ${zone}`, `- End: ${end} ${zone}`);

describe('incident: zones', () => {
  const kinds: [string, string, string, string][] = [
    ['an abbreviation without daylight saving', 'EAT', '2024-01-05T07:00:00Z', 'EAT'],
    ['a UTC offset', 'UTC+3', '2024-01-05T07:00:00Z', 'UTC+3'],
    ['a GMT offset with minutes', 'GMT+05:30', '2024-01-05T04:30:00Z', 'GMT+05:30'],
    ['an IANA name', 'Africa/Nairobi', '2024-01-05T07:00:00Z', 'Africa/Nairobi'],
    ['a spoken name', 'Eastern Time', '2024-01-05T15:00:00Z', 'Eastern Time'],
    ['a season-specific abbreviation, read literally', 'PDT', '2024-01-05T17:00:00Z', 'PDT'],
    ['the Zulu suffix of ISO 8601', 'Z', '2024-01-05T10:00:00Z', 'Z'],
  ];
  for (const [kind, zone, startIso, written] of kinds) {
    it(`reads ${kind} (${zone}) written next to the time`, () => {
      const text =
        zone === 'Z' ? md('## Summary', '- Start: 2024-01-05T10:00:00Z', '- End: 2024-01-05T11:00:00Z') : window('2024-01-05 10:00', '2024-01-05 11:00', zone);
      const incident = incidentOf(analyze(text));
      assert.equal(incident.start, startIso);
      assert.equal(incident.timezone, written);
      assert.equal(incident.durationMinutes, 60);
    });
  }

  it('reads CST as US Central by default and as China Standard Time when ambiguousTimeZones is other', () => {
    const text = window('2024-01-05 10:00', '2024-01-05 11:00', 'CST');
    assert.equal(incidentOf(analyze(text)).start, '2024-01-05T16:00:00Z');
    assert.equal(incidentOf(analyze(text, { ambiguousTimeZones: 'other' })).start, '2024-01-05T02:00:00Z');
  });

  it('takes a zone in parentheses that belongs to none of the times on its line as declared there', () => {
    const text = md('On March 4, 2024 (CET), the outage lasted from 10:00 AM to 12:30 PM.', '', '## Timeline', '', '- 10:00 AM alerts', '- 12:30 PM fixed');
    const incident = incidentOf(analyze(text));
    assert.equal(incident.start, '2024-03-04T09:00:00Z');
    assert.equal(incident.end, '2024-03-04T11:30:00Z');
    assert.equal(incident.timezone, 'CET');
    assert.deepEqual(
      analyze(text).incident.zoneDeclarations.map((d) => ({ line: d.line, zone: d.zone.text, section: d.section })),
      [{ line: 0, zone: 'CET', section: null }],
    );
    assert.match(analyze(text).incident.start?.assumptions.join(' ') ?? '', /zone CET taken from the zone declared on line 1/);
  });

  it('does not take a zone in parentheses that a time on its line carries as declared for the others', () => {
    // "(CET)" belongs to the start; the end's zone is written.
    const text = md('## Summary', '- Start: 2024-03-04 10:00 (CET)', '- End: 2024-03-04 12:30 UTC', '- Impact: 5% of users');
    const incident = incidentOf(analyze(text));
    assert.equal(incident.start, '2024-03-04T09:00:00Z');
    assert.equal(incident.end, '2024-03-04T12:30:00Z');
    // A time whose zone stands right after it, or inside it, declares nothing for other lines.
    for (const start of ['10:00 (CET)', '10:00 AM (CET)', '10:00-11:00 (CET)']) {
      const undeclared = md('## Summary', `- Start: 2024-03-04 ${start}`, '- End: 2024-03-04 12:30', '- Impact: 5% of users');
      assert.deepEqual(analyze(undeclared).incident.zoneDeclarations, [], start);
    }
  });

  it('takes the zone declared for the summary section', () => {
    const text = md('## Summary (all times UTC+1)', '- Start: 2024-01-05 10:00', '- End: 2024-01-05 11:00');
    const { incident } = analyze(text);
    assert.equal(incident.start?.iso, '2024-01-05T09:00:00Z');
    assert.equal(incident.start?.zoneWritten, false);
    assert.match(incident.start?.assumptions.join('; ') ?? '', /zone UTC\+1 taken from the zone declared in the "Summary \(all times UTC\+1\)" heading/);
  });

  it('takes the zone declared for the whole document above the first section', () => {
    const text = md('# Postmortem: Feed delays', '', 'All times are in CET.', '', '## Summary', '- Start: 2024-01-05 10:00', '- End: 2024-01-05 11:00');
    assert.equal(analyze(text).incident.start?.iso, '2024-01-05T09:00:00Z');
  });

  it('falls back on the zone declared for the timeline when the summary declares none', () => {
    const text = md(
      '## Summary',
      '- Duration: 2024-02-01 10:00 to 11:00',
      '',
      '## Timeline',
      '',
      'All times in CET.',
      '',
      '| Time | Event |',
      '| --- | --- |',
      '| 10:00 | alert |',
    );
    const { incident } = analyze(text);
    assert.equal(incident.start?.iso, '2024-02-01T09:00:00Z');
    assert.equal(incident.timezone, 'CET');
  });

  it('shares a zone written on one end of a range with the other', () => {
    const { incident } = analyze(md('## Summary', '- Duration: 2024-02-01 10:00 - 11:00 WAT'));
    assert.equal(incident.start?.iso, '2024-02-01T09:00:00Z');
    assert.equal(incident.start?.zone?.text, 'WAT');
  });

  it('counts real minutes across the spring-forward gap in a generic zone name', () => {
    const text = md('## Summary', 'On 2024-03-31, from 01:30 to 03:30 Europe/Berlin.');
    assert.equal(analyze(text).incident.durationMinutes, 60);
  });

  it('counts real minutes across the fall-back hour', () => {
    const text = md('## Summary', 'On 2023-11-05, from 00:30 to 02:30 Pacific Time.');
    const incident = incidentOf(analyze(text));
    assert.equal(incident.start, '2023-11-05T07:30:00Z');
    assert.equal(incident.end, '2023-11-05T10:30:00Z');
    assert.equal(incident.durationMinutes, 180);
  });

  it('moves an end without a date to the next day when the clock passes midnight', () => {
    const text = md('# Postmortem – 2024-04-20', '', '## Summary', '- Duration: 23:30 - 01:10 UTC');
    const incident = incidentOf(analyze(text));
    assert.equal(incident.start, '2024-04-20T23:30:00Z');
    assert.equal(incident.end, '2024-04-21T01:10:00Z');
    assert.equal(incident.durationMinutes, 100);
    assert.equal(analyze(text).incident.crossesMidnight, true);
  });

  it('keeps explicit dates across midnight and days', () => {
    const text = md('## Summary', '- **Duration**: November 3, 2023, 9:00 PM - November 5, 2023, 1:30 AM (UTC)');
    assert.equal(incidentOf(analyze(text)).durationMinutes, 28 * 60 + 30);
  });

  it('computes across two zones written on each end', () => {
    const text = md('## Summary', '- Start: 2024-06-01 09:00 CEST', '- End: 2024-06-01 08:30 UTC');
    assert.equal(incidentOf(analyze(text)).durationMinutes, 90);
  });
});
