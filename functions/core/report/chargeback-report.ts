import type { CostCentreReport } from '../cost-centres/cost-centre-report.js';
import type { Acus } from '../money/acus.js';
import type { ExactCost, Pricing } from '../money/pricing.js';
import type { ReportPeriod } from '../period/report-period.js';
import type { PrincipalKind } from '../session.js';
import type { BilledSessions } from './billed-sessions.js';
import type { CostBasis } from './cost-basis.js';
import type { PersonTotal } from './people.js';
import type { PeriodComparison } from './period-comparison.js';
import type { ReconciliationStatus, SessionCents } from './reconciliation.js';
import type { RunStatus } from './run-status.js';
import type { Unsettled } from './unsettled.js';

/** Sessions, ACUs and cost of any group of sessions. */
export interface UsageTotals {
  readonly sessions: number;
  readonly acus: Acus;
  readonly exactCost: ExactCost;
  /**
   * Cost in the currency's minor units (cents), allocated so that the rows of
   * every additive table add up exactly to their total (largest remainder).
   */
  readonly costMinor: bigint;
}

export interface UserTotal extends UsageTotals {
  readonly orgId: string;
  /** Null for sessions attributed to no user. */
  readonly userId: string | null;
  /** 'service-user' for a principal that is not a person (v3 automation); absent for a person. */
  readonly kind?: PrincipalKind;
  readonly userName: string | null;
  readonly email: string | null;
  /** This user's ACUs ÷ the org's ACUs, 0..1 (0 when the org has 0 ACUs). */
  readonly shareOfOrg: number;
}

export interface OrgTotal extends UsageTotals {
  readonly orgId: string;
  readonly orgName: string | null;
  /** This org's ACUs ÷ all ACUs, 0..1 (0 when the total is 0). */
  readonly shareOfAcus: number;
  /** Sorted by ACUs descending, then user id. */
  readonly users: readonly UserTotal[];
}

/** Not additive: a session with several tags counts under each. */
export interface TagTotal extends UsageTotals {
  /** Null is the row for untagged sessions. */
  readonly tag: string | null;
}

export interface StatusTotal extends UsageTotals {
  readonly status: string;
}

/** Where names came from: the enterprise endpoints, or nowhere (IDs stand in). */
export type NameSource =
  | { readonly available: true }
  | { readonly available: false; readonly reason: string };

export interface NameSources {
  readonly orgs: NameSource;
  readonly users: NameSource;
  /** Names of service users (v3); absent when the API has none to name. */
  readonly serviceUsers?: NameSource;
}

/** The whole computed report: pure data, ready for the workbook, the email and summary.json. */
export interface ChargebackReport {
  readonly period: ReportPeriod;
  readonly pricing: Pricing;
  readonly totals: UsageTotals;
  /** Sorted by ACUs descending, then org id. */
  readonly orgs: readonly OrgTotal[];
  /**
   * The people with the most ACUs (at most 10), each once with their total
   * over all orgs and the split per org: By User shows them once per org.
   */
  readonly topUsers: readonly PersonTotal[];
  /**
   * Sorted by ACUs descending; the untagged row last. Session-based on either
   * cost basis: the bill knows no tags. Each cost is the sum of its sessions'
   * `sessionCostMinor`.
   */
  readonly tags: readonly TagTotal[];
  /**
   * Sorted by sessions descending, then status. Session-based on either cost
   * basis (the bill knows no statuses), so on 'billed' they add up to the
   * session-based total, not to `totals`. Each cost is the sum of its
   * sessions' `sessionCostMinor`.
   */
  readonly statuses: readonly StatusTotal[];
  /**
   * Cost of each session in minor units, aligned with the session list the
   * report was built from (same index). On the 'sessions' basis it sums
   * exactly to `totals.costMinor`. On the 'billed' basis it holds the same
   * session-based costs (sessions are not billed one by one), so it sums to
   * the session-based total, not to the bill.
   */
  /**
   * The sessions' cents summed per org and per user, on either basis (on the billed basis the org
   * table holds the bill's); absent only on a report put together by hand.
   */
  readonly sessionCents?: SessionCents;
  readonly sessionCostMinor: BigInt64Array;
  /** Sessions that have not ended (status not terminal): the figures that can still change. */
  readonly unsettled: Unsettled;
  /**
   * Whether the run that made this report closes the period or is preliminary; set by the
   * pipeline, read by every sheet title, the Summary and the email. Absent on a report put
   * together by hand, which says neither.
   */
  readonly runStatus?: RunStatus | undefined;
  readonly names: NameSources;
  /** What the org and user tables charge: session lifetime ACUs (default) or billed ACUs. */
  readonly costBasis: CostBasis;
  /** Session-based ACUs beside the vendor's billed ACUs, or why that is missing. */
  readonly reconciliation: ReconciliationStatus;
  /**
   * On the billed basis with per-session consumption (v3): every session that consumed in the
   * period, with its in-period ACUs, for the Sessions sheet. Absent otherwise.
   */
  readonly billedSessions?: BilledSessions;
  /** Change against the previous period's summary.json, or why there is none. */
  readonly comparison: PeriodComparison;
  /** By cost centre and the journal, when the run had a cost-centre map. */
  readonly costCentres?: CostCentreReport | undefined;
}
