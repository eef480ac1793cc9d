import type { RunFiles } from '#close/run-files.js';
import type { Pricing } from '#core/money/pricing.js';
import type { BillingCycle } from '#core/period/billing-cycle.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { CostBasis } from '#core/report/cost-basis.js';
import type { ReportFilters } from '#core/report/run-info.js';
import type { RunStatus } from '#core/report/run-status.js';
import type { ClosedPeriodReader } from '#true-ups/closed-period-files.js';
import type { CostCentreSetup } from './cost-centre-setup.js';

/** What one run is asked to produce; the same for the CLI and the Lambda. */
export interface ReportRequest {
  readonly period: ReportPeriod;
  readonly pricing: Pricing;
  readonly filters: ReportFilters;
  /** Session lifetime ACUs (the default) or the vendor's billed ACUs. */
  readonly costBasis: CostBasis;
  /** The vendor's billing cycles, when the period is one: month-over-month needs the cycle before. */
  readonly cycles?: readonly BillingCycle[] | undefined;
  /** 'closed' makes this run the period's record (the delivery's closer writes the close record); else 'preliminary'. */
  readonly runStatus: RunStatus;
  /** Which names the run's files take: the period's record (default), a preview beside it, or a filtered slice. */
  readonly files?: RunFiles | undefined;
  /** False stores the report without emailing anyone. */
  readonly email: boolean;
  /** The cost-centre map and credit accounts: By Cost Centre, Journal and showback; none without a map. */
  readonly costCentres?: CostCentreSetup | undefined;
  /**
   * Session rows the workbook lists at most (`--max-session-rows`, MAX_SESSION_ROWS);
   * DEFAULT_MAX_SESSION_ROWS when absent. Every total covers all sessions.
   */
  readonly maxSessionRows?: number | undefined;
  /**
   * Where earlier closed periods are read from, and how many months back: a closing run posts
   * their changes since their close as true-ups. Absent, or on a preliminary run: none.
   */
  readonly trueUps?: { readonly months: number; readonly read: ClosedPeriodReader } | undefined;
}
