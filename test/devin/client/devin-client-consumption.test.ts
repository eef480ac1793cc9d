import { afterEach, describe, expect, it } from 'vitest';
import type { Acus } from '#core/money/acus.js';
import { acusFromNumber } from '#core/money/acus.js';
import type { BilledConsumptionResult } from '#core/report/billed-consumption.js';
import { consumptionLedger } from '#devin/fake/consumption-ledger.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import type { FakeDataset } from '#devin/fake/wire.js';
import type { FaultPlan } from '../../support/fake-devin-api/faults.js';
import { API_KEY, datasetOf, type Harness, rejectionOf, startHarness } from './fake-api-harness.js';

const DAILY = '/v2/enterprise/consumption/daily';
const OCTOBER = { firstDay: '2026-10-01', lastDay: '2026-10-31' };
const demo = demoDataset(new Date('2026-11-17T10:30:00Z'));

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

async function start(faults?: FaultPlan, data: FakeDataset = demo): Promise<Harness> {
  harness = await startHarness(data, faults ? { faults } : {});
  return harness;
}

/** A 200 whose body is `body`, for every consumption request. */
function answering(body: unknown): FaultPlan {
  return {
    script: [
      { fault: { kind: 'status', status: 200, body: JSON.stringify(body) }, path: DAILY, times: Infinity },
    ],
  };
}

function reasonOf(result: BilledConsumptionResult): string {
  if (result.available) throw new Error('expected billed consumption to be unavailable');
  return result.reason;
}

const GOOD_BODY = {
  total_acus: 3.5,
  consumption_by_date: { '2026-10-01': 1.25, '2026-10-31': 2.25 },
  consumption_by_org_id: { org_1: 3 },
  consumption_by_user: { user_1: 2 },
};

describe('fetchBilledConsumption', () => {
  it('reads the bill of the asked days in one request, exactly as the fake ledger has it', async () => {
    const { client, api } = await start();
    const result = await client.fetchBilledConsumption(OCTOBER);
    if (!result.available) throw new Error(result.reason);

    const ledger = consumptionLedger(demo);
    const inOctober = (day: string) => day >= OCTOBER.firstDay && day <= OCTOBER.lastDay;
    const byOrg = new Map<string, Acus>();
    for (const entry of ledger.entries.filter((e) => inOctober(e.day))) {
      byOrg.set(entry.orgId, (byOrg.get(entry.orgId) ?? 0n) + entry.acus);
    }
    const nonSession = [...ledger.nonSession]
      .filter(([day]) => inOctober(day))
      .reduce((s, [, a]) => s + a, 0n);
    const orgsTotal = [...byOrg.values()].reduce((s, a) => s + a, 0n);

    const { consumption } = result;
    expect(consumption).toMatchObject(OCTOBER);
    expect([...consumption.byDate.keys()]).toHaveLength(31);
    expect(consumption.byOrg).toEqual(new Map([...byOrg].sort(([a], [b]) => (a < b ? -1 : 1))));
    expect(consumption.totalAcus).toBe(orgsTotal + nonSession);
    expect(consumption.byUser?.size).toBeGreaterThan(30);
    expect(api.requests.map((r) => r.url)).toEqual([
      `${DAILY}?start_date=2026-10-01T08%3A00%3A00Z&end_date=2026-11-01T08%3A00%3A00Z`,
    ]);
  });

  it('reads the 08:00 UTC billing days, on a server where a midnight-UTC window bills other hours', async () => {
    const { client, api } = await start();
    const result = await client.fetchBilledConsumption(OCTOBER);
    if (!result.available) throw new Error(result.reason);
    const ledger = consumptionLedger(demo);
    const inOctober = (day: string) => day >= OCTOBER.firstDay && day <= OCTOBER.lastDay;
    const ledgerTotal =
      ledger.entries.filter((e) => inOctober(e.day)).reduce((s, e) => s + e.acus, 0n) +
      [...ledger.nonSession].filter(([day]) => inOctober(day)).reduce((s, [, a]) => s + a, 0n);
    expect(result.consumption.totalAcus).toBe(ledgerTotal);
    // What the previous client asked (bare days, the last as the end) reads a shifted, shorter window.
    const shifted = await fetch(`${api.url}${DAILY}?start_date=2026-10-01&end_date=2026-10-31`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    const body = (await shifted.json()) as {
      total_acus: number;
      consumption_by_date: Record<string, number>;
    };
    expect(Object.keys(body.consumption_by_date)[0]).toBe('2026-09-30');
    expect(acusFromNumber(body.total_acus)).not.toBe(ledgerTotal);
  });

  it('narrows to several orgs one org a request, summed, and the non-session ACUs drop out', async () => {
    const { client, api } = await start();
    const orgId = demo.organizations[0]?.org_id ?? '';
    const result = await client.fetchBilledConsumption({ ...OCTOBER, orgIds: [orgId, 'org_none'] });
    if (!result.available) throw new Error(result.reason);
    expect([...result.consumption.byOrg.keys()]).toEqual([orgId]);
    expect(result.consumption.totalAcus).toBe(result.consumption.byOrg.get(orgId));
    // The vendor's sources disagree on array encoding (list-filter.ts): one value a request.
    expect(api.requests.map((r) => r.query.org_ids)).toEqual([[orgId], ['org_none']]);
    const alone = await client.fetchBilledConsumption({ ...OCTOBER, orgIds: [orgId] });
    if (!alone.available) throw new Error(alone.reason);
    expect(result.consumption).toEqual(alone.consumption);
  });

  it('reads the optional per-user breakdown as null when it is left out', async () => {
    const { consumption_by_user: _, ...withoutUsers } = GOOD_BODY;
    const { client } = await start(answering(withoutUsers));
    const result = await client.fetchBilledConsumption(OCTOBER);
    expect(result).toEqual({
      available: true,
      consumption: {
        ...OCTOBER,
        totalAcus: 3_500_000_000_000n,
        byDate: new Map([
          ['2026-10-01', 1_250_000_000_000n],
          ['2026-10-31', 2_250_000_000_000n],
        ]),
        byOrg: new Map([['org_1', 3_000_000_000_000n]]),
        byUser: null,
      },
    });
  });

  it.each([
    [403, 'the API key may not read consumption (403)', 1],
    [404, 'the consumption endpoint does not exist on this host (404)', 1],
    [401, 'the Devin API key was refused (401)', 1],
    [422, 'the Devin API rejected the request (HTTP 422)', 1],
    [429, 'rate limited after 5 attempts (429)', 5],
    [500, 'the Devin API kept failing (HTTP 500 after 5 attempts)', 5],
  ])('is unavailable, not an error, on HTTP %i', async (status, reason, requests) => {
    const { client, api, warnings } = await start({
      script: [{ fault: { kind: 'status', status }, path: DAILY, times: Infinity }],
    });
    expect(await client.fetchBilledConsumption(OCTOBER)).toEqual({ available: false, reason });
    expect(api.requests).toHaveLength(requests);
    expect(warnings.at(-1)).toContain(`HTTP ${status}`);
  });

  it('retries a transient failure and then reads the bill', async () => {
    const { client, api } = await start({
      script: [{ fault: { kind: 'status', status: 503 }, path: DAILY, times: 2 }],
    });
    expect((await client.fetchBilledConsumption(OCTOBER)).available).toBe(true);
    expect(api.requests).toHaveLength(3);
  });

  it('is unavailable when the connection keeps failing', async () => {
    const { client } = await start({ script: [{ fault: { kind: 'reset' }, path: DAILY, times: Infinity }] });
    expect(reasonOf(await client.fetchBilledConsumption(OCTOBER))).toBe(
      'the Devin API could not be reached (no answer after 5 attempts)',
    );
  });

  it('is unavailable when the body is not JSON, after retrying it', async () => {
    const { client, api } = await start({
      script: [{ fault: { kind: 'malformed-json' }, path: DAILY, times: Infinity }],
    });
    expect(reasonOf(await client.fetchBilledConsumption(OCTOBER))).toBe(
      'malformed response: the body is not JSON',
    );
    expect(api.requests).toHaveLength(5);
  });

  it.each([
    [
      'a missing field',
      { ...GOOD_BODY, consumption_by_org_id: undefined },
      'malformed response: consumption_by_org_id missing',
    ],
    ['a missing total', { ...GOOD_BODY, total_acus: undefined }, 'malformed response: total_acus missing'],
    ['a figure of the wrong type', { ...GOOD_BODY, total_acus: '3.5' }, 'malformed response: total_acus'],
    [
      'a negative figure',
      { ...GOOD_BODY, consumption_by_org_id: { org_1: -1 } },
      'malformed response: consumption_by_org_id.org_1 is negative',
    ],
    ['an array instead of an object', [], 'malformed response: the body'],
    [
      'a day key that is not a day',
      { ...GOOD_BODY, consumption_by_date: { 'Oct 1': 3.5 } },
      'malformed response: consumption_by_date has a key that is not a YYYY-MM-DD day',
    ],
  ])('is unavailable for %s', async (_, body, reason) => {
    const { client } = await start(answering(body));
    expect(reasonOf(await client.fetchBilledConsumption(OCTOBER))).toContain(reason);
  });

  it('keeps the bill of the asked days when the API also answers for a day outside them, and warns', async () => {
    // The docs leave open whether end_date is included: a day past the window is dropped, not fatal.
    const body = {
      ...GOOD_BODY,
      total_acus: 4.5,
      consumption_by_date: { '2026-10-01': 1.25, '2026-10-31': 2.25, '2026-11-01': 1 },
      consumption_by_org_id: { org_1: 4 },
    };
    const { client, warnings } = await start(answering(body));
    const result = await client.fetchBilledConsumption(OCTOBER);
    if (!result.available) throw new Error(result.reason);
    expect(result.consumption.totalAcus).toBe(acusFromNumber(3.5));
    expect([...result.consumption.byDate.keys()]).toEqual(['2026-10-01', '2026-10-31']);
    expect(warnings.join('\n')).toContain(
      'the consumption endpoint answered for 2026-11-01 (1 ACUs), outside the asked billing days 2026-10-01 to 2026-10-31',
    );
  });

  it('refuses a negative day as a contradiction naming the day and the field', async () => {
    const body = { ...GOOD_BODY, consumption_by_date: { '2026-10-01': 4.75, '2026-10-31': -1.25 } };
    const { client } = await start(answering(body));
    expect(reasonOf(await client.fetchBilledConsumption(OCTOBER))).toBe(
      'on 2026-10-31, consumption_by_date is negative (-1.25)',
    );
  });

  it('is unavailable when the days do not add up to the total, to the last decimal', async () => {
    // 0.1 + 0.2 is 0.30000000000000004 in doubles; in exact ACUs it is 0.3, so only a real gap shows.
    const exact = {
      ...GOOD_BODY,
      total_acus: 0.3,
      consumption_by_date: { '2026-10-01': 0.1, '2026-10-02': 0.2 },
      consumption_by_org_id: {},
      consumption_by_user: {},
    };
    const off = { ...exact, total_acus: 0.300001 };
    const { client, api } = await start(answering(exact));
    expect((await client.fetchBilledConsumption(OCTOBER)).available).toBe(true);
    api.setFaults(answering(off));
    expect(reasonOf(await client.fetchBilledConsumption(OCTOBER))).toBe(
      'the daily figures add up to 0.3 ACUs but total_acus is 0.300001',
    );
  });

  it.each([
    ['per-org', { consumption_by_org_id: { org_1: 3, org_2: 0.6 } }, '3.6'],
    ['per-user', { consumption_by_user: { user_1: 3.51 } }, '3.51'],
  ])('is unavailable when the %s figures exceed the total', async (breakdown, override, sum) => {
    const { client } = await start(answering({ ...GOOD_BODY, ...override }));
    expect(reasonOf(await client.fetchBilledConsumption(OCTOBER))).toBe(
      `total_acus is 3.5 ACUs, below its ${breakdown} figures' ${sum}`,
    );
  });

  it('never puts the key into a reason, even when a body echoes it', async () => {
    const echo = JSON.stringify({ detail: `bad key ${API_KEY}` });
    const bodies: FaultPlan[] = [
      { script: [{ fault: { kind: 'status', status: 403, body: echo }, path: DAILY }] },
      { script: [{ fault: { kind: 'status', status: 500, body: echo }, path: DAILY, times: Infinity }] },
      answering({ ...GOOD_BODY, consumption_by_org_id: { [API_KEY]: 'x' } }),
      answering({ ...GOOD_BODY, consumption_by_org_id: { [API_KEY]: 99 } }),
    ];
    const { client, api, warnings } = await start();
    for (const plan of bodies) {
      api.setFaults(plan);
      const reason = reasonOf(await client.fetchBilledConsumption(OCTOBER));
      expect(reason).not.toContain(API_KEY);
    }
    expect(warnings.length).toBeGreaterThanOrEqual(bodies.length);
    for (const warning of warnings) expect(warning).not.toContain(API_KEY);
  });

  it('refuses days that are not dates or are reversed: that is the caller’s bug', async () => {
    const { client, api } = await start(undefined, datasetOf([]));
    await expect(
      client.fetchBilledConsumption({ firstDay: '2026-10-1', lastDay: '2026-10-31' }),
    ).rejects.toThrow(RangeError);
    expect(
      await rejectionOf(client.fetchBilledConsumption({ firstDay: '2026-10-31', lastDay: '2026-10-01' })),
    ).toBeInstanceOf(RangeError);
    expect(api.requests).toHaveLength(0);
  });
});
