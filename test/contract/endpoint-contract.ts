import type { z } from 'zod';
import type { IncomingRequest } from '#devin/fake/exchange.js';
import { type QueryContract, queryViolations } from './query-contract.js';
import * as v2 from './v2-contract.js';
import * as v3 from './v3-contract.js';

/** One endpoint of the vendor's contract: where it is, what it takes and what it answers. */
export interface EndpointContract {
  /** e.g. `GET /v3/enterprise/consumption/daily/sessions/{session_id}`. */
  readonly name: string;
  readonly method: 'GET';
  readonly path: RegExp;
  readonly query: QueryContract;
  readonly response: z.ZodType;
}

const V3 = '/v3(?:beta1)?/enterprise';
// Path parameters as the vendor writes them: session ids carry `devin-` [R21][R30b], service
// users `service-user-` [R16]; org and user ids have no documented prefix.
const SEGMENT = '[^/]+';
const SESSION_ID = 'devin-[^/]+';
const SERVICE_USER_ID = 'service-user-[^/]+';

const endpoint = (
  name: string,
  path: string,
  query: QueryContract,
  response: z.ZodType,
): EndpointContract => ({
  name: `GET ${name}`,
  method: 'GET',
  path: new RegExp(`^${path}$`),
  query,
  response,
});

export const ENDPOINTS: readonly EndpointContract[] = [
  endpoint('/v2/enterprise/sessions', '/v2/enterprise/sessions', v2.v2SessionsQuery, v2.v2SessionsPage),
  endpoint(
    '/v2/enterprise/consumption/daily',
    '/v2/enterprise/consumption/daily',
    v2.v2DailyQuery,
    v2.v2Daily,
  ),
  endpoint(
    '/v2/enterprise/consumption/cycles',
    '/v2/enterprise/consumption/cycles',
    v2.v2CyclesQuery,
    v2.v2Cycles,
  ),
  endpoint('/v2/enterprise/members', '/v2/enterprise/members', v2.v2MembersQuery, v2.v2MembersPage),
  endpoint(
    '/v2/enterprise/organizations',
    '/v2/enterprise/organizations',
    v2.v2OrganizationsQuery,
    v2.v2OrganizationsPage,
  ),
  endpoint('/v3/enterprise/sessions', `${V3}/sessions`, v3.v3SessionsQuery, v3.v3SessionsPage),
  endpoint('/v3/enterprise/consumption/daily', `${V3}/consumption/daily`, v3.v3DailyQuery, v3.v3Daily),
  endpoint(
    '/v3/enterprise/consumption/daily/organizations/{org_id}',
    `${V3}/consumption/daily/organizations/${SEGMENT}`,
    v3.v3DailyQuery,
    v3.v3Daily,
  ),
  endpoint(
    '/v3/enterprise/consumption/daily/users/{user_id}',
    `${V3}/consumption/daily/users/${SEGMENT}`,
    v3.v3DailyQuery,
    v3.v3Daily,
  ),
  endpoint(
    '/v3/enterprise/consumption/daily/service-users/{service_user_id}',
    `${V3}/consumption/daily/service-users/${SERVICE_USER_ID}`,
    v3.v3DailyQuery,
    v3.v3Daily,
  ),
  endpoint(
    '/v3/enterprise/consumption/daily/sessions/{session_id}',
    `${V3}/consumption/daily/sessions/${SESSION_ID}`,
    v3.v3DailyQuery,
    v3.v3Daily,
  ),
  endpoint(
    '/v3/enterprise/consumption/cycles',
    `${V3}/consumption/cycles`,
    v3.v3CyclesQuery,
    v3.v3CyclesPage,
  ),
  endpoint('/v3/enterprise/members/users', `${V3}/members/users`, v3.v3UsersQuery, v3.v3UsersPage),
  endpoint(
    '/v3/enterprise/members/idp-users',
    `${V3}/members/idp-users`,
    v3.v3IdpUsersQuery,
    v3.v3IdpUsersPage,
  ),
  endpoint(
    '/v3/enterprise/members/service-users',
    `${V3}/members/service-users`,
    v3.v3ServiceUsersQuery,
    v3.v3ServiceUsersPage,
  ),
  endpoint(
    '/v3/enterprise/organizations',
    `${V3}/organizations`,
    v3.v3OrganizationsQuery,
    v3.v3OrganizationsPage,
  ),
  endpoint(
    '/v3/enterprise/metrics/sessions',
    `${V3}/metrics/sessions`,
    v3.v3SessionMetricsQuery,
    v3.v3SessionMetrics,
  ),
];

export function endpointOf(method: string, path: string): EndpointContract | null {
  return ENDPOINTS.find((e) => e.method === method && e.path.test(path)) ?? null;
}

/** How a request breaks the contract: an endpoint the vendor does not have, or its query. */
export function requestViolations(request: Pick<IncomingRequest, 'method' | 'path' | 'query'>): string[] {
  const contract = endpointOf(request.method, request.path);
  if (contract === null) return [`${request.method} ${request.path} is no endpoint of the contract`];
  return queryViolations(contract.query, request.query).map((problem) => `${contract.name}: ${problem}`);
}

/** How a successful answer breaks the endpoint's response schema (answers other than 200 are not checked). */
export function answerViolations(
  request: Pick<IncomingRequest, 'method' | 'path'>,
  status: number,
  body: unknown,
): string[] {
  if (status !== 200) return [];
  const contract = endpointOf(request.method, request.path);
  if (contract === null)
    return [`${request.method} ${request.path} answered 200 but is no endpoint of the contract`];
  const parsed = contract.response.safeParse(body);
  if (parsed.success) return [];
  return parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${contract.name} answer: ${issue.path.join('.') || '(body)'}: ${issue.message}`);
}
