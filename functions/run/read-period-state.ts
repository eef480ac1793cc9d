import { claimHolderGone } from '#close/claim-holder.js';
import type { CloseRecord } from '#close/close-record.js';
import type { CloseStore } from '#close/close-store.js';
import type { SameMonthStores } from '#close/same-month-close.js';
import type {
  EmailMarkerName,
  EmailState,
  PeriodState,
  StoredClaim,
  StoredRecord,
} from '#core/run/period-state.js';

/** What the email markers say, and whether owners' showback emails are still owed. */
export interface EmailStates {
  readonly email: Readonly<Record<EmailMarkerName, EmailState>>;
  readonly showbackPending: boolean;
}

/** The period's state as stored, with the full records decide()'s summaries stand for. */
export interface ReadPeriodState {
  readonly state: PeriodState;
  readonly record: CloseRecord | undefined;
}

/** Reads everything decide() judges, once: the records and claims of the month, and the markers. */
export async function readPeriodState(
  stores: SameMonthStores,
  emailStates: () => Promise<EmailStates>,
): Promise<ReadPeriodState> {
  // One after the other: a store that is down fails on the period's record, the first thing a run needs.
  const record = await stores.own.readRecord();
  const claim = await claimOf(stores.own);
  const elsewhere = await sameMonthElsewhere(stores.others);
  const emails = await emailStates();
  return {
    record,
    state: {
      record: record && storedRecord(record, stores.own.recordKey),
      closedElsewhere: elsewhere.record,
      claim,
      claimedElsewhere: elsewhere.claim,
      email: emails.email,
      showbackPending: emails.showbackPending,
    },
  };
}

async function sameMonthElsewhere(
  others: readonly CloseStore[],
): Promise<{ record: StoredRecord | undefined; claim: StoredClaim | undefined }> {
  let claim: StoredClaim | undefined;
  for (const store of others) {
    const record = await store.readRecord();
    if (record !== undefined) return { record: storedRecord(record, store.recordKey), claim: undefined };
    const held = await claimOf(store);
    if (held?.kind === 'held' && claim === undefined) claim = held;
  }
  return { record: undefined, claim };
}

async function claimOf(store: CloseStore): Promise<StoredClaim | undefined> {
  const held = await store.readClaim();
  if (held === undefined) {
    // readClaim says undefined for none and for an unreadable one: tell them apart by whether the
    // store's claim() would find something to take over; none is the common case.
    return undefined;
  }
  return {
    kind: 'held',
    runId: held.runId,
    since: held.claimedAt,
    holderGone: claimHolderGone(held),
    where: store.recordKey,
  };
}

export function storedRecord(record: CloseRecord, where: string): StoredRecord {
  return {
    runId: record.runId,
    closedAt: record.closedAt,
    source: record.source,
    where,
    label: record.period.label,
    alignment: record.period.alignment,
  };
}
