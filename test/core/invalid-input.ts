import { InvalidInputError } from '#core/errors.js';

/** Runs `fn` and returns the InvalidInputError it throws, so a test can assert field, value and message. */
export function invalidInput(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError, but nothing was thrown');
}
