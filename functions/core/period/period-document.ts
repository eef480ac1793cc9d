import type { PeriodAlignment, ReportPeriod } from './report-period.js';

/** A period as the stored JSON records write it (summary.json, the close record): instants as ISO strings. */
export interface PeriodDocument {
  readonly kind: ReportPeriod['kind'];
  readonly alignment: PeriodAlignment;
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly label: string;
  readonly slug: string;
}

export function toPeriodDocument(period: ReportPeriod): PeriodDocument {
  return {
    kind: period.kind,
    alignment: period.alignment,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    timeZone: period.timeZone,
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    label: period.label,
    slug: period.slug,
  };
}
