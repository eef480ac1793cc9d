import { billingDaysOf } from '#core/period/billing-days-of.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { CostBasis } from '#core/report/cost-basis.js';

/** What the org and user tables charge, in the words every sheet repeats. */
export function costBasisText(basis: CostBasis): string {
  return basis === 'billed' ? 'billed ACUs (vendor consumption)' : 'session lifetime ACUs by creation date';
}

/** The line each table sheet carries under its table, so a sheet copied out alone still says it. */
export function costBasisLine(basis: CostBasis): string {
  return `Cost basis: ${costBasisText(basis)}`;
}

/** Header of the charged-ACU column: on the billed basis it must not read like the sessions' own ACUs. */
export function chargedAcusHeader(basis: CostBasis): string {
  return basis === 'billed' ? 'Billed ACUs' : 'ACUs';
}

/** Where the report's days start, as the About sheet states it. */
export function alignmentText(period: ReportPeriod): string {
  switch (period.alignment) {
    case 'billing-day':
      return 'Vendor billing days, 08:00 UTC';
    case 'billing-cycle':
      return 'Vendor billing cycle';
    default:
      return `Calendar days in ${period.timeZone}`;
  }
}

/** The billing days the bill was read for, the same days the pipeline asks the consumption endpoint for. */
export function billingDaysText(period: ReportPeriod): string {
  const { firstDay, lastDay } = billingDaysOf(period);
  const end = new Date(Date.parse(`${lastDay}T08:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  // The instants asked, as the vendor's date-time bounds take them: the end is the next day's start.
  return `billing days ${firstDay} to ${lastDay} (each from 08:00 UTC), both included: asked as ${firstDay}T08:00:00Z to ${end}T08:00:00Z, end excluded`;
}
