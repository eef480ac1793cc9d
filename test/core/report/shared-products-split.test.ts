import { describe, expect, it } from 'vitest';
import type { CostCentreMap } from '#core/cost-centres/cost-centre-map.js';
import { sharedPool } from '#core/cost-centres/shared-pool.js';
import { acusFromNumber } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { Reconciliation } from '#core/report/reconciliation.js';
import { invoiceSplit } from '#core/report/reconciliation-costs.js';
import { sharedProductsSplit } from '#core/report/shared-products.js';

const USD = parsePricing('2.25', 'USD');
/** sharedPool reads only the org rules, on the billed basis. */
const MAP = { orgRules: new Map() } as unknown as CostCentreMap;

/**
 * Three products of 0.002 ACUs: each is USD 0.0045, a cent rounded on its own (0.00 each),
 * while the three together are USD 0.0135, 0.01 once rounded. The demo's August had the same
 * shape: 141.57 + 70.78 + 23.59 = 235.94 on the journal against 235.95 on Summary.
 */
const products = new Map([
  ['devin', 0n],
  ['cascade', acusFromNumber(0.002)],
  ['terminal', acusFromNumber(0.002)],
  ['review', acusFromNumber(0.002)],
]);
const unattributed = acusFromNumber(0.006);
const orgAcus = acusFromNumber(10);
const reconciliation = {
  orgs: [
    { id: 'org-a', billedAcus: orgAcus },
    { id: null, billedAcus: unattributed },
  ],
  totals: { billedAcus: orgAcus + unattributed },
  unattributedAcus: unattributed,
  unattributedByProduct: products,
} as unknown as Reconciliation;
const report = {
  pricing: USD,
  costBasis: 'sessions',
  totals: { costMinor: 2250n },
  reconciliation: { available: true, reconciliation },
} as unknown as ChargebackReport;

describe('one split of the shared products', () => {
  it('allocates the shared products once, so the journal pool is the Summary figure to the cent', () => {
    const split = sharedProductsSplit(reconciliation, USD);
    expect(split.totalMinor).toBe(invoiceSplit(reconciliation, report).unattributedCostMinor);
    expect(split.lines.reduce((sum, line) => sum + line.costMinor, 0n)).toBe(split.totalMinor);
    const pool = sharedPool(report, undefined, MAP);
    expect(pool.charges.map((c) => c.product)).toEqual(['cascade', 'terminal', 'review']);
    expect(pool.charges.reduce((sum, c) => sum + c.costMinor, 0n)).toBe(split.totalMinor);
    expect(pool.charges.map((c) => c.costMinor)).toEqual(split.lines.map((line) => line.costMinor));
  });
});
