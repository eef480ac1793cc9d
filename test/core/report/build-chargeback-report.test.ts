import { describe, expect, it } from 'vitest';
import { ACU_SCALE, type Acus, acusFromNumber } from '#core/money/acus.js';
import { COST_DECIMALS } from '#core/money/cost.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { UsageTotals } from '#core/report/chargeback-report.js';
import { type Directory, EMPTY_DIRECTORY } from '#core/report/directory.js';
import type { Session } from '#core/session.js';
import { session } from './session-fixture.js';

const PERIOD = monthPeriod('2026-10', 'UTC', new Date('2027-01-01T00:00:00Z'));
const USD = parsePricing('2.25', 'USD');

const acus = (text: string): Acus => acusFromNumber(Number(text));
/** Cost in dollars as exact decimal text → ExactCost. */
const dollars = (text: string): bigint => {
  const [int = '0', frac = ''] = text.split('.');
  return BigInt(int + frac.padEnd(COST_DECIMALS, '0'));
};
const usage = (sessions: number, acusText: string, cost: string, costMinor: bigint): UsageTotals => ({
  sessions,
  acus: acus(acusText),
  exactCost: dollars(cost),
  costMinor,
});

const DIRECTORY: Directory = {
  orgNames: new Map([['org-a', 'Alpha']]),
  users: new Map([
    ['user-1', { name: 'Ann Lee', email: 'ann@example.com' }],
    ['user-2', { name: 'Bob Roe', email: null }],
  ]),
  sources: { orgs: { available: true }, users: { available: true } },
};

/*
 * Seven sessions, two orgs, three users and one session with no user, at 2.25 USD per ACU.
 * The expected figures below were worked out by hand:
 *
 *   s1 org-a user-1 10.5   × 2.25 = 23.625     tags bug-fix, auth   exit
 *   s2 org-a user-1  4.25  × 2.25 =  9.5625    tags bug-fix         exit
 *   s3 org-a user-2  3.333 × 2.25 =  7.49925   untagged             running
 *   s4 org-a user-2  0.001 × 2.25 =  0.00225   tags auth, auth      error
 *   s5 org-b user-3 20     × 2.25 = 45         tags feature         exit
 *   s6 org-b user-3  1.111 × 2.25 =  2.49975   untagged             exit
 *   s7 org-b (none)  2.2   × 2.25 =  4.95      tags feature, bug-fix suspended
 *   total           41.395 × 2.25 = 93.13875 → 93.14
 */
const SESSIONS: Session[] = [
  session({ sessionId: 's1', orgId: 'org-a', userId: 'user-1', acus: 10.5, tags: ['bug-fix', 'auth'] }),
  session({ sessionId: 's2', orgId: 'org-a', userId: 'user-1', acus: 4.25, tags: ['bug-fix'] }),
  session({ sessionId: 's3', orgId: 'org-a', userId: 'user-2', acus: 3.333, status: 'running' }),
  session({
    sessionId: 's4',
    orgId: 'org-a',
    userId: 'user-2',
    acus: 0.001,
    tags: ['auth', 'auth'],
    status: 'error',
  }),
  session({ sessionId: 's5', orgId: 'org-b', userId: 'user-3', acus: 20, tags: ['feature'] }),
  session({ sessionId: 's6', orgId: 'org-b', userId: 'user-3', acus: 1.111 }),
  session({
    sessionId: 's7',
    orgId: 'org-b',
    userId: null,
    acus: 2.2,
    tags: ['feature', 'bug-fix'],
    status: 'suspended',
  }),
];

describe('buildChargebackReport: golden figures', () => {
  const report = buildChargebackReport({
    period: PERIOD,
    pricing: USD,
    sessions: SESSIONS,
    directory: DIRECTORY,
  });

  it('passes period, pricing and name sources through', () => {
    expect(report.period).toBe(PERIOD);
    expect(report.pricing).toBe(USD);
    expect(report.names).toEqual({ orgs: { available: true }, users: { available: true } });
  });

  it('totals the month and rounds its cost once', () => {
    expect(report.totals).toEqual(usage(7, '41.395', '93.13875', 9314n));
  });

  it('ranks orgs by ACUs and allocates the total’s cents by largest remainder', () => {
    // org-b 5244.975 ¢ and org-a 4068.9 ¢: floors 9312, both remainders take one of the 2 missing cents
    expect(report.orgs.map(({ users: _, ...org }) => org)).toEqual([
      {
        ...usage(3, '23.311', '52.44975', 5245n),
        orgId: 'org-b',
        orgName: null,
        shareOfAcus: 0.5631356444014978,
      },
      {
        ...usage(4, '18.084', '40.689', 4069n),
        orgId: 'org-a',
        orgName: 'Alpha',
        shareOfAcus: 0.43686435559850223,
      },
    ]);
  });

  it('ranks users within their org, no-user last on ties, and allocates the org’s cents', () => {
    const [orgB, orgA] = report.orgs;
    // org-b: 4749.975 ¢ + 495 ¢, floors 5244 of 5245 → user-3 gets the cent
    expect(orgB?.users).toEqual([
      {
        ...usage(2, '21.111', '47.49975', 4750n),
        orgId: 'org-b',
        userId: 'user-3',
        userName: null,
        email: null,
        shareOfOrg: 0.9056239543563125,
      },
      {
        ...usage(1, '2.2', '4.95', 495n),
        orgId: 'org-b',
        userId: null,
        userName: null,
        email: null,
        shareOfOrg: 0.09437604564368753,
      },
    ]);
    // org-a: 3318.75 ¢ + 750.15 ¢, floors 4068 of 4069 → user-1 (.75) gets the cent
    expect(orgA?.users).toEqual([
      {
        ...usage(2, '14.75', '33.1875', 3319n),
        orgId: 'org-a',
        userId: 'user-1',
        userName: 'Ann Lee',
        email: 'ann@example.com',
        shareOfOrg: 0.8156381331563813,
      },
      {
        ...usage(2, '3.334', '7.5015', 750n),
        orgId: 'org-a',
        userId: 'user-2',
        userName: 'Bob Roe',
        email: null,
        shareOfOrg: 0.18436186684361866,
      },
    ]);
  });

  it('allocates each user’s cents to their sessions, aligned with the input', () => {
    // user-1: 2362.5 ¢ + 956.25 ¢ → 2363 + 956; user-2: 749.925 ¢ + 0.225 ¢ → 750 + 0;
    // user-3: 4500 ¢ + 249.975 ¢ → 4500 + 250; no user: 495 ¢
    expect([...report.sessionCostMinor]).toEqual([2363n, 956n, 750n, 0n, 4500n, 250n, 495n]);
  });

  it('lists named users only in the top users, by ACUs', () => {
    expect(report.topUsers.map((user) => [user.userId, user.costMinor])).toEqual([
      ['user-3', 4750n],
      ['user-1', 3319n],
      ['user-2', 750n],
    ]);
  });

  it('counts a session under each distinct tag, costs it the sum of its sessions’ cents and puts untagged last', () => {
    expect(report.tags).toEqual([
      { ...usage(2, '22.2', '49.95', 4995n), tag: 'feature' },
      { ...usage(3, '16.95', '38.1375', 3814n), tag: 'bug-fix' },
      { ...usage(2, '10.501', '23.62725', 2363n), tag: 'auth' },
      { ...usage(2, '4.444', '9.999', 1000n), tag: null },
    ]);
  });

  it('ranks statuses by sessions then name, each costing the sum of its sessions’ cents', () => {
    // exit: s1 2363 + s2 956 + s5 4500 + s6 250
    expect(report.statuses).toEqual([
      { ...usage(4, '35.861', '80.68725', 8069n), status: 'exit' },
      { ...usage(1, '0.001', '0.00225', 0n), status: 'error' },
      { ...usage(1, '3.333', '7.49925', 750n), status: 'running' },
      { ...usage(1, '2.2', '4.95', 495n), status: 'suspended' },
    ]);
  });

  it('does not depend on the order of the sessions, except for the session cents’ alignment', () => {
    const reversed = buildChargebackReport({
      period: PERIOD,
      pricing: USD,
      sessions: [...SESSIONS].reverse(),
      directory: DIRECTORY,
    });
    expect({ ...reversed, sessionCostMinor: null }).toEqual({ ...report, sessionCostMinor: null });
    expect([...reversed.sessionCostMinor].reverse()).toEqual([...report.sessionCostMinor]);
  });
});

describe('buildChargebackReport: cents reconcile', () => {
  it('hands out half cents deterministically: three half-cent sessions cost 2 cents, not 1.5 or 3', () => {
    const pricing = parsePricing('0.5', 'USD');
    const sessions = ['org-3', 'org-1', 'org-2'].map((orgId, i) =>
      session({ sessionId: `s${i}`, orgId, userId: `user-${i}`, acus: 0.01 }),
    );
    const report = buildChargebackReport({ period: PERIOD, pricing, sessions, directory: EMPTY_DIRECTORY });
    expect(report.totals.costMinor).toBe(2n);
    expect(report.orgs.map((org) => [org.orgId, org.costMinor])).toEqual([
      ['org-1', 1n],
      ['org-2', 1n],
      ['org-3', 0n],
    ]);
    expect([...report.sessionCostMinor]).toEqual([0n, 1n, 1n]);
  });

  it('gives the cent of three thirds to one session', () => {
    const pricing = parsePricing('1', 'USD');
    const sessions = [0, 1, 2].map((i) => session({ sessionId: `s${i}`, acus: 1 / 3 }));
    const report = buildChargebackReport({ period: PERIOD, pricing, sessions, directory: EMPTY_DIRECTORY });
    expect(report.totals.acus).toBe(999_999_999_999n);
    expect(report.totals.costMinor).toBe(100n);
    expect([...report.sessionCostMinor]).toEqual([34n, 33n, 33n]);
  });

  it('reconciles every additive table on varied data', () => {
    const pricing = parsePricing('1.999999', 'USD');
    const sessions = Array.from({ length: 500 }, (_, i) =>
      session({
        sessionId: `s${i}`,
        orgId: `org-${i % 7}`,
        userId: i % 11 === 0 ? null : `user-${i % 23}`,
        status: ['exit', 'error', 'running'][i % 3] ?? 'exit',
        acus: ((i * 7919) % 1000) / 97,
      }),
    );
    const report = buildChargebackReport({ period: PERIOD, pricing, sessions, directory: EMPTY_DIRECTORY });
    const sum = (values: Iterable<bigint>) => [...values].reduce((a, b) => a + b, 0n);
    const total = report.totals.costMinor;
    expect(sum(report.orgs.map((org) => org.costMinor))).toBe(total);
    expect(sum(report.statuses.map((status) => status.costMinor))).toBe(total);
    expect(sum(report.sessionCostMinor)).toBe(total);
    for (const org of report.orgs) expect(sum(org.users.map((user) => user.costMinor))).toBe(org.costMinor);
    const unit = 10n ** BigInt(COST_DECIMALS - 2);
    // Statuses are sums of session cents: each session is within a cent, the sum may not be.
    for (const row of [...report.orgs, ...report.orgs.flatMap((org) => org.users)]) {
      // never more than a cent from the row's own exact cost
      const gap = row.costMinor * unit - row.exactCost;
      expect(gap > -unit && gap < unit).toBe(true);
    }
    expect(sum(report.orgs.map((org) => org.acus))).toBe(report.totals.acus);
    expect(report.orgs.reduce((n, org) => n + org.sessions, 0)).toBe(500);
  });
});

describe('buildChargebackReport: scale and edge cases', () => {
  it('sums a million sessions of 0.1 ACU to exactly 100,000 ACUs and 225,000.00 USD', () => {
    const tags = ['bulk'];
    const tenth = acusFromNumber(0.1);
    const template = session({ sessionId: 'x', tags });
    const sessions: Session[] = Array.from({ length: 1_000_000 }, (_, i) => ({
      ...template,
      sessionId: `s${i}`,
      orgId: `org-${i % 5}`,
      userId: `user-${i % 250}`,
      acus: tenth,
    }));
    const report = buildChargebackReport({
      period: PERIOD,
      pricing: USD,
      sessions,
      directory: EMPTY_DIRECTORY,
    });
    expect(report.totals.acus).toBe(100_000n * ACU_SCALE);
    expect(report.totals.costMinor).toBe(22_500_000n);
    expect(report.tags[0]?.acus).toBe(100_000n * ACU_SCALE);
    expect(report.orgs.map((org) => org.acus)).toEqual(Array(5).fill(20_000n * ACU_SCALE));
    let sessionCents = 0n;
    for (const cents of report.sessionCostMinor) sessionCents += cents;
    expect(sessionCents).toBe(22_500_000n);
    // 0.225 USD each: half the sessions of a user round up, half down
    expect(report.sessionCostMinor[0]).toBe(23n);
    expect(report.sessionCostMinor.filter((c) => c === 23n).length).toBe(500_000);
  });

  it('costs in whole yen for JPY', () => {
    const pricing = parsePricing('310.5', 'JPY');
    const sessions = [session({ sessionId: 's1', acus: 1.5 }), session({ sessionId: 's2', acus: 0.25 })];
    // 465.75 + 77.625 = 543.375 → 543 yen; floors 465 + 77 = 542, the yen goes to .75
    const report = buildChargebackReport({ period: PERIOD, pricing, sessions, directory: EMPTY_DIRECTORY });
    expect(report.totals.costMinor).toBe(543n);
    expect([...report.sessionCostMinor]).toEqual([466n, 77n]);
    expect(report.tags).toEqual([{ ...report.totals, tag: null }]);
  });

  it('leaves names null and reports why when the directory has none', () => {
    const directory: Directory = {
      ...EMPTY_DIRECTORY,
      sources: {
        orgs: { available: false, reason: 'key may not list organizations' },
        users: { available: false, reason: 'key may not list members' },
      },
    };
    const report = buildChargebackReport({ period: PERIOD, pricing: USD, sessions: SESSIONS, directory });
    expect(report.orgs.map((org) => org.orgName)).toEqual([null, null]);
    const users = report.orgs.flatMap((org) => org.users);
    expect(users.map((user) => [user.userName, user.email])).toEqual(Array(4).fill([null, null]));
    expect(report.names).toBe(directory.sources);
  });

  it('builds an empty month without dividing by zero', () => {
    const report = buildChargebackReport({
      period: PERIOD,
      pricing: USD,
      sessions: [],
      directory: EMPTY_DIRECTORY,
    });
    expect(report.totals).toEqual({ sessions: 0, acus: 0n, exactCost: 0n, costMinor: 0n });
    expect(report.orgs).toEqual([]);
    expect(report.topUsers).toEqual([]);
    expect(report.tags).toEqual([]);
    expect(report.statuses).toEqual([]);
    expect(report.sessionCostMinor).toHaveLength(0);
  });

  it('gives shares of 0 when the sessions used no ACUs', () => {
    const sessions = [
      session({ sessionId: 's1', acus: 0 }),
      session({ sessionId: 's2', acus: 0, userId: 'user-2' }),
    ];
    const report = buildChargebackReport({
      period: PERIOD,
      pricing: USD,
      sessions,
      directory: EMPTY_DIRECTORY,
    });
    expect(report.orgs[0]?.shareOfAcus).toBe(0);
    expect(report.orgs[0]?.users.map((user) => [user.userId, user.shareOfOrg])).toEqual([
      ['user-1', 0],
      ['user-2', 0],
    ]);
  });
});
