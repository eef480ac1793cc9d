/**
 * The contract suite (issue 19): the schemas catch what they must; every endpoint the client
 * calls is answered by the fake within its schema (v2, v3 and the older /v3beta1 paths); and the
 * vendor's own documented examples parse through the client's wire schemas. Every other test in
 * the suite is checked too, by contract-setup.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { billingCyclesFromWire } from '#devin/client/billing-cycle.js';
import { serviceUserFromWire } from '#devin/client/service-user.js';
import { dailyConsumptionFromWireV3 } from '#devin/client/v3/wire-consumption-v3.js';
import { parseCursorPage } from '#devin/client/v3/wire-cursor-page.js';
import { memberFromWireV3, organizationFromWireV3 } from '#devin/client/v3/wire-directory-v3.js';
import { sessionFromWireV3 } from '#devin/client/v3/wire-session-v3.js';
import { billedConsumptionFromWire } from '#devin/client/wire-consumption.js';
import { parsePage } from '#devin/client/wire-page.js';
import { sessionFromWire } from '#devin/client/wire-session.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import { type FakeDevinApi, startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import type { V3Prefix } from '#devin/fake/v3/v3-endpoints.js';
import { answerViolations, ENDPOINTS, requestViolations } from './endpoint-contract.js';
import * as v2 from './v2-contract.js';
import * as v3 from './v3-contract.js';

const KEY = 'cog_contract-suite-key';
const request = (path: string, query: Record<string, string[]> = {}) => ({ method: 'GET', path, query });

describe('the request contract catches what the previous client sent', () => {
  it.each([
    [
      'v2 daily with bare days',
      request('/v2/enterprise/consumption/daily', { start_date: ['2026-10-01'] }),
      /date-time/,
    ],
    [
      'v2 sessions with order',
      request('/v2/enterprise/sessions', { order: ['asc'] }),
      /order is not in the contract/,
    ],
    [
      'v2 sessions with tags',
      request('/v2/enterprise/sessions', { tags: ['x'] }),
      /tags is not in the contract/,
    ],
    ['a page of 500', request('/v3/enterprise/sessions', { first: ['500'] }), /above the maximum 200/],
    [
      'v3 bounds in milliseconds written as ISO',
      request('/v3/enterprise/sessions', { created_after: ['2026-10-01T00:00:00Z'] }),
      /Unix seconds/,
    ],
    [
      'a session id without devin-',
      request('/v3/enterprise/consumption/daily/sessions/abc123'),
      /no endpoint/,
    ],
    ['metrics without bounds', request('/v3/enterprise/metrics/sessions'), /required parameter time_after/],
    ['a path the vendor does not have', request('/v3/enterprise/consumption'), /no endpoint/],
    ['a repeated scalar', request('/v3/enterprise/sessions', { first: ['1', '2'] }), /sent 2 times/],
  ])('%s', (_, req, problem) => {
    expect(requestViolations(req).join('\n')).toMatch(problem);
  });

  it('accepts what the client sends now', () => {
    expect(
      requestViolations(
        request('/v2/enterprise/consumption/daily', {
          start_date: ['2026-10-01T08:00:00Z'],
          end_date: ['2026-11-01T08:00:00Z'],
          org_ids: ['org_a', 'org_b'],
        }),
      ),
    ).toEqual([]);
    expect(
      requestViolations(
        request('/v3beta1/enterprise/members/service-users', { include_inactive: ['true'], first: ['200'] }),
      ),
    ).toEqual([]);
  });

  it('checks answers too: a v3 session with ISO times is not the vendor’s', () => {
    const page = {
      items: [{ session_id: 'devin-1', created_at: '2026-10-01T00:00:00Z' }],
      end_cursor: null,
      has_next_page: false,
    };
    expect(
      answerViolations({ method: 'GET', path: '/v3/enterprise/sessions' }, 200, page).length,
    ).toBeGreaterThan(0);
  });
});

describe('the fake answers every endpoint within the vendor’s schema', () => {
  let api: FakeDevinApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  const samples: Record<string, string> = {
    '/v2/enterprise/consumption/daily': '?start_date=2026-10-01T08:00:00Z&end_date=2026-11-01T08:00:00Z',
    '/v3/enterprise/metrics/sessions': '?time_after=1790812800&time_before=1793491200',
  };

  it.each<V3Prefix>(['v3', 'v3beta1'])('every endpoint of the contract, v3 under /%s/', async (prefix) => {
    const data = demoDataset(new Date('2026-11-17T10:30:00Z'));
    api = await startFakeDevinApi({ apiKey: KEY, data, v3Prefix: prefix });
    const sessionId = data.sessions[0]?.session_id ?? '';
    const ids: Record<string, string> = {
      '{org_id}': data.organizations[0]?.org_id ?? '',
      '{user_id}': data.members[0]?.user_id ?? '',
      '{service_user_id}': data.serviceUsers?.[0]?.service_user_id ?? '',
      '{session_id}': sessionId,
    };
    for (const endpoint of ENDPOINTS) {
      const template = endpoint.name.replace(/^GET /, '');
      let path = template.replace(/\{[a-z_]+\}/g, (name) => ids[name] ?? name);
      if (prefix === 'v3beta1') path = path.replace(/^\/v3\//, '/v3beta1/');
      const response = await fetch(`${api.url}${path}${samples[template] ?? ''}`, {
        headers: { authorization: `Bearer ${KEY}` },
      });
      expect(response.status, path).toBe(200);
      const body = (await response.json()) as unknown;
      expect(answerViolations({ method: 'GET', path }, 200, body), path).toEqual([]);
    }
  });
});

/** The vendor's documented examples (the pages cited in v2-contract.ts and v3-contract.ts). */
const V2_SESSIONS_EXAMPLE = {
  items: [
    {
      session_id: 'abc123',
      url: 'https://app.devin.ai/sessions/abc123',
      status: 'exit',
      title: 'Fix authentication bug',
      tags: ['bug-fix', 'auth'],
      user_id: 'user_456',
      org_id: 'org_789',
      created_at: '2024-01-15T10:30:00Z',
      updated_at: '2024-01-15T11:45:00Z',
      acus_consumed: 25.5,
      pull_requests: [
        { pr_url: 'https://github.com/example/repo/pull/123', pr_state: 'merged', state: 'merged' },
      ],
    },
  ],
  total: 150,
  skip: 0,
  limit: 10,
  has_more: true,
  next_cursor: 10,
};
/** The v2 page's response sample: maps of figures (empty in the playground sample). */
const V2_DAILY_EXAMPLE = {
  consumption_by_date: {},
  consumption_by_org_id: {},
  total_acus: 0,
  consumption_by_user: {},
};
const V2_CYCLES_EXAMPLES = [
  [{ start: '2025-12-05T08:00:00Z', end: '2026-01-05T08:00:00Z' }],
  [{ start: '2025-12-05T08:00:00Z', end: '2026-01-04T23:59:59Z' }],
];
const V3_DAILY_EXAMPLE = {
  consumption_by_date: [
    { acus: 3, acus_by_product: { cascade: 1, devin: 1, terminal: 1 }, date: 1764921600 },
  ],
  total_acus: 3,
};
const V3_SESSION_EXAMPLE = {
  session_id: 'devin-abc123',
  org_id: 'org-abc123def456',
  user_id: 'user_456',
  service_user_id: null,
  created_at: 1764921600,
  updated_at: 1764925200,
  acus_consumed: 25.5,
  status: 'exit',
  status_detail: 'finished',
  tags: ['bug-fix'],
  url: 'https://app.devin.ai/sessions/abc123',
  title: 'Fix authentication bug',
  pull_requests: [{ pr_url: 'https://github.com/example/repo/pull/123', pr_state: 'merged' }],
  parent_session_id: null,
  child_session_ids: null,
  is_archived: false,
  is_advanced: false,
  origin: 'webapp',
};
const V3_SERVICE_USER_EXAMPLE = {
  service_user_id: 'service-user-abc123',
  name: 'CI bot',
  expires_at: null,
  role_assignments: [],
};
const V3_USER_EXAMPLE = {
  user_id: 'user_456',
  email: 'ana@example.com',
  name: 'Ana',
  role_assignments: [{ role: { role_id: 'r1', role_name: 'Member', role_type: 'enterprise' }, org_id: null }],
};
const V3_ORG_EXAMPLE = {
  org_id: 'org-abc123def456',
  name: 'Payments',
  created_at: 1764921600,
  updated_at: 1764921600,
  max_cycle_acu_limit: null,
  max_session_acu_limit: null,
};

describe('the vendor’s documented examples', () => {
  it('fit the contract schemas', () => {
    expect(v2.v2SessionsPage.safeParse(V2_SESSIONS_EXAMPLE).success).toBe(true);
    expect(v2.v2Daily.safeParse(V2_DAILY_EXAMPLE).success).toBe(true);
    for (const cycles of V2_CYCLES_EXAMPLES) expect(v2.v2Cycles.safeParse(cycles).success).toBe(true);
    expect(v3.v3Daily.safeParse(V3_DAILY_EXAMPLE).success).toBe(true);
    const page = (item: unknown) => ({ items: [item], end_cursor: null, has_next_page: false, total: 1 });
    expect(v3.v3SessionsPage.safeParse(page(V3_SESSION_EXAMPLE)).success).toBe(true);
    expect(v3.v3ServiceUsersPage.safeParse(page(V3_SERVICE_USER_EXAMPLE)).success).toBe(true);
    expect(v3.v3UsersPage.safeParse(page(V3_USER_EXAMPLE)).success).toBe(true);
    expect(v3.v3OrganizationsPage.safeParse(page(V3_ORG_EXAMPLE)).success).toBe(true);
  });

  it('parse through the client’s wire schemas', () => {
    const sessions = parsePage(V2_SESSIONS_EXAMPLE, 0, 'session', sessionFromWire);
    expect(sessions.items[0]).toMatchObject({ sessionId: 'abc123', pullRequests: [{ state: 'merged' }] });
    expect(
      billedConsumptionFromWire(V2_DAILY_EXAMPLE, { firstDay: '2025-12-05', lastDay: '2026-01-04' }, KEY),
    ).toMatchObject({
      available: true,
    });
    // Both doc versions of a cycle's end name the same cycle: it ends where the next begins.
    for (const cycles of V2_CYCLES_EXAMPLES) {
      expect(billingCyclesFromWire(cycles)[0]?.end.toISOString()).toBe('2026-01-05T08:00:00.000Z');
    }
    const daily = dailyConsumptionFromWireV3(V3_DAILY_EXAMPLE, {
      firstDay: '2025-12-05',
      lastDay: '2025-12-05',
    });
    expect(daily.ok).toBe(true);
    const page = (item: unknown) => ({ items: [item], end_cursor: null, has_next_page: false });
    expect(parseCursorPage(page(V3_SESSION_EXAMPLE), 'session', sessionFromWireV3).items[0]).toMatchObject({
      sessionId: 'devin-abc123',
      createdAt: new Date(1764921600_000),
    });
    expect(
      parseCursorPage(page(V3_SERVICE_USER_EXAMPLE), 'service user', serviceUserFromWire).total,
    ).toBeNull();
    expect(memberFromWireV3(V3_USER_EXAMPLE)).toMatchObject({ userId: 'user_456' });
    expect(organizationFromWireV3(V3_ORG_EXAMPLE)).toMatchObject({ orgId: 'org-abc123def456' });
  });
});
