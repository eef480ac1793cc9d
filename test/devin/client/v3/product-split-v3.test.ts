import { afterEach, describe, expect, it } from 'vitest';
import { type Acus, acusFromNumber } from '#core/money/acus.js';
import type { BilledConsumption, BilledConsumptionResult } from '#core/report/billed-consumption.js';
import { ContradictoryBillError } from '#devin/client/contradictory-bill-error.js';
import { dailyConsumptionFromWireV3, PRODUCT_NOT_STATED } from '#devin/client/v3/wire-consumption-v3.js';
import { consumptionLedger } from '#devin/fake/consumption-ledger.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import { splitNonSession } from '#devin/fake/v3/non-session-products.js';
import { startV3Harness, type V3Harness } from './v3-harness.js';

const NOW = new Date('2026-11-17T10:30:00Z');
const demo = demoDataset(NOW);
const OCTOBER = { firstDay: '2026-10-01', lastDay: '2026-10-31' };
const sum = (values: Iterable<Acus>): Acus => [...values].reduce((a, b) => a + b, 0n);

let harness: V3Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

function bill(result: BilledConsumptionResult): BilledConsumption {
  if (!result.available) throw new Error(`expected a bill, got: ${result.reason}`);
  return result.consumption;
}

describe('a v3 bill whose products do not add up to the day', () => {
  it('keeps the bill and states the rest as a product of its own (fake: listed products only)', async () => {
    harness = await startV3Harness(demo, { productSplit: 'listed-products-only' });
    const short = bill(await harness.client.fetchBilledConsumption(OCTOBER));
    const ledger = consumptionLedger(demo);
    const review = sum(
      [...ledger.nonSession]
        .filter(([day]) => day >= OCTOBER.firstDay && day <= OCTOBER.lastDay)
        .map(([, acus]) => splitNonSession(acus).review),
    );
    expect(review).toBeGreaterThan(0n);
    expect(short.byProduct?.has('review')).toBe(false);
    expect(short.byProduct?.get(PRODUCT_NOT_STATED)).toBe(review);
    expect(short.unattributedByProduct?.get(PRODUCT_NOT_STATED)).toBe(review);
    // The same total as the fake answering with every product: nothing of the bill is lost.
    await harness.api.close();
    harness = await startV3Harness(demo);
    const full = bill(await harness.client.fetchBilledConsumption(OCTOBER));
    expect(short.totalAcus).toBe(full.totalAcus);
    expect(sum(short.byProduct?.values() ?? [])).toBe(short.totalAcus);
    expect(full.byProduct?.has(PRODUCT_NOT_STATED)).toBe(false);
  });
});

describe('dailyConsumptionFromWireV3', () => {
  const asked = { firstDay: '2025-12-05', lastDay: '2025-12-06' };
  const DAY1 = 1764921600; // 2025-12-05T08:00Z
  const DAY2 = DAY1 + 86_400;
  const body = (days: { date: number; acus: number; acus_by_product?: Record<string, number> }[]) => ({
    total_acus: days.reduce((a, d) => a + d.acus, 0),
    consumption_by_date: days,
  });

  it('keeps a product the docs do not list under its own name, and a short day as not stated', () => {
    const parsed = dailyConsumptionFromWireV3(
      body([
        { date: DAY1, acus: 10, acus_by_product: { devin: 6, cascade: 1, voice: 2 } },
        { date: DAY2, acus: 4, acus_by_product: { devin: 4 } },
      ]),
      asked,
    );
    expect(parsed.ok && [...parsed.daily.byProduct]).toEqual([
      ['devin', acusFromNumber(10)],
      ['cascade', acusFromNumber(1)],
      ['voice', acusFromNumber(2)],
      [PRODUCT_NOT_STATED, acusFromNumber(1)],
    ]);
  });

  it('states a day without a split as not stated when other days split theirs', () => {
    const parsed = dailyConsumptionFromWireV3(
      body([
        { date: DAY1, acus: 3, acus_by_product: { devin: 3 } },
        { date: DAY2, acus: 2 },
      ]),
      asked,
    );
    expect(parsed.ok && parsed.daily.byProduct.get(PRODUCT_NOT_STATED)).toBe(acusFromNumber(2));
  });

  it.each([
    [
      'a day below its products',
      body([{ date: DAY2, acus: 1, acus_by_product: { devin: 1, cascade: 0.5 } }]),
      { day: '2025-12-06', field: 'consumption_by_date[].acus' },
    ],
    [
      'a negative product',
      body([{ date: DAY1, acus: 1, acus_by_product: { devin: 2, cascade: -1 } }]),
      { day: '2025-12-05', field: 'consumption_by_date[].acus_by_product.cascade' },
    ],
    [
      'a negative day',
      { total_acus: 0, consumption_by_date: [{ date: DAY1, acus: -1 }] },
      { day: '2025-12-05', field: 'consumption_by_date[].acus' },
    ],
  ])('refuses %s with a typed error naming the day and the field', (_, wire, at) => {
    const parsed = dailyConsumptionFromWireV3(wire, asked);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.contradiction).toBeInstanceOf(ContradictoryBillError);
    expect(parsed.contradiction).toMatchObject(at);
    expect(parsed.reason).toContain(at.day);
    expect(parsed.reason).toContain(at.field);
  });
});
