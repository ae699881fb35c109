// Readings of one line of a document, found by the line's index and remembered by its text.
//
// Several readers read every line (the classifier's counts, the prose mask, word counts, the
// language test). Remembering each by text costs one hash look-up per line and reader, which on a
// long document is most of what a re-analysis spends on them. Here all the readings of a line
// share one record: one look-up per line and analysis (by text, in the generational store of
// memo.ts), then each reader finds its reading by the line's index in that analysis's lines.
import { ownCopy, Remembered } from './memo';

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

const byText = new Remembered<LineReadings>();
const byLines = new WeakMap<readonly string[], (LineReadings | undefined)[]>();
let slots = 0;

function readingsAt(lines: readonly string[], index: number): LineReadings {
  let all = byLines.get(lines);
  if (!all) {
    all = new Array(lines.length);
    byLines.set(lines, all);
  }
  let readings = all[index];
  if (!readings) {
    const line = lines[index];
    readings = byText.get(line);
    if (!readings) {
      readings = { text: ownCopy(line), values: [], read: 0, id: nextId++ };
      byText.set(readings.text, readings);
    }
    all[index] = readings;
  }
  return readings;
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
