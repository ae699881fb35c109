import * as assert from 'node:assert/strict';
import { forgetRememberedTexts, rememberByText } from '../../../server/src/service/incremental/memo';

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

  it('keeps no more texts than its limits allow, and never a very long one', () => {
    let reads = 0;
    const read = rememberByText(
      (text: string) => {
        reads++;
        return text;
      },
      2,
      40,
    );
    read('a');
    read('b');
    read('c'); // over the limit of two: everything before is forgotten
    read('a');
    assert.equal(reads, 4);
    const long = 'x'.repeat(20);
    read(long);
    read(long);
    assert.equal(reads, 6);
  });
});
