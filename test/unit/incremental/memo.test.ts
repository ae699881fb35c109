import * as assert from 'node:assert/strict';
import { createPostmortemService } from '../../../server/src/service';
import {
  forgetEverything,
  forgetRememberedTexts,
  rememberByText,
  rememberedCount,
  rotateRemembered,
  setRemembering,
} from '../../../server/src/service/incremental/memo';
import { matcherOf, type SectionMatcher } from '../../../server/src/service/parse/match';
import { builtinTemplates } from '../../../server/src/service/templates';

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

describe('forgetting everything before each test (test/unit/hooks.ts)', () => {
  const template = builtinTemplates[0];
  let matcherOfTheTestBefore: SectionMatcher | undefined;

  it('a test reads a document and builds its template matcher', () => {
    createPostmortemService().analyze('# Postmortem\n\n## Timeline\n\n- 10:00 UTC paged\n');
    assert.ok(rememberedCount() > 0);
    matcherOfTheTestBefore = matcherOf(template);
    assert.equal(matcherOf(template), matcherOfTheTestBefore);
  });

  it('the next test starts with nothing remembered and builds the matcher anew', () => {
    assert.equal(rememberedCount(), 0);
    assert.notEqual(matcherOf(template), matcherOfTheTestBefore);
  });

  it('forgetEverything forgets what a reader remembered; a dropped reader is no longer counted', () => {
    const read = rememberByText((text: string) => text.length);
    const other = rememberByText((text: string) => text.toUpperCase());
    read('counted');
    other('counted too');
    assert.equal(rememberedCount(), 2);
    forgetEverything();
    assert.equal(rememberedCount(), 0);
    read('counted');
    other('counted too');
    read.drop();
    assert.equal(rememberedCount(), 1);
  });
});
