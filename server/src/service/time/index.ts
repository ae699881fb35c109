// Reading times the way a careful reader of a postmortem does. Pure: no I/O, no clock.
export type {
  LocalDate,
  ParsedTime,
  ResolvedInstant,
  StatedDuration,
  TimeReadingOptions,
  UnreadableTime,
  WrittenDateText,
  ZoneSpec,
} from './types';
export { shiftDays } from './clock';
export { findDetachedZone, findZoneDeclaration } from './declaration';
export { formatDuration, parseStatedDuration, statedSpread } from './duration';
export { findDates, findTimes } from './parse';
export { dateOrderShownIn } from './written';
export { type PlacedTime, placeTime, STAND_IN_DAY } from './place';
export { findTimeRange, isRangeBetween } from './range';
export { minutesBetween, resolveInstant } from './resolve';
export { findUnreadableTimes, isPlaceholderTime } from './unreadable';
export { AMBIGUOUS_ABBREVIATIONS, parseZone } from './zones';
