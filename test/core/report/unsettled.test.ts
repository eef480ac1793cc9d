import { describe, expect, it } from 'vitest';
import { acusFromNumber } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '#core/report/directory.js';
import { groupSessions } from '#core/report/group-sessions.js';
import { unsettledFigures, unsettledOfGroups, unsettledSessions } from '#core/report/unsettled.js';
import { unsettledSentence } from '#core/report/unsettled-sentence.js';
import { session } from './session-fixture.js';

const PERIOD = monthPeriod('2026-10', 'UTC', new Date('2027-01-01T00:00:00Z'));
const USD = parsePricing('2.25', 'USD');
const IN_PERIOD = new Date('2026-10-20T10:00:00Z');
const AFTER = new Date('2026-11-02T10:00:00Z');

const CASES: [string, Date][] = [
  ['exit', AFTER], // finished, used after the period: settled all the same
  ['running', PERIOD.to],
  ['new', IN_PERIOD],
  ['error', IN_PERIOD],
  ['suspended', IN_PERIOD], // can resume: unsettled
  ['claimed', IN_PERIOD],
  ['exit', IN_PERIOD],
  ['resuming', AFTER],
  ['blocked', IN_PERIOD], // a status the vendor may add: not known to be final
];
const SESSIONS = CASES.map(([status, updatedAt], i) =>
  session({ sessionId: `s${i}`, status, acus: 0.5 + i, updatedAt }),
);
const COSTS = BigInt64Array.from(CASES.map((_, i) => BigInt(100 * (i + 1))));

describe('unsettled figures', () => {
  it('count every session whose status is not terminal, whenever it was last updated', () => {
    const figures = unsettledFigures(SESSIONS, COSTS);
    // s1 running, s2 new, s4 suspended, s5 claimed, s7 resuming, s8 blocked
    expect(figures).toEqual({
      sessions: 6,
      acus: acusFromNumber(1.5 + 2.5 + 4.5 + 5.5 + 7.5 + 8.5),
      costMinor: 200n + 300n + 500n + 600n + 800n + 900n,
    });
    expect(unsettledSessions(SESSIONS).map((s) => s.sessionId)).toEqual(['s1', 's2', 's4', 's5', 's7', 's8']);
  });

  it('are the same from the report’s grouping', () => {
    expect(unsettledOfGroups(groupSessions(SESSIONS, PERIOD), COSTS)).toEqual(
      unsettledFigures(SESSIONS, COSTS),
    );
  });

  it('are none when every session has ended', () => {
    const ended = [session({ sessionId: 'a', status: 'exit', acus: 1, updatedAt: AFTER })];
    expect(unsettledFigures(ended, BigInt64Array.from([225n]))).toEqual({
      sessions: 0,
      acus: 0n,
      costMinor: 0n,
    });
    expect(unsettledSentence({ sessions: 0, acus: 0n, costMinor: 0n }, USD)).toBeNull();
  });

  it('reach the report, with the cents the sessions were charged', () => {
    const report = buildChargebackReport({
      period: PERIOD,
      pricing: USD,
      sessions: SESSIONS,
      directory: EMPTY_DIRECTORY,
    });
    expect(report.unsettled.sessions).toBe(6);
    const charged = [1, 2, 4, 5, 7, 8].reduce((sum, i) => sum + (report.sessionCostMinor[i] ?? 0n), 0n);
    expect(report.unsettled.costMinor).toBe(charged);
  });

  it('read as one sentence', () => {
    expect(unsettledSentence({ sessions: 1, acus: acusFromNumber(12.5), costMinor: 2813n }, USD)).toBe(
      'Unsettled: 1 session had not ended when this report was built (12.50 ACUs, USD 28.13 as of this run); its figures can still grow.',
    );
  });
});
