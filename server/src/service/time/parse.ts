// Finding the times written in a line of a postmortem.
import { readTimesWithRanges } from './range';
import type { ParsedTime, TimeReadingOptions } from './types';

/**
 * Every time of day written in `line`, in order. A zone or date written once for a range
 * ("08:00 AM - 09:30 AM (UTC)") is carried by both ends. Placeholders ("HH:mm"), impossible
 * clocks, version numbers, ratios, durations and bare years are not times.
 */
export function findTimes(line: string, options?: TimeReadingOptions): ParsedTime[] {
  return readTimesWithRanges(line, options).times;
}
