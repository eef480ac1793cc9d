import { ACU_DECIMALS, type Acus, scaledToDecimalString } from '#core/money/acus.js';
import { mapWithConcurrency } from '../map-with-concurrency.js';
import type { PagingSettings } from '../read-listing.js';
import { devinSessionId } from './devin-session-id.js';
import { listSessionsTouching } from './sessions-touching-v3.js';
import type { V3Paths } from './v3-paths.js';
import { dailyConsumptionFromWireV3 } from './wire-consumption-v3.js';

export interface BillWindow {
  readonly start: Date;
  readonly end: Date;
  readonly firstDay: string;
  readonly lastDay: string;
  /** `time_after`/`time_before` of the window, as every daily call sends them. */
  readonly params: URLSearchParams;
}

/**
 * The ACUs each service user's bill holds for sessions it created on a person's behalf
 * (`create_as_user_id`). The vendor says such sessions "count toward [that user's] usage" [R43],
 * and the per-service-user endpoint bills the sessions the service user created: the same ACUs
 * may be in both bills. The report charges them to the person (as the listing does), so they are
 * taken out of the service user's figure here: each such session's own daily consumption in the
 * window, one request each, found by listing the service user's sessions that touch the window.
 */
export async function onBehalfAcus(
  paths: V3Paths,
  paging: PagingSettings,
  serviceUserIds: readonly string[],
  window: BillWindow,
  route: string,
  onWarning: (message: string) => void,
  problem: (message: string) => Error,
): Promise<Map<string, Acus>> {
  const perServiceUser = await mapWithConcurrency(serviceUserIds, paging.concurrency, async (id) => {
    const sessions = await listSessionsTouching(
      paths,
      paging,
      {
        createdFrom: null,
        createdTo: window.end,
        updatedFrom: window.start,
        updatedTo: null,
        serviceUserIds: [id],
      },
      onWarning,
    );
    // A session listed with a person is one the service user created on their behalf.
    const onBehalf = sessions.filter((s) => s.userKind !== 'service-user' && s.userId !== null);
    let acus: Acus = 0n;
    for (const session of onBehalf) {
      const sessionRoute = `${route}/sessions/${encodeURIComponent(devinSessionId(session.sessionId))}`;
      const json = await paths.get(sessionRoute, window.params, undefined, `${route}/sessions/{session_id}`);
      const parsed = dailyConsumptionFromWireV3(json, { firstDay: window.firstDay, lastDay: window.lastDay });
      if (!parsed.ok) throw problem(`GET ${paths.pathOf(sessionRoute)}: ${parsed.reason}`);
      acus += parsed.daily.totalAcus;
    }
    return [id, acus] as const;
  });
  return new Map(perServiceUser.filter(([, acus]) => acus > 0n));
}

/**
 * A service user's own share of its bill: its figure less the on-behalf sessions charged to the
 * people they were for (the assumption the About sheet states, ON_BEHALF_ASSUMPTION). A figure
 * smaller than those sessions proves the assumption wrong for this service user (the vendor left
 * them out already): its figure is then kept as billed, with a warning, never made negative.
 */
export function withoutOnBehalf(
  serviceUserId: string,
  billed: Acus,
  onBehalf: Acus,
  onWarning: (message: string) => void,
): Acus {
  if (onBehalf <= billed) return billed - onBehalf;
  onWarning(
    `per-service-user consumption of ${serviceUserId} (${scaledToDecimalString(billed, ACU_DECIMALS)} ACUs) is less than the ` +
      `${scaledToDecimalString(onBehalf, ACU_DECIMALS)} ACUs of sessions it created on a person's behalf: the vendor seems to ` +
      'bill those to the person only, so its figure is kept as billed',
  );
  return billed;
}
