import { strict as assert } from 'node:assert';
import { analyze, md } from '../helpers';

// Status pages and blogs: what their front matter says about the incident's clock, and what it does not.

describe('incident: a status page record', () => {
  const record =
    (...keys: string[]) =>
    (...body: string[]) =>
      md('---', ...keys, '---', '', ...body);

  it("begins at a record's date: and ends at the End field of its body", () => {
    const a = analyze(
      record('title: Elevated errors', 'severity: partial-outage', 'date: 2021-02-10T20:10:00Z')(
        'We are seeing elevated error rates on the API.',
        '',
        '**Update**: The provider is replacing a load balancer.',
        '',
        '**Resolved**: All requests succeed again. 2021-02-10T22:10:00Z',
      ),
    );
    assert.equal(a.incident.start?.iso, '2021-02-10T20:10:00Z');
    assert.equal(a.incident.end?.iso, '2021-02-10T22:10:00Z');
    assert.equal(a.incident.durationMinutes, 120);
  });

  it('ends at resolvedWhen, and takes resolvedWhen equal to date for no end', () => {
    const ends = record('severity: down', 'date: 2022-08-02T22:28:00+01:00', 'resolvedWhen: 2022-08-02T23:40:00+01:00');
    assert.equal(analyze(ends('The network is down.')).incident.durationMinutes, 72);
    const copied = record('severity: down', 'date: 2022-08-02T22:28:00+01:00', 'resolvedWhen: 2022-08-02T22:28:00+01:00');
    const a = analyze(copied('The network is down since 22:28 and was back at 23:28 (UK time).'));
    assert.notEqual(a.incident.durationMinutes, 0);
    assert.equal(a.incident.end?.at === a.incident.start?.at, false);
  });

  it("prefers the account's own window to a record's date with no written end", () => {
    const a = analyze(
      record('severity: degraded-performance', 'date: 2021-04-20T15:35:00Z')(
        'The EU content database was unavailable from 17:45 to 20:20 CEST on April 20th 2021.',
        '',
        '**Resolved**: The database is back. 2021-04-20T18:20:00Z',
      ),
    );
    assert.equal(a.incident.start?.iso, '2021-04-20T15:45:00Z');
    assert.equal(a.incident.durationMinutes, 155);
  });

  it("does not take a blog post's date: for an incident's start", () => {
    const a = analyze(
      md(
        '---',
        'title: Our outage',
        'date: 2021-02-12T09:00:00Z',
        '---',
        '',
        '**Resolved**: service is back at 2021-02-10T22:10:00Z.',
        '',
        'It was a long night.',
      ),
    );
    assert.equal(a.incident.start, null);
  });
});

describe('incident: an End field alone', () => {
  it('is no start: the window stays open rather than beginning at its end', () => {
    const a = analyze(md('# Outage', '', '## Summary', '', '- End: 2024-03-01 10:20 UTC', '- Impact: checkout failed for everyone.'));
    assert.equal(a.incident.start, null);
    assert.equal(a.incident.durationMinutes, null);
  });
});

describe("incident: the document's own dates are not the incident's", () => {
  it('skips "Last updated:" and "Due date:" lines for the incident date', () => {
    const a = analyze(
      md(
        '# 2022-05-23 - website outage',
        '',
        'Last updated: 2022-05-25',
        '',
        'Due date: 2022-05-30',
        '',
        '## Timeline',
        '',
        '- 06:00 UTC: The site went down.',
        '- 10:30 UTC: The site is back online.',
      ),
    );
    assert.equal(a.incident.start?.iso, '2022-05-23T06:00:00Z');
  });

  it("dates times by the summary before a blog post's date:", () => {
    const a = analyze(
      md('---', 'date: 2019-10-24', '---', '', '# Docs outage', '', '## Summary', '', 'On 2019-10-20 the docs site was down from 01:38 to 02:06 UTC.'),
    );
    assert.equal(a.incident.start?.iso, '2019-10-20T01:38:00Z');
    assert.equal(a.incident.durationMinutes, 28);
  });
});

describe('incident: lengths a summary states in other words', () => {
  const summary = (window: string, sentence: string) =>
    md('# DNS outage', '', '## Summary', '', `On 2023-01-25 from ${window} UTC static files failed to load.`, '', sentence);
  const mismatch = (text: string) => analyze(text).diagnostics.filter((d) => d.code === 'duration-mismatch');

  it('reads "for an estimated time of 10-15 minutes" and accepts a window anywhere in the range', () => {
    const a = analyze(summary('09:15 to 09:30', 'The record failed to resolve for an estimated time of 10-15 minutes.'));
    assert.equal(a.incident.statedDuration?.text, '10-15 minutes');
    assert.equal(a.incident.statedDuration?.approximate, true);
    assert.deepEqual(mismatch(summary('09:15 to 09:25', 'It failed for an estimated time of 10-15 minutes.')), []);
    assert.deepEqual(mismatch(summary('09:15 to 09:30', 'It failed for an estimated time of 10-15 minutes.')), []);
    // 35 minutes is more than the least tolerance (5 minutes) beyond the range.
    assert.equal(mismatch(summary('09:15 to 09:50', 'It failed for an estimated time of 10-15 minutes.')).length, 1);
  });

  it('reads "restored within ~6.5 hours" and "resolved after 90 minutes" as the length', () => {
    assert.equal(analyze(summary('09:00 to 15:30', 'Service was restored within ~6.5 hours.')).incident.statedDuration?.minutes, 390);
    assert.equal(analyze(summary('09:00 to 10:30', 'The incident was resolved after 90 minutes.')).incident.statedDuration?.minutes, 90);
  });

  it('reads "1hr:35mins" as 95 minutes', () => {
    assert.equal(analyze(summary('09:00 to 10:35', 'The outage lasted 1hr:35mins.')).incident.statedDuration?.minutes, 95);
  });
});

describe("incident: the timeline's end is the service's, not the team's", () => {
  it('does not end at "Team is back up" nor at "coming back online"', () => {
    const a = analyze(
      md(
        '# Chain halt',
        '',
        '## Timeline',
        '',
        '- 2022-09-07 16:20 UTC: The chain halted.',
        '- 2022-09-08 03:30 UTC: Team is back up.',
        '- 2022-09-08 20:02 UTC: The infrastructure is coming back online now.',
        '- 2022-09-08 21:20 UTC: Blocks are produced again.',
      ),
    );
    assert.equal(a.incident.end?.iso, '2022-09-08T21:20:00Z');
    assert.equal(a.incident.durationMinutes, 1740);
  });

  it('still ends where the service is back up', () => {
    const a = analyze(md('# Outage', '', '## Timeline', '', '- 2022-09-07 16:20 UTC: The site went down.', '- 2022-09-07 17:00 UTC: The site is back up.'));
    assert.equal(a.incident.durationMinutes, 40);
  });
});

describe('incident: a bulletin with "Issue commenced:" and "Issue closed:"', () => {
  const bulletin = md(
    '# Service bulletin: sites unavailable',
    '',
    'Issue commenced: <strong>2013-03-14 19:38</strong>',
    'Issue closed: <strong>2013-03-15 08:28</strong>',
    '',
    'A memory failure on one of the hosts took every site down. The problem prevented all users from opening their sites for approximately 12 hours.',
  );

  it('reads them as the Start and End fields, over midnight', () => {
    const a = analyze(bulletin);
    assert.deepEqual(
      a.document.fields.filter((f) => f.id === 'start' || f.id === 'end').map((f) => f.id),
      ['start', 'end'],
    );
    assert.equal(a.incident.durationMinutes, 770);
  });

  it('reads "prevented all users from … for approximately 12 hours" as the stated length', () => {
    assert.equal(analyze(bulletin).incident.statedDuration?.minutes, 720);
  });
});
