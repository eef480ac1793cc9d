/**
 * The contract suite checks meaning, not only shape (issue 32, item 6): the real client is driven
 * against the fake over loopback, and each check is of what a request or an answer means (seconds
 * not milliseconds, billing-day instants, arrays as the vendor's sources allow, inactive service
 * users, products that do not add up, 429 with Retry-After, cycles that tile time). Each fails if
 * the client slips on it; the fake answers each way the docs allow.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Acus } from '#core/money/acus.js';
import type { BilledConsumption } from '#core/report/billed-consumption.js';
import { createDevinClient, type DevinClient } from '#devin/client/devin-client.js';
import { PRODUCT_NOT_STATED } from '#devin/client/v3/wire-consumption-v3.js';
import type { ArrayEncoding } from '#devin/fake/query-reader.js';
import type { FakeDataset, WireSession } from '#devin/fake/wire.js';
import {
  startTestDevinApi,
  type TestDevinApi,
  type TestDevinApiOptions,
} from '../support/fake-devin-api/test-devin-api.js';

const V3_KEY = 'cog_contract-meaning-key';
const V2_KEY = 'apk_user_contract-meaning-key';
const FEBRUARY = { from: new Date('2025-02-01T00:00:00Z'), to: new Date('2025-03-01T00:00:00Z') };
const FEBRUARY_DAYS = { firstDay: '2025-01-31', lastDay: '2025-02-28' };

let api: TestDevinApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

interface Driven {
  readonly api: TestDevinApi;
  readonly client: DevinClient;
  readonly sleeps: number[];
  readonly warnings: string[];
}

async function drive(
  version: 'v2' | 'v3',
  data: FakeDataset,
  options: Partial<TestDevinApiOptions> = {},
): Promise<Driven> {
  const apiKey = version === 'v3' ? V3_KEY : V2_KEY;
  api = await startTestDevinApi({ apiKey, data, ...options });
  const sleeps: number[] = [];
  const warnings: string[] = [];
  const client = createDevinClient({
    apiKey,
    baseUrl: api.url,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onWarning: (message) => warnings.push(message),
  });
  return { api, client, sleeps, warnings };
}

function session(n: number, createdAt: string, overrides: Partial<WireSession> = {}): WireSession {
  const id = `devin-${String(n).padStart(6, '0')}`;
  return {
    session_id: id,
    url: `https://app.devin.ai/sessions/${id}`,
    status: 'exit',
    title: `Session ${n}`,
    tags: [],
    user_id: 'user_1',
    org_id: 'org_a',
    created_at: createdAt,
    updated_at: createdAt,
    acus_consumed: 1.25,
    pull_requests: [],
    ...overrides,
  };
}

/** `count` sessions a minute apart from 1 Feb 00:01Z, across three orgs in turn. */
function february(count: number): FakeDataset {
  const start = FEBRUARY.from.getTime();
  const orgs = ['org_a', 'org_b', 'org_c'];
  const sessions = Array.from({ length: count }, (_, i) =>
    session(i, new Date(start + (i + 1) * 60_000).toISOString().replace('.000Z', 'Z'), {
      org_id: orgs[i % 3] ?? 'org_a',
    }),
  );
  return {
    sessions,
    members: [{ user_id: 'user_1', email: 'ana@example.com', name: 'Ana', enterprise_role: 'member' }],
    organizations: orgs.map((org_id) => ({
      org_id,
      org_name: org_id,
      created_at: '2024-01-01T00:00:00Z',
      max_cycle_acu_limit: null,
    })),
  };
}

function bill(result: Awaited<ReturnType<DevinClient['fetchBilledConsumption']>>): BilledConsumption {
  if (!result.available) throw new Error(`expected a bill, got: ${result.reason}`);
  return result.consumption;
}

const sum = (values: Iterable<Acus>): Acus => [...values].reduce((a, b) => a + b, 0n);
const seconds = (at: Date): number => at.getTime() / 1000;
const sessionsOf = async (client: DevinClient, query: Parameters<DevinClient['fetchSessions']>[0]) => {
  const { sessions } = await client.fetchSessions(query);
  return [...sessions];
};

describe('times are Unix seconds on v3', () => {
  it('the sessions listing is bounded by the period in seconds, and the bill by billing days in seconds', async () => {
    const { api, client } = await drive('v3', february(30));
    await client.fetchSessions(FEBRUARY);
    const listing = api.requests.filter((r) => r.path === '/v3/enterprise/sessions');
    await client.fetchBilledConsumption(FEBRUARY_DAYS);
    expect(listing.length).toBeGreaterThan(0);
    for (const r of listing) {
      const after = Number(r.query.created_after?.[0]);
      const before = Number(r.query.created_before?.[0]);
      // Widened by at most a second each way, never by a factor of 1000.
      expect(after).toBeGreaterThanOrEqual(seconds(FEBRUARY.from) - 1);
      expect(after).toBeLessThanOrEqual(seconds(FEBRUARY.to));
      expect(before).toBeLessThanOrEqual(seconds(FEBRUARY.to) + 1);
      expect(before).toBeGreaterThan(after);
    }
    const daily = api.requests.find((r) => r.path === '/v3/enterprise/consumption/daily');
    expect(Number(daily?.query.time_after?.[0])).toBe(Date.UTC(2025, 0, 31, 8) / 1000);
    // The walk to the bill's edges bounds its sessions in seconds too.
    for (const r of api.requests.filter((q) => q.path === '/v3/enterprise/sessions')) {
      for (const key of ['created_after', 'created_before', 'updated_after', 'updated_before']) {
        const value = r.query[key]?.[0];
        if (value !== undefined) expect(Number(value), `${key} of ${r.url}`).toBeLessThan(2 ** 31);
      }
    }
  });
});

describe('bounds are billing-day instants (08:00 UTC)', () => {
  it('v3: time_after and time_before are the first billing day’s start and the day after the last', async () => {
    const { api, client } = await drive('v3', february(30));
    await client.fetchBilledConsumption(FEBRUARY_DAYS);
    const daily = api.requests.filter((r) => r.path.startsWith('/v3/enterprise/consumption/daily'));
    expect(daily.length).toBeGreaterThan(1);
    for (const r of daily) {
      expect(r.query.time_after).toEqual([String(Date.UTC(2025, 0, 31, 8) / 1000)]);
      expect(r.query.time_before).toEqual([String(Date.UTC(2025, 2, 1, 8) / 1000)]);
    }
  });

  it('v2: start_date and end_date are 08:00Z instants, and the bill holds exactly the sessions’ ACUs', async () => {
    const { api, client } = await drive('v2', february(30));
    const billed = bill(await client.fetchBilledConsumption(FEBRUARY_DAYS));
    const daily = api.requests.find((r) => r.path === '/v2/enterprise/consumption/daily');
    expect(daily?.query.start_date).toEqual(['2025-01-31T08:00:00Z']);
    expect(daily?.query.end_date).toEqual(['2025-03-01T08:00:00Z']);
    // Midnight bounds would cut the first and last billing days short.
    expect(billed.totalAcus).toBe(30n * 1_250_000_000_000n);
  });

  it('v2: a server that includes the end day in its answer still gives the billing days asked for', async () => {
    const { client, warnings } = await drive('v2', february(30), { v2EndDay: 'included' });
    const billed = bill(
      await client.fetchBilledConsumption({ firstDay: '2025-01-31', lastDay: '2025-01-31' }),
    );
    expect([...billed.byDate.keys()]).toEqual(['2025-01-31']);
    expect(warnings.some((w) => w.includes('2025-02-01'))).toBe(true);
  });
});

describe.each<ArrayEncoding>(['repeated', 'comma'])('arrays, on a server that reads them %s', (arrays) => {
  it.each(['v2', 'v3'] as const)(
    '%s: sessions of two orgs are every session of both, none of the third',
    async (version) => {
      const { api, client } = await drive(version, february(60), { arrayEncoding: arrays });
      const got = await sessionsOf(client, { ...FEBRUARY, orgIds: ['org_a', 'org_b'] });
      expect(got).toHaveLength(40);
      expect(new Set(got.map((s) => s.orgId))).toEqual(new Set(['org_a', 'org_b']));
      // Never an encoding only one reading understands: no repeated key, no comma-joined value.
      for (const r of api.requests) {
        for (const [key, values] of Object.entries(r.query)) {
          if (key.endsWith('_ids') || key === 'tags') {
            expect(values, `${r.url}`).toHaveLength(1);
            expect(values[0], `${r.url}`).not.toContain(',');
          }
        }
      }
    },
  );

  it('a filter of one value is sent, and the server narrows by it', async () => {
    const { api, client } = await drive('v3', february(60), { arrayEncoding: arrays });
    const got = await sessionsOf(client, { ...FEBRUARY, orgIds: ['org_c'] });
    expect(got).toHaveLength(20);
    expect(api.requests.some((r) => r.query.org_ids?.[0] === 'org_c')).toBe(true);
  });

  it('v2: the bill of two orgs is the sum of each org’s', async () => {
    const { client } = await drive('v2', february(60), { arrayEncoding: arrays });
    const two = bill(await client.fetchBilledConsumption({ ...FEBRUARY_DAYS, orgIds: ['org_a', 'org_b'] }));
    expect(two.totalAcus).toBe(40n * 1_250_000_000_000n);
    expect([...two.byOrg.keys()]).toEqual(['org_a', 'org_b']);
  });
});

describe('include_inactive', () => {
  it('names expired and removed service users, whose sessions still bill', async () => {
    const data: FakeDataset = {
      ...february(3),
      serviceUsers: [
        { service_user_id: 'service-user-live', name: 'Live bot', expires_at: null },
        { service_user_id: 'service-user-expired', name: 'Old bot', expires_at: 1_600_000_000 },
        { service_user_id: 'service-user-removed', name: 'Gone bot', expires_at: null, removed: true },
      ],
    };
    const { client } = await drive('v3', data);
    const listing = await client.listServiceUsers();
    if (listing.kind !== 'ok') throw new Error('service users unavailable');
    expect(listing.items.map((s) => s.serviceUserId).sort()).toEqual([
      'service-user-expired',
      'service-user-live',
      'service-user-removed',
    ]);
  });
});

describe('products that do not add up', () => {
  it('keeps the v3 bill, its total the days’ acus, the missing part as a product line of its own', async () => {
    const data: FakeDataset = { ...february(30), nonSessionAcus: { '2025-02-03': 10 } };
    const { client } = await drive('v3', data, { v3ProductSplit: 'listed-products-only' });
    const billed = bill(await client.fetchBilledConsumption(FEBRUARY_DAYS));
    // 30 sessions × 1.25 + 10 of Cascade/Terminal/Review, of which review (10 %) is not listed.
    expect(billed.totalAcus).toBe(47_500_000_000_000n);
    expect(billed.byProduct?.get(PRODUCT_NOT_STATED)).toBe(1_000_000_000_000n);
    expect(sum(billed.byProduct?.values() ?? [])).toBe(billed.totalAcus);
  });
});

describe('429 with Retry-After', () => {
  it.each([
    ['2', 2_000],
    ['1.5', 1_500],
  ])('waits the Retry-After of %s s, then reads every session', async (retryAfter, ms) => {
    const { client, sleeps } = await drive('v2', february(450), {
      faults: {
        script: [
          {
            fault: { kind: 'status', status: 429, retryAfter },
            when: (r) => r.query.skip?.[0] === '200',
            times: 2,
          },
        ],
      },
    });
    expect(await sessionsOf(client, FEBRUARY)).toHaveLength(450);
    expect(sleeps).toEqual([ms, ms]);
  });
});

describe('cycles tile time', () => {
  /** A year of monthly cycles in one of the vendor’s two documented shapes. */
  function year(shape: 'exclusive-08' | 'midnight-inclusive'): FakeDataset['billingCycles'] {
    return Array.from({ length: 12 }, (_, m) => {
      const start = new Date(Date.UTC(2025, m, 5, shape === 'exclusive-08' ? 8 : 0));
      const end =
        shape === 'exclusive-08'
          ? new Date(Date.UTC(2025, m + 1, 5, 8))
          : new Date(Date.UTC(2025, m + 1, 4, 23, 59, 59));
      return {
        start: start.toISOString().replace('.000Z', 'Z'),
        end: end.toISOString().replace('.000Z', 'Z'),
      };
    });
  }

  it.each(['exclusive-08', 'midnight-inclusive'] as const)(
    '%s: each cycle ends where the next begins, at 08:00Z',
    async (shape) => {
      const { client } = await drive('v2', { ...february(1), billingCycles: year(shape) });
      const listing = await client.listBillingCycles();
      if (listing.kind !== 'ok') throw new Error('cycles unavailable');
      const cycles = listing.items;
      expect(cycles).toHaveLength(12);
      for (const [i, cycle] of cycles.entries()) {
        expect(cycle.start.getUTCHours()).toBe(8);
        expect(cycle.end.getUTCHours()).toBe(8);
        const next = cycles[i + 1];
        if (next !== undefined) expect(next.start.getTime()).toBe(cycle.end.getTime());
      }
    },
  );
});
