import { afterEach, describe, expect, it } from 'vitest';
import type { FaultPlan } from '../../support/fake-devin-api/faults.js';
import { datasetOf, FEBRUARY, type Harness, startHarness, wireSession } from './fake-api-harness.js';

const SESSIONS = '/v2/enterprise/sessions';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

/** Sessions on every side of February's edges; the ones named `in` are carried in. */
const EDGES = datasetOf([
  wireSession(1, '2025-01-20T10:00:00Z', { updated_at: '2025-02-03T10:00:00Z', title: 'in' }),
  wireSession(2, '2025-01-31T23:59:59.999Z', { updated_at: '2025-02-01T00:00:00Z', title: 'in' }),
  wireSession(3, '2025-01-31T23:59:59.999Z', { updated_at: '2025-02-28T23:59:59.999Z', title: 'in' }),
  wireSession(4, '2025-01-20T10:00:00Z', { updated_at: '2025-01-31T23:59:59.999Z' }),
  wireSession(5, '2025-01-20T10:00:00Z', { updated_at: '2025-03-01T00:00:00Z' }),
  wireSession(6, '2025-02-01T00:00:00Z', { updated_at: '2025-02-05T00:00:00Z' }),
  wireSession(7, '2025-02-10T00:00:00Z', { updated_at: '2025-03-05T00:00:00Z' }),
]);

async function start(faults?: FaultPlan): Promise<Harness> {
  harness = await startHarness(EDGES, faults ? { faults } : {});
  return harness;
}

describe('countSessionsCarriedIn', () => {
  it('counts sessions created before the period and updated inside it, in one request for one item', async () => {
    const { client, api } = await start();
    expect(await client.countSessionsCarriedIn(FEBRUARY)).toEqual({ available: true, count: 3 });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.query).toEqual({
      created_date_to: ['2025-01-31T23:59:59.999Z'],
      updated_date_from: ['2025-02-01T00:00:00.000Z'],
      updated_date_to: ['2025-02-28T23:59:59.999Z'],
      limit: ['1'],
    });
  });

  it.each([
    [403, 'the API key may not read sessions (403)'],
    [429, 'rate limited after 5 attempts (429)'],
  ])('is unavailable on HTTP %i', async (status, reason) => {
    const { client } = await start({
      script: [{ fault: { kind: 'status', status }, path: SESSIONS, times: Infinity }],
    });
    expect(await client.countSessionsCarriedIn(FEBRUARY)).toEqual({ available: false, reason });
  });

  it.each([
    [{ items: [] }, 'malformed response: total missing'],
    [{ items: [], total: -1 }, 'malformed response: total is not a whole number ≥ 0'],
  ])('is unavailable when the count cannot be read from %j', async (body, reason) => {
    const { client } = await start({
      script: [{ fault: { kind: 'status', status: 200, body: JSON.stringify(body) }, path: SESSIONS }],
    });
    expect(await client.countSessionsCarriedIn(FEBRUARY)).toEqual({ available: false, reason });
  });

  it('refuses an empty period', async () => {
    const { client } = await start();
    await expect(client.countSessionsCarriedIn({ from: FEBRUARY.to, to: FEBRUARY.from })).rejects.toThrow(
      RangeError,
    );
  });
});
