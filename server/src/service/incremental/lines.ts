// Readings of one line of a document, found by the line's index and remembered by its text.
//
// Several readers read every line (the classifier's counts, the prose mask, word counts, the
// language test). Remembering each by text costs one hash look-up per line and reader, which on a
// long document is most of what a re-analysis spends on them. Here all the readings of a line
// share one record: one look-up per line and analysis (by text, in the generational store of
// memo.ts), then each reader finds its reading by the line's index in that analysis's lines.
import { keepUsing, onForget, ownCopy, Remembered, type RememberedEntry } from './memo';

interface LineReadings {
  /** The line's own copy of its text (a reading must not keep the whole document alive). */
  text: string;
  values: unknown[];
  /** Bit n: values[n] has been read. */
  read: number;
  /** A number for the text: two lines with the same id have the same text (while either is remembered). */
  id: number;
}

let nextId = 0;
let lookups = 0;

/** How many lines have been looked up by their text so far (the tests and the benchmark read it). */
export const textLookups = (): number => lookups;

const byText = new Remembered<LineReadings>();
let byLines = new WeakMap<readonly string[], (RememberedEntry<LineReadings> | undefined)[]>();
onForget(() => {
  byLines = new WeakMap();
});
let slots = 0;

function readingsAt(lines: readonly string[], index: number): LineReadings {
  let all = byLines.get(lines);
  if (!all) {
    all = new Array(lines.length);
    byLines.set(lines, all);
  }
  let entry = all[index];
  if (!entry) {
    const line = lines[index];
    lookups++;
    entry = byText.entryOf(line);
    if (!entry) {
      const text = ownCopy(line);
      entry = byText.add(text, { text, values: [], read: 0, id: nextId++ });
    }
    all[index] = entry;
  }
  return entry.value;
}

/**
 * `read` of the line at `index` of `lines` (a document's lines, not changed after they were
 * split), remembered with the line's other readings. Only for functions of the line's text alone
 * whose results callers never change. `read` gets the line's own copy of its text, and may build
 * on other readings of the same line (`other(lines, index)`), but must not read `lines` otherwise.
 */
export function perLine<T>(read: (line: string, lines: readonly string[], index: number) => T): (lines: readonly string[], index: number) => T {
  const slot = slots++;
  // One bit per reading in a small integer.
  if (slot >= 30) throw new Error('perLine: at most 30 readings per line');
  const bit = 1 << slot;
  return (lines, index) => {
    const readings = readingsAt(lines, index);
    if (readings.read & bit) return readings.values[slot] as T;
    const value = read(readings.text, lines, index);
    readings.values[slot] = value;
    readings.read |= bit;
    return value;
  };
}

/** A number standing for the text of the line at `index`: equal numbers, equal texts (a short key for a run of lines). */
export function lineId(lines: readonly string[], index: number): number {
  return readingsAt(lines, index).id;
}

/**
 * The readings of `previous`'s lines carried over to `lines`, its text after `changes`: a line no
 * change touched is found by where it was, without a look-up of its text. The changes (LSP content
 * changes, in order, each in the text the ones before it left) only say where to look: a line is
 * carried only if its text is the same, so a wrong or missing range costs look-ups, never a wrong
 * reading.
 */
export function carryLines(previous: readonly string[], lines: readonly string[], changes: readonly { range?: LineSpan; text: string }[]): void {
  const known = byLines.get(previous);
  if (!known || byLines.has(lines)) return;
  const from = wherefrom(previous.length, changes);
  if (!from || from.length !== lines.length) return;
  const all: (RememberedEntry<LineReadings> | undefined)[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const j = from[i];
    const entry = j >= 0 ? known[j] : undefined;
    if (entry && previous[j] === lines[i]) {
      keepUsing(entry);
      all[i] = entry;
    }
  }
  byLines.set(lines, all);
}

interface LineSpan {
  start: { line: number };
  end: { line: number };
}

/** For each line after the changes, the line it was before them, or -1 (a line a change wrote); undefined for a change without a range. */
function wherefrom(lineCount: number, changes: readonly { range?: LineSpan; text: string }[]): Int32Array | undefined {
  // Many changes at once (a paste of many edits, a reformat): looked up by text instead.
  if (changes.length > 64) return undefined;
  let from = Int32Array.from({ length: lineCount }, (_, i) => i);
  for (const change of changes) {
    if (!change.range) return undefined;
    const last = from.length - 1;
    const a = Math.max(0, Math.min(change.range.start.line, change.range.end.line, last));
    const b = Math.max(a, Math.min(Math.max(change.range.start.line, change.range.end.line), last));
    const written = (change.text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
    const next = new Int32Array(from.length - (b - a + 1) + written);
    next.set(from.subarray(0, a), 0);
    next.fill(-1, a, a + written);
    next.set(from.subarray(b + 1), a + written);
    from = next;
  }
  return from;
}
