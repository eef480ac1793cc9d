import { describe, expect, it } from 'vitest';
import { acusFromNumber } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { invoiceSentence, shareOfBill } from '#core/report/invoice-sentence.js';
import type { Reconciliation } from '#core/report/reconciliation.js';
import { invoiceSplit } from '#core/report/reconciliation-costs.js';

/** Price 1.00, so ACUs are the cents: a bill of USD 10,131.27. */
const ONE = parsePricing('1', 'USD');
const reconciliation = {
  orgs: [
    { id: 'org-a', billedAcus: acusFromNumber(9886.79) },
    { id: null, billedAcus: acusFromNumber(244.48) },
  ],
  totals: { billedAcus: acusFromNumber(10131.27) },
} as unknown as Reconciliation;

/**
 * September's shape in the demo: usage 9,751.84 + shared 244.49 is 134.94 short of the bill,
 * but the journal also posts 133.88 of true-ups, so it is 1.06 short (the Summary said 134.94).
 */
function september(trueUpMinor: bigint): ChargebackReport {
  const usageMinor = 975_184n;
  const sharedMinor = 24_449n;
  return {
    pricing: ONE,
    costBasis: 'sessions',
    totals: { costMinor: usageMinor },
    costCentres: {
      shared: { unallocated: null, costMinor: sharedMinor },
      journal: { usageMinor, sharedMinor, trueUpMinor, postedMinor: usageMinor + sharedMinor + trueUpMinor },
    },
  } as unknown as ChargebackReport;
}

describe('the invoice split with a journal', () => {
  it('states the journal’s own shortfall, true-ups included', () => {
    const split = invoiceSplit(reconciliation, september(13_388n));
    expect(split.chargedCostMinor).toBe(1_013_021n);
    expect(split.notChargedCostMinor).toBe(106n);
    expect(invoiceSentence(split, ONE)).toBe(
      'Of the USD 10,131.27 billed, this report charges back USD 10,130.21 (just under 100%), shared products and USD 133.88 of true-ups of earlier closed periods included; USD 1.06 (under 0.1%) short of the bill: the timing not posted this period (sessions carried in and out, day boundaries), net of the true-ups.',
    );
  });

  it('states an excess as the journal posts it', () => {
    const split = invoiceSplit(reconciliation, september(14_090n));
    expect(split.notChargedCostMinor).toBe(-596n);
    expect(invoiceSentence(split, ONE)).toContain(': USD 5.96 more than billed');
  });

  it('never rounds a share of the bill onto 100.0% or 0.0% when it is not all or nothing', () => {
    expect(shareOfBill(946_307n, 946_403n)).toBe('just under 100%');
    expect(shareOfBill(946_499n, 946_403n)).toBe('just over 100%');
    expect(shareOfBill(96n, 946_403n)).toBe('under 0.1%');
    expect(shareOfBill(946_403n, 946_403n)).toBe('100.0%');
    expect(shareOfBill(900_000n, 946_403n)).toBe('95.1%');
  });
});
