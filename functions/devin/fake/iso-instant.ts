/**
 * The instants of the wire: ISO 8601 text in, epoch milliseconds inside.
 * Hand-parsed because `Date.parse` reads a date-time without offset as local
 * time, which would make the fake's answers depend on the machine's zone.
 */

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

// Days up to 28 exist in every month, so Date.parse cannot roll these over into the next one.
const WIRE_SHAPE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{3})?Z$/;

/**
 * Epoch milliseconds of an ISO 8601 date or date-time, or null when the text is
 * not one. No offset means UTC (the vendor's timestamps are UTC); digits past
 * the millisecond are dropped.
 */
export function parseIsoInstant(text: string): number | null {
  // Fast path for the wire's own shape (every session of a 500,000-session benchmark is parsed at start).
  if (WIRE_SHAPE.test(text)) return Date.parse(text);
  const match = ISO_8601.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? '0')) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 2024-02-30 over to March: a round trip catches impossible dates.
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  return local - offsetMinutes(match[8]) * 60_000;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

/** The vendor's shape, "2024-01-15T10:30:00Z": milliseconds only when there are some. */
export function toWireInstant(epochMs: number): string {
  const text = new Date(epochMs).toISOString();
  return epochMs % 1000 === 0 ? `${text.slice(0, 19)}Z` : text;
}
