import type { Acus } from '../money/acus.js';

/**
 * The vendor's billing view of a period (GET /v2/enterprise/consumption/daily):
 * ACUs counted on the billing day they were consumed (days start 08:00 UTC),
 * including products that are not sessions.
 */
export interface BilledConsumption {
  /** First and last billing day asked for, YYYY-MM-DD, both included. */
  readonly firstDay: string;
  readonly lastDay: string;
  readonly totalAcus: Acus;
  readonly byDate: ReadonlyMap<string, Acus>;
  readonly byOrg: ReadonlyMap<string, Acus>;
  /** Null when the API left the optional per-user breakdown out. */
  readonly byUser: ReadonlyMap<string, Acus> | null;
  /**
   * v3 only: the billed ACUs no org carries, by product (devin, cascade, terminal, review), so the
   * Unattributed line can say what it is. Absent on v2, whose bill has no product split.
   */
  readonly unattributedByProduct?: ReadonlyMap<string, Acus>;
  /** v3 only: the whole bill by product (the session product is `devin`). */
  readonly byProduct?: ReadonlyMap<string, Acus>;
}

/** Reconciliation never fails a report: when the bill cannot be read, the report says why. */
export type BilledConsumptionResult =
  | { readonly available: true; readonly consumption: BilledConsumption }
  | { readonly available: false; readonly reason: string };
