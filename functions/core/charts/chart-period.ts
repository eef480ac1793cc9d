import type { ReportPeriod } from '../period/report-period.js';

const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** A period as a chart names it: in full in titles and text, in two short lines under a column. */
export interface ChartPeriod {
  readonly slug: string;
  /** 'November 2026' */
  readonly label: string;
  /** ['Nov', '2026'] for a month, ['5 Nov', '2026'] for a cycle or range (its first day). */
  readonly axisLabel: readonly [string, string];
  /** Inclusive start, to order periods. */
  readonly from: Date;
}

export function chartPeriod(
  period: Pick<ReportPeriod, 'slug' | 'label' | 'kind' | 'firstDay'> & { readonly from: Date | string },
): ChartPeriod {
  const [year = '', month = '1', day = '1'] = period.firstDay.split('-');
  const monthName = SHORT_MONTHS[Number(month) - 1] ?? month;
  const first = period.kind === 'month' ? monthName : `${Number(day)} ${monthName}`;
  return {
    slug: period.slug,
    label: period.label,
    axisLabel: [first, year],
    from: typeof period.from === 'string' ? new Date(period.from) : period.from,
  };
}
