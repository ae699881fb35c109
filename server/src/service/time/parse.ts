// Finding the times and dates written in a line of a postmortem.
import { readTimesWithRanges } from './range';
import { ownCopy, Remembered } from '../incremental/memo';
import { readWrittenDates } from './written';
import type { ParsedTime, TimeReadingOptions, WrittenDateText } from './types';

/**
 * Every time of day written in `line`, in order. A zone or date written once for a range
 * ("08:00 AM - 09:30 AM (UTC)") is carried by both ends. Placeholders ("HH:mm"), impossible
 * clocks, version numbers, ratios, durations and bare years are not times.
 */
export function findTimes(line: string, options?: TimeReadingOptions): ParsedTime[] {
  const key = `${options ? optionsKey(options) : ''}\u0000${line}`;
  let times = readings.get(key);
  if (!times) {
    times = readTimesWithRanges(ownCopy(line), options).times;
    readings.set(key, times);
  }
  // A copy of the list: callers may sort or filter it; the times themselves are never changed.
  return [...times];
}

/**
 * The options as a short key: what changes a reading (the reference day, its stand-in year, the zone
 * and date readings). The reading takes the reference day's year, month and day, not its own
 * yearUnknown flag (standInYear says that), and the default zone only places a time read (resolve.ts).
 */
function optionsKey(o: TimeReadingOptions): string {
  const d = o.referenceDate;
  return `${d ? `${d.year}-${d.month}-${d.day}` : ''}|${o.standInYear ? 1 : 0}|${o.ambiguousZones ?? ''}|${o.dateOrder ?? ''}`;
}
// Every option, and whether it is in the key: adding one does not compile until it is decided here.
const keyed: Record<keyof TimeReadingOptions, boolean> = { referenceDate: true, standInYear: true, defaultZone: false, ambiguousZones: true, dateOrder: true };
void keyed;

// Reading a line (chrono) is most of an analysis's cost, and the same line read with the same
// options always reads the same. So re-analysis after an edit re-reads only the lines that changed.
// Kept for the lines of the last two analyses (incremental/memo.ts).
const readings = new Remembered<ParsedTime[]>();

/**
 * Every calendar date written in `line` without a time of day ("August 5, 2023", "2024-01-20",
 * "Monday, May 14th" when the options give a reference year), in order.
 */
export function findDates(line: string, options?: TimeReadingOptions): WrittenDateText[] {
  if (!/\d/.test(line)) return [];
  const key = `${options ? optionsKey(options) : ''}\u0000${line}`;
  let dates = dateReadings.get(key);
  if (!dates) {
    dates = readWrittenDates(ownCopy(line), options);
    dateReadings.set(key, dates);
  }
  return dates.length ? [...dates] : [];
}

const dateReadings = new Remembered<WrittenDateText[]>();
