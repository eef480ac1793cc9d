/**
 * One of the vendor's billing cycles (GET /v2/enterprise/consumption/cycles),
 * as [start, end) instants. Cycles need not be calendar months.
 */
export interface BillingCycle {
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
}
