import { describe, expect, it } from 'vitest';
import { parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { orgRows, previousSplitSource } from '#core/cost-centres/org-rows.js';
import { userRows } from '#core/cost-centres/user-rows.js';
import { ACU_DECIMALS, decimalStringToScaled } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { Directory } from '#core/report/directory.js';
import { type SummaryDocument, toSummaryDocument } from '#core/report/summary-document.js';
import type { Session } from '#core/session.js';
import { withCostCentres } from '#pipeline/cost-centre-setup.js';
import { OCTOBER_2026_UTC, USD_2_25 } from '../../support/report-periods.js';
import { session } from '../report/session-fixture.js';
import { costCentreMap } from './map-fixture.js';

const DIRECTORY: Directory = {
  orgNames: new Map(),
  users: new Map(),
  sources: { orgs: { available: true }, users: { available: true } },
};
const MAP = costCentreMap(
  'org-a,,CC-A,A,6110,a@example.com,US01',
  'org-b,,CC-B,B,6120,b@example.com,US01',
  ',x,CC-X,X,6190,x@example.com,US01',
);
const SETUP = { map: MAP, creditAccounts: parseCreditAccounts('2100', 'x') };
const RUN = {
  runId: 'run',
  generatedAt: new Date('2026-11-01T06:00:00Z'),
  generator: 'test',
  apiHost: 'api.example',
  source: 'api' as const,
  filters: { orgIds: [], userIds: [], tags: [] },
};
const STATS = {
  pages: 1,
  reportedTotal: 0,
  itemsReceived: 0,
  duplicatesDropped: 0,
  outsidePeriodDropped: 0,
  nullAcus: 0,
  reread: false,
};
const SEPTEMBER = monthPeriod('2026-09', 'UTC', new Date('2026-11-29T12:00:00Z'));

// Thirds of a cent: the split rows' cents must still add up to their org's and user's.
const NOW: Session[] = [
  session({ sessionId: 'a1', orgId: 'org-a', userId: 'u1', acus: 1.111111 }),
  session({ sessionId: 'a2', orgId: 'org-a', userId: 'u1', acus: 2.222222, tags: ['x'] }),
  session({ sessionId: 'a3', orgId: 'org-a', userId: 'u2', acus: 3.333333, tags: ['x'] }),
  session({ sessionId: 'b1', orgId: 'org-b', userId: 'u3', acus: 4.444444 }),
];
const BEFORE: Session[] = [
  session({ sessionId: 'p1', orgId: 'org-a', userId: 'u1', acus: 5 }),
  session({ sessionId: 'p2', orgId: 'org-b', userId: 'u3', acus: 1, tags: ['x'] }),
  session({ sessionId: 'p3', orgId: 'org-b', userId: 'u3', acus: 2 }),
];

function build(
  sessions: Session[],
  period = OCTOBER_2026_UTC,
  previous?: SummaryDocument,
  pricing = USD_2_25,
): ChargebackReport {
  const built = buildChargebackReport({ period, pricing, sessions, directory: DIRECTORY, previous });
  return withCostCentres(built, sessions, SETUP, previous);
}

const previousDocument = () => toSummaryDocument(build(BEFORE, SEPTEMBER), RUN, STATS);

describe('orgRows and userRows', () => {
  it('without a map: one row per org (and per user), as the report has them', () => {
    const built = buildChargebackReport({
      period: OCTOBER_2026_UTC,
      pricing: USD_2_25,
      sessions: NOW,
      directory: DIRECTORY,
    });
    expect(orgRows(built).map((row) => [row.orgId, row.code, row.costMinor])).toEqual(
      built.orgs.map((org) => [org.orgId, undefined, org.costMinor]),
    );
    expect(userRows(built)).toHaveLength(3);
    expect(userRows(built).every((row) => row.code === undefined)).toBe(true);
  });

  it('splits orgs and users by cost centre with cents that add up to theirs and to the total', () => {
    const built = build(NOW);
    const rows = orgRows(built);
    expect(rows.map((row) => [row.orgId, row.code, row.defaultCode])).toEqual([
      ['org-a', 'CC-X', 'CC-A'],
      ['org-a', 'CC-A', 'CC-A'],
      ['org-b', 'CC-B', 'CC-B'],
    ]);
    for (const org of built.orgs) {
      const mine = rows.filter((row) => row.orgId === org.orgId);
      expect(mine.reduce((sum, row) => sum + row.costMinor, 0n)).toBe(org.costMinor);
      expect(mine.reduce((sum, row) => sum + row.acus, 0n)).toBe(org.acus);
      const users = userRows(built).filter((row) => row.org.orgId === org.orgId);
      expect(users.reduce((sum, row) => sum + row.costMinor, 0n)).toBe(org.costMinor);
      expect(users.reduce((sum, row) => sum + row.shareOfOrg, 0)).toBeCloseTo(1, 12);
    }
    expect(rows.reduce((sum, row) => sum + row.shareOfCost, 0)).toBeCloseTo(1, 12);
    expect(userRows(built).map((row) => [row.user.userId, row.code])).toEqual([
      ['u1', 'CC-X'],
      ['u1', 'CC-A'],
      ['u2', 'CC-X'],
      ['u3', 'CC-B'],
    ]);
    const perCode = new Map<string, bigint>();
    for (const row of rows) perCode.set(row.code ?? '', (perCode.get(row.code ?? '') ?? 0n) + row.costMinor);
    for (const centre of built.costCentres?.rows ?? [])
      expect(perCode.get(centre.code)).toBe(centre.costMinor);
  });

  it('compares each org × cost centre with the recorded previous split, keeping one gone as a row of zeros', () => {
    const built = build(NOW, OCTOBER_2026_UTC, previousDocument());
    expect(previousSplitSource(built)).toBe('recorded');
    const rows = orgRows(built);
    expect(
      rows.map((row) => [
        row.orgId,
        row.code,
        row.hasUsage,
        row.change?.previousCostMinor,
        row.change?.status,
      ]),
    ).toEqual([
      ['org-a', 'CC-X', true, null, 'new'],
      ['org-a', 'CC-A', true, 1125n, 'continuing'],
      ['org-b', 'CC-B', true, 450n, 'continuing'],
      ['org-b', 'CC-X', false, 225n, 'vanished'],
    ]);
    const changed = rows.reduce((sum, row) => sum + (row.change?.changeCostMinor ?? 0n), 0n);
    expect(built.comparison.available && changed === built.comparison.changeCostMinor).toBe(true);
  });

  it('puts a previous period that did not record (or does not add up to) its split on the default cost centre', () => {
    const { orgCostCentres: _, ...older } = previousDocument();
    const built = build(NOW, OCTOBER_2026_UTC, older);
    expect(previousSplitSource(built)).toBe('default-cost-centre');
    const orgB = orgRows(built).filter((row) => row.orgId === 'org-b');
    expect(orgB.map((row) => [row.code, row.change?.previousCostMinor])).toEqual([['CC-B', 675n]]);
    const document = previousDocument();
    const short = { ...document, orgCostCentres: document.orgCostCentres?.slice(1) };
    expect(previousSplitSource(build(NOW, OCTOBER_2026_UTC, short))).toBe('default-cost-centre');
  });

  it('leaves the previous cents empty when the previous period was in another currency', () => {
    const euros = toSummaryDocument(
      build(BEFORE, SEPTEMBER, undefined, parsePricing('2', 'EUR')),
      RUN,
      STATS,
    );
    const rows = orgRows(build(NOW, OCTOBER_2026_UTC, euros));
    expect(
      rows.every((row) => row.change?.previousCostMinor === null && row.change.changeCostMinor === null),
    ).toBe(true);
    expect(rows.find((row) => row.code === 'CC-A')?.change?.previousAcus).toBe(
      decimalStringToScaled('5', ACU_DECIMALS),
    );
  });
});
