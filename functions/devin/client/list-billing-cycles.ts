import type { BillingCycle } from './billing-cycle.js';
import { billingCyclesFromWire } from './billing-cycle.js';
import { DevinApiError } from './devin-api-error.js';
import { getJson } from './get-json.js';
import type { HttpSettings } from './http-settings.js';
import type { Listing } from './listing.js';
import { unavailableReason } from './unavailable-reason.js';

export const CONSUMPTION_CYCLES_PATH = '/v2/enterprise/consumption/cycles';

const UNAVAILABLE_STATUSES = new Set([403, 404]);

/**
 * The enterprise's billing cycles, in one request. A key that may not read them (403) or a host
 * without the endpoint (404) is `unavailable`, as for members; anything else fails, since a
 * report asked to cover a cycle has no period without them.
 */
export async function listBillingCycles(
  http: HttpSettings,
  onWarning: (message: string) => void,
): Promise<Listing<BillingCycle>> {
  let json: unknown;
  try {
    json = await getJson(http, CONSUMPTION_CYCLES_PATH, new URLSearchParams());
  } catch (error) {
    if (error instanceof DevinApiError && error.status !== null && UNAVAILABLE_STATUSES.has(error.status)) {
      onWarning(error.message);
      return {
        kind: 'unavailable',
        status: error.status,
        reason: unavailableReason(error, 'billing cycles', http.apiKey),
      };
    }
    throw error;
  }
  return { kind: 'ok', items: billingCyclesFromWire(json) };
}
