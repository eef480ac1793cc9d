import { describe, expect, it } from 'vitest';
import { allocateSharedCosts } from '#core/shared-costs/allocate-shared-costs.js';
import { parseSharedCostRule, sharedCostRuleText } from '#core/shared-costs/shared-cost-rule.js';

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);
const ACU = 10n ** 12n;
// The demo's November non-session products at 2.25 USD.
const CHARGES = [
  { product: 'cascade', acus: 632454n * 10n ** 8n, costMinor: 14230n },
  { product: 'terminal', acus: 316227n * 10n ** 8n, costMinor: 7115n },
  { product: 'review', acus: 105409n * 10n ** 8n, costMinor: 2372n },
];
const RECIPIENTS = [
  { code: 'CC-110', usageMinor: 273150n },
  { code: 'CC-120', usageMinor: 218568n },
  { code: 'CC-130', usageMinor: 142101n },
  { code: 'CC-999', usageMinor: 1n },
  { code: 'CC-000', usageMinor: 0n },
];
const KNOWN = new Set(['CC-110', 'CC-120', 'CC-130', 'CC-999', 'CC-000', 'CC-900']);

describe('the shared-cost rules', () => {
  it('reads each form, case-insensitively, proportional by default, and names a bad one', () => {
    expect(parseSharedCostRule(undefined, 'SHARED_COSTS')).toEqual({ kind: 'proportional' });
    expect(parseSharedCostRule(' ', 'SHARED_COSTS')).toEqual({ kind: 'proportional' });
    expect(parseSharedCostRule('Even', 'SHARED_COSTS')).toEqual({ kind: 'even' });
    expect(parseSharedCostRule('none', 'SHARED_COSTS')).toEqual({ kind: 'none' });
    expect(parseSharedCostRule('to:CC-900', 'SHARED_COSTS')).toEqual({ kind: 'to', code: 'CC-900' });
    expect(sharedCostRuleText({ kind: 'to', code: 'CC-900' })).toBe('to:CC-900');
    expect(() => parseSharedCostRule('fair', '--shared-costs')).toThrow(
      '--shared-costs: "fair" is not a shared-cost rule (expected proportional, even, to:<cost centre> (e.g. to:CC-900) or none)',
    );
    expect(() => parseSharedCostRule('to:', 'SHARED_COSTS')).toThrow(
      'SHARED_COSTS: "to:" names no cost centre',
    );
  });

  for (const rule of ['proportional', 'even', 'to:CC-900'] as const) {
    it(`${rule}: every charge's shares add up to its cents and ACUs, ratios to 1`, () => {
      const shared = allocateSharedCosts({
        charges: CHARGES,
        recipients: RECIPIENTS,
        rule: parseSharedCostRule(rule, 'x'),
        knownCodes: KNOWN,
      });
      expect(shared.unallocated).toBeNull();
      expect(shared.costMinor).toBe(23717n);
      for (const charge of shared.charges) {
        expect(sum(charge.shares.map((s) => s.costMinor))).toBe(charge.costMinor);
        expect(sum(charge.shares.map((s) => s.acus))).toBe(charge.acus);
        expect(charge.shares.reduce((total, s) => total + s.ratio, 0)).toBeCloseTo(1, 12);
      }
      expect(sum([...shared.byCode.values()].map((c) => c.costMinor))).toBe(23717n);
      // A cost centre without usage is never charged by the usage-based rules.
      expect(shared.byCode.has('CC-000')).toBe(false);
    });
  }

  it('proportional follows usage cents; even splits alike; to: sends all to one', () => {
    const by = (rule: string) =>
      Object.fromEntries(
        [
          ...allocateSharedCosts({
            charges: CHARGES,
            recipients: RECIPIENTS,
            rule: parseSharedCostRule(rule, 'x'),
            knownCodes: KNOWN,
          }).byCode,
        ].map(([code, c]) => [code, c.costMinor]),
      );
    expect(by('proportional')).toEqual({ 'CC-110': 10221n, 'CC-120': 8179n, 'CC-130': 5317n, 'CC-999': 0n });
    expect(by('even')).toEqual({ 'CC-110': 5930n, 'CC-120': 5930n, 'CC-130': 5929n, 'CC-999': 5928n });
    expect(by('to:CC-900')).toEqual({ 'CC-900': 23717n });
  });

  it('none allocates nothing and says why; to: an unknown cost centre is refused', () => {
    const none = allocateSharedCosts({
      charges: CHARGES,
      recipients: RECIPIENTS,
      rule: { kind: 'none' },
      knownCodes: KNOWN,
    });
    expect(none.byCode.size).toBe(0);
    expect(none.costMinor).toBe(23717n);
    expect(none.unallocated).toMatch(/none/);
    expect(() =>
      allocateSharedCosts({
        charges: CHARGES,
        recipients: RECIPIENTS,
        rule: { kind: 'to', code: 'CC-404' },
        knownCodes: KNOWN,
        field: 'SHARED_COSTS',
      }),
    ).toThrow('SHARED_COSTS: "to:CC-404" names a cost centre the cost-centre map does not have');
    const noUsage = allocateSharedCosts({
      charges: CHARGES,
      recipients: [],
      rule: { kind: 'even' },
      knownCodes: KNOWN,
    });
    expect(noUsage.unallocated).toMatch(/no cost centre had usage/);
    expect(ACU).toBe(10n ** 12n);
  });
});
