import type { TrueUps } from '#true-ups/true-up.js';
import type { Acus } from '../money/acus.js';
import type { UsageTotals } from '../report/chargeback-report.js';
import type { SharedCosts } from '../shared-costs/shared-costs.js';
import type { CostCentreMap } from './cost-centre-map.js';
import type { Journal } from './journal.js';

/** One cost centre's share of the report: a row of By Cost Centre and a debit line of the Journal. */
export interface CostCentreTotal extends UsageTotals {
  readonly code: string;
  readonly name: string;
  /** Null for Unmapped and for Unattributed on its own line: no account to post to yet. */
  readonly glAccount: string | null;
  readonly legalEntity: string | null;
  readonly owners: readonly string[];
  readonly kind: 'mapped' | 'unmapped' | 'unattributed';
  /** This cost centre's cents ÷ the report's, 0..1. */
  readonly shareOfCost: number;
  /** Orgs with usage charged here, by ACUs descending. */
  readonly orgIds: readonly string[];
  /** Null when there is no previous period, or this cost centre had no usage in it. */
  readonly previousAcus: Acus | null;
  readonly previousCostMinor: bigint | null;
  /** Earlier closed periods' true-ups charged here (by their maps); 0 when none. */
  readonly trueUpAcus: Acus;
  readonly trueUpMinor: bigint;
  /** Its share of the non-session products by the shared-cost rule; 0 when none. */
  readonly sharedAcus: Acus;
  readonly sharedMinor: bigint;
  /** costMinor + trueUpMinor + sharedMinor: what the journal posts to it. */
  readonly postedMinor: bigint;
}

/** An org the map does not cover, as Summary and the email list it. */
export interface UnmappedOrg extends UsageTotals {
  readonly orgId: string;
  readonly orgName: string | null;
}

/**
 * One org's (or one user's) usage charged to one cost centre: By Org and By
 * User split an org across cost centres by these, so a pivot of either sheet
 * by its cost-centre column equals By Cost Centre and the journal.
 */
export interface CostCentreSplit extends UsageTotals {
  readonly orgId: string;
  /** Undefined on an org's split; null for sessions with no user. */
  readonly userId?: string | null;
  readonly code: string;
}

/** One org's usage in one cost centre in the previous period, as its summary.json recorded it. */
export interface PreviousOrgSplit {
  readonly orgId: string;
  readonly code: string;
  readonly acus: Acus;
  readonly costMinor: bigint;
}

export interface CostCentreReport {
  readonly map: CostCentreMap;
  /** Cost centres with usage (mapped ones by cost, then Unmapped and Unattributed last). */
  readonly rows: readonly CostCentreTotal[];
  readonly unmappedOrgs: readonly UnmappedOrg[];
  /** False on the billed basis: the bill has no sessions, so no tags to move them by. */
  readonly tagRulesApplied: boolean;
  /** Sessions a tag rule charged to another cost centre than their org's. */
  readonly movedByTag: { readonly sessions: number; readonly acus: Acus };
  /** Sessions whose tags matched rules of two or more cost centres. */
  readonly tagConflicts: { readonly sessions: number; readonly exampleSessionIds: readonly string[] };
  /** The period compared with, or why there is none. */
  readonly previous:
    | { readonly available: true; readonly label: string }
    | { readonly available: false; readonly reason: string };
  readonly journal: Journal;
  /** Usage by org × cost centre, in no particular order; sums to the rows. */
  readonly orgSplits: readonly CostCentreSplit[];
  /** Usage by user × cost centre on the sessions basis; empty on the billed basis (users follow their org). */
  readonly userSplits: readonly CostCentreSplit[];
  /**
   * The previous period's usage by org × cost centre (its summary.json's orgCostCentres); absent
   * when there is no previous period or its report did not record it (no map, or an older version).
   */
  readonly previousOrgSplits?: readonly PreviousOrgSplit[] | undefined;
  /** The non-session products and how they were shared; no charges when the bill was unavailable. */
  readonly shared: SharedCosts;
  /** Earlier closed periods' changes posted with this one; absent when none were re-read. */
  readonly trueUps?: TrueUps | undefined;
  /** Set on a budget owner's slice (sliceReport): the codes it holds. The journal is finance's, not the slice's. */
  readonly sliceOf?: readonly string[] | undefined;
}
