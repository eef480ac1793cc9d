import { InvalidInputError } from '../errors.js';

/**
 * From this many days before the key expires, every run warns (log, email footer, metric). A
 * monthly schedule runs at most 31 days apart, so the window is one longest interval plus a margin
 * of 4 days: every expiry is warned about by at least one run before the run it would fail. At 21
 * days, a key expiring on 25 March got no warning on 1 March and failed the 1 April run.
 */
export const KEY_EXPIRY_WARNING_DAYS = 35;

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * When the operator says the Devin key expires: a day (`2027-03-01`, the start of that UTC day)
 * or an ISO 8601 instant with offset. Only an admin-level permission may list a service user's
 * keys, so the report cannot read it itself (devin-api-v3.md, Pitfalls): the operator records it.
 */
export function parseKeyExpiry(field: string, text: string): Date {
  const trimmed = text.trim();
  const day = DAY.exec(trimmed);
  const ms = day
    ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))
    : /T.*(Z|[+-]\d{2}:?\d{2})$/.test(trimmed)
      ? Date.parse(trimmed)
      : Number.NaN;
  if (Number.isNaN(ms) || (day && new Date(ms).toISOString().slice(0, 10) !== trimmed)) {
    throw new InvalidInputError(field, text, 'is not a date (YYYY-MM-DD) or an ISO 8601 instant with offset');
  }
  return new Date(ms);
}

export interface KeyExpiryWarning {
  /** Whole days left (0 on the day, negative once past). */
  readonly daysLeft: number;
  /** One line for the log and the email footer. */
  readonly text: string;
}

/** The warning a run gives about the key, or null when it does not expire within the warning days. */
export function keyExpiryWarning(expiresAt: Date | null, now: Date): KeyExpiryWarning | null {
  if (expiresAt === null) return null;
  const daysLeft = Math.floor((expiresAt.getTime() - now.getTime()) / DAY_MS);
  if (daysLeft > KEY_EXPIRY_WARNING_DAYS) return null;
  const on = expiryText(expiresAt);
  const text =
    daysLeft < 0
      ? `The Devin key expired on ${on}: generate a new key for the service user and update the secret.`
      : `The Devin key expires on ${on} (in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}): generate a new key for the service user and update the secret before then.`;
  return { daysLeft, text };
}

/** `2027-03-01`, or the instant when it is not midnight UTC. */
export function expiryText(expiresAt: Date): string {
  const iso = expiresAt.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}
