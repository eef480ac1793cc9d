import { ACU_DECIMALS, type Acus, decimalStringToScaled } from '../money/acus.js';
import type { ReportPeriod } from '../period/report-period.js';
import type { ChargebackReport } from './chargeback-report.js';
import type { OrgChange, PeriodComparison } from './period-comparison.js';
import { byAmountDescending, byText } from './rank.js';
import { shareOf } from './share.js';
import type { SummaryDocument } from './summary-document-schema.js';

type Current = Pick<ChargebackReport, 'period' | 'pricing' | 'totals' | 'orgs' | 'costBasis'>;

/**
 * This period's ACUs beside the previous period's summary.json, per org.
 * ACUs, not cost: a price change would otherwise read as a change in use.
 */
export function comparePeriods(current: Current, previous: SummaryDocument): PeriodComparison {
  const previousAcus = exactAcus(previous.totals.acus.exact);
  // Cents of another currency (or of other minor digits) cannot be subtracted from these.
  const sameMoney =
    previous.pricing.currency === current.pricing.currency &&
    previous.pricing.minorDigits === current.pricing.minorDigits;
  const cents = (text: string): bigint | null => (sameMoney ? BigInt(text) : null);
  const before = new Map(previous.orgs.map((org) => [org.orgId, org]));
  const orgs: OrgChange[] = current.orgs.map((org) => {
    const earlier = before.get(org.orgId);
    return orgChangeOf(
      org.orgId,
      org.orgName ?? earlier?.orgName ?? null,
      earlier && { acus: exactAcus(earlier.acus.exact), costMinor: cents(earlier.cost.minor) },
      { acus: org.acus, costMinor: sameMoney ? org.costMinor : null },
    );
  });
  const seen = new Set(current.orgs.map((org) => org.orgId));
  const vanished = previous.orgs
    .filter((org) => !seen.has(org.orgId))
    .map((org) =>
      orgChangeOf(
        org.orgId,
        org.orgName,
        { acus: exactAcus(org.acus.exact), costMinor: cents(org.cost.minor) },
        undefined,
      ),
    )
    .sort(
      (a, b) => byAmountDescending(a.previousAcus ?? 0n, b.previousAcus ?? 0n) || byText(a.orgId, b.orgId),
    );
  const changeAcus = current.totals.acus - previousAcus;
  const previousCostMinor = cents(previous.totals.cost.minor);
  return {
    available: true,
    previous: { label: previous.period.label, slug: previous.period.slug, runId: previous.run.runId },
    previousAcus,
    changeAcus,
    changeShare: previousAcus === 0n ? null : shareOf(changeAcus, previousAcus),
    previousCostMinor,
    changeCostMinor: previousCostMinor === null ? null : current.totals.costMinor - previousCostMinor,
    orgs: [...orgs, ...vanished],
    caveats: caveats(current, previous),
  };
}

/** What the report says on a first run, or when the previous summary.json is missing. */
export function noPreviousReport(previousPeriod: Pick<ReportPeriod, 'label'>): {
  readonly available: false;
  readonly reason: string;
} {
  return {
    available: false,
    reason: `No report for ${previousPeriod.label} was found, so there is nothing to compare with`,
  };
}

/** One side of a change: ACUs, and cents when they compare (null in another currency). */
export interface Side {
  readonly acus: Acus;
  readonly costMinor: bigint | null;
}

/** An org's (or one of its cost centres') change; a missing side is new or vanished. */
export function orgChangeOf(
  orgId: string,
  orgName: string | null,
  before: Side | undefined,
  now: Side | undefined,
): OrgChange {
  const previousAcus = before?.acus;
  const currentAcus = now?.acus;
  const changeAcus = (currentAcus ?? 0n) - (previousAcus ?? 0n);
  const comparable = before?.costMinor !== null && now?.costMinor !== null;
  return {
    orgId,
    orgName,
    previousAcus: previousAcus ?? null,
    currentAcus: currentAcus ?? null,
    changeAcus,
    changeShare: previousAcus === undefined || previousAcus === 0n ? null : shareOf(changeAcus, previousAcus),
    previousCostMinor: before?.costMinor ?? null,
    changeCostMinor: comparable ? (now?.costMinor ?? 0n) - (before?.costMinor ?? 0n) : null,
    status: previousAcus === undefined ? 'new' : currentAcus === undefined ? 'vanished' : 'continuing',
  };
}

function caveats(current: Current, previous: SummaryDocument): string[] {
  const found: string[] = [];
  if (previous.costBasis !== current.costBasis) {
    found.push(
      `${previous.period.label} was charged by ${basisWords(previous.costBasis)}, this period by ${basisWords(current.costBasis)}: part of the change is the change of basis.`,
    );
  }
  const before = alignmentWords(previous.period);
  const now = alignmentWords(current.period);
  if (before !== now) {
    found.push(
      `${previous.period.label} counted ${before}, this period ${now}: the edges of the periods differ.`,
    );
  }
  const { pricing } = current;
  if (
    previous.pricing.unitPrice !== pricing.unitPriceText ||
    previous.pricing.currency !== pricing.currency
  ) {
    found.push(
      `The price per ACU changed from ${previous.pricing.currency} ${previous.pricing.unitPrice} to ${pricing.currency} ${pricing.unitPriceText}: the change in ACUs is not affected, the change in cost is.`,
    );
  }
  return found;
}

function basisWords(basis: SummaryDocument['costBasis']): string {
  return basis === 'billed' ? 'billed ACUs' : 'session ACUs';
}

function alignmentWords(period: Pick<ReportPeriod, 'alignment' | 'timeZone'>): string {
  if (period.alignment === 'billing-day') return 'billing days from 08:00 UTC';
  if (period.alignment === 'billing-cycle') return 'a billing cycle';
  return `calendar days in ${period.timeZone}`;
}

/** summary.json keeps ACUs as exact decimal text; the schema already checked its form. */
function exactAcus(text: string): Acus {
  return decimalStringToScaled(text, ACU_DECIMALS);
}
