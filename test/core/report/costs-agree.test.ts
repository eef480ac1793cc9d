import { describe, expect, it } from 'vitest';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '#core/report/directory.js';
import { session } from './session-fixture.js';

const PERIOD = monthPeriod('2026-10', 'UTC', new Date('2027-01-01T00:00:00Z'));

/*
 * Three sessions of one user at 0.005 USD per ACU, 1 ACU each: half a cent
 * apiece, 1.5 cents together, rounded once to 2 cents and shared s1 1, s2 1,
 * s3 0 (equal remainders go to the first). Rounded on its own, tag `late`
 * (s3 only) would cost 1 cent and status `error` (s3) would get 1 of the
 * total's 2 cents: neither agrees with its one session, which costs 0.
 */
const SESSIONS = [
  session({ sessionId: 's1', acus: 1, tags: ['early'] }),
  session({ sessionId: 's2', acus: 1, tags: ['early', 'late-ish'] }),
  session({ sessionId: 's3', acus: 1, tags: ['late'], status: 'error' }),
];

describe('tag and status costs agree with the sessions they cover', () => {
  const report = buildChargebackReport({
    period: PERIOD,
    pricing: parsePricing('0.005', 'USD'),
    sessions: SESSIONS,
    directory: EMPTY_DIRECTORY,
  });
  const costOfSessions = (ids: readonly string[]) =>
    SESSIONS.reduce(
      (sum, s, i) => (ids.includes(s.sessionId) ? sum + (report.sessionCostMinor[i] ?? 0n) : sum),
      0n,
    );

  it('shares the total’s cents over the sessions', () => {
    expect(report.totals.costMinor).toBe(2n);
    expect([...report.sessionCostMinor]).toEqual([1n, 1n, 0n]);
  });

  it('costs each tag the sum of its sessions, not its ACUs × price rounded', () => {
    const tags = new Map(report.tags.map((tag) => [tag.tag, tag.costMinor]));
    expect(tags.get('late')).toBe(0n);
    expect(tags.get('early')).toBe(costOfSessions(['s1', 's2']));
    expect(tags.get('late-ish')).toBe(costOfSessions(['s2']));
    for (const tag of report.tags) {
      const ids = SESSIONS.filter((s) => tag.tag !== null && s.tags.includes(tag.tag)).map(
        (s) => s.sessionId,
      );
      expect(tag.costMinor, String(tag.tag)).toBe(costOfSessions(ids));
    }
  });

  it('costs each status the sum of its sessions, and the statuses still add up to the total', () => {
    const statuses = new Map(report.statuses.map((row) => [row.status, row.costMinor]));
    expect(statuses.get('error')).toBe(0n);
    expect(statuses.get('exit')).toBe(2n);
    expect([...statuses.values()].reduce((a, b) => a + b, 0n)).toBe(report.totals.costMinor);
  });
});
