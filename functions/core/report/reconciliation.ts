import type { Acus } from '../money/acus.js';
import type { BridgeStatus } from './bridge.js';

/** One line of the Reconciliation sheet: what sessions say beside what was billed. */
export interface ReconciliationLine {
  /** Org or user id; null on the Unattributed line. */
  readonly id: string | null;
  readonly name: string | null;
  /** For user lines: the org the user's sessions in the period mostly belong to (null if none). */
  readonly orgId: string | null;
  readonly sessionAcus: Acus;
  readonly billedAcus: Acus;
  /** billed − sessions. */
  readonly differenceAcus: Acus;
  /** difference ÷ billed (null when nothing was billed). */
  readonly differenceShare: number | null;
}

export interface Reconciliation {
  /** Sorted by billed ACUs descending; the Unattributed line (billed ACUs no org carries) last. */
  readonly orgs: readonly ReconciliationLine[];
  /** Same for users; null when the API gave no per-user breakdown. */
  readonly users: readonly ReconciliationLine[] | null;
  readonly totals: { readonly sessionAcus: Acus; readonly billedAcus: Acus; readonly differenceAcus: Acus };
  /** Billed ACUs that belong to no org (non-session products such as Cascade and Terminal). */
  readonly unattributedAcus: Acus;
  /** ACUs this report charges back ÷ billed ACUs, 0..1+ (null when nothing was billed). */
  readonly allocatedShare: number | null;
  /** Sessions that cross the period's edges, which explain most differences. */
  readonly edges: {
    /**
     * Created before the period, updated inside it: billed now, counted in an
     * earlier report. Null when the API could not count them: 0 would claim
     * there were none.
     */
    readonly carriedIn: number | null;
    /** Created inside the period, updated after it: counted here, partly billed later. */
    readonly carriedOut: number;
  };
  /** The walk from session ACUs to the bill in numbers, or why there is none (v2; a 403). */
  readonly bridge?: BridgeStatus;
  /** The Unattributed line by product (v3); absent when the bill has no product split. */
  readonly unattributedByProduct?: ReadonlyMap<string, Acus>;
}

/** The sessions' allocated cents per org and per user id (a user in two orgs summed). */
export interface SessionCents {
  readonly byOrg: ReadonlyMap<string, bigint>;
  readonly byUser: ReadonlyMap<string | null, bigint>;
  readonly total: bigint;
}

export type ReconciliationStatus =
  | { readonly available: true; readonly reconciliation: Reconciliation }
  | { readonly available: false; readonly reason: string };
