import type { FocusOptions } from './focus-options.js';

/**
 * The FOCUS billing account: the Devin enterprise whose bill this is. The
 * Devin API names no enterprise id, so it is configured; without one the API
 * host stands in (unique per dedicated deployment, `api.devin.ai` otherwise).
 */
export interface BillingAccount {
  readonly id: string;
  readonly name: string | null;
}

export function billingAccountOf(options: FocusOptions, apiHost: string): BillingAccount {
  return { id: options.billingAccountId ?? apiHost, name: options.billingAccountName ?? null };
}
