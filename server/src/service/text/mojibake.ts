// Mis-decoded text: UTF-8 bytes read as Windows-1252, Latin-1 or Windows-1254 (`â€™` for `’`,
// `ðŸš¨` or `ğŸš¨` for 🚨). Each character maps back to the byte it came from; a run of such
// bytes that is valid UTF-8 is the text the author wrote.

// Windows-1252 0x80-0x9F (the rest of 0xA0-0xFF is Latin-1).
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009Džž';
// Windows-1254 (Turkish) differs from Latin-1 in six places.
const cp1254: Record<string, number> = { Ğ: 0xd0, İ: 0xdd, Ş: 0xde, ğ: 0xf0, ı: 0xfd, ş: 0xfe };

const byteOf = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) byteOf.set(String.fromCharCode(b), b);
for (const [i, ch] of [...cp1252High].entries()) byteOf.set(ch, 0x80 + i);
for (const [ch, b] of Object.entries(cp1254)) byteOf.set(ch, b);
// 'Ÿ' is 0x9F in Windows-1252 (the loop above set U+009F, the C1 control, as well).
byteOf.set('Ÿ', 0x9f);

export interface Mojibake {
  start: number;
  end: number;
  text: string;
  repaired: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The mis-decoded runs in a line, each with the text it should have been. */
export function findMojibake(line: string): Mojibake[] {
  const found: Mojibake[] = [];
  let i = 0;
  while (i < line.length) {
    const lead = byteOf.get(line[i]);
    const length = lead === undefined ? 0 : sequenceLength(lead);
    if (!length) {
      i++;
      continue;
    }
    // Greedily read consecutive UTF-8 sequences.
    const start = i;
    const bytes: number[] = [];
    let j = i;
    for (;;) {
      const l = byteOf.get(line[j] ?? '');
      const n = l === undefined ? 0 : sequenceLength(l);
      if (!n) break;
      const seq = [...line.slice(j, j + n)].map((c) => byteOf.get(c));
      if (seq.length !== n || seq.slice(1).some((b) => b === undefined || b < 0x80 || b > 0xbf)) break;
      bytes.push(...(seq as number[]));
      j += n;
    }
    if (j > start) {
      try {
        const repaired = utf8.decode(new Uint8Array(bytes));
        found.push({ start, end: j, text: line.slice(start, j), repaired });
        i = j;
        continue;
      } catch {
        // not valid UTF-8 after all: an ordinary accented letter
      }
    }
    i = start + 1;
  }
  // Adjacent runs separated by nothing merge into one finding.
  return found.reduce<Mojibake[]>((out, m) => {
    const last = out[out.length - 1];
    if (last && last.end === m.start) out[out.length - 1] = { start: last.start, end: m.end, text: last.text + m.text, repaired: last.repaired + m.repaired };
    else out.push(m);
    return out;
  }, []);
}
