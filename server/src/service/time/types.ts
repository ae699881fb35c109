// The shapes shared by the time service. Everything here describes what a
// postmortem wrote, plus what a careful reader had to assume to use it.

/** A time zone as written next to a time, and the zone it was read as. */
export interface ZoneSpec {
  /** As written: "UTC", "WAT", "UTC+2", "GMT+1", "America/New_York", "Pacific Time", "PST". */
  text: string;
  /** A luxon zone name: "UTC", "UTC+2", "UTC-5:30", "Africa/Lagos", "America/Los_Angeles". */
  zone: string;
  /** Set when the abbreviation means different zones in different places (CST, IST, BST, AST). */
  ambiguous?: { readings: string[]; chosen: string };
  /**
   * For season-specific abbreviations (PST, CEST, BST...): the region whose clocks they name,
   * so a rule can notice "PST" written in July, when Pacific clocks were on PDT.
   */
  region?: string;
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
  /** The year is not written anywhere: a stand-in year, so that days still compare (never shown). */
  yearUnknown?: boolean;
  /** No day is written anywhere: a stand-in day, so that clocks still compare and subtract (no season is read from it). */
  dayUnknown?: boolean;
}

/** One time of day found in a line of text. */
export interface ParsedTime {
  /** The exact substring read, including a zone written right after it. */
  text: string;
  /** UTF-16 offsets of `text` in the input. */
  start: number;
  end: number;
  /** The date as written (or shared within a range); null when only a time was written. */
  date: LocalDate | null;
  /** e.g. "04-12-2022 could be 4 December or 12 April; read as 4 December (day first)". */
  dateAmbiguity?: string;
  /** The other reading of an ambiguous numeric date (12 April for 04-12-2022 read day first). */
  otherDate?: LocalDate;
  /** The date's year is not written and not known: `date` carries a stand-in year, so days still compare. */
  yearUnknown?: boolean;
  /** 24-hour clock, as written. */
  hour: number;
  minute: number;
  second?: number;
  /** The zone written next to this time, or elsewhere in the same range. */
  zone: ZoneSpec | null;
  /** "~19:30", "about 10:00", "around 3 pm". */
  approximate?: boolean;
  /** What this time borrowed from the other end of its range, e.g. "zone taken from the end of the range". */
  inferred?: string[];
}

export interface TimeReadingOptions {
  /** The incident's date, for times written without one. */
  referenceDate?: LocalDate;
  /** `referenceDate` is a stand-in: a date written without a year gets its year only to compare days. */
  standInYear?: boolean;
  /** The zone declared for the section or document ("All times in CET."). */
  defaultZone?: ZoneSpec | null;
  /** Which reading wins for CST/IST/BST/AST; see AMBIGUOUS_ABBREVIATIONS in zones.ts. Default 'us'. */
  ambiguousZones?: 'us' | 'other';
  /** How to read 04-12-2022 when both readings are valid. Default 'dmy'; the ambiguity is always reported. */
  dateOrder?: 'dmy' | 'mdy';
}

/** A time-looking token that cannot be read: "25:99", "14:??", "HH:mm", "2024-02-30". */
export interface UnreadableTime {
  text: string;
  start: number;
  end: number;
  /** Why it cannot be read, in a reader's words. */
  reason: string;
}

export interface ResolvedInstant {
  millis: number;
  /** UTC, seconds precision: "2024-01-19T15:00:00Z". */
  iso: string;
  /** The luxon zone the wall-clock time was read in. */
  zone: string;
  /** What was filled in or decided: "date taken from the incident", "zone taken from the section: Pacific Time". */
  assumptions: string[];
}

export interface StatedDuration {
  minutes: number;
  start: number;
  end: number;
  text: string;
  /** "Approximately 4h15m", "~90 min". */
  approximate?: boolean;
}

/** A calendar date written without a time of day: "August 5, 2023", "2024-01-20", "Monday, May 14th". */
export interface WrittenDateText {
  text: string;
  /** As for ParsedTime: the year is a stand-in. */
  yearUnknown?: boolean;
  /** UTF-16 offsets of `text` in the input. */
  start: number;
  end: number;
  date: LocalDate;
}

// ---- What chrono (and the fast reader beside it, chronoFast.ts) read ----------------------------

/** The parts of a date and time a reading is made of. */
export type ChronoComponent = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'timezoneOffset';

/** One date or time chrono finds in a text (of a range, only its start: ranges are read by range.ts). */
export interface ChronoReading {
  index: number;
  text: string;
  /** "2 hours ago", "within 5 minutes": relative to the moment of reading, not written. */
  relative: boolean;
  /** What the text says. */
  known: Partial<Record<ChronoComponent, number>>;
  /** What chrono filled in from the reference (a year for "May 13", noon for a date). */
  implied: Partial<Record<ChronoComponent, number>>;
}
