import { describe, expect, it } from 'vitest';
import { parsePricing } from '#core/money/parse-pricing.js';
import { billingDayMonthPeriod } from '#core/period/billing-day-month-period.js';
import { cyclePeriod } from '#core/period/cycle-period.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '#core/report/directory.js';
import type { RunInfo } from '#core/report/run-info.js';
import {
  InvalidSummaryDocumentError,
  parseSummaryDocument,
  type SummaryDocument,
  toSummaryDocument,
} from '#core/report/summary-document.js';
import type { FetchStats } from '#core/session.js';
import { billedConsumption } from './billed-fixture.js';
import { session } from './session-fixture.js';

const RUN: RunInfo = {
  runId: 'run-42',
  generatedAt: new Date('2026-11-01T06:00:01.250Z'),
  generator: 'devin-chargeback@0.1.0',
  apiHost: 'api.devin.ai',
  source: 'api',
  filters: { orgIds: ['org-a'], userIds: [], tags: [] },
};

const STATS: FetchStats = {
  pages: 2,
  reportedTotal: 4,
  itemsReceived: 5,
  duplicatesDropped: 1,
  outsidePeriodDropped: 0,
  nullAcus: 1,
  reread: false,
};

const directory = {
  orgNames: new Map([['org-a', 'Alpha']]),
  users: new Map([['user-1', { name: 'Ann Lee', email: 'ann@example.com' }]]),
  sources: { orgs: { available: true as const }, users: { available: false as const, reason: 'HTTP 403' } },
};

const report = buildChargebackReport({
  period: monthPeriod('2026-10', 'Europe/Berlin', new Date('2026-11-01T06:00:00Z')),
  pricing: parsePricing('2.25', 'USD'),
  sessions: [
    session({ sessionId: 's1', acus: 10.5, tags: ['auth'] }),
    session({ sessionId: 's2', acus: 0.001, userId: null, status: 'error' }),
    session({ sessionId: 's3', acus: 1.111, userId: 'user-2', tags: ['auth', 'ui'] }),
    session({ sessionId: 's4', acus: 0, acusReported: false }),
  ],
  directory,
});

describe('toSummaryDocument', () => {
  const document = toSummaryDocument(report, RUN, STATS);

  it('writes the period in UTC with its zone, label and slug', () => {
    expect(document.schemaVersion).toBe(1);
    expect(document.period).toEqual({
      kind: 'month',
      alignment: 'calendar',
      from: '2026-09-30T22:00:00.000Z',
      to: '2026-10-31T23:00:00.000Z',
      timeZone: 'Europe/Berlin',
      firstDay: '2026-10-01',
      lastDay: '2026-10-31',
      label: 'October 2026',
      slug: '2026-10',
    });
    expect(document.pricing).toEqual({ unitPrice: '2.25', currency: 'USD', minorDigits: 2 });
    expect(document.costBasis).toBe('sessions');
  });

  it('keeps amounts exact as text beside a display number', () => {
    // 11.612 ACU × 2.25 = 26.127 → 26.13
    expect(document.totals).toEqual({
      sessions: 4,
      acus: { exact: '11.612', value: 11.612 },
      cost: { exact: '26.127', minor: '2613', value: 26.13 },
    });
  });

  it('nests users in orgs with names, shares and allocated cents', () => {
    expect(document.orgs).toEqual([
      {
        orgId: 'org-a',
        orgName: 'Alpha',
        sessions: 4,
        acus: { exact: '11.612', value: 11.612 },
        cost: { exact: '26.127', minor: '2613', value: 26.13 },
        shareOfAcus: 1,
        users: [
          {
            userId: 'user-1',
            userName: 'Ann Lee',
            email: 'ann@example.com',
            sessions: 2,
            acus: { exact: '10.5', value: 10.5 },
            cost: { exact: '23.625', minor: '2363', value: 23.63 },
            shareOfOrg: 10.5 / 11.612,
          },
          {
            userId: 'user-2',
            userName: null,
            email: null,
            sessions: 1,
            acus: { exact: '1.111', value: 1.111 },
            cost: { exact: '2.49975', minor: '250', value: 2.5 },
            shareOfOrg: 1.111 / 11.612,
          },
          {
            userId: null,
            userName: null,
            email: null,
            sessions: 1,
            acus: { exact: '0.001', value: 0.001 },
            cost: { exact: '0.00225', minor: '0', value: 0 },
            shareOfOrg: 0.001 / 11.612,
          },
        ],
      },
    ]);
  });

  it('lists tags with the untagged row as null, statuses, name sources, the run and the fetch stats', () => {
    expect(document.tags.map((tag) => [tag.tag, tag.sessions, tag.cost.minor])).toEqual([
      // s1 2363 + s3 250: its sessions' cents, not 26.12475 rounded on its own (2612)
      ['auth', 2, '2613'],
      ['ui', 1, '250'],
      [null, 2, '0'],
    ]);
    expect(document.statuses.map((status) => [status.status, status.sessions, status.cost.minor])).toEqual([
      ['exit', 3, '2613'],
      ['error', 1, '0'],
    ]);
    expect(document.names).toEqual({
      orgs: { available: true },
      users: { available: false, reason: 'HTTP 403' },
    });
    expect(document.run).toEqual({ ...RUN, generatedAt: '2026-11-01T06:00:01.250Z' });
    expect(document.stats).toEqual(STATS);
  });

  it('survives JSON and reads back equal', () => {
    const text = JSON.stringify(document);
    expect(parseSummaryDocument(JSON.parse(text))).toEqual(document);
  });

  it('writes an empty month', () => {
    const empty = buildChargebackReport({
      period: report.period,
      pricing: parsePricing('300', 'JPY'),
      sessions: [],
      directory: EMPTY_DIRECTORY,
    });
    const document = parseSummaryDocument(JSON.parse(JSON.stringify(toSummaryDocument(empty, RUN, STATS))));
    expect(document.totals).toEqual({
      sessions: 0,
      acus: { exact: '0', value: 0 },
      cost: { exact: '0', minor: '0', value: 0 },
    });
    expect(document.pricing.minorDigits).toBe(0);
    expect(document.orgs).toEqual([]);
  });
});

describe('summary.json of issue 6 periods and bases', () => {
  const roundTrip = (document: SummaryDocument) => parseSummaryDocument(JSON.parse(JSON.stringify(document)));

  it('keeps the cost basis, and a billing-day month with its alignment', () => {
    const billed = buildChargebackReport({
      period: billingDayMonthPeriod('2026-10', new Date('2026-11-02T00:00:00Z')),
      pricing: parsePricing('2.25', 'USD'),
      sessions: [session({ sessionId: 's1', acus: 10.5 })],
      directory,
      costBasis: 'billed',
      billed: {
        available: true,
        consumption: billedConsumption({ totalAcus: 12.25, byOrg: { 'org-a': 12 }, byUser: null }),
      },
    });
    const document = roundTrip(toSummaryDocument(billed, RUN, STATS));
    expect(document.costBasis).toBe('billed');
    expect(document.period).toMatchObject({
      kind: 'month',
      alignment: 'billing-day',
      from: '2026-10-01T08:00:00.000Z',
      slug: '2026-10_billing-day',
    });
    // What month-over-month reads back: each org's ACUs, exact, Unattributed included.
    expect(document.orgs.map((org) => [org.orgId, org.acus.exact])).toEqual([
      ['org-a', '12'],
      ['(unattributed)', '0.25'],
    ]);
    expect(document.totals.acus.exact).toBe('12.25');
  });

  it('keeps a billing cycle', () => {
    const cycle = { start: new Date('2026-10-05T08:00:00Z'), end: new Date('2026-11-05T08:00:00Z') };
    const report = buildChargebackReport({
      period: cyclePeriod(cycle, new Date('2026-11-06T00:00:00Z')),
      pricing: parsePricing('2.25', 'USD'),
      sessions: [],
      directory: EMPTY_DIRECTORY,
    });
    expect(roundTrip(toSummaryDocument(report, RUN, STATS)).period).toEqual({
      kind: 'cycle',
      alignment: 'billing-cycle',
      from: '2026-10-05T08:00:00.000Z',
      to: '2026-11-05T08:00:00.000Z',
      timeZone: 'UTC',
      firstDay: '2026-10-05',
      lastDay: '2026-11-04',
      label: 'Billing cycle 5 Oct 2026 – 4 Nov 2026',
      slug: 'cycle_2026-10-05_2026-11-04',
    });
  });

  it('reads a document written before alignment and cost basis existed as calendar and sessions', () => {
    const { costBasis: _, ...older } = JSON.parse(JSON.stringify(toSummaryDocument(report, RUN, STATS)));
    const { alignment: __, ...olderPeriod } = older.period;
    const document = parseSummaryDocument({ ...older, period: olderPeriod });
    expect(document.costBasis).toBe('sessions');
    expect(document.period.alignment).toBe('calendar');
  });
});

describe('parseSummaryDocument', () => {
  const valid = (): SummaryDocument => JSON.parse(JSON.stringify(toSummaryDocument(report, RUN, STATS)));

  function rejection(json: unknown): InvalidSummaryDocumentError {
    try {
      parseSummaryDocument(json);
    } catch (error) {
      if (error instanceof InvalidSummaryDocumentError) return error;
      throw error;
    }
    throw new Error('expected the document to be rejected');
  }

  it('rejects another schema version', () => {
    const error = rejection({ ...valid(), schemaVersion: 2 });
    expect(error.path).toBe('schemaVersion');
    expect(error.message).toMatch(/^not a summary document \(schema version 1\): schemaVersion: /);
  });

  it('rejects an amount that is not exact decimal text', () => {
    const document = valid();
    const error = rejection({
      ...document,
      totals: { ...document.totals, cost: { ...document.totals.cost, minor: 26.13 } },
    });
    expect(error.path).toBe('totals.cost.minor');
  });

  it('rejects a missing field deep inside', () => {
    const document = valid();
    const [org] = document.orgs;
    const { email: _, ...userWithoutEmail } = org?.users[0] ?? {};
    const error = rejection({ ...document, orgs: [{ ...org, users: [userWithoutEmail] }] });
    expect(error.path).toBe('orgs.0.users.0.email');
  });

  it('rejects something that is not a document at all', () => {
    expect(rejection(null).path).toBe('');
    expect(rejection('summary').message).toMatch(/\(root\)/);
  });
});
