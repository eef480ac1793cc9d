import { describe, expect, it } from 'vitest';
import { acusFromNumber } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { bridgeToBill } from '#core/report/bridge.js';
import type { SessionEdge } from '#core/report/session-edges.js';
import { billedConsumption } from './billed-fixture.js';

const A = acusFromNumber;
const PRICE = parsePricing('2.25', 'USD');

function edge(origin: SessionEdge['origin'], before: number, inPeriod: number, after: number): SessionEdge {
  return {
    sessionId: `s-${origin}-${before}-${inPeriod}-${after}`,
    origin,
    lifetimeAcus: A(before + inPeriod + after),
    beforeAcus: A(before),
    inPeriodAcus: A(inPeriod),
    afterAcus: A(after),
  };
}

const bill = (total: number, products: Record<string, number>) => ({
  ...billedConsumption({ totalAcus: total, byOrg: {}, byUser: null }),
  byProduct: new Map(Object.entries(products).map(([p, acus]) => [p, A(acus)])),
});

describe('bridgeToBill', () => {
  it('walks session ACUs to the bill step by step, and the cents add up to the bill exactly', () => {
    // Sessions: 100.004 lifetime; 3.333 of it after the period; 0.5 before its first billing day.
    // Before the period: 7.777 consumed inside. After it: 1.111 consumed inside. Products 5.005.
    const edges = [
      edge('in-period', 0, 10, 3.333),
      edge('in-period', 0.5, 2, 0),
      edge('before-period', 4, 7.777, 0),
      edge('after-period', 0, 1.111, 2),
    ];
    const devin = 100.004 - 3.333 - 0.5 + 7.777 + 1.111;
    const result = bridgeToBill({
      sessionAcus: A(100.004),
      billed: bill(devin + 5.005, { devin, cascade: 3.003, terminal: 2.002 }),
      edges: { available: true, edges },
      pricing: PRICE,
    });
    expect(result.available).toBe(true);
    if (!result.available) return;
    const lines = result.bridge.lines;
    expect(lines.map((l) => [l.kind, l.product ?? null, l.acus])).toEqual([
      ['session-acus', null, A(100.004)],
      ['carried-out', null, -A(3.333)],
      ['carried-in', null, A(7.777)],
      ['non-session-product', 'cascade', A(3.003)],
      ['non-session-product', 'terminal', A(2.002)],
      ['day-boundary', null, A(1.111) - A(0.5)],
      ['unexplained', null, 0n],
      ['billed', null, A(devin + 5.005)],
    ]);
    const steps = lines.slice(0, -1);
    expect(steps.reduce((sum, l) => sum + l.costMinor, 0n)).toBe(lines.at(-1)?.costMinor);
    expect(lines.find((l) => l.kind === 'carried-out')?.costMinor).toBeLessThan(0n);
  });

  it('puts what the steps do not account for on the unexplained line, in the open', () => {
    const result = bridgeToBill({
      sessionAcus: A(10),
      billed: bill(12.5, { devin: 12.5 }),
      edges: { available: true, edges: [] },
      pricing: PRICE,
    });
    expect(result.available && result.bridge.unexplainedAcus).toBe(A(2.5));
  });

  it('passes on why the edges are missing, and needs the bill by product', () => {
    const noEdges = bridgeToBill({
      sessionAcus: A(1),
      billed: bill(1, { devin: 1 }),
      edges: { available: false, reason: 'no per-session consumption on v2' },
      pricing: PRICE,
    });
    expect(noEdges).toEqual({ available: false, reason: 'no per-session consumption on v2' });
    const noProducts = bridgeToBill({
      sessionAcus: A(1),
      billed: billedConsumption({ totalAcus: 1, byOrg: {}, byUser: null }),
      edges: { available: true, edges: [] },
      pricing: PRICE,
    });
    expect(noProducts.available).toBe(false);
  });
});
