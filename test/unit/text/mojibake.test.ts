import { strict as assert } from 'node:assert';
import { findMojibake } from '../../../server/src/service/text/mojibake';

// Mis-decoded text is made here the way it happens: the UTF-8 bytes of what the author wrote,
// decoded as Windows-1252, Latin-1 or Windows-1254. Node's own decoders are the reference, so a
// byte missing from the service's tables shows up as a text it cannot repair.

const utf8 = new TextEncoder();
const decoders = {
  'Windows-1252': (bytes: Uint8Array) => new TextDecoder('windows-1252').decode(bytes),
  // Latin-1 proper: every byte is the code point of the same number (0x80-0x9F are C1 controls).
  'Latin-1': (bytes: Uint8Array) => String.fromCharCode(...bytes),
  'Windows-1254': (bytes: Uint8Array) => new TextDecoder('windows-1254').decode(bytes),
};
type Encoding = keyof typeof decoders;
const encodings = Object.keys(decoders) as Encoding[];

/** `text` as it reads after its UTF-8 bytes went through the wrong decoder. */
function garble(text: string, encoding: Encoding): string {
  return decoders[encoding](utf8.encode(text));
}

/** Every code point from `from` to `to` (surrogates left out) as a string. */
function codePoints(from: number, to: number, step = 1): string[] {
  const out: string[] = [];
  for (let cp = from; cp <= to; cp += step) if (cp < 0xd800 || cp > 0xdfff) out.push(String.fromCodePoint(cp));
  return out;
}

describe('text/mojibake: findMojibake repairs what each wrong decoder did', () => {
  for (const encoding of encodings) {
    describe(`UTF-8 read as ${encoding}`, () => {
      const examples = ['’', '“quoted”', 'café', '—', '€', 'Ğüşiöç', 'İstanbul’da', '🚨', '✅ fixed', '日本語'];
      for (const original of examples) {
        it(`repairs ${JSON.stringify(original)} to exactly what it was`, () => {
          // Each run of non-ASCII characters is garbled (and found) on its own; ASCII stays ASCII.
          let line = 'Before ';
          const expected = [];
          for (const part of original.split(/([^\x00-\x7f]+)/).filter(Boolean)) {
            const garbled = garble(part, encoding);
            if (garbled !== part) expected.push({ start: line.length, end: line.length + garbled.length, text: garbled, repaired: part });
            line += garbled;
          }
          line += ' after.';
          assert.ok(expected.length > 0);
          assert.deepEqual(findMojibake(line), expected);
        });
      }

      it('repairs every two-byte character (U+0080 to U+07FF)', () => {
        const wrong = codePoints(0x80, 0x7ff).filter((ch) => {
          const garbled = garble(ch, encoding);
          const found = findMojibake(garbled);
          return !(found.length === 1 && found[0].repaired === ch && found[0].start === 0 && found[0].end === garbled.length);
        });
        assert.deepEqual(wrong, []);
      });

      it('repairs three-byte characters across the Basic Multilingual Plane', () => {
        // A step of 61 visits every lead byte 0xE0-0xEF and every continuation byte in both positions.
        const wrong = codePoints(0x800, 0xffff, 61).filter((ch) => {
          const garbled = garble(ch, encoding);
          const found = findMojibake(garbled);
          return !(found.length === 1 && found[0].repaired === ch && found[0].end === garbled.length);
        });
        assert.deepEqual(wrong, []);
      });

      it('repairs four-byte characters: emoji and the planes above', () => {
        const wrong = [...codePoints(0x1f300, 0x1faff, 7), ...codePoints(0x10000, 0x10ffff, 4099)].filter((ch) => {
          const garbled = garble(ch, encoding);
          const found = findMojibake(garbled);
          return !(found.length === 1 && found[0].repaired === ch && found[0].end === garbled.length);
        });
        assert.deepEqual(wrong, []);
      });
    });
  }

  it('repairs a run of several characters as one finding, and separate runs as separate findings', () => {
    const line = `${garble('“Ready”', 'Windows-1252')} and ${garble('🚨🔥', 'Windows-1252')}`;
    const found = findMojibake(line);
    assert.deepEqual(
      found.map((m) => m.repaired),
      ['“', '”', '🚨🔥'],
    );
  });

  it('reads Windows-1254’s six Turkish letters as the bytes they stand for', () => {
    // Ğ İ Ş ğ ı ş are the bytes 0xD0 0xDD 0xDE 0xF0 0xFD 0xFE: each one leads (or continues) a sequence.
    assert.deepEqual(findMojibake('ğŸš¨')[0]?.repaired, '🚨');
    assert.deepEqual(findMojibake('Ğ¶')[0]?.repaired, 'ж');
    assert.deepEqual(findMojibake('İ¢')[0]?.repaired, '\u0762');
    assert.deepEqual(findMojibake('Ş¡')[0]?.repaired, '\u07a1');
    assert.deepEqual(findMojibake('ı¼')[0]?.repaired, undefined, '0xFD never leads a UTF-8 sequence');
    assert.deepEqual(findMojibake('ş')[0]?.repaired, undefined);
    assert.deepEqual(
      findMojibake('Ã¼ş').map((m) => m.repaired),
      ['ü'],
    );
  });

  it('keeps Windows-1252’s Ÿ as the byte 0x9F', () => {
    // U+0178 Ÿ is 0x9F in Windows-1252: ðŸ is the start of most emoji.
    assert.equal(findMojibake('ðŸ˜€')[0]?.repaired, '😀');
    assert.equal(findMojibake('ð\u009f\u0098\u0080')[0]?.repaired, '😀', 'and the C1 control U+009F, as Latin-1 reads it');
  });
});

describe('text/mojibake: findMojibake leaves real text alone', () => {
  const clean = [
    ['accented words', 'Résumé of the café incident: naïve retries, a façade, São Paulo, Zürich, Ærø, Øresund.'],
    ['Turkish', 'İstanbul’daki veri merkezinde ağ kesintisi: şifreleme sertifikası süresi doldu, ılık yeniden başlatma.'],
    ['German and French', 'Größe, Straße, Übergang, élève, crème brûlée, «guillemets», l’été.'],
    ['emoji', '🚨 Outage ✅ resolved 🔥 👍🏽 🇳🇬 1️⃣'],
    ['typographic punctuation', '“Quotes” — dashes – and … ellipses ‘here’ • bullets € 5 ™ ©'],
    ['a name with Ã', 'Escalated to João and Ãngela Ãvila; Ã is also a letter in Vietnamese loanwords: Ãn.'],
    ['a capital letter before a letter or a sign that cannot follow it', 'Ã× is not UTF-8, nor Âa, nor Ã alone at the end: Ã'],
    ['Latin-1 letters that happen to follow each other', 'ÃÃÃ ÂÂ ÐÐ ðð ïï ÷÷ ÿÿ'],
    ['non-Latin scripts', 'Привет мир; 日本語のテキスト; العربية; עברית; ελληνικά'],
  ] as const;
  for (const [what, line] of clean) {
    it(`does not flag ${what}`, () => {
      assert.deepEqual(findMojibake(line), []);
    });
  }

  it('does not flag byte sequences that are not valid UTF-8: overlong forms, surrogates, code points above U+10FFFF', () => {
    const latin1 = (bytes: number[]) => String.fromCharCode(...bytes);
    assert.deepEqual(findMojibake(latin1([0xe0, 0x80, 0x80])), [], 'overlong three-byte form');
    assert.deepEqual(findMojibake(latin1([0xed, 0xa0, 0x80])), [], 'a UTF-16 surrogate');
    assert.deepEqual(findMojibake(latin1([0xf4, 0x90, 0x80, 0x80])), [], 'above U+10FFFF');
    assert.deepEqual(findMojibake(latin1([0xc0, 0xaf])), [], '0xC0 and 0xC1 never lead');
    assert.deepEqual(findMojibake(latin1([0xf5, 0x80, 0x80, 0x80])), [], '0xF5 and above never lead');
    assert.deepEqual(findMojibake(latin1([0xc3])), [], 'a lead byte at the end of the line');
    assert.deepEqual(findMojibake(latin1([0xe2, 0x80])), [], 'a sequence cut short');
    assert.deepEqual(findMojibake(`${latin1([0xc3])}A`), [], 'a lead byte before ASCII');
    assert.deepEqual(findMojibake(latin1([0xc3, 0xc3])), [], 'a lead byte where a continuation byte belongs');
    assert.deepEqual(findMojibake(latin1([0xc3, 0x7f])), [], 'just below the continuation bytes');
    assert.deepEqual(findMojibake(latin1([0xc3, 0xc0])), [], 'just above the continuation bytes');
  });

  it('repairs the continuation bytes at both ends of their range', () => {
    assert.equal(findMojibake('Ã\u0080')[0]?.repaired, '\u00c0');
    assert.equal(findMojibake('Ã¿')[0]?.repaired, '\u00ff');
    assert.equal(findMojibake('Â\u0080')[0]?.repaired, '\u0080');
    assert.equal(findMojibake('ß¿')[0]?.repaired, '\u07ff');
    assert.equal(findMojibake('ï¿½')[0]?.repaired, '\ufffd');
    assert.equal(findMojibake('ô\u008f¿¿')[0]?.repaired, '\u{10ffff}');
  });

  it('keeps a repair when what follows it cannot continue it', () => {
    // Each of these follows "Ã©" (é) with characters that are not the next UTF-8 sequence: the
    // repair must end where the valid bytes end, not fail as a whole.
    const tails = [
      ['a lead byte at the end of the line', 'Ã'],
      ['a lead byte before ASCII', 'ÃA'],
      ['a lead byte before another lead byte', 'ÃÃ'],
      ['continuation bytes with no lead', '©©©©'],
      ['a byte above 0xF4, which never leads', 'õ©©©'],
      ['0xC0, which never leads', '\u00c0©'],
    ];
    for (const [what, tail] of tails) {
      assert.deepEqual(findMojibake(`Ã©${tail}`), [{ start: 0, end: 2, text: 'Ã©', repaired: 'é' }], what);
    }
  });

  it('finds a repair after text it skipped, and reports where each one is', () => {
    const line = 'Ã plain Ã© and ðŸš¨';
    assert.deepEqual(findMojibake(line), [
      { start: 8, end: 10, text: 'Ã©', repaired: 'é' },
      { start: 15, end: 19, text: 'ðŸš¨', repaired: '🚨' },
    ]);
  });
});
