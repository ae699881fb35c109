// chrono-node, configured to read single written dates and times only.
// Ranges and zones are read by range.ts and zones.ts instead, because chrono's versions
// lose the offsets of each end, read "eat" as East Africa Time, and read
// "15:00 to 2024-01-20 03:30" as 15:00–20:24.
//
// Most lines that hold a time are numeric ("14:05", "2024-01-19 15:00"); chronoFast.ts reads
// those the way chrono does without chrono's machinery, and chrono reads the rest.
import * as chrono from 'chrono-node';
import { type ChronoPatterns, readLikeChrono } from './chronoFast';
import type { ChronoComponent, ChronoReading } from './types';

type TimeExpressionParser = chrono.Parser & { followingPhase: () => string };

const isTimeExpressionParser = (parser: chrono.Parser): parser is TimeExpressionParser =>
  typeof (parser as Partial<TimeExpressionParser>).followingPhase === 'function';

// Refiners that merge results into ranges or append zone abbreviations and offsets.
const isRangeOrZoneRefiner = (refiner: chrono.Refiner): boolean => /Timezone|DateRange/.test(refiner.constructor.name);

function createReader(littleEndian: boolean): chrono.Chrono {
  // The non-strict, non-casual configuration: "3 pm" is read, "today"/"now" are not
  // (their dates would come from the parse's reference, not from the postmortem).
  const configuration = chrono.en.configuration.createConfiguration(false, littleEndian);
  for (const parser of configuration.parsers) {
    if (isTimeExpressionParser(parser)) parser.followingPhase = () => '(?!)';
    // Day first or not, "May 14" is the 14th of May: chrono's day-first reading skips it as a possible
    // "May 2014", which no postmortem means (a month name is not ambiguous between the orders).
    if (parser.constructor.name === 'ENMonthNameMiddleEndianParser') (parser as { shouldSkipYearLikeDate?: boolean }).shouldSkipYearLikeDate = false;
  }
  configuration.refiners = configuration.refiners.filter((refiner) => !isRangeOrZoneRefiner(refiner));
  return new chrono.Chrono(configuration);
}

const readers = { mdy: createReader(false), dmy: createReader(true) };

// The readings chrono gives, typed in types.ts (the fast reader types its readings the same way).
export type { ChronoComponent, ChronoReading } from './types';
const COMPONENTS: readonly ChronoComponent[] = ['year', 'month', 'day', 'hour', 'minute', 'second', 'timezoneOffset'];

let chronoReadings = 0;

/** How many texts chrono has read so far (the tests read it: the fast reader leaves chrono out). */
export const chronoReads = (): number => chronoReadings;

/** chrono's own reading of `text`; `reference` fills in what the text leaves out (e.g. a year). */
export function readWithChrono(text: string, dateOrder: 'dmy' | 'mdy', reference: Date): ChronoReading[] {
  chronoReadings++;
  return readers[dateOrder].parse(text, { instant: reference, timezone: 0 }, { forwardDate: false }).map((result) => {
    const known: ChronoReading['known'] = {};
    const implied: ChronoReading['implied'] = {};
    for (const c of COMPONENTS) {
      const value = result.start.get(c);
      if (result.start.isCertain(c)) known[c] = value ?? undefined;
      else if (value !== null && value !== undefined) implied[c] = value;
    }
    return { index: result.index, text: result.text, relative: result.tags().has('result/relativeDate'), known, implied };
  });
}

// What the fast reader takes from the configured reader: its parsers' own patterns, and what
// tells whether the configuration is the one it was written for.
export const configuredPatterns: ChronoPatterns = {
  parsers: readers.dmy.parsers.map((parser) => ({
    name: parser.constructor.name,
    pattern: parser.pattern({ option: { forwardDate: false } } as chrono.ParsingContext),
  })),
  refiners: readers.dmy.refiners.map((refiner) => refiner.constructor.name),
};

let fastReading = true;

/** Turns the fast reader off (every line read by chrono) or on again: for the differential test and the benchmark. */
export function setFastReading(on: boolean): void {
  fastReading = on;
}

/** How `text` reads: without chrono when the fast reader can read it exactly as chrono does, else with chrono. */
export function readDatesAndTimes(text: string, dateOrder: 'dmy' | 'mdy', reference: Date): ChronoReading[] {
  return (fastReading ? readLikeChrono(text, dateOrder === 'dmy', reference, configuredPatterns) : undefined) ?? readWithChrono(text, dateOrder, reference);
}

/** The fast reader's reading of `text`, or undefined when only chrono can read it (for the differential test). */
export function readFast(text: string, dateOrder: 'dmy' | 'mdy', reference: Date): ChronoReading[] | undefined {
  return readLikeChrono(text, dateOrder === 'dmy', reference, configuredPatterns);
}
