import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { sliceReport } from '#core/cost-centres/slice-report.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { Session } from '#core/session.js';
import { withCostCentres } from '#pipeline/cost-centre-setup.js';
import { spoolSessions } from '#spool/session-spool.js';
import { OCTOBER_2026_UTC, USD_2_25 } from '../../support/report-periods.js';
import { session } from '../report/session-fixture.js';
import { costCentreMap } from './map-fixture.js';

const SESSIONS: Session[] = [
  session({ sessionId: 'pay-1', orgId: 'org-pay', userId: 'u-ann', acus: 12.5, status: 'running' }),
  session({ sessionId: 'pay-2', orgId: 'org-pay', userId: 'u-ann', acus: 3.3, tags: ['sec'] }),
  session({ sessionId: 'data-1', orgId: 'org-data', userId: 'u-bob', acus: 7.7, tags: ['etl', 'etl'] }),
  session({ sessionId: 'pay-3', orgId: 'org-pay', userId: null, acus: 0.4 }),
  session({ sessionId: 'data-2', orgId: 'org-data', userId: null, acus: 1.1 }),
  session({ sessionId: 'tools-1', orgId: 'org-tools', userId: 'u-cy', acus: 2.2 }),
];
const MAP = costCentreMap(
  'org-pay,,CC-PAY,Payments Eng,6110,pay@example.com,US01',
  'org-data,,CC-DATA,Data Platform,6120,data@example.com,US01',
  ',sec,CC-SEC,Security,6190,sec@example.com,US01',
);

function reportOf(sessions: Iterable<Session>) {
  const built = buildChargebackReport({
    period: OCTOBER_2026_UTC,
    pricing: USD_2_25,
    sessions,
    directory: {
      orgNames: new Map(),
      users: new Map(),
      sources: { orgs: { available: true }, users: { available: true } },
    },
  });
  return withCostCentres(
    built,
    sessions,
    { map: MAP, creditAccounts: parseCreditAccounts('2100', 'x') },
    undefined,
  );
}

/** The sessions, counting how often they are read from the start. */
function counted(sessions: readonly Session[]) {
  const reads = { count: 0 };
  return {
    reads,
    list: {
      *[Symbol.iterator]() {
        reads.count += 1;
        yield* sessions;
      },
    },
  };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slice-sessions-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a slice's sessions", () => {
  it('are only its cost centres’ sessions, read again from the parent at each iteration', () => {
    const report = reportOf(SESSIONS);
    const { list, reads } = counted(SESSIONS);
    const slice = sliceReport(report, list, new Set(['CC-PAY', 'CC-SEC']));
    const afterSlicing = reads.count;
    expect(slice.sessions.count).toBe(3);
    expect([...slice.sessions].map((s) => s.sessionId)).toEqual(['pay-1', 'pay-2', 'pay-3']);
    expect([...slice.sessions].map((s) => s.sessionId)).toEqual(['pay-1', 'pay-2', 'pay-3']);
    expect(reads.count).toBe(afterSlicing + 2);
    expect(slice.report.sessionCostMinor).toHaveLength(3);
  });

  it('give the same slice figures from a spool as from an array, and a spool slice iterates twice', () => {
    const spool = spoolSessions(join(dir, 'sessions.spool'), SESSIONS);
    for (const codes of [['CC-PAY'], ['CC-DATA', 'CC-SEC'], ['CC-SEC']]) {
      const fromArray = sliceReport(reportOf(SESSIONS), SESSIONS, new Set(codes));
      const fromSpool = sliceReport(reportOf(spool), spool, new Set(codes));
      expect(fromSpool.report).toEqual(fromArray.report);
      expect([...fromSpool.sessions]).toEqual([...fromArray.sessions]);
      expect([...fromSpool.sessions]).toEqual([...fromArray.sessions]);
      expect(fromSpool.sessions.count).toBe(fromArray.report.sessionCostMinor.length);
    }
    const data = sliceReport(reportOf(spool), spool, new Set(['CC-DATA']));
    expect(data.report.tags.map((t) => [t.tag, t.sessions])).toEqual([
      ['etl', 1],
      [null, 1],
    ]);
    expect(data.report.totals.sessions).toBe(2);
  });

  it('refuse to disagree with the figures when the parent changes under them', () => {
    const sessions = [...SESSIONS];
    const slice = sliceReport(reportOf(sessions), sessions, new Set(['CC-DATA']));
    sessions.push(session({ sessionId: 'data-3', orgId: 'org-data', userId: null, acus: 1 }));
    expect(() => [...slice.sessions]).toThrow(/counted 2 sessions but its parent now gives 3/);
  });
});
