// Finding the times and dates written in a line of a postmortem.
import { readTimesWithRanges } from './range';
import { readWrittenDates } from './written';
import type { ParsedTime, TimeReadingOptions, WrittenDateText } from './types';

/**
 * Every time of day written in `line`, in order. A zone or date written once for a range
 * ("08:00 AM - 09:30 AM (UTC)") is carried by both ends. Placeholders ("HH:mm"), impossible
 * clocks, version numbers, ratios, durations and bare years are not times.
 */
export function findTimes(line: string, options?: TimeReadingOptions): ParsedTime[] {
  return readTimesWithRanges(line, options).times;
}

/**
 * Every calendar date written in `line` without a time of day ("August 5, 2023", "2024-01-20",
 * "Monday, May 14th" when the options give a reference year), in order.
 */
export function findDates(line: string, options?: TimeReadingOptions): WrittenDateText[] {
  return readWrittenDates(line, options);
}
