import { InvalidInputError } from '#core/errors.js';

/** Closed periods a close re-reads for true-ups, by default: a quarter. */
export const DEFAULT_TRUE_UP_MONTHS = 3;
export const MAX_TRUE_UP_MONTHS = 24;

/**
 * `trueUpMonths` (context), TRUE_UP_MONTHS, `--true-up-months`: how many periods before the
 * one closing are re-read; 0 posts no true-ups. Blank or absent: the default.
 */
export function parseTrueUpMonths(text: string | undefined, field: string): number {
  const value = text?.trim() ?? '';
  if (value === '') return DEFAULT_TRUE_UP_MONTHS;
  const months = Number(value);
  if (!/^\d+$/.test(value) || months > MAX_TRUE_UP_MONTHS) {
    throw new InvalidInputError(
      field,
      text,
      `must be a whole number of months from 0 to ${MAX_TRUE_UP_MONTHS}`,
    );
  }
  return months;
}
