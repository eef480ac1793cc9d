import { afterEach, describe, expect, it } from 'vitest';
import type { FakeDataset, WireSession } from '#devin/fake/wire.js';
import type { FaultPlan } from '../../../support/fake-devin-api/faults.js';
import { datasetOf, FEBRUARY, februarySessions, type Harness, startHarness } from '../fake-api-harness.js';
import { startV3Harness, type V3Harness } from './v3-harness.js';

// What the vendor's published contract says and the previous client did not follow
// (issue 19); each test runs against a fake that behaves as the vendor documents.

let harness: V3Harness | Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

const refuse = (status: number, path: string | RegExp): FaultPlan => ({
  script: [
    {
      fault: { kind: 'status', status },
      when: (r) => (typeof path === 'string' ? r.path === path : path.test(r.path)),
      times: Infinity,
    },
  ],
});

/** Every third session tagged `billing`, the rest `other`. */
function tagged(count: number): FakeDataset {
  return datasetOf(
    februarySessions(count).map((s, i) => ({ ...s, tags: i % 3 === 0 ? ['billing'] : ['other'] })),
  );
}

describe('filters the server may ignore', () => {
  it('v2: --tag reports only tagged sessions, though the server ignores tags', async () => {
    harness = await startHarness(tagged(450));
    const { sessions } = await harness.client.fetchSessions({ ...FEBRUARY, tags: ['billing'] });
    expect([...sessions]).toHaveLength(150);
    expect([...sessions].every((s) => s.tags.includes('billing'))).toBe(true);
    // The server answered every session: the filter was the client's.
    expect(harness.api.requests[0]?.query.tags).toBeUndefined();
  });

  it('v3: a server that ignores a filter cannot widen the report', async () => {
    const data = tagged(30);
    const intruder = { ...februarySessions(31)[30], org_id: 'org_other', user_id: 'user_9', tags: ['other'] };
    harness = await startV3Harness(data, {
      // A server that drops the filters: every page also carries a session none of them select.
      faults: {
        script: [
          {
            fault: { kind: 'mutate-page', mutate: (items) => [...items, intruder as WireSession] },
            when: (r) => r.path === '/v3/enterprise/sessions',
            times: Infinity,
          },
        ],
      },
    });
    const query = { ...FEBRUARY, orgIds: ['org_1'], userIds: ['user_1'], tags: ['billing'] };
    const { sessions } = await harness.client.fetchSessions(query);
    expect([...sessions].map((s) => s.sessionId)).not.toContain(intruder.session_id);
    expect([...sessions]).toHaveLength(10);
  });
});

describe('errors that name the cause', () => {
  it('404 under /v3 then 403 under /v3beta1: the refusal is the answer, with the permission', async () => {
    harness = await startV3Harness(tagged(30), {
      prefix: 'v3beta1',
      faults: refuse(403, '/v3beta1/enterprise/consumption/daily'),
    });
    const result = await harness.client.fetchBilledConsumption({
      firstDay: '2025-02-01',
      lastDay: '2025-02-28',
    });
    expect(result.available).toBe(false);
    const reason = result.available ? '' : result.reason;
    expect(reason).toContain('403');
    expect(reason).toContain('ViewAccountConsumption');
    expect(reason).not.toContain('does not exist');
  });

  it('a refused session-metrics count degrades with a warning naming ViewAccountMetrics', async () => {
    harness = await startV3Harness(tagged(30), {
      sessionTotals: 'omitted',
      faults: refuse(403, '/v3/enterprise/metrics/sessions'),
    });
    expect(await harness.client.countSessions(FEBRUARY)).toBe(0);
    expect(harness.warnings.join('\n')).toMatch(/session count unavailable.*ViewAccountMetrics/);
  });

  it('a listing without total is what arrived, never "more than the 0 it reported"', async () => {
    harness = await startV3Harness(tagged(450), { sessionTotals: 'omitted' });
    const { sessions, stats } = await harness.client.fetchSessions(FEBRUARY);
    expect([...sessions]).toHaveLength(450);
    expect(stats.reportedTotal).toBe(450);
    expect(harness.warnings.join('\n')).not.toMatch(/more than the|reported 0/);
  });
});

describe('names and ids as the vendor wants them', () => {
  it('lists inactive service users (include_inactive=true), so an expired automation keeps its name', async () => {
    const data: FakeDataset = {
      ...tagged(10),
      serviceUsers: [
        { service_user_id: 'service-user-live', name: 'Nightly CI', expires_at: null },
        { service_user_id: 'service-user-expired', name: 'Old importer', expires_at: 1_700_000_000 },
        { service_user_id: 'service-user-removed', name: 'Removed bot', expires_at: null, removed: true },
      ],
    };
    harness = await startV3Harness(data);
    const listing = await harness.client.listServiceUsers();
    if (listing.kind !== 'ok') throw new Error('service users unavailable');
    expect(listing.items.map((s) => s.name).sort()).toEqual(['Nightly CI', 'Old importer', 'Removed bot']);
    const request = harness.api.requests.find((r) => r.path === '/v3/enterprise/members/service-users');
    expect(request?.query.include_inactive).toEqual(['true']);
    // The vendor's default leaves them out: the fake does too.
    const plain = await fetch(`${harness.api.url}/v3/enterprise/members/service-users`, {
      headers: { authorization: 'Bearer cog_SECRET-5e7b1ce5-d00d' },
    });
    expect(((await plain.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('asks per-session consumption with the devin- id, whatever the listing returned', async () => {
    const sessions = februarySessions(3).map((s, i) => ({ ...s, session_id: `plain${i}` }));
    harness = await startV3Harness(datasetOf(sessions));
    const { sessions: listed } = await harness.client.fetchSessions(FEBRUARY);
    const edges = await harness.client.readSessionEdges({
      ...FEBRUARY,
      firstDay: '2025-02-01',
      lastDay: '2025-02-28',
      sessions: listed,
    });
    expect(edges.available).toBe(true);
    const paths = harness.api.requests.map((r) => r.path).filter((p) => p.includes('/daily/sessions/'));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.includes('/daily/sessions/devin-plain'))).toBe(true);
  });
});

describe('a session a service user created on a person’s behalf', () => {
  it('is charged to the person only, never again to the service user', async () => {
    const onBehalf = (s: WireSession, i: number): WireSession =>
      i % 4 === 0
        ? { ...s, user_id: 'user_1', service_user_id: 'service-user-acting' }
        : i % 4 === 1
          ? { ...s, user_id: null, service_user_id: 'service-user-acting' }
          : s;
    const data: FakeDataset = {
      ...datasetOf(februarySessions(40).map(onBehalf)),
      serviceUsers: [{ service_user_id: 'service-user-acting', name: 'Ticket bot', expires_at: null }],
    };
    harness = await startV3Harness(data);
    const result = await harness.client.fetchBilledConsumption({
      firstDay: '2025-01-31',
      lastDay: '2025-02-28',
    });
    if (!result.available) throw new Error(result.reason);
    const byUser = result.consumption.byUser ?? new Map();
    // 40 sessions of 1.25 ACUs: 10 on the service user's own, 30 the person's (10 of them on behalf).
    expect(byUser.get('service-user-acting')).toBe(12_500_000_000_000n);
    expect(byUser.get('user_1')).toBe(37_500_000_000_000n);
    const sum = [...byUser.values()].reduce((a, b) => a + b, 0n);
    expect(sum).toBe(result.consumption.totalAcus);
  });
});
