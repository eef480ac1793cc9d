import { formatAcus, formatMoney, formatShare } from '../core/money/format.js';
import type { ChargebackReport } from '../core/report/chargeback-report.js';
import { invoiceSentence } from '../core/report/invoice-sentence.js';
import { invoiceSplit } from '../core/report/reconciliation-costs.js';
import { cleanApiText } from './clean-api-text.js';
import type { Figure } from './email-content.js';
import { formatSignedAcus, formatSignedMoney, formatSignedShare } from './email-figures.js';

/** How much of the bill the report charges back, or why that is unknown: read right after the cost. */
export function allocatedShareFigure({ reconciliation }: ChargebackReport): Figure {
  const label = 'Share of the bill';
  if (!reconciliation.available) {
    return { label, value: `Unknown: ${cleanApiText(reconciliation.reason)}` };
  }
  const { allocatedShare, totals } = reconciliation.reconciliation;
  if (allocatedShare === null) return { label, value: 'Nothing was billed for the period' };
  return {
    label,
    value: `This report charges back ${formatShare(allocatedShare)} of the ${formatAcus(totals.billedAcus)} ACUs billed for the period`,
  };
}

/** The invoice in money: how much of it is charged back and how much is not. */
export function invoiceFigure(report: ChargebackReport): Figure | null {
  const { reconciliation, pricing } = report;
  if (!reconciliation.available) return null;
  return {
    label: 'Invoice',
    value: invoiceSentence(invoiceSplit(reconciliation.reconciliation, report), pricing).replace(/\.$/, ''),
  };
}

/** The total's change against the previous period, in ACUs and in money, or why there is none. */
export function totalChangeFigure({ comparison, pricing }: ChargebackReport): Figure {
  if (!comparison.available) return { label: 'Month over month', value: cleanApiText(comparison.reason) };
  const share =
    comparison.changeShare === null
      ? ''
      : ` (${formatSignedShare(comparison.changeShare)} of the previous ACUs)`;
  const money =
    comparison.changeCostMinor === null || comparison.previousCostMinor === null
      ? ''
      : `; ${formatSignedMoney(comparison.changeCostMinor, pricing)}, from ${formatMoney(comparison.previousCostMinor, pricing)}`;
  return {
    label: `Change vs ${cleanApiText(comparison.previous.label)}`,
    value: `${formatSignedAcus(comparison.changeAcus)} ACUs${share}, from ${formatAcus(comparison.previousAcus)} ACUs${money}`,
  };
}

/** Why this month and the previous one are not like for like: it changes how the change must be read. */
export function comparisonNotices({ comparison }: ChargebackReport): string[] {
  if (!comparison.available) return [];
  return comparison.caveats.map((caveat) => `Month over month: ${cleanApiText(caveat)}`);
}
