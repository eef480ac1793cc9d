import { InvalidInputError } from '../errors.js';

/**
 * How the bill's non-session products (Cascade, Terminal, Review, …) are
 * charged back: by each cost centre's usage cost (`proportional`), the same to
 * every cost centre with usage (`even`), all to one cost centre (`to:CC-900`),
 * or not at all (`none`: they stay on the Reconciliation sheet, unposted).
 */
export type SharedCostRule =
  | { readonly kind: 'proportional' }
  | { readonly kind: 'even' }
  | { readonly kind: 'to'; readonly code: string }
  | { readonly kind: 'none' };

export const DEFAULT_SHARED_COST_RULE: SharedCostRule = { kind: 'proportional' };

const FORMS = 'proportional, even, to:<cost centre> (e.g. to:CC-900) or none';

/**
 * Reads the setting (`sharedCosts` context, `SHARED_COSTS`, `--shared-costs`);
 * blank or absent is the default, `proportional`.
 *
 * @param field the name the caller knows the setting by
 */
export function parseSharedCostRule(text: string | undefined, field: string): SharedCostRule {
  const value = text?.trim() ?? '';
  if (value === '') return DEFAULT_SHARED_COST_RULE;
  const lower = value.toLowerCase();
  if (lower === 'proportional' || lower === 'even' || lower === 'none') return { kind: lower };
  if (lower.startsWith('to:')) {
    const code = value.slice(3).trim();
    if (code === '') throw new InvalidInputError(field, text, 'names no cost centre after "to:"');
    return { kind: 'to', code };
  }
  throw new InvalidInputError(field, text, `is not a shared-cost rule (expected ${FORMS})`);
}

/** The rule as it is written in settings, and as FOCUS's AllocatedMethodId carries it. */
export function sharedCostRuleText(rule: SharedCostRule): string {
  return rule.kind === 'to' ? `to:${rule.code}` : rule.kind;
}
