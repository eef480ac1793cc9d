import type { Acus } from '../money/acus.js';
import { costOf, roundCostToMinor } from '../money/cost.js';
import type { ChargebackReport } from './chargeback-report.js';

export type PostingStepKind = 'billed' | 'timing' | 'shared-unposted' | 'true-ups' | 'posted';

/** One step from the bill to what the journal posts. */
export interface PostingStep {
  readonly kind: PostingStepKind;
  /** Signed: what the step adds (billed and posted: the total itself). */
  readonly acus: Acus;
  readonly costMinor: bigint;
}

/**
 * The walk's last leg, from the billed ACUs to the journal: the bill − the
 * timing this period does not post (sessions carried in and out, day
 * boundaries: what later true-ups clear) − any shared products the rule left
 * unposted + earlier periods' true-ups = what the journal posts. The timing
 * step is what remains, so the walk ends at the journal's cents exactly.
 * Null without the bill or a cost-centre map (no journal).
 */
export function postingWalk(report: ChargebackReport): readonly PostingStep[] | null {
  const costCentres = report.costCentres;
  if (costCentres === undefined || !report.reconciliation.available) return null;
  const { pricing } = report;
  const { journal, shared, trueUps } = costCentres;
  const billedAcus = report.reconciliation.reconciliation.totals.billedAcus;
  const billedMinor = roundCostToMinor(costOf(billedAcus, pricing), pricing);
  const usageAcus = costCentres.rows.reduce((sum, row) => sum + row.acus, 0n);
  const sharedPosted = shared.unallocated === null;
  const sharedUnposted = sharedPosted ? { acus: 0n, costMinor: 0n } : shared;
  const trueUpAcus = trueUps?.acus ?? 0n;
  const postedAcus = usageAcus + (sharedPosted ? shared.acus : 0n) + trueUpAcus;
  const timingMinor = billedMinor - journal.usageMinor - journal.sharedMinor - sharedUnposted.costMinor;
  const timingAcus = billedAcus - usageAcus - shared.acus;
  return [
    { kind: 'billed', acus: billedAcus, costMinor: billedMinor },
    { kind: 'timing', acus: -timingAcus, costMinor: -timingMinor },
    ...(sharedUnposted.costMinor === 0n && sharedUnposted.acus === 0n
      ? []
      : [
          {
            kind: 'shared-unposted' as const,
            acus: -sharedUnposted.acus,
            costMinor: -sharedUnposted.costMinor,
          },
        ]),
    { kind: 'true-ups', acus: trueUpAcus, costMinor: journal.trueUpMinor },
    { kind: 'posted', acus: postedAcus, costMinor: journal.postedMinor },
  ];
}
