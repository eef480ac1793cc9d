import type { QueryReader } from '../query-reader.js';
import { QueryReader as Reader } from '../query-reader.js';
import type { JsonReply, PageMutation, RoutedRequest } from '../routes.js';
import { problem } from '../routes.js';
import type { ServedData } from '../served-data.js';
import type { SessionFilter } from '../session-filter.js';
import type { WireSession } from '../wire.js';
import { cursorPageOf, readCursor } from './cursor-page.js';
import {
  type ConsumptionScope,
  dailyConsumptionV3,
  type ProductSplit,
  type ServiceUserBill,
} from './v3-consumption.js';
import {
  V3_CONSUMPTION_CYCLES,
  V3_CONSUMPTION_DAILY,
  V3_MEMBERS_IDP_USERS,
  V3_MEMBERS_SERVICE_USERS,
  V3_MEMBERS_USERS,
  V3_METRICS_SESSIONS,
  V3_ORGANIZATIONS,
  V3_SESSIONS,
  type V3Prefix,
  v3Route,
} from './v3-endpoints.js';
import { toV3IdpUser, toV3Organization, toV3Session, toV3User, unixSeconds } from './v3-wire.js';

const DAILY_SCOPES: readonly [string, ConsumptionScope['kind']][] = [
  [`${V3_CONSUMPTION_DAILY}/organizations/`, 'organization'],
  [`${V3_CONSUMPTION_DAILY}/users/`, 'user'],
  [`${V3_CONSUMPTION_DAILY}/service-users/`, 'service-user'],
  [`${V3_CONSUMPTION_DAILY}/sessions/`, 'session'],
];

/**
 * The v3 enterprise API over the same data set the v2 routes serve, under one prefix (`/v3/`,
 * or `/v3beta1/` as older docs show): anything under the other prefix is a 404, as an API that
 * moved would answer. FastAPI's order: routing, then the key, then the query.
 */
/** Each way the vendor's docs allow the fake to answer (see FakeDevinApiOptions); defaults as documented. */
export interface V3Answering {
  readonly sessionTotals?: 'included' | 'omitted';
  readonly productSplit?: ProductSplit;
  readonly serviceUserBill?: ServiceUserBill;
}

export function answerV3(
  request: RoutedRequest,
  data: ServedData,
  prefix: V3Prefix,
  mutateSessions?: PageMutation,
  answering: V3Answering = {},
): JsonReply {
  const sessionTotals = answering.sessionTotals ?? 'included';
  const route = v3Route(request.path, prefix);
  if (route === null || !isKnown(route)) return problem(404);
  if (request.method !== 'GET') return problem(405);
  if (!request.authorized) return problem(401, 'Invalid or missing API key');
  const query = new Reader(request.query, request.arrays);

  if (route === V3_CONSUMPTION_DAILY || route.startsWith(`${V3_CONSUMPTION_DAILY}/`)) {
    return answerDaily(route, query, data, answering);
  }
  const { first, offset } = readCursor(query);
  const ok = (body: unknown): JsonReply =>
    query.issues.length > 0 ? { status: 422, body: { detail: query.issues } } : { status: 200, body };

  switch (route) {
    case V3_SESSIONS: {
      const selected = selectSessions(query, data);
      if (query.issues.length > 0) return ok(null);
      const page = selected.slice(offset, offset + first);
      const items = mutateSessions ? mutateSessions(structuredClone(page)) : page;
      // `total` and the cursor describe the unmutated page, as a server whose rows changed would.
      const asV3 = (s: WireSession) =>
        toV3Session(
          s,
          data.archivedSessionIds.has(s.session_id),
          data.statusDetails.get(s.session_id) ?? null,
        );
      const envelope = cursorPageOf(selected, offset, first, asV3);
      return ok({
        ...envelope,
        items: items.map(asV3),
        ...(sessionTotals === 'omitted' && { total: null }),
      });
    }
    case V3_METRICS_SESSIONS: {
      const after = optionalSeconds(query, 'time_after');
      const before = optionalSeconds(query, 'time_before');
      if (after === null || before === null) {
        query.issues.push({
          type: 'missing',
          loc: ['query', 'time_after|time_before'],
          msg: 'Field required',
          input: null,
        });
        return ok(null);
      }
      // The same session selection as the listing, minus tags (metrics take no tag filter).
      const counted = selectSessions(
        withoutTags(request.query, { created_after: after, created_before: before }),
        data,
      );
      return ok({ sessions_created_count: counted.length });
    }
    case V3_MEMBERS_USERS: {
      const email = query.text('email')?.toLowerCase();
      const direct = data.members.filter(
        (m) => m.idp_only !== true && (email === undefined || m.email.toLowerCase() === email),
      );
      return ok(cursorPageOf(direct, offset, first, toV3User));
    }
    case V3_MEMBERS_IDP_USERS:
      return ok(
        cursorPageOf(
          data.members.filter((m) => m.idp_only === true),
          offset,
          first,
          toV3IdpUser,
        ),
      );
    case V3_MEMBERS_SERVICE_USERS: {
      // "include_inactive: bool, default false": expired or removed service users only when asked [R31].
      const includeInactive = query.boolean('include_inactive', false);
      const nowSec = Date.now() / 1000;
      const listed = data.serviceUsers.filter(
        (s) => includeInactive || (s.removed !== true && (s.expires_at === null || s.expires_at > nowSec)),
      );
      return ok(
        cursorPageOf(listed, offset, first, ({ removed: _removed, ...s }) => ({
          ...s,
          role_assignments: [],
        })),
      );
    }
    case V3_ORGANIZATIONS:
      return ok(cursorPageOf(data.organizations, offset, first, toV3Organization));
    default:
      return ok(
        cursorPageOf(data.billingCycles, offset, first, (cycle) => ({
          after: unixSeconds(cycle.start),
          before: unixSeconds(cycle.end),
        })),
      );
  }
}

function isKnown(route: string): boolean {
  return (
    [
      V3_SESSIONS,
      V3_MEMBERS_USERS,
      V3_MEMBERS_IDP_USERS,
      V3_MEMBERS_SERVICE_USERS,
      V3_ORGANIZATIONS,
      V3_CONSUMPTION_DAILY,
      V3_CONSUMPTION_CYCLES,
      V3_METRICS_SESSIONS,
    ].includes(route) ||
    DAILY_SCOPES.some(
      ([head]) =>
        route.startsWith(head) && route.length > head.length && !route.slice(head.length).includes('/'),
    )
  );
}

function answerDaily(route: string, query: QueryReader, data: ServedData, answering: V3Answering): JsonReply {
  const afterSec = optionalSeconds(query, 'time_after');
  const beforeSec = optionalSeconds(query, 'time_before');
  if (query.issues.length > 0) return { status: 422, body: { detail: query.issues } };
  let scope: ConsumptionScope = { kind: 'enterprise' };
  for (const [head, kind] of DAILY_SCOPES) {
    if (route.startsWith(head)) scope = { kind, id: decodeURIComponent(route.slice(head.length)) };
  }
  return {
    status: 200,
    body: dailyConsumptionV3(
      data.consumption(),
      scope,
      { afterSec, beforeSec },
      answering.productSplit,
      answering.serviceUserBill,
    ),
  };
}

/** Bounds are inclusive, at whole seconds: the case in which the client's own filter matters. */
function selectSessions(query: QueryReader, data: ServedData): readonly WireSession[] {
  const userIds = query.list('user_ids');
  const serviceUserIds = query.list('service_user_ids');
  const createdAfter = optionalSeconds(query, 'created_after');
  const createdBefore = optionalSeconds(query, 'created_before');
  const updatedAfter = optionalSeconds(query, 'updated_after');
  const updatedBefore = optionalSeconds(query, 'updated_before');
  const filter: SessionFilter = {
    createdFrom: createdAfter === null ? null : createdAfter * 1000,
    createdTo: createdBefore === null ? null : createdBefore * 1000 + 999,
    updatedFrom: updatedAfter === null ? null : updatedAfter * 1000,
    updatedTo: updatedBefore === null ? null : updatedBefore * 1000 + 999,
    orgIds: query.list('org_ids'),
    userIds: serviceUserIds.length === 0 ? userIds : [],
    sessionIds: query.list('session_ids'),
    tags: query.list('tags'),
    order: 'asc',
  };
  // SessionListParams (the vendor's generated SDKs, github.com/iancmoritz/devin-platform-typescript
  // src/resources/enterprise/sessions/sessions.ts and devin-platform-python
  // types/enterprise/session_list_params.py): `include_deleted_orgs: bool` (so it has a default,
  // which the name says is false: sessions of deleted orgs are left out unless asked) and
  // `is_archived: bool | null` (a filter; left out, archived and unarchived sessions are listed).
  const includeDeletedOrgs = query.boolean('include_deleted_orgs', false);
  const archived = query.text('is_archived') === null ? null : query.boolean('is_archived', false);
  const matching = data.sessions
    .matching(filter)
    .filter(
      (s) =>
        (includeDeletedOrgs || !data.deletedOrgIds.has(s.org_id)) &&
        (archived === null || data.archivedSessionIds.has(s.session_id) === archived),
    );
  if (serviceUserIds.length === 0) return matching;
  // A principal filter: a person's sessions or a service user's, whichever was named.
  const users = new Set(userIds);
  const services = new Set(serviceUserIds);
  // A session a service user created on a person's behalf is in both lists [R43].
  return matching.filter(
    (s) =>
      (s.user_id !== null && users.has(s.user_id)) ||
      (s.service_user_id != null && services.has(s.service_user_id)),
  );
}

function optionalSeconds(query: QueryReader, name: string): number | null {
  return query.text(name) === null ? null : query.integer(name, { fallback: 0, min: 0 });
}

/** The metrics' query read as a listing's: its time bounds as created bounds, no tags. */
function withoutTags(
  query: URLSearchParams,
  created: { created_after: number; created_before: number },
): QueryReader {
  const params = new URLSearchParams();
  for (const key of ['org_ids', 'user_ids', 'service_user_ids']) {
    for (const value of query.getAll(key)) params.append(key, value);
  }
  params.set('created_after', String(created.created_after));
  // Metrics bounds are read as half-open [after, before): the listing's inclusive bound, one second less.
  params.set('created_before', String(Math.max(created.created_after, created.created_before - 1)));
  return new Reader(params);
}
