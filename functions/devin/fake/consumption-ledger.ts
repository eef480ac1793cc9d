import type { Acus } from '#core/money/acus.js';
import { ACU_DECIMALS, decimalStringToScaled, scaledToDecimalString } from '#core/money/acus.js';
import { billingDayStartMs } from './billing-day.js';

const DAY_MS = 86_400_000;

import { FakeDatasetError } from './fake-dataset-error.js';
import { parseIsoInstant } from './iso-instant.js';
import { spreadOverBillingDays } from './spread-over-billing-days.js';
import type { FakeDataset, WireSession } from './wire.js';

/**
 * The fake's figures carry at most this many decimals: every amount is a whole number of
 * micro-ACUs, so sums are exact and a JSON number (≤ 15 significant digits up to a billion ACUs)
 * round-trips to the same decimal.
 */
export const WIRE_ACU_DECIMALS = 6;
export const MICRO_ACU: Acus = 10n ** BigInt(ACU_DECIMALS - WIRE_ACU_DECIMALS);

/** ACUs one session consumed on one billing day. */
export interface LedgerEntry {
  readonly day: string;
  readonly sessionId: string;
  readonly orgId: string;
  readonly userId: string | null;
  /** The service user that started the session, when no person did. */
  readonly serviceUserId: string | null;
  readonly acus: Acus;
  /** The session's active time within the day, [from, to) in epoch ms: the hours its ACUs fall in. */
  readonly activeFromMs: number;
  readonly activeToMs: number;
}

/**
 * What the vendor would bill for a data set, day by day: the truth the consumption endpoint
 * serves and tests check against. Each session's `acus_consumed` (rounded to 6 decimals; null
 * counts as nothing) is spread over the billing days it was active, from `created_at` to
 * `updated_at`, in proportion to its active time on each day and exactly to the micro-ACU.
 */
export interface ConsumptionLedger {
  /** Ordered by day, then as the data set lists the sessions; days a session got nothing are left out. */
  readonly entries: readonly LedgerEntry[];
  /** Non-session ACUs (Cascade, Terminal) by billing day: billed, but to no org and no user. */
  readonly nonSession: ReadonlyMap<string, Acus>;
  /** A person's non-session ACUs, by user id then billing day: in the total and that user's bill, no org's. */
  readonly nonSessionByUser: ReadonlyMap<string, ReadonlyMap<string, Acus>>;
}

export function consumptionLedger(dataset: FakeDataset): ConsumptionLedger {
  const entries: LedgerEntry[] = [];
  for (const session of dataset.sessions) entries.push(...sessionEntries(session));
  entries.sort((a, b) => (a.day === b.day ? 0 : a.day < b.day ? -1 : 1));
  const nonSession = byDay(dataset.nonSessionAcus ?? {}, 'nonSessionAcus');
  const nonSessionByUser = new Map(
    Object.entries(dataset.nonSessionAcusByUser ?? {}).map(
      ([userId, days]) => [userId, byDay(days, `nonSessionAcusByUser[${userId}]`)] as const,
    ),
  );
  return { entries, nonSession, nonSessionByUser };
}

function byDay(amounts: Record<string, number>, field: string): Map<string, Acus> {
  const days = new Map<string, Acus>();
  for (const [day, acus] of Object.entries(amounts).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (billingDayStartMs(day) === null)
      throw new RangeError(`${field}: ${JSON.stringify(day)} is not a YYYY-MM-DD day`);
    if (!(acus >= 0)) throw new RangeError(`${field}[${day}] must be a number ≥ 0, got ${acus}`);
    days.set(day, wireAcus(acus));
  }
  return days;
}

/** The exact ACUs of a wire number, rounded to the fake's precision. */
export function wireAcus(value: number): Acus {
  // Fast path for the usual case, a number that already has at most 6 decimals: it is then the
  // double nearest to micro / 10^6, so its decimal text would parse to the same integer.
  const micro = Math.round(value * 1e6);
  if (Number.isSafeInteger(micro) && micro / 1e6 === value) return BigInt(micro) * MICRO_ACU;
  return decimalStringToScaled(String(value), WIRE_ACU_DECIMALS) * MICRO_ACU;
}

/** A ledger amount as the JSON number the fake sends. */
export function acusToWire(acus: Acus): number {
  return Number(scaledToDecimalString(acus, ACU_DECIMALS));
}

function sessionEntries(session: WireSession): LedgerEntry[] {
  if (session.acus_consumed === null) return [];
  const created = instantOf(session, 'created_at');
  // A session cannot be active before it exists; a stray updated_at earlier than created_at counts as none.
  const updated = Math.max(created, instantOf(session, 'updated_at'));
  const micro = wireAcus(session.acus_consumed) / MICRO_ACU;
  return [...spreadOverBillingDays(micro, created, updated)].map(([day, units]) => {
    const dayStart = billingDayStartMs(day) ?? created;
    return {
      day,
      sessionId: session.session_id,
      orgId: session.org_id,
      userId: session.user_id,
      serviceUserId: session.service_user_id ?? null,
      acus: units * MICRO_ACU,
      activeFromMs: Math.max(created, dayStart),
      activeToMs: Math.min(updated, dayStart + DAY_MS),
    };
  });
}

function instantOf(session: WireSession, field: 'created_at' | 'updated_at'): number {
  const value = parseIsoInstant(session[field]);
  if (value === null) throw new FakeDatasetError(session.session_id, field, session[field]);
  return value;
}
