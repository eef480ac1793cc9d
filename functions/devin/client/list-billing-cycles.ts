import type { BillingCycle } from './billing-cycle.js';
import { billingCyclesFromWire } from './billing-cycle.js';
import { getJson } from './get-json.js';
import type { HttpSettings } from './http-settings.js';
import { type Listing, unavailableListing } from './listing.js';
import { unavailableReason } from './unavailable-reason.js';

export const CONSUMPTION_CYCLES_PATH = '/v2/enterprise/consumption/cycles';

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
    return unavailableListing(error, {
      reason: (e) => unavailableReason(e, 'billing cycles', http.apiKey),
      onWarning,
    });
  }
  return { kind: 'ok', items: billingCyclesFromWire(json) };
}
