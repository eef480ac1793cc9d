import { afterEach, describe, expect, it } from 'vitest';
import type { Acus } from '#core/money/acus.js';
import type { BilledConsumption, BilledConsumptionResult } from '#core/report/billed-consumption.js';
import { consumptionLedger } from '#devin/fake/consumption-ledger.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import { splitNonSession } from '#devin/fake/v3/non-session-products.js';
import type { FaultPlan } from '../../../support/fake-devin-api/faults.js';
import { FEBRUARY } from '../fake-api-harness.js';
import { COG_KEY, mixedDataset, startV3Harness, type V3Harness } from './v3-harness.js';

const NOW = new Date('2026-11-17T10:30:00Z');
const demo = demoDataset(NOW);
const OCTOBER = { firstDay: '2026-10-01', lastDay: '2026-10-31' };

let harness: V3Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

const forbidden = (path: string | RegExp): FaultPlan => ({
  script: [
    {
      fault: { kind: 'status', status: 403 },
      when: (r) => (typeof path === 'string' ? r.path === path : path.test(r.path)),
      times: Infinity,
    },
  ],
});

function bill(result: BilledConsumptionResult): BilledConsumption {
  if (!result.available) throw new Error(`expected a bill, got: ${result.reason}`);
  return result.consumption;
}

const sum = (values: Iterable<Acus>): Acus => [...values].reduce((a, b) => a + b, 0n);

describe('names on v3', () => {
  it('names people from both member lists, IdP-only people included, and service users from their own', async () => {
    harness = await startV3Harness(mixedDataset(10));
    const members = await harness.client.listMembers();
    expect(members.kind === 'ok' && members.items.map((m) => [m.userId, m.name])).toEqual([
      ['user_0', 'Person 0'],
      ['user_1', 'Person 1'],
      ['user_2', 'Person 2'],
    ]);
    const paths = harness.api.requests.map((r) => r.path);
    expect(paths).toContain('/v3/enterprise/members/idp-users');
    const serviceUsers = await harness.client.listServiceUsers();
    expect(serviceUsers.kind === 'ok' && serviceUsers.items.map((s) => s.name)).toEqual([
      'Nightly CI',
      'Triage bot',
    ]);
    const orgs = await harness.client.listOrganizations();
    expect(orgs.kind === 'ok' && orgs.items).toEqual([{ orgId: 'org_1', name: 'Payments' }]);
  });

  it('keeps the names it may read when one member list is refused, and says which', async () => {
    harness = await startV3Harness(mixedDataset(10), {
      faults: forbidden('/v3/enterprise/members/idp-users'),
    });
    const members = await harness.client.listMembers();
    expect(members.kind).toBe('ok');
    if (members.kind !== 'ok') return;
    expect(members.items.map((m) => m.userId)).toEqual(['user_0', 'user_1']);
    expect(members.partial).toMatch(/\/v3\/enterprise\/members\/idp-users answered 403/);
    expect(members.partial).not.toContain(COG_KEY);
  });

  it('reports service users unavailable on a 403, with the path', async () => {
    harness = await startV3Harness(mixedDataset(10), {
      faults: forbidden('/v3/enterprise/members/service-users'),
    });
    const listing = await harness.client.listServiceUsers();
    expect(listing).toMatchObject({
      kind: 'unavailable',
      status: 403,
      endpoint: '/v3/enterprise/members/service-users',
    });
  });
});

describe('the bill on v3', () => {
  it('is the bill v2 reads from the same data: total, days and orgs; users plus the service users v2 cannot see', async () => {
    harness = await startV3Harness(demo);
    const v3 = bill(await harness.client.fetchBilledConsumption(OCTOBER));
    const v2 = bill(await harness.v2.fetchBilledConsumption(OCTOBER));
    expect(v3.totalAcus).toBe(v2.totalAcus);
    expect(v3.byDate).toEqual(v2.byDate);
    expect(v3.byOrg).toEqual(v2.byOrg);
    const people = new Map([...(v3.byUser ?? [])].filter(([id]) => !id.startsWith('service-user-')));
    expect(people).toEqual(v2.byUser);

    const ledger = consumptionLedger(demo);
    const inOctober = ledger.entries.filter((e) => e.day >= OCTOBER.firstDay && e.day <= OCTOBER.lastDay);
    for (const id of ['service-user-5f1c0a9e2b7d', 'service-user-93d4e6b1c8a2']) {
      expect(v3.byUser?.get(id)).toBe(
        sum(inOctober.filter((e) => e.serviceUserId === id).map((e) => e.acus)),
      );
    }
    // Unattributed by product: what the fake was built with, product by product.
    const nonSession = [...ledger.nonSession].filter(
      ([day]) => day >= OCTOBER.firstDay && day <= OCTOBER.lastDay,
    );
    const split = nonSession.map(([, acus]) => splitNonSession(acus));
    expect(v3.unattributedByProduct).toEqual(
      new Map([
        ['devin', 0n],
        ['cascade', sum(split.map((s) => s.cascade))],
        ['terminal', sum(split.map((s) => s.terminal))],
        ['review', sum(split.map((s) => s.review))],
      ]),
    );
    expect(sum(v3.unattributedByProduct?.values() ?? [])).toBe(v3.totalAcus - sum(v3.byOrg.values()));
  });

  it('asks per-user figures only for people and service users who can have consumed, a few at a time', async () => {
    harness = await startV3Harness(demo);
    await harness.client.fetchBilledConsumption(OCTOBER);
    const perUser = harness.api.requests.filter((r) =>
      r.path.startsWith('/v3/enterprise/consumption/daily/users/'),
    );
    const perService = harness.api.requests.filter((r) =>
      r.path.startsWith('/v3/enterprise/consumption/daily/service-users/'),
    );
    expect(perService).toHaveLength(2);
    expect(perUser.length).toBeGreaterThan(0);
    expect(perUser.length).toBeLessThanOrEqual(demo.members.length);
    for (const r of [...perUser, ...perService]) {
      expect(Number.isInteger(Number(r.query.time_after?.[0]))).toBe(true);
      expect(Number(r.query.time_after?.[0])).toBe(Date.UTC(2026, 9, 1, 8) / 1000);
      expect(Number(r.query.time_before?.[0])).toBe(Date.UTC(2026, 10, 1, 8) / 1000);
    }
  });

  it('keeps the bill without its user breakdown when per-user consumption is refused', async () => {
    harness = await startV3Harness(demo, {
      faults: forbidden(/\/consumption\/daily\/(users|service-users)\//),
    });
    const v3 = bill(await harness.client.fetchBilledConsumption(OCTOBER));
    expect(v3.byUser).toBeNull();
    expect(v3.byOrg.size).toBeGreaterThan(0);
    expect(harness.warnings.some((w) => w.includes('per-user consumption unavailable'))).toBe(true);
  });

  it('is unavailable, with the reason and without the key, when consumption is refused', async () => {
    harness = await startV3Harness(demo, { faults: forbidden('/v3/enterprise/consumption/daily') });
    const result = await harness.client.fetchBilledConsumption(OCTOBER);
    expect(result).toEqual({
      available: false,
      reason:
        'the API key may not read consumption (403; the vendor names the permission ViewAccountConsumption (older pages: ManageBilling))',
    });
    expect(harness.warnings.join('\n')).not.toContain(COG_KEY);
  });

  it('reads the billing cycles from paginated {after, before} items as v2 reads its list', async () => {
    harness = await startV3Harness(demo);
    expect(await harness.client.listBillingCycles()).toEqual(await harness.v2.listBillingCycles());
  });

  it('counts the sessions carried into a period exactly at its edges', async () => {
    const data = mixedDataset(100);
    const at = (i: number, updated: string) => {
      const s = data.sessions[i];
      if (s) s.updated_at = updated;
    };
    at(5, '2025-02-01T02:00:00Z'); // created before 01:00, updated inside: carried in
    at(7, '2025-02-01T01:00:00Z'); // updated exactly at the start: carried in
    at(8, '2025-03-01T00:00:00Z'); // updated exactly at the end: not in [from, to)
    at(9, '2025-02-01T00:59:59Z'); // updated before the start: not carried
    harness = await startV3Harness(data);
    const count = await harness.client.countSessionsCarriedIn({
      from: new Date('2025-02-01T01:00:00Z'),
      to: FEBRUARY.to,
    });
    expect(count).toEqual({ available: true, count: 2 });
  });
});

describe('a person the API no longer knows', () => {
  it('answers 404 on their consumption: none of the bill is attributed to them, and a warning says so', async () => {
    harness = await startV3Harness(demo, {
      faults: {
        script: [
          {
            fault: { kind: 'status', status: 404 },
            when: (r) =>
              r.path.includes('/consumption/daily/') && r.path.endsWith(`/users/${demo.members[0]?.user_id}`),
            times: Infinity,
          },
        ],
      },
    });
    const v3 = bill(await harness.client.fetchBilledConsumption(OCTOBER));
    expect(v3.byUser?.has(demo.members[0]?.user_id ?? '')).toBe(false);
    expect(v3.byUser?.size).toBeGreaterThan(0);
    expect(harness.warnings.some((w) => w.includes('no consumption is attributed to'))).toBe(true);
  });
});
