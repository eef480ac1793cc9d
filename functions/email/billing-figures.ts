import { formatAcus, formatMoney, formatShare } from '#core/money/format.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { invoiceSentence } from '#core/report/invoice-sentence.js';
import { invoiceSplit } from '#core/report/reconciliation-costs.js';
import { shareOf } from '#core/report/share.js';
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
    // Session usage only: with shared products allocated, the report charges back the whole bill
    // (see Billed), so "charges back" here would contradict it.
    value: `Sessions account for ${formatShare(allocatedShare)} of the ${formatAcus(totals.billedAcus)} ACUs billed for the period`,
  };
}

/** The invoice in money: how much of it is charged back and how much is not. */
export function invoiceFigure(report: ChargebackReport): Figure | null {
  const { reconciliation, pricing } = report;
  if (!reconciliation.available) return null;
  return {
    label: 'Billed',
    value: invoiceSentence(invoiceSplit(reconciliation.reconciliation, report), pricing).replace(/\.$/, ''),
  };
}

/** The headline's change: in money first, its % of the previous cost, or why there is none. */
export function totalCostChangeFigure({ comparison, pricing }: ChargebackReport): Figure {
  if (!comparison.available) return { label: 'Month over month', value: cleanApiText(comparison.reason) };
  const label = `Change vs ${cleanApiText(comparison.previous.label)}`;
  if (comparison.changeCostMinor === null || comparison.previousCostMinor === null) {
    return {
      label,
      value: `${formatSignedAcus(comparison.changeAcus)} ACUs, from ${formatAcus(comparison.previousAcus)} ACUs (the previous period was in another currency)`,
    };
  }
  const share =
    comparison.previousCostMinor === 0n
      ? ''
      : ` (${formatSignedShare(shareOf(comparison.changeCostMinor, comparison.previousCostMinor))})`;
  return {
    label,
    value: `${formatSignedMoney(comparison.changeCostMinor, pricing)}${share}, from ${formatMoney(comparison.previousCostMinor, pricing)}`,
  };
}

/** The change in ACUs, second to the money: "+819.99 ACUs (+25.0%), from 3,280.41 ACUs". */
export function acuChangeFigure({ comparison }: ChargebackReport): Figure | null {
  if (!comparison.available) return null;
  const share = comparison.changeShare === null ? '' : ` (${formatSignedShare(comparison.changeShare)})`;
  return {
    label: 'Change in ACUs',
    value: `${formatSignedAcus(comparison.changeAcus)} ACUs${share}, from ${formatAcus(comparison.previousAcus)} ACUs`,
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
