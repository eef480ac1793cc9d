import { afterEach, describe, expect, it } from 'vitest';
import { acusFromNumber } from '#core/money/acus.js';
import { consumptionLedger } from '#devin/fake/consumption-ledger.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import type { FakeDataset, WireDailyConsumption } from '#devin/fake/wire.js';
import type { TestDevinApi } from '../../support/fake-devin-api/test-devin-api.js';
import { startTestDevinApi } from '../../support/fake-devin-api/test-devin-api.js';
import { AUTH, datasetOf, KEY, wireSession } from './wire-fixtures.js';

const DAILY = '/v2/enterprise/consumption/daily';
const CYCLES = '/v2/enterprise/consumption/cycles';
/** Billing days 2 and 3 February 2025, as the vendor's example writes a window: the end is the next day's start. */
const BILLING_DAYS_2_TO_3 = 'start_date=2025-02-02T08:00:00Z&end_date=2025-02-04T08:00:00Z';

let api: TestDevinApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** Two sessions, one crossing the 08:00 UTC day boundary, and non-session ACUs on two days. */
function smallDataset(): FakeDataset {
  return {
    ...datasetOf([
      wireSession('s1', '2025-02-03T07:00:00Z', { updated_at: '2025-02-03T09:00:00Z', acus_consumed: 3 }),
      wireSession('s2', '2025-02-03T12:00:00Z', {
        updated_at: '2025-02-03T13:00:00Z',
        acus_consumed: 1.5,
        org_id: 'org_b',
        user_id: 'user_b',
      }),
    ]),
    nonSessionAcus: { '2025-02-02': 0.25, '2025-02-03': 0.125, '2025-02-10': 9 },
    billingCycles: [{ start: '2025-01-05T08:00:00Z', end: '2025-02-05T08:00:00Z' }],
  };
}

async function serve(data: FakeDataset = smallDataset()): Promise<TestDevinApi> {
  api = await startTestDevinApi({ apiKey: KEY, data });
  return api;
}

async function get(server: TestDevinApi, target: string, headers: Record<string, string> = AUTH) {
  const response = await fetch(`${server.url}${target}`, { headers });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('GET /v2/enterprise/consumption/daily', () => {
  it('bills each billing day what was consumed on it, both asked days included', async () => {
    const server = await serve();
    const { status, body } = await get(server, `${DAILY}?${BILLING_DAYS_2_TO_3}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      total_acus: 4.875,
      // s1: 1 h before 08:00 on the 2nd's billing day, 1 h after on the 3rd's.
      consumption_by_date: { '2025-02-02': 1.75, '2025-02-03': 3.125 },
      consumption_by_org_id: { org_a: 3, org_b: 1.5 },
      consumption_by_user: { user_a: 3, user_b: 1.5 },
    } satisfies WireDailyConsumption);
  });

  it('lists every asked day, zero or not', async () => {
    const server = await serve();
    const { body } = await get(
      server,
      `${DAILY}?start_date=2025-02-04T08:00:00Z&end_date=2025-02-07T08:00:00Z`,
    );
    expect(body).toEqual({
      total_acus: 0,
      consumption_by_date: { '2025-02-04': 0, '2025-02-05': 0, '2025-02-06': 0 },
      consumption_by_org_id: {},
      consumption_by_user: {},
    });
  });

  it('leaves the non-session ACUs out when narrowed to orgs (repeated keys)', async () => {
    const server = await serve();
    const { body } = await get(
      server,
      `${DAILY}?start_date=2025-02-01T08:00:00Z&end_date=2025-03-01T08:00:00Z&org_ids=org_b&org_ids=org_x`,
    );
    expect(body).toMatchObject({ total_acus: 1.5, consumption_by_org_id: { org_b: 1.5 } });
  });

  it('agrees with the ledger on the October of the demo', async () => {
    const data = demoDataset(new Date('2026-11-17T10:30:00Z'));
    const server = await serve(data);
    const { body } = await get(
      server,
      `${DAILY}?start_date=2026-10-01T08:00:00Z&end_date=2026-11-01T08:00:00Z`,
    );
    const ledger = consumptionLedger(data);
    const inOctober = (day: string) => day >= '2026-10-01' && day <= '2026-10-31';
    const expected =
      ledger.entries.filter((e) => inOctober(e.day)).reduce((sum, e) => sum + e.acus, 0n) +
      [...ledger.nonSession].filter(([day]) => inOctober(day)).reduce((sum, [, acus]) => sum + acus, 0n);
    expect(acusFromNumber((body as WireDailyConsumption).total_acus)).toBe(expected);
  });

  it('reads a bare date as midnight UTC: the window cuts billing days and bills only their hours inside it', async () => {
    const server = await serve();
    const { body } = await get(server, `${DAILY}?start_date=2025-02-03&end_date=2025-02-04`);
    // [3 Feb 00:00Z, 4 Feb 00:00Z) holds the last 8 hours of billing day 2 Feb and the first 16 of 3 Feb.
    // s1 (07:00-09:00, 3 ACUs): 1.5 in each hour; s2: 1.5 at 12:00. Non-session ACUs are spread
    // over the day's 24 hours: 8/24 of 0.25 and 16/24 of 0.125, to the micro-ACU by largest remainder.
    expect(body).toEqual({
      total_acus: 4.666664,
      consumption_by_date: { '2025-02-02': 1.583328, '2025-02-03': 3.083336 },
      consumption_by_org_id: { org_a: 3, org_b: 1.5 },
      consumption_by_user: { user_a: 3, user_b: 1.5 },
    } satisfies WireDailyConsumption);
    // The same day asked from 08:00 UTC is billing day 3 Feb alone.
    const aligned = await get(
      server,
      `${DAILY}?start_date=2025-02-03T08:00:00Z&end_date=2025-02-04T08:00:00Z`,
    );
    expect(aligned.body).toMatchObject({ total_acus: 3.125, consumption_by_date: { '2025-02-03': 3.125 } });
  });

  it('uses the current billing cycle when no bounds are given', async () => {
    const server = await serve();
    const defaulted = await get(server, DAILY);
    const explicit = await get(
      server,
      `${DAILY}?start_date=2025-01-05T08:00:00Z&end_date=2025-02-05T08:00:00Z`,
    );
    expect(defaulted).toEqual(explicit);
    expect(explicit.body).toMatchObject({ total_acus: 4.875 });
  });

  it.each([
    [
      'an impossible date',
      '?start_date=2025-02-30&end_date=2025-03-01',
      ['start_date'],
      'datetime_from_date_parsing',
    ],
    ['a bare word', '?start_date=2025-02-01&end_date=soon', ['end_date'], 'datetime_from_date_parsing'],
  ])('answers 422 in FastAPI shape for %s', async (_, query, fields, type) => {
    const server = await serve();
    const { status, body } = await get(server, `${DAILY}${query}`);
    expect(status).toBe(422);
    const detail = (body as { detail: { loc: string[]; type: string }[] }).detail;
    expect(detail.map((issue) => issue.loc[1])).toEqual(fields);
    expect(detail.every((issue) => issue.type === type)).toBe(true);
  });

  it('answers 400 when the dates are reversed, and 401 without the key', async () => {
    const server = await serve();
    expect(
      (await get(server, `${DAILY}?start_date=2025-02-03T08:00:00Z&end_date=2025-02-02T08:00:00Z`)).status,
    ).toBe(400);
    expect((await get(server, `${DAILY}?${BILLING_DAYS_2_TO_3}`, {})).status).toBe(401);
  });

  it('injects path-matched faults into the consumption endpoint and leaves other paths alone', async () => {
    const server = await serve();
    server.setFaults({ script: [{ fault: { kind: 'status', status: 403 }, path: DAILY, times: Infinity }] });
    expect((await get(server, `${DAILY}?${BILLING_DAYS_2_TO_3}`)).status).toBe(403);
    expect((await get(server, '/v2/enterprise/sessions')).status).toBe(200);
    expect((await get(server, CYCLES)).status).toBe(200);
    expect(server.requests.map((r) => r.fault)).toEqual(['status', null, null]);
  });
});

describe('GET /v2/enterprise/consumption/cycles', () => {
  it('answers the data set cycles as a bare array', async () => {
    const server = await serve();
    expect(await get(server, CYCLES)).toEqual({
      status: 200,
      body: [{ start: '2025-01-05T08:00:00Z', end: '2025-02-05T08:00:00Z' }],
    });
  });

  it('answers an empty array for a data set without cycles', async () => {
    const server = await serve(datasetOf([]));
    expect((await get(server, CYCLES)).body).toEqual([]);
  });
});
