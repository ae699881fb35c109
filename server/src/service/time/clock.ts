// Small helpers for wall-clock values as written.
import { DateTime } from 'luxon';
import type { LocalDate, ParsedTime } from './types';

/** Seconds since the written day's midnight, for comparing clocks. */
export const clockSeconds = (t: Pick<ParsedTime, 'hour' | 'minute' | 'second'>): number => t.hour * 3600 + t.minute * 60 + (t.second ?? 0);

/** The calendar date `days` after `date`. */
export function shiftDays(date: LocalDate, days: number): LocalDate {
  const shifted = DateTime.fromObject({ year: date.year, month: date.month, day: date.day }, { zone: 'UTC' }).plus({ days });
  return { year: shifted.year, month: shifted.month, day: shifted.day, ...(date.yearUnknown ? { yearUnknown: true } : {}) };
}
