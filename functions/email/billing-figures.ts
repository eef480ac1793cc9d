import { formatAcus, formatShare } from '../core/money/format.js';
import type { ChargebackReport } from '../core/report/chargeback-report.js';
import { cleanApiText } from './clean-api-text.js';
import type { Figure } from './email-content.js';
import { formatSignedAcus, formatSignedShare } from './email-figures.js';

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

/** The total's change against the previous period, or why there is none. */
export function totalChangeFigure({ comparison }: ChargebackReport): Figure {
  if (!comparison.available) return { label: 'Month over month', value: cleanApiText(comparison.reason) };
  const share = comparison.changeShare === null ? '' : ` (${formatSignedShare(comparison.changeShare)})`;
  return {
    label: `Change vs ${cleanApiText(comparison.previous.label)}`,
    value: `${formatSignedAcus(comparison.changeAcus)} ACUs${share}, from ${formatAcus(comparison.previousAcus)} ACUs`,
  };
}

/** Why this month and the previous one are not like for like: it changes how the change must be read. */
export function comparisonNotices({ comparison }: ChargebackReport): string[] {
  if (!comparison.available) return [];
  return comparison.caveats.map((caveat) => `Month over month: ${cleanApiText(caveat)}`);
}
