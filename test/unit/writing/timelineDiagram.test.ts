import { strict as assert } from 'node:assert';
import { DateTime } from 'luxon';
import { diagramEndMarker, diagramStartMarker } from '../../../server/src/service';
import { analyze, assertKeepsEveryLine, md, service } from '../helpers';

// "Insert timeline diagram": a Mermaid gantt of the entries and the incident window, in the
// document's zone, placed after the timeline and updated in place.

function diagramAction(text: string, line: number) {
  const analysis = analyze(text);
  const action = service
    .writingActionsAt(analysis, { start: { line, character: 0 }, end: { line, character: 0 } })
    .find((a) => /timeline diagram/.test(a.title));
  return { analysis, action };
}

function insert(text: string, line: number): string {
  const { analysis, action } = diagramAction(text, line);
  assert.ok(action, `no diagram action on line ${line + 1}`);
  return service.applyEdits(text, analysis, action.edits);
}

/** The gantt lines of the diagram in `text`. */
function gantt(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf('```mermaid');
  const end = lines.indexOf('```', start + 1);
  return lines.slice(start + 1, end).map((l) => l.trim());
}

const dated = md(
  '# Postmortem: checkout',
  '',
  '## Issue Summary',
  '',
  '- **Duration:** 2024-01-19 23:30 – 2024-01-20 01:10 UTC (1 hour 40 minutes)',
  '',
  '## Timeline',
  '',
  '- **23:30** – Latency alert fires: checkout #1 is slow.',
  '- **23:45** – On-call suspects the database.',
  '- **00:20** – Escalated to the payments team.',
  '- **01:10** – Pool limit restored.',
  '',
  '## Root Cause and Resolution',
  '',
  'A deploy removed the limit.',
);

describe('timeline diagram', () => {
  it('draws the window and every entry, across midnight, with the dates of the document', () => {
    const text = insert(dated, 6);
    assert.deepEqual(gantt(text), [
      'gantt',
      'title Incident timeline (times in UTC)',
      'dateFormat YYYY-MM-DD HH:mm',
      'axisFormat %b %d %H:%M',
      'todayMarker off',
      'section Impact',
      'Outage (1 hour 40 minutes) :crit, impact, 2024-01-19 23:30, 2024-01-20 01:10',
      'section Timeline',
      'Latency alert fires checkout 1 is slow. :milestone, m1, 2024-01-19 23:30, 0m',
      'On-call suspects the database. :milestone, m2, 2024-01-19 23:45, 0m',
      'Escalated to the payments team. :milestone, m3, 2024-01-20 00:20, 0m',
      'Pool limit restored. :milestone, m4, 2024-01-20 01:10, 0m',
    ]);
  });

  it('goes right after the timeline, between its markers, keeping every line', () => {
    const text = insert(dated, 7);
    assertKeepsEveryLine(dated, text);
    const lines = text.split('\n');
    assert.equal(lines[11], '- **01:10** – Pool limit restored.');
    assert.equal(lines[12], '');
    assert.equal(lines[13], diagramStartMarker);
    assert.equal(lines[14], '```mermaid');
    assert.equal(lines[lines.indexOf(diagramEndMarker) + 2], '## Root Cause and Resolution');
  });

  it('shows times only, and keeps their order past midnight, when the document gives no date', () => {
    const text = md('# Postmortem', '', '## Timeline', '', '- 23:50 UTC – Alert fires.', '- 00:15 UTC – Rolled back.');
    const lines = gantt(insert(text, 2));
    assert.ok(lines.includes('axisFormat %H:%M'));
    const [first, second] = lines.filter((l) => l.includes(':milestone')).map((l) => l.split(', ')[2]);
    assert.ok(second > first, `${first} then ${second}`);
    assert.match(first, / 23:50$/);
    assert.match(second, / 00:15$/);
  });

  it("draws the times in the document's zone, converting entries written in another", () => {
    const summary = ['# Postmortem', '', '## Issue Summary', '', '- **Duration:** 2023-01-15 10:00 – 12:30 WAT', '', '## Timeline', ''];
    const local = gantt(insert(md(...summary, '- 10:00 – Alarm goes off.', '- 11:30 – Database team called in.', '- 12:30 – Service back.'), 6));
    assert.ok(local.includes('title Incident timeline (times in WAT)'), local.join('\n'));
    assert.deepEqual(
      local.filter((l) => l.includes(':milestone')).map((l) => l.split(', ')[2]),
      ['2023-01-15 10:00', '2023-01-15 11:30', '2023-01-15 12:30'],
    );
    const utc = gantt(insert(md(...summary, '- 09:00 UTC – Alarm goes off.', '- 11:30 UTC – Service back.'), 6));
    assert.deepEqual(
      utc.filter((l) => l.includes(':milestone')).map((l) => l.split(', ')[2]),
      ['2023-01-15 10:00', '2023-01-15 12:30'],
    );
  });

  it('draws each entry at the instant the service read for it', () => {
    const text = md(
      '# Postmortem',
      '',
      '## Issue Summary',
      '',
      '- **Start:** 2024-03-09 22:00 America/New_York',
      '',
      '## Timeline',
      '',
      '- 2024-03-09 22:00 – Deploy.',
      '- 2024-03-10 03:30 – Alert (after the DST change).',
    );
    const analysis = analyze(text);
    const zone = analysis.incident.zone?.zone ?? 'UTC';
    const drawn = gantt(insert(text, 6))
      .filter((l) => l.includes(':milestone'))
      .map((l) => DateTime.fromFormat(l.split(', ')[2], 'yyyy-MM-dd HH:mm', { zone }).toMillis());
    assert.deepEqual(
      drawn,
      analysis.document.timeline.map((e) => e.at),
    );
  });

  it('says so when no zone is given', () => {
    const text = md('# Postmortem', '', '## Timeline', '', '- 10:00 – Alert fires.', '- 10:30 – Fixed.');
    assert.ok(gantt(insert(text, 2)).includes('title Incident timeline (times as written: no time zone given)'));
  });

  it('is updated in place when run again, and offered only when it would change', () => {
    const once = insert(dated, 6);
    assert.equal(diagramAction(once, 6).action, undefined, 'nothing to update');
    const added = once.replace('- **01:10** – Pool limit restored.', '- **01:10** – Pool limit restored.\n- **01:30** – Backlog drained.');
    const { action } = diagramAction(added, 6);
    assert.equal(action?.title, 'Update timeline diagram');
    const twice = insert(added, 6);
    assert.equal(twice.split(diagramStartMarker).length, 2, 'one diagram');
    assert.ok(gantt(twice).some((l) => l.startsWith('Backlog drained.')));
    assert.deepEqual(
      twice.split('\n').filter((l) => !gantt(twice).includes(l.trim())).length,
      added.split('\n').filter((l) => !gantt(added).includes(l.trim())).length,
    );
  });

  it('is offered on the diagram itself, and not outside the timeline', () => {
    const once = insert(dated, 6);
    const added = once.replace('- **01:10** – Pool limit restored.', '- **01:10** – Pool limit restored.\n- **01:30** – Backlog drained.');
    const at = added.split('\n').indexOf('```mermaid');
    assert.ok(diagramAction(added, at).action);
    assert.equal(diagramAction(dated, 2).action, undefined);
  });

  it('is not offered for a timeline without a readable time', () => {
    assert.equal(diagramAction(md('# Postmortem', '', '## Timeline', '', '- Alert fires.', '- Fixed.'), 2).action, undefined);
  });

  it('changes no finding and no word count', () => {
    const before = analyze(dated);
    const after = analyze(insert(dated, 6));
    assert.deepEqual(
      after.diagnostics.map((d) => d.code),
      before.diagnostics.map((d) => d.code),
    );
    assert.equal(service.words(after), service.words(before));
    assert.equal(after.document.timeline.length, before.document.timeline.length);
  });

  it('writes task names Mermaid reads: no colon, hash or semicolon, no keyword first', () => {
    const text = md('# Postmortem', '', '## Timeline', '', '- 10:00 UTC – section: **bold** `code`; #42', '- 10:05 UTC – [link](https://example.com): done');
    const names = gantt(insert(text, 2))
      .filter((l) => l.includes(':milestone'))
      .map((l) => l.slice(0, l.indexOf(' :milestone')));
    assert.deepEqual(names, ['· section bold code 42', 'link done']);
  });

  it('is never part of fix-all', () => {
    assert.ok(!service.fixAll(dated, { force: true }).text.includes('```mermaid'));
  });

  it('keeps the line breaks of a CRLF document', () => {
    const crlf = dated.replace(/\n/g, '\r\n');
    const text = insert(crlf, 6);
    assert.ok(!/[^\r]\n/.test(text));
  });
});
