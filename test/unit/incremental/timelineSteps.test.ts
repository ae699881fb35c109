import * as assert from 'node:assert/strict';
import { createPostmortemService } from '../../../server/src/service';
import { forgetRememberedTexts } from '../../../server/src/service/incremental/memo';
import { timelineStepReads } from '../../../server/src/service/parse/timeline';

// A timeline entry's time is read from its line, the clock and the state the entries before it
// leave; after an edit, an entry whose line and state are the same takes its reading again.

const service = createPostmortemService();
const entries = (n: number, edit?: (i: number, line: string) => string) =>
  Array.from({ length: n }, (_, i) => {
    const line = `- 2024-03-0${1 + Math.floor(i / 30)} ${String(8 + Math.floor((i % 30) / 3)).padStart(2, '0')}:${String((i % 3) * 20).padStart(2, '0')} UTC step ${i} of the rollout`;
    return edit ? edit(i, line) : line;
  });
const doc = (lines: string[]) => ['# Postmortem: rollout', '', '## Timeline', '', ...lines, '', '## Root Cause', '', 'A bad flag.', ''].join('\n');

function readsFor(before: string, after: string) {
  forgetRememberedTexts();
  const first = service.analyze(before, { force: true });
  const reads = timelineStepReads();
  const next = service.reanalyze(first, after, [], { force: true });
  return { reads: timelineStepReads() - reads, next };
}

describe('timeline entries read again after an edit', () => {
  it('reads only the entry whose words changed', () => {
    const before = doc(entries(60));
    const { reads, next } = readsFor(before, doc(entries(60, (i, l) => (i === 40 ? `${l}, then paused` : l))));
    assert.equal(reads, 1);
    assert.equal(next.document.timeline.length, 60);
  });

  it('reads the entry whose time changed and the one after it, whose previous time changed, and no other', () => {
    const before = doc(entries(60));
    const { reads, next } = readsFor(before, doc(entries(60, (i, l) => (i === 40 ? l.replace(/:(\d\d) UTC/, ':05 UTC') : l))));
    assert.equal(reads, 2);
    assert.deepEqual(
      next.document.timeline.map((e) => e.time),
      service.analyze(next.document.lines.join('\n'), { force: true }).document.timeline.map((e) => e.time),
    );
  });

  it('reads every entry after a line inserted above them again (a day note names its line), the same as a full analysis', () => {
    const before = doc(entries(20));
    const after = before.replace('## Timeline\n', '## Timeline\n\nTimes are UTC.\n');
    const { reads, next } = readsFor(before, after);
    assert.equal(reads, 20);
    assert.deepEqual(
      next.document.timeline.map((e) => [e.line, e.time]),
      service.analyze(after, { force: true }).document.timeline.map((e) => [e.line, e.time]),
    );
  });

  it('keeps the readings of a line written twice, at both places', () => {
    const same = '- 09:00 UTC checked the dashboards';
    const before = doc(['- 2024-03-01 08:00 UTC deploy', same, '- 2024-03-01 10:00 UTC rollback', same]);
    const { reads } = readsFor(before, before.replace('rollback', 'rolled back'));
    assert.equal(reads, 1);
  });
});
