import type { Pricing } from '../core/money/pricing.js';
import type { ReportPeriod } from '../core/period/report-period.js';
import type { ReportFilters } from '../core/report/run-info.js';

/** What one run is asked to produce; the same for the CLI and the Lambda. */
export interface ReportRequest {
  readonly period: ReportPeriod;
  readonly pricing: Pricing;
  readonly filters: ReportFilters;
  /** False stores the report without emailing anyone. */
  readonly email: boolean;
}
