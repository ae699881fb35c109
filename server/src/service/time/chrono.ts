// chrono-node, configured to read single written dates and times only.
// Ranges and zones are read by range.ts and zones.ts instead, because chrono's versions
// lose the offsets of each end, read "eat" as East Africa Time, and read
// "15:00 to 2024-01-20 03:30" as 15:00–20:24.
import * as chrono from 'chrono-node';

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
  }
  configuration.refiners = configuration.refiners.filter((refiner) => !isRangeOrZoneRefiner(refiner));
  return new chrono.Chrono(configuration);
}

const readers = { mdy: createReader(false), dmy: createReader(true) };

/** chrono results for `text`; `reference` fills in what the text leaves out (e.g. a year). */
export function readWithChrono(text: string, dateOrder: 'dmy' | 'mdy', reference: Date): chrono.ParsedResult[] {
  return readers[dateOrder].parse(text, { instant: reference, timezone: 0 }, { forwardDate: false });
}
