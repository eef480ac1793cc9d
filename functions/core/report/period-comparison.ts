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
      /** Current orgs in report order, then vanished orgs by previous ACUs. */
      readonly orgs: readonly OrgChange[];
      /**
       * Why the two periods are not like for like (another cost basis, price or
       * alignment), in plain words; empty when they are. ACUs are compared anyway.
       */
      readonly caveats: readonly string[];
    }
  | { readonly available: false; readonly reason: string };
