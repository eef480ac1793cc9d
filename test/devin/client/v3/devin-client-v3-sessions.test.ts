import { afterEach, describe, expect, it } from 'vitest';
import { DevinApiError } from '#devin/client/devin-api-error.js';
import { DevinDataError } from '#devin/client/devin-data-error.js';
import { IncompleteFetchError } from '#devin/client/incomplete-fetch-error.js';
import type { Fault } from '../../../support/fake-devin-api/faults.js';
import { listed } from '../../../support/listed.js';
import { datasetOf, FEBRUARY, rejectionOf, wireSession } from '../fake-api-harness.js';
import { COG_KEY, midChain, mixedDataset, startV3Harness, type V3Harness } from './v3-harness.js';

let harness: V3Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

const ids = (sessions: readonly { sessionId: string }[]) => sessions.map((s) => s.sessionId);

/** Sessions on and beside February's edges, whole seconds as v3 has them. */
function edgeDataset() {
  return datasetOf([
    wireSession(1, '2025-01-31T23:59:59Z'),
    wireSession(2, '2025-02-01T00:00:00Z'),
    wireSession(3, '2025-02-01T00:00:01Z'),
    wireSession(4, '2025-02-14T12:00:00Z'),
    wireSession(5, '2025-02-28T23:59:59Z'),
    wireSession(6, '2025-03-01T00:00:00Z'),
  ]);
}

describe('the API version', () => {
  it('follows the key: cog_ reads v3, and an override reads v2 with the same key', async () => {
    harness = await startV3Harness(edgeDataset());
    await harness.client.fetchSessions(FEBRUARY);
    expect(harness.api.requests.every((r) => r.path === '/v3/enterprise/sessions')).toBe(true);
    harness.api.requests.length = 0;
    await harness.v2.fetchSessions(FEBRUARY);
    expect(harness.api.requests.every((r) => r.path === '/v2/enterprise/sessions')).toBe(true);
  });
});

describe('v3 sessions, window by window', () => {
  it('keeps the period exactly, half-open, from windows asked a second wider in whole Unix seconds', async () => {
    harness = await startV3Harness(edgeDataset());
    const { sessions, stats } = listed(await harness.client.fetchSessions(FEBRUARY));
    expect(ids(sessions)).toEqual(['devin-000002', 'devin-000003', 'devin-000004', 'devin-000005']);
    expect(sessions[0]?.createdAt).toEqual(new Date('2025-02-01T00:00:00Z'));
    const windows = harness.api.requests.map((r) => [
      Number(r.query.created_after?.[0]),
      Number(r.query.created_before?.[0]),
    ]);
    // A month this small is one window: the period's first page sized it and was the whole read.
    expect(windows).toHaveLength(1);
    for (const [after, before] of windows) {
      expect(Number.isInteger(after) && Number.isInteger(before)).toBe(true);
    }
    const sorted = [...windows].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    expect(sorted[0]?.[0]).toBe(FEBRUARY.from.getTime() / 1000 - 1);
    expect(sorted.at(-1)?.[1]).toBe(FEBRUARY.to.getTime() / 1000 + 1);
    for (const r of harness.api.requests) expect(Number(r.query.first?.[0])).toBeLessThanOrEqual(200);
    // The widened bounds let the neighbours in; the client's own filter drops them.
    expect(stats.outsidePeriodDropped).toBeGreaterThan(0);
  });

  it('reads the same sessions as v2 reads from the same data, field for field', async () => {
    harness = await startV3Harness(mixedDataset(1_500));
    const v3 = listed(await harness.client.fetchSessions(FEBRUARY));
    const v2 = listed(await harness.v2.fetchSessions(FEBRUARY));
    expect(v3.sessions).toHaveLength(1_500);
    const strip = (s: (typeof v3.sessions)[number]) => ({
      ...s,
      userId: s.userKind ? null : s.userId,
      userKind: undefined,
    });
    expect([...v3.sessions].map(strip)).toEqual([...v2.sessions].map((s) => ({ ...s, userKind: undefined })));
    expect(v3.stats.reportedTotal).toBeGreaterThanOrEqual(1_500);
    expect(new Set(ids(v3.sessions)).size).toBe(1_500);
  });

  it('charges a session automation started to its service user, marked as one, never to a person', async () => {
    harness = await startV3Harness(mixedDataset(50));
    const { sessions } = listed(await harness.client.fetchSessions(FEBRUARY));
    const automated = sessions.filter((s) => s.userKind === 'service-user');
    expect(automated).toHaveLength(10);
    expect(new Set(automated.map((s) => s.userId))).toEqual(
      new Set(['service-user-aaa111', 'service-user-bbb222']),
    );
    expect(sessions.filter((s) => s.userKind === undefined).every((s) => s.userId?.startsWith('user_'))).toBe(
      true,
    );
  });

  it('retries a cursor that fails mid-chain through the shared retry policy, and stays exact', async () => {
    const fault: Fault = { kind: 'status', status: 503 };
    harness = await startV3Harness(mixedDataset(3_000), {
      faults: { script: [{ fault, when: midChain, times: 3 }] },
      client: { concurrency: 2 },
    });
    const { sessions } = listed(await harness.client.fetchSessions(FEBRUARY));
    expect(sessions).toHaveLength(3_000);
    expect(harness.api.requests.filter((r) => r.fault === 'status')).toHaveLength(3);
    expect(harness.sleeps).toHaveLength(3);
    expect(harness.warnings.filter((w) => w.includes('HTTP 503'))).toHaveLength(3);
  });

  it('stays exact under random faults on every v3 sessions request', async () => {
    harness = await startV3Harness(mixedDataset(2_000), {
      faults: {
        rate: {
          probability: 0.25,
          seed: 12,
          path: '/v3/enterprise/sessions',
          faults: [
            { kind: 'status', status: 500 },
            { kind: 'status', status: 429, retryAfter: '1' },
            { kind: 'reset' },
            { kind: 'malformed-json' },
          ],
        },
      },
      client: { maxAttempts: 8 },
    });
    const { sessions } = listed(await harness.client.fetchSessions(FEBRUARY));
    expect(sessions).toHaveLength(2_000);
    expect(new Set(ids(sessions)).size).toBe(2_000);
    expect(harness.api.requests.some((r) => r.fault !== null)).toBe(true);
  });

  it('reads a window again when a page changed between calls and lost a session, then agrees', async () => {
    let dropped = false;
    harness = await startV3Harness(mixedDataset(1_000), {
      faults: {
        script: [
          {
            fault: {
              kind: 'mutate-page',
              mutate: (items) => {
                dropped = true;
                return items.slice(1);
              },
            },
            when: midChain,
          },
        ],
      },
    });
    const { sessions, stats, warnings } = listed(await harness.client.fetchSessions(FEBRUARY));
    expect(dropped).toBe(true);
    expect(sessions).toHaveLength(1_000);
    expect(stats.reread).toBe(true);
    expect(warnings.some((w) => w.includes('reading the listing again'))).toBe(true);
  });

  it('fails, naming what is missing, when sessions keep vanishing between pages', async () => {
    harness = await startV3Harness(mixedDataset(1_000), {
      faults: {
        script: [
          {
            fault: { kind: 'mutate-page', mutate: (items) => items.slice(1) },
            when: midChain,
            times: Infinity,
          },
        ],
      },
    });
    const error = await rejectionOf(harness.client.fetchSessions(FEBRUARY));
    expect(error).toBeInstanceOf(IncompleteFetchError);
  });

  it('falls back to /v3beta1/ once, with a warning, where only the older path exists', async () => {
    harness = await startV3Harness(mixedDataset(600), { prefix: 'v3beta1', client: { concurrency: 1 } });
    const { sessions } = listed(await harness.client.fetchSessions(FEBRUARY));
    expect(sessions).toHaveLength(600);
    const paths = harness.api.requests.map((r) => r.path);
    expect(paths.filter((p) => p === '/v3/enterprise/sessions')).toHaveLength(1);
    expect(paths.filter((p) => p === '/v3beta1/enterprise/sessions').length).toBeGreaterThan(2);
    expect(harness.warnings.filter((w) => w.includes('/v3beta1/enterprise/sessions'))).toHaveLength(1);
  });

  it('refuses millisecond timestamps where v3 sends Unix seconds, naming the field', async () => {
    const body = JSON.stringify({
      items: [
        {
          session_id: 'devin-x',
          org_id: 'org_1',
          created_at: 1_738_368_000_000,
          updated_at: 1_738_368_000,
          acus_consumed: 1,
          status: 'exit',
          tags: [],
          url: 'u',
          pull_requests: [],
        },
      ],
      end_cursor: null,
      has_next_page: false,
      total: 1,
    });
    harness = await startV3Harness(edgeDataset(), {
      faults: { script: [{ fault: { kind: 'status', status: 200, body } }] },
    });
    const error = await rejectionOf(harness.client.fetchSessions(FEBRUARY));
    expect(error).toBeInstanceOf(DevinDataError);
    expect((error as DevinDataError).field).toBe('created_at');
    expect(String(error)).toMatch(/milliseconds/);
  });

  it('fails loudly on a refused or expired key, saying what v3 needs, and never shows the key', async () => {
    harness = await startV3Harness(edgeDataset(), {
      faults: {
        script: [
          {
            fault: { kind: 'status', status: 401, body: `{"detail":"bad key ${COG_KEY}"}` },
            times: Infinity,
          },
        ],
      },
    });
    const error = await rejectionOf(harness.client.fetchSessions(FEBRUARY));
    expect(error).toBeInstanceOf(DevinApiError);
    expect((error as DevinApiError).status).toBe(401);
    expect(String((error as Error).message)).toMatch(/service user/);
    expect(JSON.stringify({ message: (error as Error).message, warnings: harness.warnings })).not.toContain(
      COG_KEY,
    );
    expect(String((error as Error).message)).not.toContain(COG_KEY);
  });
});
