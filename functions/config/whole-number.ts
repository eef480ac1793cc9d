import { InvalidInputError } from '#core/errors.js';

/** Digits only (no sign, point or exponent), from `min` to `max`; else `problem`. */
export function wholeNumberIn(text: string, min: number, max: number, problem: string): number {
  const value = text.trim();
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(Number.isSafeInteger(number) && number >= min && number <= max)) {
    throw new InvalidInputError('value', text, problem);
  }
  return number;
}
