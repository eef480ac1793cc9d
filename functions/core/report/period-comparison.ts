import type { Acus } from '../money/acus.js';

/** One org's ACUs now and in the previous period. New and vanished orgs are kept, not dropped. */
export interface OrgChange {
  readonly orgId: string;
  readonly orgName: string | null;
  /** Null when the org had no usage in the previous period (new). */
  readonly previousAcus: Acus | null;
  /** Null when the org has no usage in this period (vanished). */
  readonly currentAcus: Acus | null;
  /** current − previous, treating a missing side as 0. */
  readonly changeAcus: Acus;
  /** change ÷ previous; null when there was nothing before. */
  readonly changeShare: number | null;
  /** The org's cents in the previous period; null when it had none or they were in another currency. */
  readonly previousCostMinor: bigint | null;
  /** current − previous cents, a missing side as 0; null when the currencies differ. */
  readonly changeCostMinor: bigint | null;
  readonly status: 'continuing' | 'new' | 'vanished';
}

/** Month-over-month: this period beside the previous one's summary.json. */
export type PeriodComparison =
  | {
      readonly available: true;
      readonly previous: { readonly label: string; readonly slug: string; readonly runId: string };
      readonly previousAcus: Acus;
      readonly changeAcus: Acus;
      readonly changeShare: number | null;
      /** The previous period's cost in minor units; null when it was in another currency. */
      readonly previousCostMinor: bigint | null;
      /** This period's cost − the previous one's; null when the currencies differ. */
      readonly changeCostMinor: bigint | null;
      /** Current orgs in report order, then vanished orgs by previous ACUs. */
      readonly orgs: readonly OrgChange[];
      /**
       * Why the two periods are not like for like (another cost basis, price or
       * alignment), in plain words; empty when they are. ACUs are compared anyway.
       */
      readonly caveats: readonly string[];
    }
  | { readonly available: false; readonly reason: string };
