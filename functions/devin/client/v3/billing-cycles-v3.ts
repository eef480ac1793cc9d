import { z } from 'zod';
import type { BillingCycle } from '../billing-cycle.js';
import { nextBillingDayBoundary } from '../billing-day.js';
import type { HttpSettings } from '../http-settings.js';
import { type Listing, unavailableListing } from '../listing.js';
import { PAGE_LIMIT } from '../page-params.js';
import { parseRecord } from '../parse-record.js';
import type { PagingSettings } from '../read-listing.js';
import { unavailableReason } from '../unavailable-reason.js';
import { readCursorChain } from './read-cursor-chain.js';
import type { V3Paths } from './v3-paths.js';
import { parseCursorPage } from './wire-cursor-page.js';
import { wireUnixSeconds } from './wire-session-v3.js';

export const V3_CYCLES_ROUTE = '/enterprise/consumption/cycles';

/** v3 cycles are `{after, before}` Unix seconds, paginated (devin-api-v3.md §3b); taken as [after, before). */
const wireCycleV3Schema = z
  .object({ after: wireUnixSeconds, before: wireUnixSeconds })
  .refine((cycle) => cycle.before > cycle.after, { message: 'is not after `after`', path: ['before'] });

function cycleFromWireV3(item: unknown): BillingCycle {
  const wire = parseRecord(wireCycleV3Schema, item, 'billing cycle', 'after');
  // Brought to billing-day boundaries as v2's cycles are (billing-cycle.ts), so they tile time.
  return { start: nextBillingDayBoundary(wire.after), end: nextBillingDayBoundary(wire.before) };
}

export async function listBillingCyclesV3(
  http: HttpSettings,
  paths: V3Paths,
  paging: PagingSettings,
  onWarning: (message: string) => void,
): Promise<Listing<BillingCycle>> {
  try {
    const read = await readCursorChain(
      async (after, signal) => {
        const params = new URLSearchParams({ first: String(PAGE_LIMIT) });
        if (after !== null) params.set('after', after);
        return parseCursorPage(
          await paths.get(V3_CYCLES_ROUTE, params, signal),
          'billing cycles',
          cycleFromWireV3,
        );
      },
      { path: paths.pathOf(V3_CYCLES_ROUTE), maxPages: paging.maxPages },
    );
    const byStart = new Map<number, BillingCycle>();
    for (const page of read.pages) for (const cycle of page.items) byStart.set(cycle.start.getTime(), cycle);
    return { kind: 'ok', items: [...byStart.values()].sort((a, b) => a.start.getTime() - b.start.getTime()) };
  } catch (error) {
    return unavailableListing(error, {
      reason: (e) => unavailableReason(e, 'billing cycles', http.apiKey),
      endpoint: paths.pathOf(V3_CYCLES_ROUTE),
      onWarning,
    });
  }
}
