import type { ReportPeriod } from '#core/period/report-period.js';
import { judgeHeldClaim } from './close-claim.js';
import type { CloseRecord } from './close-record.js';
import { type CloseClaim, type CloseStore, STALE_CLOSE_CLAIM_MS } from './close-store.js';

/*
 * One record per month, whatever the alignment (issue 27, finding 4). A calendar month and the
 * same month by billing days share the FOCUS partition `billing_period=YYYY-MM` and are one
 * month for finance, but are stored under two slugs, each with its own record and claim. What
 * is decided here, for the Lambda and the CLI alike:
 * - a preliminary run of a month closed under another alignment writes preview names under its
 *   own slug (`…-2026-10_billing-day.preview.*`), never the record's names nor the partition;
 * - a close of a month closed (or being closed) under another alignment is refused, naming the
 *   record (or the claim) that exists.
 */

/** The same month's close stores under the other alignments, and the period's own. */
export interface SameMonthStores {
  readonly own: CloseStore;
  readonly others: readonly CloseStore[];
}

export class ClosedUnderAnotherAlignmentError extends Error {
  override readonly name = 'ClosedUnderAnotherAlignmentError';
  constructor(
    readonly period: ReportPeriod,
    /** The other alignment's record (or claim) key or path. */
    readonly where: string,
    why: string,
  ) {
    super(
      `${period.label} cannot be closed: ${why} (${where}); a month has one record whatever the alignment. A run without close writes a preview under ${period.slug}'s own names`,
    );
  }
}

/** The first record of the same month under another alignment, with where it is. */
export async function sameMonthRecord(
  others: readonly CloseStore[],
): Promise<{ readonly record: CloseRecord; readonly where: string } | undefined> {
  for (const store of others) {
    const record = await store.readRecord();
    if (record !== undefined) return { record, where: store.recordKey };
  }
  return undefined;
}

/**
 * The close's claim on its period, refused when the same month is closed or being closed under
 * another alignment. Checked before the claim (nothing is taken for a month already closed)
 * and again after it: of two closes of one month under two alignments that claim at once, each
 * sees the other's claim at least, so at most one goes on (a tie refuses both; a retry closes).
 */
export async function claimMonthClose(
  stores: SameMonthStores,
  period: ReportPeriod,
  runId: string,
  now: Date,
): Promise<CloseClaim> {
  await refuseIfClosedElsewhere(stores.others, period, now);
  const claim = await stores.own.claim(runId, now);
  if (claim.kind !== 'claimed') return claim;
  try {
    await refuseIfClosedElsewhere(stores.others, period, now);
  } catch (error) {
    await stores.own.release(runId);
    throw error;
  }
  return claim;
}

/** Throws {@link ClosedUnderAnotherAlignmentError} when the same month has a record or a live claim elsewhere. */
export async function refuseIfClosedElsewhere(
  others: readonly CloseStore[],
  period: ReportPeriod,
  now: Date,
): Promise<void> {
  const closed = await sameMonthRecord(others);
  if (closed !== undefined) {
    const { record } = closed;
    throw new ClosedUnderAnotherAlignmentError(
      period,
      closed.where,
      `${record.period.label} was closed under the ${record.period.alignment} alignment at ${record.closedAt} by run ${record.runId}`,
    );
  }
  for (const store of others) {
    // No claim, or a dead one, reads as 'take-over': only a live claim stops this close.
    const verdict = judgeHeldClaim(await store.readClaim(), now, STALE_CLOSE_CLAIM_MS);
    if (verdict.kind === 'wait') {
      throw new ClosedUnderAnotherAlignmentError(
        period,
        store.recordKey,
        `the same month is being closed under another alignment by run ${verdict.runId} since ${verdict.since.toISOString()}`,
      );
    }
  }
}
