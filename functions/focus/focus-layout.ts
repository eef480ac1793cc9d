import type { ReportPeriod } from '#core/period/report-period.js';

/**
 * Where one period's FOCUS files live, relative to the dataset root
 * (`<REPORT_PREFIX>focus/` in S3, `<out>/focus/` on disk):
 *
 * - months, calendar or billing-day: `billing_period=2026-10/devin-focus-2026-10.parquet`
 *   (the partition the Glue table projects and the DuckDB view reads)
 * - ad-hoc ranges: `ad-hoc/range=2026-09-01_2026-09-15/devin-focus-2026-09-01_2026-09-15.parquet`
 * - billing cycles: `cycles/cycle=2026-09-03_2026-10-02/devin-focus-cycle_2026-09-03_2026-10-02.parquet`
 *
 * Ranges and cycles overlap months, so they stay out of the monthly table:
 * summing them with it would count the same ACUs twice. The schema metadata
 * and the optional CSV go under `metadata/` and `csv/` with the same partition
 * path, never inside a Parquet partition: Athena reads every object there.
 */
export interface FocusLayout {
  /** The partition folder, e.g. `billing_period=2026-10`. */
  readonly partition: string;
  /** YYYY-MM for months, null for ranges and cycles. */
  readonly billingPeriod: string | null;
  readonly parquet: string;
  readonly schema: string;
  readonly csv: string;
}

export function focusLayout(period: ReportPeriod): FocusLayout {
  const { partition, name, billingPeriod } = partitionOf(period);
  const base = `devin-focus-${name}`;
  return {
    partition,
    billingPeriod,
    parquet: `${partition}/${base}.parquet`,
    schema: `metadata/${partition}/${base}.schema.json`,
    csv: `csv/${partition}/${base}.csv.gz`,
  };
}

function partitionOf(period: ReportPeriod): {
  partition: string;
  name: string;
  billingPeriod: string | null;
} {
  if (period.kind === 'month') {
    // A billing-day month and a calendar month are two views of the same month: one partition, the last run wins.
    const month = period.slug.slice(0, 7);
    return { partition: `billing_period=${month}`, name: month, billingPeriod: month };
  }
  if (period.kind === 'cycle') {
    return {
      partition: `cycles/cycle=${period.firstDay}_${period.lastDay}`,
      name: period.slug,
      billingPeriod: null,
    };
  }
  return { partition: `ad-hoc/range=${period.slug}`, name: period.slug, billingPeriod: null };
}

/** The dataset's folder under the report prefix, in S3 and under the output folder alike. */
export const FOCUS_FOLDER = 'focus/';
