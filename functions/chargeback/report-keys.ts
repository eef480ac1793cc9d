import type { ReportPeriod } from '../core/period/report-period.js';

/** Where one period's objects live in the bucket. */
export interface ReportKeys {
  readonly workbook: string;
  readonly sessions: string;
  readonly summary: string;
  /** Exists once the period's email has been claimed or sent. */
  readonly emailMarker: string;
  /** The journal as CSV, for the ERP import (runs with a cost-centre map). */
  readonly journal: string;
  /** The cost-centre map the report was built with, so a rerun can use the same one. */
  readonly costCentres: string;
  /** Folder of the showback slice workbooks, one per budget owner. */
  readonly showbackFolder: string;
  /** Folder of the per-owner showback email markers. */
  readonly showbackMarkers: string;
}

/**
 * Every period gets its own keys, so a run never overwrites another month:
 * `reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx`,
 * `reports/ad-hoc/2026-09-01_2026-09-15/devin-acu-chargeback-2026-09-01_2026-09-15.xlsx`.
 * Re-running the same period replaces its objects; bucket versioning keeps the old ones.
 */
export function reportKeys(prefix: string, period: ReportPeriod): ReportKeys {
  const base = `devin-acu-chargeback-${period.slug}`;
  const folder =
    period.kind === 'month'
      ? `${prefix}monthly/${period.slug.slice(0, 4)}/`
      : `${prefix}ad-hoc/${period.slug}/`;
  return {
    workbook: `${folder}${base}.xlsx`,
    sessions: `${folder}${base}.sessions.json.gz`,
    summary: `${folder}${base}.summary.json`,
    emailMarker: `${prefix}markers/${period.kind === 'month' ? 'monthly' : 'ad-hoc'}/${period.slug}.email.json`,
    journal: `${folder}${base}.journal.csv`,
    costCentres: `${folder}${base}.cost-centres.csv`,
    showbackFolder: `${folder}${base}.showback/`,
    showbackMarkers: `${prefix}markers/${period.kind === 'month' ? 'monthly' : 'ad-hoc'}/${period.slug}.showback/`,
  };
}
