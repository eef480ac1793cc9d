import { IANAZone } from 'luxon';
import { InvalidInputError } from '../errors.js';

/**
 * Checks an IANA zone name and returns its canonical spelling ("europe/berlin"
 * → "Europe/Berlin"), so periods, labels and summary.json all name the zone the
 * same way whatever the caller typed.
 */
export function resolveTimeZone(timeZone: string): string {
  if (!IANAZone.isValidZone(timeZone)) {
    throw new InvalidInputError(
      'timeZone',
      timeZone,
      'is not a known IANA time zone (e.g. "UTC", "Europe/Berlin")',
    );
  }
  return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
}
