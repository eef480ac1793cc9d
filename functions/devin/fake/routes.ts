import { STATUS_CODES } from 'node:http';
import { answerBillingCycles, answerDailyConsumption, type V2EndDay } from './consumption-routes.js';
import {
  CONSUMPTION_CYCLES_PATH,
  CONSUMPTION_DAILY_PATH,
  MEMBERS_PATH,
  ORGANIZATIONS_PATH,
  SESSIONS_PATH,
} from './endpoints.js';
import { pageOf } from './paged-response.js';
import { type ArrayEncoding, QueryReader } from './query-reader.js';
import type { ServedData } from './served-data.js';
import { readSessionFilter } from './session-filter.js';
import { v2Members, v2Sessions } from './v2-view.js';
import type { WirePage, WireSession } from './wire.js';

/** What the fake's routes need from a request. */
export interface RoutedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorized: boolean;
  /** How this server reads list parameters; default repeated keys. */
  readonly arrays?: ArrayEncoding;
  /** Whether the v2 daily answer also holds the day `end_date` names; default not. */
  readonly endDay?: V2EndDay;
}

export interface JsonReply {
  readonly status: number;
  readonly body: unknown;
}

export type PageMutation = (items: WireSession[]) => WireSession[];

const KNOWN_PATHS: readonly string[] = [
  SESSIONS_PATH,
  MEMBERS_PATH,
  ORGANIZATIONS_PATH,
  CONSUMPTION_DAILY_PATH,
  CONSUMPTION_CYCLES_PATH,
];

/**
 * The vendor's answer to a request, in FastAPI's order: routing (404, 405),
 * then the bearer key (401), then the query (422), then the data.
 */
export function answer(request: RoutedRequest, data: ServedData, mutateSessions?: PageMutation): JsonReply {
  if (!KNOWN_PATHS.includes(request.path)) return problem(404);
  if (request.method !== 'GET') return problem(405);
  if (!request.authorized) return problem(401, 'Invalid or missing API key');

  const query = new QueryReader(request.query, request.arrays);
  if (request.path === CONSUMPTION_DAILY_PATH) {
    return answerDailyConsumption(query, data, Date.now(), request.endDay);
  }
  if (request.path === CONSUMPTION_CYCLES_PATH) return answerBillingCycles(data);

  const skip = query.integer('skip', { fallback: 0, min: 0 });
  const limit = query.integer('limit', { fallback: 100, min: 1, max: 200 });

  if (request.path === SESSIONS_PATH) {
    const filter = readSessionFilter(query);
    if (query.issues.length > 0) return { status: 422, body: { detail: query.issues } };
    const page = pageOf(data.sessions.matching(filter), skip, limit);
    const shown = { ...page, items: [...v2Sessions(page.items)] };
    return { status: 200, body: mutateSessions ? mutated(shown, mutateSessions) : shown };
  }
  if (request.path === MEMBERS_PATH) {
    const email = query.text('email')?.toLowerCase();
    if (query.issues.length > 0) return { status: 422, body: { detail: query.issues } };
    const members =
      email === undefined
        ? data.members
        : data.members.filter((member) => member.email.toLowerCase() === email);
    return { status: 200, body: pageOf(v2Members(members), skip, limit) };
  }
  if (query.issues.length > 0) return { status: 422, body: { detail: query.issues } };
  return { status: 200, body: pageOf(data.organizations, skip, limit) };
}

/** FastAPI's error shape for everything but validation: `{"detail": "..."}`. */
export function problem(status: number, detail = STATUS_CODES[status] ?? 'Error'): JsonReply {
  return { status, body: { detail } };
}

// A deep copy, so that a test's mutation cannot alter the served data set.
function mutated(page: WirePage<WireSession>, mutate: PageMutation): WirePage<WireSession> {
  return { ...page, items: mutate(structuredClone(page.items)) };
}
