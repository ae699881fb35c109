import * as assert from 'node:assert/strict';
import { perLine } from '../../../server/src/service/incremental/lines';
import { forgetRememberedTexts, rotateRemembered } from '../../../server/src/service/incremental/memo';

describe('readings of a line, found by its index', () => {
  beforeEach(() => forgetRememberedTexts());

  it('reads each line once, whatever index it has in later versions of the document', () => {
    const read: string[] = [];
    const upper = perLine((line) => {
      read.push(line);
      return line.toUpperCase();
    });
    const first = ['alpha', 'beta', 'gamma'];
    assert.deepEqual(
      first.map((_, i) => upper(first, i)),
      ['ALPHA', 'BETA', 'GAMMA'],
    );
    rotateRemembered();
    // The next version: a line inserted at the top, the others moved down by one.
    const second = ['new', 'alpha', 'beta', 'gamma'];
    assert.deepEqual(
      second.map((_, i) => upper(second, i)),
      ['NEW', 'ALPHA', 'BETA', 'GAMMA'],
    );
    assert.deepEqual(read, ['alpha', 'beta', 'gamma', 'new']);
  });

  it('keeps the readings of one line apart: each reader gets its own', () => {
    const length = perLine((line) => line.length);
    const reversed = perLine((line) => [...line].reverse().join(''));
    const lines = ['abc', 'de'];
    assert.equal(length(lines, 0), 3);
    assert.equal(reversed(lines, 0), 'cba');
    assert.equal(length(lines, 1), 2);
    assert.equal(reversed(lines, 1), 'ed');
  });

  it('remembers a reading that is false, zero or empty as well as any other', () => {
    let reads = 0;
    const empty = perLine(() => {
      reads++;
      return '';
    });
    const lines = ['x'];
    assert.equal(empty(lines, 0), '');
    assert.equal(empty(lines, 0), '');
    assert.equal(reads, 1);
  });

  it('forgets a line that the last two analyses did not read', () => {
    let reads = 0;
    const read = perLine((line) => {
      reads++;
      return line;
    });
    read(['edited away'], 0);
    rotateRemembered();
    read(['kept'], 0);
    rotateRemembered();
    read(['kept'], 0);
    assert.equal(reads, 2);
    read(['edited away'], 0);
    assert.equal(reads, 3);
  });
});
