import type { CalendarDay } from './calendar-date.js';

/** The calendar day an instant falls on in UTC, the calendar of the vendor's billing days. */
export function utcDayOf(instant: Date): CalendarDay {
  return {
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
  };
}

/** 00:00 UTC of a calendar day plus `hours`. */
export function utcInstant({ year, month, day }: CalendarDay, hours = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hours));
}
