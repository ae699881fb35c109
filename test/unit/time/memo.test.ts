import * as assert from 'node:assert/strict';
import { forgetRememberedTexts } from '../../../server/src/service/incremental/memo';
import { findTimes } from '../../../server/src/service/time';

describe('remembered time readings', () => {
  it('reads a line the same way whether remembered or not', () => {
    const line = '- **10:15 AM WAT** – alert fired, escalated at 10:40';
    const options = { referenceDate: { year: 2024, month: 1, day: 15 } };
    forgetRememberedTexts();
    const cold = findTimes(line, options);
    const warm = findTimes(line, options);
    assert.deepEqual(warm, cold);
    assert.equal(warm.length, 2);
  });

  it('keys a reading by its options as well as its text', () => {
    const line = 'started at 09:00 CST';
    const us = findTimes(line, { ambiguousZones: 'us' })[0];
    const other = findTimes(line, { ambiguousZones: 'other' })[0];
    assert.notEqual(us.zone?.zone, other.zone?.zone);
  });

  it('hands out a copy of the list, so a caller sorting or emptying it changes nothing remembered', () => {
    const line = '14:00 UTC then 13:00 UTC';
    const first = findTimes(line);
    first.reverse();
    first.length = 0;
    assert.equal(findTimes(line).length, 2);
    assert.equal(findTimes(line)[0].hour, 14);
  });
});
