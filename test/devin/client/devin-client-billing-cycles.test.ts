import { afterEach, describe, expect, it } from 'vitest';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import type { FaultPlan } from '../../support/fake-devin-api/faults.js';
import { API_KEY, type Harness, rejectionOf, startHarness } from './fake-api-harness.js';

const CYCLES = '/v2/enterprise/consumption/cycles';
const demo = demoDataset(new Date('2026-11-17T10:30:00Z'));

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

async function start(faults?: FaultPlan): Promise<Harness> {
  harness = await startHarness(demo, faults ? { faults } : {});
  return harness;
}

describe('listBillingCycles', () => {
  it('reads the cycles in one request without a query string', async () => {
    const { client, api } = await start();
    const listing = await client.listBillingCycles();
    if (listing.kind !== 'ok') throw new Error(listing.reason);
    expect(listing.items).toHaveLength(demo.billingCycles?.length ?? -1);
    expect(listing.items.find((c) => c.start.toISOString() === '2026-10-05T08:00:00.000Z')).toEqual({
      start: new Date('2026-10-05T08:00:00Z'),
      end: new Date('2026-11-05T08:00:00Z'),
    });
    expect(api.requests.map((r) => r.url)).toEqual([CYCLES]);
  });

  it.each([
    [403, 'the API key may not read billing cycles (403)'],
    [404, 'the billing cycles endpoint does not exist on this host (404)'],
  ])('is unavailable, not an error, on HTTP %i', async (status, reason) => {
    const echo = JSON.stringify({ detail: API_KEY });
    const { client } = await start({
      script: [{ fault: { kind: 'status', status, body: echo }, path: CYCLES }],
    });
    expect(await client.listBillingCycles()).toEqual({ kind: 'unavailable', status, reason });
  });

  it('fails on a server error that outlasts the retries: a cycle report has no period without it', async () => {
    const { client } = await start({
      script: [{ fault: { kind: 'status', status: 500 }, path: CYCLES, times: Infinity }],
    });
    expect(await rejectionOf(client.listBillingCycles())).toMatchObject({
      name: 'DevinApiError',
      status: 500,
    });
  });

  it('fails with the field named on a cycle it cannot read', async () => {
    const body = JSON.stringify([{ start: '2026-10-05', end: 'soon' }]);
    const { client } = await start({
      script: [{ fault: { kind: 'status', status: 200, body }, path: CYCLES }],
    });
    expect(await rejectionOf(client.listBillingCycles())).toMatchObject({
      name: 'DevinDataError',
      field: 'end',
    });
  });
});
