import { describe, expect, it } from 'vitest';
import { acusFromNumber } from '../../../functions/core/money/acus.js';
import { parsePricing } from '../../../functions/core/money/parse-pricing.js';
import { monthPeriod } from '../../../functions/core/period/month-period.js';
import { buildChargebackReport } from '../../../functions/core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '../../../functions/core/report/directory.js';
import { groupSessions } from '../../../functions/core/report/group-sessions.js';
import { provisionalFigures, provisionalOfGroups } from '../../../functions/core/report/provisional.js';
import { provisionalSentence } from '../../../functions/core/report/provisional-sentence.js';
import { session } from './session-fixture.js';

const PERIOD = monthPeriod('2026-10', 'UTC', new Date('2027-01-01T00:00:00Z'));
const USD = parsePricing('2.25', 'USD');
const IN_PERIOD = new Date('2026-10-20T10:00:00Z');
const AFTER = new Date('2026-11-02T10:00:00Z');
const COSTS = BigInt64Array.from([100n, 200n, 300n, 400n]);

describe('provisionalOfGroups', () => {
  it('counts what provisionalFigures counts, from the report’s grouping', () => {
    const cases: [string, Date][] = [
      ['exit', AFTER],
      ['running', PERIOD.to],
      ['new', IN_PERIOD],
      ['error', IN_PERIOD],
      ['suspended', PERIOD.to],
      ['claimed', IN_PERIOD],
      ['exit', IN_PERIOD],
      ['resuming', AFTER],
    ];
    const sessions = cases.map(([status, updatedAt], i) =>
      session({ sessionId: `s${i}`, status, acus: 0.5 + i, updatedAt }),
    );
    const costs = BigInt64Array.from(cases.map((_, i) => BigInt(100 * (i + 1))));
    const grouped = provisionalOfGroups(groupSessions(sessions, PERIOD), costs);
    expect(grouped).toEqual(provisionalFigures(sessions, costs, PERIOD));
    expect(grouped).toMatchObject({ sessions: 6, running: 4, carriedOut: 4, costMinor: 2_500n });
  });
});

describe('provisionalFigures', () => {
  it('is final when every session stopped inside the period', () => {
    const sessions = ['exit', 'error', 'suspended', 'exit'].map((status, i) =>
      session({ sessionId: `s${i}`, status, acus: 1, updatedAt: IN_PERIOD }),
    );
    expect(provisionalFigures(sessions, COSTS, PERIOD)).toEqual({
      provisional: false,
      sessions: 0,
      running: 0,
      carriedOut: 0,
      acus: 0n,
      costMinor: 0n,
    });
  });

  it.each(['running', 'new', 'claimed', 'resuming'])('is provisional with a %s session', (status) => {
    const sessions = [
      session({ sessionId: 'a', acus: 1, updatedAt: IN_PERIOD }),
      session({ sessionId: 'b', status, acus: 2.5, updatedAt: IN_PERIOD }),
    ];
    expect(provisionalFigures(sessions, COSTS, PERIOD)).toEqual({
      provisional: true,
      sessions: 1,
      running: 1,
      carriedOut: 0,
      acus: acusFromNumber(2.5),
      costMinor: 200n,
    });
  });

  it('is provisional with a finished session updated at or after the end, counting a running one once', () => {
    const sessions = [
      session({ sessionId: 'a', acus: 1, updatedAt: PERIOD.to }),
      session({ sessionId: 'b', status: 'running', acus: 2, updatedAt: AFTER }),
      session({ sessionId: 'c', acus: 4, updatedAt: IN_PERIOD }),
    ];
    expect(provisionalFigures(sessions, COSTS, PERIOD)).toMatchObject({
      provisional: true,
      sessions: 2,
      running: 1,
      carriedOut: 2,
      acus: acusFromNumber(3),
      costMinor: 300n,
    });
  });

  it('is in the report, with the sessions’ own cents', () => {
    const report = buildChargebackReport({
      period: PERIOD,
      pricing: USD,
      sessions: [
        session({ sessionId: 'a', acus: 1, updatedAt: IN_PERIOD }),
        session({ sessionId: 'b', status: 'running', acus: 1, updatedAt: IN_PERIOD }),
      ],
      directory: EMPTY_DIRECTORY,
    });
    expect(report.provisional).toMatchObject({ provisional: true, sessions: 1 });
    expect(report.provisional.costMinor).toBe(report.sessionCostMinor[1]);
  });
});

describe('provisionalSentence', () => {
  const figures = (running: number, carriedOut: number, sessions: number) => ({
    provisional: true,
    sessions,
    running,
    carriedOut,
    acus: acusFromNumber(12.5),
    costMinor: 2813n,
  });

  it('says nothing of final figures', () => {
    expect(provisionalSentence({ ...figures(0, 0, 0), provisional: false }, USD)).toBeNull();
  });

  it('counts in the singular and the plural, with the ACUs and the cost at stake', () => {
    expect(provisionalSentence(figures(1, 0, 1), USD)).toBe(
      'Provisional: 1 session is still running (12.50 ACUs, USD 28.13 as of this run). These figures can still grow.',
    );
    expect(provisionalSentence(figures(0, 3, 3), USD)).toBe(
      'Provisional: 3 sessions kept using ACUs after the period ended (12.50 ACUs, USD 28.13 as of this run). These figures can still grow.',
    );
    expect(provisionalSentence(figures(2, 1, 3), USD)).toMatch(
      /^Provisional: 3 sessions are still running or kept using ACUs after the period ended/,
    );
  });
});
