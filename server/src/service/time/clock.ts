// Small helpers for wall-clock values as written.
import type { LocalDate, ParsedTime } from './types';

/** Seconds since the written day's midnight, for comparing clocks. */
export const clockSeconds = (t: Pick<ParsedTime, 'hour' | 'minute' | 'second'>): number => t.hour * 3600 + t.minute * 60 + (t.second ?? 0);

/**
 * The calendar date `days` (a whole number) after `date` (the proleptic Gregorian calendar, as luxon's; a date not
 * in the calendar, such as February 30, gives NaN fields, as luxon's invalid dates do). Date
 * arithmetic in UTC, which has no clock changes: a day is a day.
 */
export function shiftDays(date: LocalDate, days: number): LocalDate {
  const at = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0 to 99 as 1900 to 1999.
  at.setUTCFullYear(date.year, date.month - 1, date.day);
  const inCalendar = at.getUTCFullYear() === date.year && at.getUTCMonth() === date.month - 1 && at.getUTCDate() === date.day;
  at.setUTCDate(at.getUTCDate() + days);
  const shifted = inCalendar
    ? { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() }
    : { year: Number.NaN, month: Number.NaN, day: Number.NaN };
  return { ...shifted, ...(date.yearUnknown ? { yearUnknown: true } : {}), ...(date.dayUnknown ? { dayUnknown: true } : {}) };
}
