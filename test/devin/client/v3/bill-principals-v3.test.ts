import { afterEach, describe, expect, it } from 'vitest';
import { acusFromNumber, sumAcus } from '#core/money/acus.js';
import type { BilledConsumption, BilledConsumptionResult } from '#core/report/billed-consumption.js';
import { reconcile } from '#core/report/reconcile.js';
import type { FakeDataset, WireSession } from '#devin/fake/wire.js';
import { listed } from '../../../support/listed.js';
import { datasetOf, FEBRUARY, februarySessions } from '../fake-api-harness.js';
import { startV3Harness, type V3Harness } from './v3-harness.js';

let harness: V3Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

const DAYS = { firstDay: '2025-01-31', lastDay: '2025-02-28' };

function bill(result: BilledConsumptionResult): BilledConsumption {
  if (!result.available) throw new Error(`expected a bill, got: ${result.reason}`);
  return result.consumption;
}

const asked = (h: V3Harness, id: string) =>
  h.api.requests.filter((r) => r.path === `/v3/enterprise/consumption/daily/users/${id}`);

// Issue 32, item 4: Cascade and Terminal bill a person without any session.
describe('the v3 bill asks about every principal the directory names', () => {
  /** 20 sessions of user_1, and a member (IdP-only) who used only Cascade/Terminal: 3 + 4.5 ACUs. */
  const data: FakeDataset = {
    ...datasetOf(februarySessions(20)),
    members: [
      { user_id: 'user_1', email: 'ana@example.com', name: 'Ana Abe', enterprise_role: 'member' },
      {
        user_id: 'user_cascade',
        email: 'cas@example.com',
        name: 'Cas Cade',
        enterprise_role: 'member',
        idp_only: true,
      },
    ],
    nonSessionAcusByUser: { user_cascade: { '2025-02-03': 3, '2025-02-10': 4.5 } },
  };

  it('a user with only Cascade/Terminal usage is asked about and carries their bill', async () => {
    harness = await startV3Harness(data);
    const { sessions } = listed(await harness.client.fetchSessions(FEBRUARY));
    expect(sessions.every((s) => s.userId === 'user_1')).toBe(true);
    const principals = {
      from: FEBRUARY.from,
      to: FEBRUARY.to,
      orgIds: ['org_1'],
      userIds: ['user_1'],
      serviceUserIds: [],
    };
    const billed = bill(await harness.client.fetchBilledConsumption({ ...DAYS, principals }));

    expect(asked(harness, 'user_cascade')).toHaveLength(1);
    expect(billed.byUser?.get('user_cascade')).toBe(acusFromNumber(7.5));
    expect(billed.byUser?.get('user_1')).toBe(acusFromNumber(25));
    expect(billed.totalAcus).toBe(acusFromNumber(32.5));
    // Theirs are in no org: the org figures stay the sessions'.
    expect(sumAcus(billed.byOrg.values())).toBe(acusFromNumber(25));

    // And they appear on the Reconciliation user table, named, with their billed ACUs.
    const reconciliation = reconcile({
      sessions,
      billed,
      period: { from: FEBRUARY.from, to: FEBRUARY.to } as never,
      directory: {
        orgNames: new Map([['org_1', 'Org One']]),
        users: new Map([['user_cascade', { name: 'Cas Cade', email: 'cas@example.com' }]]) as never,
      },
      carriedIn: 0,
      costBasis: 'sessions',
    });
    const line = reconciliation.users?.find((u) => u.id === 'user_cascade');
    expect(line).toMatchObject({ name: 'Cas Cade', sessionAcus: 0n, billedAcus: acusFromNumber(7.5) });
  });

  it('the directory alone is enough: without the report’s principals, the member is still asked', async () => {
    harness = await startV3Harness(data);
    const billed = bill(await harness.client.fetchBilledConsumption(DAYS));
    expect(asked(harness, 'user_cascade')).toHaveLength(1);
    expect(billed.byUser?.get('user_cascade')).toBe(acusFromNumber(7.5));
    // v2 bills everyone in one call: the same person in consumption_by_user, the same total.
    const v2 = bill(await harness.v2.fetchBilledConsumption(DAYS));
    expect(v2.byUser?.get('user_cascade')).toBe(acusFromNumber(7.5));
    expect(v2.totalAcus).toBe(billed.totalAcus);
  });
});

describe('the on-behalf rule when the vendor already excludes those sessions from the service user', () => {
  /**
   * 40 sessions of 1.25 ACUs: 10 a service user created for user_1 (on behalf), `own` (up to 10)
   * its own, the rest user_1's.
   */
  function onBehalfData(own: number): FakeDataset {
    const of = (s: WireSession, i: number): WireSession =>
      i % 4 === 0
        ? { ...s, user_id: 'user_1', service_user_id: 'service-user-acting' }
        : i % 4 === 1 && i < own * 4
          ? { ...s, user_id: null, service_user_id: 'service-user-acting' }
          : s;
    return {
      ...datasetOf(februarySessions(40).map(of)),
      serviceUsers: [{ service_user_id: 'service-user-acting', name: 'Ticket bot', expires_at: null }],
    };
  }

  it('as the SDK reads (in both bills): the service user keeps its own sessions, the person the rest', async () => {
    harness = await startV3Harness(onBehalfData(10));
    const billed = bill(await harness.client.fetchBilledConsumption(DAYS));
    expect(billed.byUser?.get('service-user-acting')).toBe(acusFromNumber(12.5));
    expect(billed.byUser?.get('user_1')).toBe(acusFromNumber(37.5));
    expect(sumAcus(billed.byUser?.values() ?? [])).toBe(billed.totalAcus);
  });

  it('if already excluded: the service user is short by those sessions, which go to Unattributed; the total and orgs hold', async () => {
    harness = await startV3Harness(onBehalfData(10), { serviceUserBill: 'own-sessions-only' });
    const billed = bill(await harness.client.fetchBilledConsumption(DAYS));
    // Its 12.5 own ACUs less the 12.5 on-behalf ones taken out a second time.
    expect(billed.byUser?.has('service-user-acting')).toBe(false);
    expect(billed.byUser?.get('user_1')).toBe(acusFromNumber(37.5));
    expect(billed.totalAcus).toBe(acusFromNumber(50));
    expect(sumAcus(billed.byOrg.values())).toBe(acusFromNumber(50));
    expect(billed.totalAcus - sumAcus(billed.byUser?.values() ?? [])).toBe(acusFromNumber(12.5));
  });

  it('if already excluded and the on-behalf sessions exceed its figure: kept as billed, never negative, with a warning', async () => {
    // Two sessions of its own (2.5 ACUs) against ten on behalf (12.5).
    harness = await startV3Harness(onBehalfData(2), { serviceUserBill: 'own-sessions-only' });
    const billed = bill(await harness.client.fetchBilledConsumption(DAYS));
    expect(billed.byUser?.get('service-user-acting')).toBe(acusFromNumber(2.5));
    expect(billed.byUser?.get('user_1')).toBe(acusFromNumber(47.5));
    expect(sumAcus(billed.byUser?.values() ?? [])).toBe(billed.totalAcus);
    expect(
      harness.warnings.some((w) =>
        w.includes(
          'per-service-user consumption of service-user-acting (2.5 ACUs) is less than the 12.5 ACUs',
        ),
      ),
    ).toBe(true);
  });
});
