import type { CostCentreReport } from '#core/cost-centres/cost-centre-report.js';
import { formatAcus, formatMoney } from '#core/money/format.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { productName } from '#core/report/shared-products.js';
import { sharedCostRuleText } from '#core/shared-costs/shared-cost-rule.js';

/** How the shared products and the true-ups were charged, in a sentence each: under By Cost Centre and Journal. */
export function postingNotes(report: ChargebackReport, costCentres: CostCentreReport): string[] {
  const { shared, trueUps } = costCentres;
  const { pricing } = report;
  const notes: string[] = [];
  if (shared.charges.length > 0) {
    const products = shared.charges
      .map((c) => `${productName(c.product)} ${formatMoney(c.costMinor, pricing)}`)
      .join(', ');
    notes.push(
      shared.unallocated === null
        ? `Shared products (${products}; ${formatAcus(shared.acus)} ACUs) are charged back by the rule ${sharedCostRuleText(shared.rule)}${shared.rule.kind === 'proportional' ? ' (each cost centre by its usage cost)' : shared.rule.kind === 'even' ? ' (the same to each cost centre with usage)' : ''}.`
        : `Shared products (${products}) are not charged back: ${shared.unallocated}.`,
    );
  }
  const periods = trueUps?.periods ?? [];
  for (const q of periods.filter((p) => p.lines.length > 0)) {
    notes.push(
      `True-up ${q.period.label}: ${q.lines.length} ${q.lines.length === 1 ? 'session' : 'sessions'} changed by ${formatAcus(q.acus)} ACUs (${formatMoney(q.costMinor, q.pricing)} at ${q.period.label}'s price) after its close; see True-ups.`,
    );
  }
  // As the email says it: periods re-read without a change share one line, not a zero line each.
  const unchanged = periods.filter((p) => p.lines.length === 0).map((p) => p.period.label);
  if (unchanged.length > 0) notes.push(`True-ups: no change since their close: ${unchanged.join(', ')}.`);
  return notes;
}
