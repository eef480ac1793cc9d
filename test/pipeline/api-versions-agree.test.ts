import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { ChargebackReport, UserTotal } from '#core/report/chargeback-report.js';
import { createDevinClient, type DevinClient } from '#devin/client/devin-client.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import { readBilling } from '#pipeline/read-billing.js';
import { readDirectory } from '#pipeline/read-directory.js';
import { startTestDevinApi, type TestDevinApi } from '../support/fake-devin-api/test-devin-api.js';

const NOW = new Date('2026-11-17T10:30:00Z');
const OCTOBER = monthPeriod('2026-10', 'UTC', NOW);
const PRICE = parsePricing('2.25', 'USD');
const KEY = 'cog_agree-test-key';

let api: TestDevinApi;
beforeAll(async () => {
  api = await startTestDevinApi({ apiKey: KEY, data: demoDataset(NOW) });
});
afterAll(() => api.close());

async function reportVia(
  apiVersion: 'v2' | 'v3',
  costBasis: 'sessions' | 'billed',
): Promise<ChargebackReport> {
  const devin: DevinClient = createDevinClient({ apiKey: KEY, baseUrl: api.url, apiVersion });
  const noFilters = { orgIds: [], userIds: [], tags: [] };
  const [fetched, directory] = await Promise.all([
    devin.fetchSessions({ from: OCTOBER.from, to: OCTOBER.to }),
    readDirectory(devin),
  ]);
  const billing = await readBilling(devin, OCTOBER, noFilters, fetched.sessions);
  return buildChargebackReport({
    period: OCTOBER,
    pricing: PRICE,
    sessions: fetched.sessions,
    directory,
    costBasis,
    billed: billing.billed,
    carriedIn: billing.carriedIn,
  });
}

/**
 * v2 cannot see service users: their sessions show as no user. Folding v3's back makes them
 * comparable in sessions and ACUs (cents are shared out among an org's rows by largest remainder,
 * so a cent may move between rows when one "no user" row becomes two service-user rows).
 */
function usersAsV2Sees(users: readonly UserTotal[]) {
  const rows = new Map<string, { sessions: number; acus: bigint }>();
  for (const u of users) {
    const key = u.kind === 'service-user' ? '(none)' : (u.userId ?? '(none)');
    const row = rows.get(key) ?? { sessions: 0, acus: 0n };
    rows.set(key, { sessions: row.sessions + u.sessions, acus: row.acus + u.acus });
  }
  return rows;
}

describe('the same data through v2 and v3', () => {
  for (const basis of ['sessions', 'billed'] as const) {
    it(`gives identical figures on the ${basis} basis`, async () => {
      const [v2, v3] = await Promise.all([reportVia('v2', basis), reportVia('v3', basis)]);
      expect(v3.totals).toEqual(v2.totals);
      expect(v3.orgs.map((o) => [o.orgId, o.orgName, o.sessions, o.acus, o.costMinor])).toEqual(
        v2.orgs.map((o) => [o.orgId, o.orgName, o.sessions, o.acus, o.costMinor]),
      );
      // Tag and status cents are sums of session cents, which are shared out within each user: v3 charges
      // automation to its service users where v2 has one "no user" row, so a row's cents may move by the
      // sessions it has; its sessions, ACUs and exact cost may not.
      const exact = <T extends { costMinor: bigint }>(rows: readonly T[]) =>
        rows.map(({ costMinor: _, ...rest }) => rest);
      expect(exact(v3.tags)).toEqual(exact(v2.tags));
      expect(exact(v3.statuses)).toEqual(exact(v2.statuses));
      for (const [i, tag] of v3.tags.entries()) {
        const other = v2.tags[i]?.costMinor ?? 0n;
        const gap = tag.costMinor > other ? tag.costMinor - other : other - tag.costMinor;
        expect(gap <= BigInt(tag.sessions)).toBe(true);
      }
      const sum = (rows: readonly { costMinor: bigint }[]) => rows.reduce((s, r) => s + r.costMinor, 0n);
      expect(sum(v3.statuses)).toBe(sum(v2.statuses));
      // Session cents are shared out per user, and v2 sees one "no user" where v3 sees service users:
      // each session's cents may move by one between them, their sum never.
      const cents = (r: ChargebackReport) => r.sessionCostMinor.reduce((a, b) => a + b, 0n);
      expect(cents(v3)).toBe(cents(v2));
      if (basis === 'sessions') {
        for (const [i, org] of v3.orgs.entries()) {
          expect(usersAsV2Sees(org.users)).toEqual(usersAsV2Sees(v2.orgs[i]?.users ?? []));
        }
      }
      expect(v2.reconciliation.available && v3.reconciliation.available).toBe(true);
      if (v2.reconciliation.available && v3.reconciliation.available) {
        expect(v3.reconciliation.reconciliation.totals).toEqual(v2.reconciliation.reconciliation.totals);
        expect(v3.reconciliation.reconciliation.orgs).toEqual(v2.reconciliation.reconciliation.orgs);
        expect(v3.reconciliation.reconciliation.edges).toEqual(v2.reconciliation.reconciliation.edges);
      }
    });
  }

  it('shows service users as such on v3, named, and never among the people', async () => {
    const v3 = await reportVia('v3', 'sessions');
    const automation = v3.orgs.flatMap((o) => o.users).filter((u) => u.kind === 'service-user');
    expect(new Set(automation.map((u) => u.userName))).toEqual(
      new Set(['CI nightly maintenance', 'Jira triage bot']),
    );
    expect(automation.every((u) => u.userId?.startsWith('service-user-'))).toBe(true);
    const people = v3.orgs.flatMap((o) => o.users).filter((u) => u.kind === undefined && u.userId !== null);
    expect(people.some((u) => u.userId?.startsWith('service-user-'))).toBe(false);
    // Every fourth person is reachable through an IdP group only (v3 lists them apart), and is still named.
    const idpOnly = new Map(
      demoDataset(NOW)
        .members.filter((m) => m.idp_only)
        .map((m) => [m.user_id, m.name]),
    );
    const idpRows = people.filter((u) => u.userId !== null && idpOnly.has(u.userId));
    expect(idpRows.length).toBeGreaterThan(0);
    for (const row of idpRows) expect(row.userName).toBe(idpOnly.get(row.userId ?? ''));
    expect(v3.names.serviceUsers).toEqual({ available: true });
  });
});

describe('names on v3 when the key may not read them', () => {
  it('shows IDs with the reason, naming the v3 path, and still builds the report', async () => {
    const refused = await startTestDevinApi({
      apiKey: KEY,
      data: demoDataset(NOW),
      faults: {
        script: [
          {
            fault: { kind: 'status', status: 403 },
            when: (r) => r.path.startsWith('/v3/enterprise/members/'),
            times: Number.POSITIVE_INFINITY,
          },
        ],
      },
    });
    try {
      const devin = createDevinClient({ apiKey: KEY, baseUrl: refused.url });
      const directory = await readDirectory(devin);
      expect(directory.sources.users).toEqual({
        available: false,
        reason: expect.stringMatching(
          /^GET \/v3\/enterprise\/members\/users answered 403 .*IDs are shown instead$/,
        ),
      });
      expect(directory.sources.serviceUsers).toEqual({
        available: false,
        reason: expect.stringMatching(/^GET \/v3\/enterprise\/members\/service-users answered 403/),
      });
      expect(JSON.stringify(directory.sources)).not.toContain(KEY);
      const fetched = await devin.fetchSessions({ from: OCTOBER.from, to: OCTOBER.to });
      const report = buildChargebackReport({
        period: OCTOBER,
        pricing: PRICE,
        sessions: fetched.sessions,
        directory,
      });
      expect(report.orgs.flatMap((o) => o.users).every((u) => u.userName === null)).toBe(true);
      // Still a service user, by its sessions, even unnamed.
      expect(report.orgs.flatMap((o) => o.users).some((u) => u.kind === 'service-user')).toBe(true);
    } finally {
      await refused.close();
    }
  });
});
