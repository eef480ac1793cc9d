import { afterEach, describe, expect, it } from 'vitest';
import type { WireSession } from '#devin/fake/wire.js';
import { datasetOf, FEBRUARY, wireSession } from '../fake-api-harness.js';
import { startV3Harness, type V3Harness } from './v3-harness.js';

let harness: V3Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * A quiet month (a session every ten minutes) with a burst of one session every second for an
 * hour: equal slices of time are very unequal work, and the burst puts a session on every
 * whole second a window can start or end on. Plus sessions on the period's own edges.
 */
function burstyFebruary(): { sessions: WireSession[]; inPeriod: string[] } {
  const sessions: WireSession[] = [];
  let n = 0;
  for (let t = FEBRUARY.from.getTime(); t < FEBRUARY.to.getTime(); t += 600_000)
    sessions.push(wireSession(n++, iso(t)));
  const burst = Date.parse('2025-02-12T10:00:00Z');
  for (let s = 0; s < 3_600; s++) sessions.push(wireSession(n++, iso(burst + s * 1000)));
  sessions.push(wireSession(n++, '2025-01-31T23:59:59Z'), wireSession(n++, '2025-03-01T00:00:00Z'));
  const inPeriod = sessions
    .filter((s) => s.created_at >= '2025-02-01T00:00:00Z' && s.created_at < '2025-03-01T00:00:00Z')
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.session_id.localeCompare(b.session_id))
    .map((s) => s.session_id);
  return { sessions, inPeriod };
}

/** Each first request of a window: [created_after, created_before] in Unix seconds. */
function windowsAsked(h: V3Harness): [number, number][] {
  return h.api.requests
    .filter((r) => r.path === '/v3/enterprise/sessions' && r.query.after === undefined && r.fault === null)
    .map((r) => [Number(r.query.created_after?.[0]), Number(r.query.created_before?.[0])]);
}

describe('v3 sessions in windows sized by their first pages', () => {
  it('splits the burst finer than the quiet days and still reads every session exactly once', async () => {
    const month = burstyFebruary();
    harness = await startV3Harness(datasetOf(month.sessions));
    const { sessions, stats } = await harness.client.fetchSessions(FEBRUARY);
    const byTime = [...sessions].sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.sessionId.localeCompare(b.sessionId),
    );
    expect(byTime.map((s) => s.sessionId)).toEqual(month.inPeriod);
    expect(stats.outsidePeriodDropped).toBeGreaterThan(0);
    // Windows that overlapped would deliver a session twice.
    expect(stats.duplicatesDropped).toBe(0);
    const widths = windowsAsked(harness).map(([after, before]) => before - after);
    // The whole period was asked first; some window within the burst's day is under a few hours.
    expect(Math.max(...widths)).toBe(FEBRUARY.to.getTime() / 1000 - FEBRUARY.from.getTime() / 1000 + 2);
    expect(Math.min(...widths)).toBeLessThan(6 * 3_600);
    for (const r of harness.api.requests) expect(Number(r.query.first?.[0])).toBeLessThanOrEqual(200);
  });

  it('stays exact under random faults on every page, first pages and probes included', async () => {
    const month = burstyFebruary();
    harness = await startV3Harness(datasetOf(month.sessions), {
      faults: {
        rate: {
          probability: 0.2,
          seed: 31,
          path: '/v3/enterprise/sessions',
          faults: [
            { kind: 'status', status: 500 },
            { kind: 'status', status: 429, retryAfter: '1' },
            { kind: 'reset' },
            { kind: 'malformed-json' },
          ],
        },
      },
      client: { maxAttempts: 10, concurrency: 3 },
    });
    const { sessions } = await harness.client.fetchSessions(FEBRUARY);
    expect([...sessions].map((s) => s.sessionId).sort()).toEqual([...month.inPeriod].sort());
    expect(harness.api.requests.filter((r) => r.fault !== null).length).toBeGreaterThan(5);
  });

  it('reads a window again when a page inside the burst lost a session, and agrees', async () => {
    const month = burstyFebruary();
    harness = await startV3Harness(datasetOf(month.sessions), {
      faults: {
        script: [
          {
            fault: { kind: 'mutate-page', mutate: (items) => items.slice(1) },
            when: (r) => r.query.after !== undefined && Number(r.query.created_after?.[0]) >= 1_739_300_000,
          },
        ],
      },
    });
    const { sessions, stats } = await harness.client.fetchSessions(FEBRUARY);
    expect(stats.reread).toBe(true);
    expect([...sessions].map((s) => s.sessionId).sort()).toEqual([...month.inPeriod].sort());
  });
});
