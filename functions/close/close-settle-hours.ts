import { InvalidInputError } from '#core/errors.js';

/** Hours after a period's last billing day ends before its bill is taken as final. */
export const DEFAULT_CLOSE_SETTLE_HOURS = 4;
/** A week: past it a month would close after the next month's figures are due. */
export const MAX_CLOSE_SETTLE_HOURS = 168;

/**
 * `closeSettleHours` (context), CLOSE_SETTLE_HOURS, `--settle-hours`: how long a close waits
 * after the period's last billing day. Blank or absent: the default.
 */
export function parseCloseSettleHours(text: string | undefined, field: string): number {
  const value = text?.trim() ?? '';
  if (value === '') return DEFAULT_CLOSE_SETTLE_HOURS;
  const hours = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || hours > MAX_CLOSE_SETTLE_HOURS) {
    throw new InvalidInputError(field, text, `must be a number of hours from 0 to ${MAX_CLOSE_SETTLE_HOURS}`);
  }
  return hours;
}
