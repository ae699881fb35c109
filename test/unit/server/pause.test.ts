import assert from 'node:assert/strict';
import { delayFor } from '../../../server/src/features/diagnostics';

// The pause before an analysis: none to speak of after a quiet spell, half an analysis (4 to 100 ms)
// while changes come faster than the document is analysed.
describe('the pause before publishing diagnostics', () => {
  it('a change after a spell longer than one analysis is analysed at once, whatever the document costs', () => {
    assert.equal(delayFor(700, 701), 4);
    assert.equal(delayFor(70, 150), 4);
    assert.equal(delayFor(2, 3), 4);
    assert.equal(delayFor(70), 4);
  });

  it('a change within one analysis of the previous one waits half an analysis, between 4 and 100 ms', () => {
    assert.equal(delayFor(70, 70), 35);
    assert.equal(delayFor(70, 10), 35);
    assert.equal(delayFor(700, 50), 100);
    assert.equal(delayFor(201, 0), 100);
    assert.equal(delayFor(6, 1), 4);
    assert.equal(delayFor(9, 1), 5);
  });
});
