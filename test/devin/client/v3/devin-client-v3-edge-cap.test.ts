import { afterEach, describe, expect, it } from 'vitest';
import { createDevinClient } from '#devin/client/devin-client.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import { startTestDevinApi, type TestDevinApi } from '../../../support/fake-devin-api/test-devin-api.js';

const NOW = new Date('2026-11-17T10:30:00Z');
const KEY = 'cog_edge-cap-test-key-51d0';
const OCTOBER = {
  from: new Date('2026-10-01T00:00:00Z'),
  to: new Date('2026-11-01T00:00:00Z'),
  firstDay: '2026-10-01',
  lastDay: '2026-10-31',
};

let api: TestDevinApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function edgesWith(maxEdgeSessions?: number) {
  api = await startTestDevinApi({ apiKey: KEY, data: demoDataset(NOW) });
  const warnings: string[] = [];
  const client = createDevinClient({
    apiKey: KEY,
    baseUrl: api.url,
    sleep: async () => {},
    onWarning: (w) => warnings.push(w),
    ...(maxEdgeSessions !== undefined && { maxEdgeSessions }),
  });
  const { sessions } = await client.fetchSessions(OCTOBER);
  api.requests.length = 0;
  const edges = await client.readSessionEdges({ ...OCTOBER, sessions });
  const perSession = api.requests.filter((r) => r.path.includes('/consumption/daily/sessions/')).length;
  return { edges, perSession, warnings };
}

describe('the walk to the bill, bounded', () => {
  it('reads every edge session one request each while they are within the cap', async () => {
    const { edges, perSession } = await edgesWith();
    if (!edges.available) throw new Error(edges.reason);
    expect(edges.edges.length).toBeGreaterThan(2);
    expect(perSession).toBe(edges.edges.length);
  });

  it('past the cap, reads none and says how many sessions and which cap, in words as on v2', async () => {
    const within = await edgesWith();
    const count = within.edges.available ? within.edges.edges.length : 0;
    await api?.close();
    const { edges, perSession, warnings } = await edgesWith(count - 1);
    expect(edges).toEqual({
      available: false,
      reason: `${count} sessions cross the period's billing-day edges, more than the ${count - 1} whose daily consumption the walk reads one request each`,
    });
    expect(perSession).toBe(0);
    expect(warnings.some((w) => w.includes(`${count} sessions cross`))).toBe(true);
  });

  it('refuses a cap that is not a positive integer, naming it', () => {
    expect(() => createDevinClient({ apiKey: KEY, maxEdgeSessions: 0 })).toThrow(/maxEdgeSessions/);
  });
});
