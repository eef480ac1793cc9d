import type { RunInfo } from '#core/report/run-info.js';
import type { FocusOptions } from './focus-options.js';

/**
 * The FOCUS billing account: the Devin enterprise whose bill this is. The
 * Devin API names no enterprise id, so it is configured; without one the API
 * host stands in (unique per dedicated deployment, `api.devin.ai` otherwise).
 * The demo has its own fixed account: its fake API's loopback port changes
 * every run.
 */
export interface BillingAccount {
  readonly id: string;
  readonly name: string | null;
}

export const DEMO_BILLING_ACCOUNT: BillingAccount = { id: 'demo-enterprise', name: 'Demo Enterprise' };

export function billingAccountOf(
  options: FocusOptions,
  run: Pick<RunInfo, 'apiHost' | 'source'>,
): BillingAccount {
  const fallback = run.source === 'demo' ? DEMO_BILLING_ACCOUNT : { id: run.apiHost, name: null };
  return {
    id: options.billingAccountId ?? fallback.id,
    name: options.billingAccountName ?? (options.billingAccountId === undefined ? fallback.name : null),
  };
}
