import { InvalidInputError } from '../errors.js';

/** A calendar month with no zone attached: what a person means by "2026-10". */
export interface CalendarMonth {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
}

/** A calendar day with no zone attached: what a person means by "2026-10-15". */
export interface CalendarDay extends CalendarMonth {
  /** 1..31 */
  readonly day: number;
}

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseMonth(field: string, text: string): CalendarMonth {
  const match = MONTH_PATTERN.exec(text);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) {
    throw new InvalidInputError(field, text, 'is not a valid month (expected YYYY-MM)');
  }
  return { year, month };
}

/** Rejects days the calendar does not have (2026-02-30, 2027-02-29), not only malformed text. */
export function parseDay(field: string, text: string): CalendarDay {
  const match = DAY_PATTERN.exec(text);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth({ year, month })) {
    throw new InvalidInputError(field, text, 'is not a valid date (expected YYYY-MM-DD)');
  }
  return { year, month, day };
}

export function daysInMonth({ year, month }: CalendarMonth): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** "2026-10-05": zero-padded, so these strings sort like the days they name. */
export function formatDay({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function formatMonth({ year, month }: CalendarMonth): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
