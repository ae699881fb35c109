import * as assert from 'node:assert/strict';
import { carryLines, perLine, textLookups } from '../../../server/src/service/incremental/lines';
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

describe('readings carried over an edit by its ranges', () => {
  beforeEach(() => forgetRememberedTexts());

  const range = (a: number, b: number) => ({ start: { line: a, character: 0 }, end: { line: b, character: 0 } });
  function counted() {
    const read: string[] = [];
    const upper = perLine((line) => {
      read.push(line);
      return line.toUpperCase();
    });
    return { read, upper, all: (lines: readonly string[]) => lines.map((_, i) => upper(lines, i)) };
  }

  it('reads only the lines an edit wrote, also when it adds lines and moves the rest', () => {
    const { read, all } = counted();
    const before = ['one', 'two', 'three', 'four'];
    all(before);
    read.length = 0;
    // "two" becomes "two", "2.5" (a line break typed at its end, then text).
    const after = ['one', 'two', '2.5', 'three', 'four'];
    carryLines(before, after, [{ range: range(1, 1), text: '\n2.5' }]);
    const looked = textLookups();
    assert.deepEqual(all(after), ['ONE', 'TWO', '2.5', 'THREE', 'FOUR']);
    // Lines 1 and 2 were written by the edit: looked up by text ('two' is found there, read before).
    assert.equal(textLookups() - looked, 2);
    assert.deepEqual(read, ['2.5']);
  });

  it('composes several changes, each in the text the ones before it left', () => {
    const { read, all } = counted();
    const before = ['a', 'b', 'c', 'd', 'e'];
    all(before);
    read.length = 0;
    // Delete line b (join a and c), then change e into E2.
    const after = ['a', 'c', 'd', 'E2'];
    carryLines(before, after, [
      { range: range(1, 2), text: '' },
      { range: range(3, 3), text: 'E2' },
    ]);
    const looked = textLookups();
    assert.deepEqual(all(after), ['A', 'C', 'D', 'E2']);
    // 'c' (on the line where the first change ended) and 'E2': the lines the changes wrote.
    assert.equal(textLookups() - looked, 2);
    assert.deepEqual(read, ['E2']);
  });

  it('gives the right readings when the ranges are wrong: a line is carried only if its text is the same', () => {
    const { all } = counted();
    const before = ['one', 'two', 'three'];
    all(before);
    // The edit really changed line 0, but the client says line 2.
    const after = ['ONE?', 'two', 'three'];
    carryLines(before, after, [{ range: range(2, 2), text: 'x' }]);
    const looked = textLookups();
    assert.deepEqual(all(after), ['ONE?', 'TWO', 'THREE']);
    // Line 0 is not carried (its text differs), line 1 is, line 2 is where the client said.
    assert.equal(textLookups() - looked, 2);
  });

  it('gives up on a change without a range (a whole new text) and reads by text', () => {
    const { read, all } = counted();
    const before = ['one', 'two'];
    all(before);
    read.length = 0;
    const after = ['zero', 'one', 'two'];
    carryLines(before, after, [{ text: 'zero\none\ntwo' }]);
    const looked = textLookups();
    assert.deepEqual(all(after), ['ZERO', 'ONE', 'TWO']);
    assert.equal(textLookups() - looked, 3);
    assert.deepEqual(read, ['zero']);
  });
});
