import * as assert from 'node:assert/strict';
import { forgetRememberedTexts, rememberByText, rotateRemembered, setRemembering } from '../../../server/src/service/incremental/memo';

describe('remembering readings by text', () => {
  it('reads a text once, and again after the readings are forgotten', () => {
    let reads = 0;
    const length = rememberByText((text: string) => {
      reads++;
      return text.length;
    });
    assert.equal(length('abc'), 3);
    assert.equal(length('abc'), 3);
    assert.equal(reads, 1);
    forgetRememberedTexts();
    assert.equal(length('abc'), 3);
    assert.equal(reads, 2);
  });

  it('remembers nothing while remembering is off, and forgets what it had when turned off', () => {
    let reads = 0;
    const read = rememberByText((text: string) => {
      reads++;
      return text.length;
    });
    read('remembered before');
    setRemembering(false);
    try {
      read('remembered before');
      read('one shot');
      read('one shot');
      assert.equal(reads, 4);
    } finally {
      setRemembering(true);
    }
    read('one shot');
    read('one shot');
    assert.equal(reads, 5);
  });

  it('keeps what the last two analyses read and forgets what they did not', () => {
    let reads = 0;
    const read = rememberByText((text: string) => {
      reads++;
      return text.toUpperCase();
    });
    forgetRememberedTexts();
    read('kept line, read in every analysis');
    read('edited away');
    rotateRemembered();
    read('kept line, read in every analysis');
    rotateRemembered();
    read('kept line, read in every analysis');
    assert.equal(reads, 2);
    read('edited away'); // not read for two generations: read again
    assert.equal(reads, 3);
  });
});
