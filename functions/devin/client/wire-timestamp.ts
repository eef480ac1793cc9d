import { z } from 'zod';

// ISO 8601 date-time as Python services emit it: optional fraction of any length (microseconds
// are common), and an offset that FastAPI leaves off for naive datetimes.
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * The instant a wire timestamp names, or null when it is not an ISO 8601 date-time.
 *
 * A timestamp without an offset is read as UTC, never as the machine's local time: the vendor's
 * data is UTC, and a report must not change with the laptop it runs on. Fractions are truncated to
 * milliseconds; since period bounds are whole milliseconds, truncation never moves a session
 * across a bound.
 */
export function parseWireTimestamp(text: string): Date | null {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return null;
  const [, dateTime, fraction = '', offset = 'Z'] = match;
  // V8 rolls impossible dates over (Feb 30 → Mar 1); a round trip of the wall-clock part catches them.
  const wallClock = Date.parse(`${dateTime}Z`);
  if (Number.isNaN(wallClock) || new Date(wallClock).toISOString().slice(0, 19) !== dateTime) return null;
  const millis = fraction.slice(0, 3).padEnd(3, '0');
  const at = Date.parse(`${dateTime}.${millis}${offset}`);
  return Number.isNaN(at) ? null : new Date(at);
}

/** A zod schema for a wire timestamp, yielding a Date. */
export const wireTimestamp = z.string().transform((text, ctx) => {
  const at = parseWireTimestamp(text);
  if (at === null) {
    ctx.issues.push({ code: 'custom', message: 'is not an ISO 8601 date-time', input: text });
    return z.NEVER;
  }
  return at;
});
