import assert from 'node:assert/strict';
import { wordsIn } from '../../../server/src/service/parse/labels';
import { englishWords, languageWords, otherWords } from '../../../server/src/service/writing/prose';
import { seededRandom } from '../../support/postmortems';

// The word counters run on every line of a document, so they read an ASCII line by its character
// codes. Each must count as its definition (a regular expression over Unicode letters) does: both
// are compared here with the definition on generated lines, ASCII and not.

/** The definitions the counters implement. */
function languageWordsByDefinition(line: string): [number, number] {
  let english = 0;
  let others = 0;
  for (const w of line.toLowerCase().split(/[^\p{L}]+/u)) {
    if (englishWords.has(w)) english++;
    else if (otherWords.has(w)) others++;
  }
  return [english, others];
}
const wordsByDefinition = (text: string) => text.replace(/<[^>]*>|[#*_`>|~-]+/g, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;

const pieces = [
  'the',
  'The',
  'THE',
  'and',
  'AND',
  'There',
  'which',
  'whichever',
  'theirs',
  'it',
  "it's",
  'not',
  'no',
  'nous',
  'Nicht',
  'WURDE',
  'della',
  'le',
  'La',
  'et',
  'est',
  'une',
  'été',
  'más',
  'não',
  'è',
  'für',
  'Für',
  'İn',
  'İt',
  'İnous',
  'ſo',
  'K',
  'café',
  'naïve',
  '𝐀the',
  'the𝐀',
  '\ud800',
  'x',
  'a1',
  '1a',
  '12',
  '3.5',
  "don't",
  'e.g.',
  'U.S.',
  '’s',
  "'quoted'",
  '-',
  '--',
  '_',
  '*',
  '**',
  '`',
  '#',
  '>',
  '|',
  '~',
  '<b>',
  '</b>',
  '<a href="x">',
  '<',
  '>',
  ':',
  ';',
  ',',
  '.',
  '..',
  '(',
  ')',
  '[',
  ']',
  '/',
  '@',
  '[x]',
  '\t',
  ' ',
  '  ',
  '—',
  '–',
  '…',
  '·',
];

function line(random: () => number): string {
  let out = '';
  const n = Math.floor(random() * 12);
  for (let i = 0; i < n; i++) {
    out += pieces[Math.floor(random() * pieces.length)];
    if (random() < 0.6) out += ' ';
  }
  return out;
}

describe('word counters read as their definitions do', () => {
  it('languageWords: the English and other words of 20,000 generated lines, ASCII or not', () => {
    const random = seededRandom(11);
    let ascii = 0;
    for (let n = 0; n < 20_000; n++) {
      const text = line(random);
      if (/^[\x00-\x7f]*$/.test(text)) ascii++;
      const [english, other] = languageWords(text);
      const [wantEnglish, wantOther] = languageWordsByDefinition(text);
      assert.equal(english, wantEnglish, JSON.stringify(text));
      assert.equal(other, wantOther, JSON.stringify(text));
    }
    // Both paths were taken.
    assert.ok(ascii > 2_000 && ascii < 18_000, `${ascii} ASCII lines`);
  });

  it('languageWords: a word at either end of the line, and one longer than every listed word', () => {
    assert.deepEqual(languageWords('the'), [1, 0]);
    assert.deepEqual(languageWords('x the'), [1, 0]);
    assert.deepEqual(languageWords('the x'), [1, 0]);
    assert.deepEqual(languageWords('THE;and,Nicht'), [2, 1]);
    assert.deepEqual(languageWords('thereof theirs whichever'), [0, 0]);
    assert.deepEqual(languageWords(''), [0, 0]);
  });

  it('wordsIn: the words of 20,000 generated texts, ASCII or not', () => {
    const random = seededRandom(12);
    for (let n = 0; n < 20_000; n++) {
      const text = line(random);
      assert.equal(wordsIn(text), wordsByDefinition(text), JSON.stringify(text));
    }
  });

  it('wordsIn: apostrophes and dots inside a word, not before it; markup and tags are no words', () => {
    assert.equal(wordsIn("don't stop"), 2);
    assert.equal(wordsIn("'quoted' e.g. U.S. 3.5"), 4);
    assert.equal(wordsIn('. .a'), 1);
    assert.equal(wordsIn("x'.y z"), 2);
    assert.equal(wordsIn('**bold** <b>tag</b> `code` well-known'), 5);
    assert.equal(wordsIn('--- | ~~ #'), 0);
    assert.equal(wordsIn(''), 0);
  });
});
