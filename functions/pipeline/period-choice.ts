import type { BillingCycle } from '#core/period/billing-cycle.js';
import { cyclePeriod } from '#core/period/cycle-period.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import { resolvePeriod } from '#core/period/resolve-period.js';
import { selectBillingCycle } from '#core/period/select-billing-cycle.js';
import type { DevinClient } from '#devin/client/devin-client.js';

/** What a person or the schedule asks for, before it is resolved to instants. */
export type PeriodChoice =
  | {
      readonly alignment: 'calendar' | 'billing-day';
      readonly month?: string | undefined;
      readonly from?: string | undefined;
      readonly to?: string | undefined;
    }
  | {
      readonly alignment: 'billing-cycle';
      /** Start day (YYYY-MM-DD) of the cycle; the latest ended cycle when absent. */
      readonly cycle?: string | undefined;
    };

export interface ResolvedPeriod {
  readonly period: ReportPeriod;
  /** The vendor's billing cycles, when the period is one (month-over-month needs the one before). */
  readonly cycles: readonly BillingCycle[] | undefined;
}

/** Thrown when a billing-cycle report is asked for and the API will not list cycles. */
export class BillingCyclesUnavailableError extends Error {
  override readonly name = 'BillingCyclesUnavailableError';
}

/**
 * Calendar and billing-day periods come from the dates alone; a billing cycle
 * needs the vendor's list of cycles, so it is the one choice that asks the API.
 */
export async function resolveReportPeriod(
  choice: PeriodChoice,
  options: {
    readonly timeZone: string;
    readonly now: Date;
    /**
     * Set for the schedule: the latest cycle it reports is the latest one that may close by now,
     * so a daily run on the day a cycle ends does not pick a cycle it must refuse to close.
     */
    readonly closeSettleHours?: number | undefined;
    readonly devin: Pick<DevinClient, 'listBillingCycles'>;
  },
): Promise<ResolvedPeriod> {
  if (choice.alignment !== 'billing-cycle') {
    const period = resolvePeriod(
      { month: choice.month, from: choice.from, to: choice.to, alignment: choice.alignment },
      { timeZone: options.timeZone, now: options.now },
    );
    return { period, cycles: undefined };
  }
  const listing = await options.devin.listBillingCycles();
  if (listing.kind !== 'ok') {
    throw new BillingCyclesUnavailableError(
      `billing cycles are not available (${listing.status}: ${listing.reason}); report a calendar or billing-day month instead`,
    );
  }
  const cycle = selectBillingCycle(
    listing.items,
    { cycle: choice.cycle, closeSettleHours: options.closeSettleHours },
    options.now,
  );
  return { period: cyclePeriod(cycle, options.now), cycles: listing.items };
}
