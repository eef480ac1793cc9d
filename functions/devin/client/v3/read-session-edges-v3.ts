import type { Acus } from '#core/money/acus.js';
import type { EdgeOrigin, SessionEdge, SessionEdgesResult } from '#core/report/session-edges.js';
import type { Session } from '#core/session.js';
import { billingDayStart } from '../billing-day.js';
import { DevinApiError } from '../devin-api-error.js';
import type { HttpSettings } from '../http-settings.js';
import { mapWithConcurrency } from '../map-with-concurrency.js';
import type { PagingSettings } from '../read-listing.js';
import { redact } from '../redact.js';
import { unavailableReason } from '../unavailable-reason.js';
import { devinSessionId } from './devin-session-id.js';
import { V3_DAILY_ROUTE } from './fetch-billed-consumption-v3.js';
import { listSessionsTouching } from './sessions-touching-v3.js';
import type { V3Paths } from './v3-paths.js';
import { dailyConsumptionFromWireV3 } from './wire-consumption-v3.js';

export interface SessionEdgesRequest {
  /** The report's period, [from, to). */
  readonly from: Date;
  readonly to: Date;
  /** Its billing days, both included. */
  readonly firstDay: string;
  readonly lastDay: string;
  /** The period's sessions, as the report counts them. */
  readonly sessions: Iterable<Session>;
}

const DAY_MS = 86_400_000;

/**
 * The walk reads each edge session's daily consumption with a request of its own (v3 has no
 * call for many at once). A million-session month has about 23,000 such sessions, about 24
 * minutes at 4 in flight and 250 ms each, more than a Lambda run; past this many the walk is
 * given in words, as on v2, with the count in the reason. 5,000 is about what listing a million
 * sessions costs.
 */
export const MAX_EDGE_SESSIONS = 5_000;

/**
 * Per-session daily consumption (`/consumption/daily/sessions/{id}`) of every session whose
 * consumption can fall outside the period's billing days or into them from outside the period:
 * the period's own sessions created before the first billing day starts or still active after
 * the last ends, and the sessions created before or after the period that were active within
 * them. Each is asked for every day from its creation to today, so its days split exactly into
 * before, within and after. Bounded concurrency; a 403 makes the walk unavailable, with why.
 */
export async function readSessionEdgesV3(
  http: HttpSettings,
  paths: V3Paths,
  paging: PagingSettings,
  request: SessionEdgesRequest,
  onWarning: (message: string) => void,
): Promise<SessionEdgesResult> {
  const billStart = billingDayStart(request.firstDay);
  const billEnd = billingDayStart(request.lastDay, 1);
  if (billStart === null || billEnd === null) throw new RangeError('billing days must be YYYY-MM-DD dates');
  try {
    const crossing: Session[] = [];
    for (const s of request.sessions) {
      if (s.createdAt < billStart || s.updatedAt >= billEnd || s.createdAt >= billEnd) crossing.push(s);
    }
    const before = await listSessionsTouching(
      paths,
      paging,
      { createdFrom: null, createdTo: request.from, updatedFrom: billStart, updatedTo: null },
      onWarning,
    );
    const after =
      request.to < billEnd
        ? await listSessionsTouching(
            paths,
            paging,
            { createdFrom: request.to, createdTo: billEnd, updatedFrom: null, updatedTo: null },
            onWarning,
          )
        : [];
    const todo: [Session, EdgeOrigin][] = [
      ...crossing.map((s): [Session, EdgeOrigin] => [s, 'in-period']),
      ...before.map((s): [Session, EdgeOrigin] => [s, 'before-period']),
      ...after.map((s): [Session, EdgeOrigin] => [s, 'after-period']),
    ];
    const cap = paging.maxEdgeSessions ?? MAX_EDGE_SESSIONS;
    if (todo.length > cap) {
      const reason =
        `${todo.length} sessions cross the period's billing-day edges, more than the ${cap} ` +
        'whose daily consumption the walk reads one request each';
      onWarning(`per-session consumption not read: ${reason}`);
      return { available: false, reason };
    }
    const edges = await mapWithConcurrency(todo, paging.concurrency, ([session, origin], signal) =>
      edgeOf(paths, session, origin, request, http.now(), signal),
    );
    return { available: true, edges };
  } catch (error) {
    if (error instanceof EdgeProblem) {
      onWarning(error.message);
      return { available: false, reason: redact(error.reason, http.apiKey) };
    }
    if (!(error instanceof DevinApiError)) throw error;
    onWarning(error.message);
    return { available: false, reason: unavailableReason(error, 'per-session consumption', http.apiKey) };
  }
}

class EdgeProblem extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

async function edgeOf(
  paths: V3Paths,
  session: Session,
  origin: EdgeOrigin,
  request: SessionEdgesRequest,
  now: Date,
  signal: AbortSignal,
): Promise<SessionEdge> {
  // From the billing day the session was created on to the one after today.
  const firstMs = Math.floor((session.createdAt.getTime() - 8 * 3_600_000) / DAY_MS) * DAY_MS + 8 * 3_600_000;
  const lastMs = Math.floor((now.getTime() - 8 * 3_600_000) / DAY_MS) * DAY_MS + 8 * 3_600_000;
  const endMs = Math.max(lastMs, firstMs) + DAY_MS;
  const params = new URLSearchParams({
    time_after: String(firstMs / 1000),
    time_before: String(endMs / 1000),
  });
  const route = `${V3_DAILY_ROUTE}/sessions/${encodeURIComponent(devinSessionId(session.sessionId))}`;
  const family = `${V3_DAILY_ROUTE}/sessions/{session_id}`;
  const json = await paths.get(route, params, signal, family);
  const asked = { firstDay: dayName(firstMs), lastDay: dayName(endMs - DAY_MS) };
  const parsed = dailyConsumptionFromWireV3(json, asked);
  if (!parsed.ok)
    throw new EdgeProblem(`GET ${paths.pathOf(route, family)}: ${parsed.reason}`, parsed.reason);
  let beforeAcus: Acus = 0n;
  let inPeriodAcus: Acus = 0n;
  let afterAcus: Acus = 0n;
  for (const [day, acus] of parsed.daily.byDate) {
    if (day < request.firstDay) beforeAcus += acus;
    else if (day > request.lastDay) afterAcus += acus;
    else inPeriodAcus += acus;
  }
  return {
    sessionId: session.sessionId,
    origin,
    lifetimeAcus: session.acus,
    beforeAcus,
    inPeriodAcus,
    afterAcus,
    ...(origin !== 'in-period' && { session }),
  };
}

function dayName(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
