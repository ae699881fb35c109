// Reading times the way a careful reader of a postmortem does. Pure: no I/O, no clock.
export type {
  LocalDate,
  ParsedTime,
  ResolvedInstant,
  StatedDuration,
  TimeReadingOptions,
  UnreadableTime,
  ZoneSpec,
} from './types';
export { findZoneDeclaration } from './declaration';
export { formatDuration, parseStatedDuration } from './duration';
export { findTimes } from './parse';
export { findTimeRange, isRangeBetween } from './range';
export { minutesBetween, resolveInstant } from './resolve';
export { findUnreadableTimes, isPlaceholderTime } from './unreadable';
export { AMBIGUOUS_ABBREVIATIONS, parseZone } from './zones';
