import { afterEach, describe, expect, it } from 'vitest';
import { createDevinClient } from '#devin/client/devin-client.js';
import { startTestDevinApi, type TestDevinApi } from '../../support/fake-devin-api/test-devin-api.js';
import { API_KEY, datasetOf, FEBRUARY, februarySessions, wireSession } from './fake-api-harness.js';
import { COG_KEY } from './v3/v3-harness.js';

const data = datasetOf([
  wireSession(900, '2025-01-31T23:00:00Z'),
  ...februarySessions(450).map((s, i) => (i % 3 === 0 ? { ...s, org_id: 'org_2', tags: ['ops'] } : s)),
  wireSession(901, '2025-03-01T01:00:00Z'),
]);

let api: TestDevinApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function clientFor(key: string, options: { v3SessionTotals?: 'included' | 'omitted' } = {}) {
  api = await startTestDevinApi({ apiKey: key, data, ...options });
  const sleeps: number[] = [];
  const client = createDevinClient({
    apiKey: key,
    baseUrl: api.url,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
  return { client, api, sleeps };
}

describe('countSessions', () => {
  it('v2: reads the total of one one-item page of the listing, filters included', async () => {
    const { client, api } = await clientFor(API_KEY);
    expect(await client.countSessions(FEBRUARY)).toBe(450);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.query.limit).toEqual(['1']);
    expect(await client.countSessions({ ...FEBRUARY, orgIds: ['org_2'] })).toBe(150);
    // v2 takes no tag filter (the generated spec has none): the count is the period's, an over-estimate.
    expect(await client.countSessions({ ...FEBRUARY, tags: ['ops'] })).toBe(450);
  });

  it('v2: retries a 500 like any request', async () => {
    const { client, api, sleeps } = await clientFor(API_KEY);
    api.setFaults({ script: [{ fault: { kind: 'status', status: 500 }, times: 2 }] });
    expect(await client.countSessions(FEBRUARY)).toBe(450);
    expect(sleeps).toHaveLength(2);
  });

  it('v3: reads the first page’s total when the listing gives one', async () => {
    const { client, api } = await clientFor(COG_KEY);
    expect(await client.countSessions(FEBRUARY)).toBe(450);
    expect(api.requests.map((r) => r.path)).toEqual(['/v3/enterprise/sessions']);
    expect(api.requests[0]?.query.first).toEqual(['1']);
    expect(await client.countSessions({ ...FEBRUARY, orgIds: ['org_2'] })).toBe(150);
  });

  it('v3: asks the session metrics when the listing leaves its total out', async () => {
    const { client, api } = await clientFor(COG_KEY, { v3SessionTotals: 'omitted' });
    expect(await client.countSessions(FEBRUARY)).toBe(450);
    expect(api.requests.map((r) => r.path)).toEqual([
      '/v3/enterprise/sessions',
      '/v3/enterprise/metrics/sessions',
    ]);
    expect(api.requests[1]?.query).toEqual({
      time_after: [String(FEBRUARY.from.getTime() / 1000)],
      time_before: [String(FEBRUARY.to.getTime() / 1000)],
    });
    expect(await client.countSessions({ ...FEBRUARY, orgIds: ['org_2'] })).toBe(150);
    // Metrics take no tag filter: the count is the period's, an over-estimate on purpose.
    expect(await client.countSessions({ ...FEBRUARY, tags: ['ops'] })).toBe(450);
  });

  it('refuses an empty period before asking', async () => {
    const { client, api } = await clientFor(COG_KEY);
    await expect(client.countSessions({ from: FEBRUARY.to, to: FEBRUARY.from })).rejects.toThrow(/empty/);
    expect(api.requests).toHaveLength(0);
  });
});

describe('countSessions at the edges', () => {
  it('may count a session on an edge the fetch drops: an estimate that errs high', async () => {
    const edgy = datasetOf([wireSession(1, '2025-02-01T00:00:00Z'), wireSession(2, '2025-03-01T00:00:00Z')]);
    api = await startTestDevinApi({ apiKey: API_KEY, data: edgy });
    const client = createDevinClient({ apiKey: API_KEY, baseUrl: api.url });
    expect(await client.countSessions(FEBRUARY)).toBe(2);
    expect((await client.fetchSessions(FEBRUARY)).sessions.count).toBe(1);
  });
});
