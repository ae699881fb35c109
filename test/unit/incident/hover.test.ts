import { strict as assert } from 'node:assert';
import { timeHoverAt } from '../../../server/src/service';
import { offsetFromStart } from '../../../server/src/service/language/timeHover';
import { analyze, md } from './support';

// Hover on a time: the instant in UTC and in the incident's zone, the offset from the start, the
// reading of an ambiguous zone; on the Duration line, the computed duration and its derivation.

/** Hover text at the first occurrence of `marker` in the document (the cursor just inside it). */
function hoverAt(text: string, marker: string, settings = {}): string | undefined {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(marker));
  assert.ok(line >= 0, `"${marker}" is in the document`);
  return timeHoverAt(analyze(text, settings), { line, character: lines[line].indexOf(marker) + 1 })?.contents;
}

const doc = md(
  '# Postmortem: Cache stampede – March 3, 2024',
  '',
  '## Summary',
  '- **Start:** 2024-03-03 09:10 CST',
  '- **End:** 11:40 CST',
  '- **Duration:** 2 hours',
  '',
  '## Timeline (all times in CST)',
  '- 09:05 - deploy',
  '- 10:25 - rollback',
  '',
  'Follow-up review on 2024-03-05 at 16:00 UTC.',
);

describe('incident: hover on times', () => {
  it('shows the start in UTC and in the incident zone, and which reading of CST was used', () => {
    const hover = hoverAt(doc, '2024-03-03 09:10') ?? '';
    assert.match(hover, /is \*\*2024-03-03 15:10 UTC\*\*/);
    assert.match(hover, /In the incident's zone: 2024-03-03 09:10 CST/);
    assert.match(hover, /the incident's start/);
    assert.match(hover, /CST read as Central Standard Time \(US, UTC-6\); set `postmortem.ambiguousTimeZones` to 'other' for China Standard Time \(UTC\+8\)/);
  });

  it('says the other reading when ambiguousTimeZones is other', () => {
    const hover = hoverAt(doc, '2024-03-03 09:10', { ambiguousTimeZones: 'other' }) ?? '';
    assert.match(hover, /is \*\*2024-03-03 01:10 UTC\*\*/);
    assert.match(hover, /CST read as China Standard Time \(UTC\+8\); set `postmortem.ambiguousTimeZones` to 'us' for Central Standard Time/);
  });

  it('shows the offset of a timeline entry from the start, before and after it', () => {
    assert.match(hoverAt(doc, '10:25') ?? '', /T\+1h15m from the start/);
    assert.match(hoverAt(doc, '09:05') ?? '', /T−5m from the start/);
    assert.match(hoverAt(doc, '09:05') ?? '', /zone CST declared for the section/);
  });

  it('reads any other time in the document too', () => {
    const hover = hoverAt(doc, '16:00 UTC') ?? '';
    assert.match(hover, /is \*\*2024-03-05 16:00 UTC\*\*/);
    assert.match(hover, /T\+2d50m from the start/);
  });

  it('explains the computed duration on the Duration line', () => {
    const hover = hoverAt(doc, 'Duration') ?? '';
    assert.match(hover, /Computed: \*\*2 hours 30 minutes\*\*, 09:10–11:40 CST/);
    assert.match(hover, /Start: 2024-03-03 09:10 CST \(the Start field, line 4\) = 2024-03-03T15:10:00Z/);
    assert.match(hover, /End: 11:40 CST \(the End field, line 5\) = 2024-03-03T17:40:00Z/);
    assert.match(hover, /date 2024-03-03 taken from the start/);
    assert.match(hover, /Stated: 2 hours .*differs from the computed 2 hours 30 minutes/);
  });

  it('says when a time has no zone, or no day', () => {
    const local = md('## Summary', '- Start: 2024-02-01 10:00', '- End: 2024-02-01 11:00');
    assert.match(hoverAt(local, '10:00') ?? '', /local time: no time zone is written or declared/);
    const undated = md('## Summary', '- Start: 10:00 UTC', '- End: 11:00 UTC');
    assert.match(hoverAt(undated, '10:00') ?? '', /on an unknown day/);
  });

  it('reports the day-first or month-first reading of an ambiguous date', () => {
    const text = md('## Summary', '- Start: 04-12-2022 09:00 UTC', '- End: 04-12-2022 10:30 UTC');
    assert.match(
      hoverAt(text, '04-12-2022 09:00') ?? '',
      /could be 4 December or 12 April; read as 4 December \(day first\); set `postmortem.dateOrder` to 'mdy'/,
    );
  });

  it('has nothing to say away from times and the Duration line', () => {
    assert.equal(hoverAt(doc, 'Summary'), undefined);
  });

  it('writes offsets from the start compactly', () => {
    assert.deepEqual([0, 45, -30, 75, 1500, -1441].map(offsetFromStart), ['T+0', 'T+45m', 'T−30m', 'T+1h15m', 'T+1d1h', 'T−1d1m']);
  });
});
