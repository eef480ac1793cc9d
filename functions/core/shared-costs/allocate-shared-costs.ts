import { InvalidInputError } from '../errors.js';
import type { Acus } from '../money/acus.js';
import { splitByWeights } from '../money/split-by-weights.js';
import type { SharedCostRule } from './shared-cost-rule.js';
import { sharedCostRuleText } from './shared-cost-rule.js';
import type { SharedCharge, SharedCosts, SharedShare } from './shared-costs.js';

/** A cost centre that had usage in the period: what `proportional` and `even` weigh by. */
export interface UsageRecipient {
  readonly code: string;
  readonly usageMinor: bigint;
}

/**
 * Splits each shared charge over cost centres by the rule. Cents and ACUs are
 * split by the same integer weights with largest remainders, so every
 * charge's shares add up to its cents and ACUs exactly, and the pool to the
 * sum of the charges; nothing is rounded twice.
 *
 * @param knownCodes the map's cost centres, which a `to:` rule must name
 * @throws InvalidInputError when `to:` names a cost centre the map does not have
 */
export function allocateSharedCosts(input: {
  readonly charges: readonly { readonly product: string; readonly acus: Acus; readonly costMinor: bigint }[];
  readonly recipients: readonly UsageRecipient[];
  readonly rule: SharedCostRule;
  readonly knownCodes: ReadonlySet<string>;
  /** The setting's name, for the error (`--shared-costs`, `SHARED_COSTS`). */
  readonly field?: string;
}): SharedCosts {
  const { rule } = input;
  const charges = input.charges.filter((c) => c.acus !== 0n || c.costMinor !== 0n);
  const acus = charges.reduce((sum, c) => sum + c.acus, 0n);
  const costMinor = charges.reduce((sum, c) => sum + c.costMinor, 0n);
  if (rule.kind === 'to' && !input.knownCodes.has(rule.code)) {
    throw new InvalidInputError(
      input.field ?? 'sharedCosts',
      sharedCostRuleText(rule),
      'names a cost centre the cost-centre map does not have',
    );
  }
  const weights = weightsOf(rule, input.recipients);
  const unallocated =
    rule.kind === 'none'
      ? 'the shared-cost rule is none: non-session products are not charged back'
      : weights.length === 0
        ? `no cost centre had usage to share non-session products by (rule ${sharedCostRuleText(rule)})`
        : null;
  const pending = charges.map((c): SharedCharge => ({ ...c, shares: [] }));
  if (unallocated !== null || charges.length === 0) {
    return { rule, charges: pending, acus, costMinor, byCode: new Map(), unallocated };
  }
  const weightTotal = weights.reduce((sum, w) => sum + w.weight, 0n);
  const byCode = new Map<string, { acus: Acus; costMinor: bigint }>();
  const allocated = charges.map((charge): SharedCharge => {
    const cents = splitByWeights(
      charge.costMinor,
      weights.map((w) => w.weight),
    );
    const units = splitByWeights(
      charge.acus,
      weights.map((w) => w.weight),
    );
    const shares = weights.map(
      (w, i): SharedShare => ({
        code: w.code,
        acus: units[i] ?? 0n,
        costMinor: cents[i] ?? 0n,
        ratio: Number(w.weight) / Number(weightTotal),
      }),
    );
    for (const share of shares) {
      const sum = byCode.get(share.code) ?? { acus: 0n, costMinor: 0n };
      byCode.set(share.code, { acus: sum.acus + share.acus, costMinor: sum.costMinor + share.costMinor });
    }
    return { ...charge, shares };
  });
  return { rule, charges: allocated, acus, costMinor, byCode, unallocated: null };
}

function weightsOf(
  rule: SharedCostRule,
  recipients: readonly UsageRecipient[],
): { code: string; weight: bigint }[] {
  switch (rule.kind) {
    case 'none':
      return [];
    case 'to':
      return [{ code: rule.code, weight: 1n }];
    case 'even':
      return recipients.filter((r) => r.usageMinor > 0n).map((r) => ({ code: r.code, weight: 1n }));
    case 'proportional':
      return recipients.filter((r) => r.usageMinor > 0n).map((r) => ({ code: r.code, weight: r.usageMinor }));
  }
}
