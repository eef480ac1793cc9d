import { afterEach, describe, expect, it } from 'vitest';
import { acusFromNumber } from '#core/money/acus.js';
import type { FetchProgress } from '#devin/client/devin-client.js';
import type { IncomingRequest } from '#devin/fake/exchange.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import type { FakeDataset } from '#devin/fake/wire.js';
import type { TestDevinApi } from '../../support/fake-devin-api/test-devin-api.js';
import { listed } from '../../support/listed.js';
import {
  atSkip,
  datasetOf,
  FEBRUARY,
  februarySessions,
  type Harness,
  startHarness,
  wireSession,
} from './fake-api-harness.js';

let harness: Harness | undefined;
const start = async (...args: Parameters<typeof startHarness>) => {
  harness = await startHarness(...args);
  return harness;
};
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

/** Swaps the served data just before the first request that `matches` is answered, as a live database would change. */
function changeDataBefore(
  api: TestDevinApi,
  matches: (request: IncomingRequest) => boolean,
  data: FakeDataset,
): void {
  let swapped = false;
  api.setFaults({
    script: [
      {
        fault: { kind: 'delay', ms: 0 },
        when: (request) => {
          if (!swapped && matches(request)) {
            api.setData(data);
            swapped = true;
          }
          return false;
        },
      },
    ],
  });
}

describe('fetchSessions against the fake Devin API', () => {
  it('returns thousands of sessions across pages exactly once, oldest first', async () => {
    const data = generateDataset({ seed: 7, sessions: 5_000, ...FEBRUARY });
    const { client, api } = await start(data);

    const { sessions, stats } = listed(await client.fetchSessions(FEBRUARY));

    const expected = [...data.sessions].sort((a, b) =>
      a.created_at === b.created_at
        ? a.session_id.localeCompare(b.session_id)
        : a.created_at < b.created_at
          ? -1
          : 1,
    );
    expect(sessions.map((s) => s.sessionId)).toEqual(expected.map((s) => s.session_id));
    expect(stats).toMatchObject({
      pages: 25,
      reportedTotal: 5_000,
      itemsReceived: 5_000,
      duplicatesDropped: 0,
      outsidePeriodDropped: 0,
      reread: false,
    });
    expect(stats.nullAcus).toBe([...data.sessions].filter((s) => s.acus_consumed === null).length);
    expect(api.requests).toHaveLength(25);
    const acus = sessions.reduce((sum, s) => sum + s.acus, 0n);
    const wireAcus = [...data.sessions].reduce((sum, s) => sum + acusFromNumber(s.acus_consumed ?? 0), 0n);
    expect(acus).toBe(wireAcus);
  });

  it('asks for the period in ISO 8601, 200 a page, a filter of several values not at all, no tags and no order', async () => {
    const { client, api } = await start(datasetOf(februarySessions(3)));
    await client.fetchSessions({ ...FEBRUARY, orgIds: ['org_1', 'org_2'], tags: ['bug-fix', 'docs'] });

    const [request] = api.requests;
    expect(request?.path).toBe('/v2/enterprise/sessions');
    expect(request?.query).toEqual({
      created_date_from: ['2025-01-31T23:59:59.999Z'],
      created_date_to: ['2025-03-01T00:00:00.000Z'],
      limit: ['200'],
      skip: ['0'],
    });
    expect(request?.headers.authorization).toBe('Bearer ***');
  });

  it('keeps a session exactly at `from` and drops one exactly at `to`, which the inclusive server returned', async () => {
    const sessions = [
      wireSession(0, '2025-01-31T23:59:59.999Z'),
      wireSession(1, '2025-02-01T00:00:00Z'),
      ...februarySessions(400).map((s, i) => ({ ...s, session_id: `mid-${i}` })),
      wireSession(2, '2025-02-28T23:59:59.999Z'),
      wireSession(3, '2025-03-01T00:00:00Z'),
      wireSession(4, '2025-03-01T00:00:00.001Z'),
    ];
    const { client } = await start(datasetOf(sessions));

    const { sessions: got, stats } = listed(await client.fetchSessions(FEBRUARY));

    expect(got).toHaveLength(402);
    expect(got[0]?.sessionId).toBe('devin-000001');
    expect(got.at(-1)?.sessionId).toBe('devin-000002');
    // The server counted the sessions at from - 1 ms and at `to` in its total: boundary filtering explains them.
    expect(stats).toMatchObject({
      reportedTotal: 404,
      itemsReceived: 404,
      outsidePeriodDropped: 2,
      reread: false,
    });
  });

  it('drops a session that a page repeats, counts it and warns', async () => {
    const { client, api } = await start(datasetOf(februarySessions(450)), {
      faults: {
        script: [
          {
            // The next page starts again with the last two of this one, as an offset shift would serve them.
            fault: { kind: 'mutate-page', mutate: (items) => [...items, ...items.slice(-2)] },
            when: atSkip(200),
          },
        ],
      },
    });

    const { sessions, stats, warnings } = listed(await client.fetchSessions(FEBRUARY));

    expect(api.requests.filter((r) => r.fault === 'mutate-page')).toHaveLength(1);
    expect(new Set(sessions.map((s) => s.sessionId)).size).toBe(450);
    expect(sessions).toHaveLength(450);
    expect(stats).toMatchObject({ itemsReceived: 452, duplicatesDropped: 2, reread: false });
    expect(warnings).toContain('Devin API returned 2 duplicate sessions; each was counted once');
  });

  it('keeps the most recently updated copy of a duplicated session', async () => {
    const { client } = await start(datasetOf(februarySessions(250)), {
      faults: {
        script: [
          {
            fault: {
              kind: 'mutate-page',
              mutate: (items) => {
                const [first] = items;
                return first
                  ? [...items, { ...first, acus_consumed: 99, updated_at: '2025-03-05T00:00:00Z' }]
                  : items;
              },
            },
            when: atSkip(200),
          },
        ],
      },
    });
    const { sessions } = listed(await client.fetchSessions(FEBRUARY));
    expect(sessions.find((s) => s.sessionId === 'devin-000200')?.acus).toBe(acusFromNumber(99));
    expect(sessions).toHaveLength(250);
  });

  it('reads again when a page loses a session between calls, and returns the complete second read', async () => {
    const { client, api, warnings } = await start(datasetOf(februarySessions(600)), {
      faults: {
        script: [{ fault: { kind: 'mutate-page', mutate: (items) => items.slice(1) }, when: atSkip(400) }],
      },
    });

    const { sessions, stats } = listed(await client.fetchSessions(FEBRUARY));

    expect(sessions).toHaveLength(600);
    expect(stats).toMatchObject({ reread: true, pages: 6, itemsReceived: 600 });
    expect(api.requests).toHaveLength(6);
    expect(warnings[0]).toMatch(
      /reported 600 sessions but 599 distinct ones arrived; reading the listing again/,
    );
  });

  it('fails with IncompleteFetchError, saying what was expected and what arrived, when the re-read is short too', async () => {
    const { client, api } = await start(datasetOf(februarySessions(600)), {
      faults: {
        script: [
          {
            fault: { kind: 'mutate-page', mutate: (items) => items.slice(2) },
            when: atSkip(200),
            times: Infinity,
          },
        ],
      },
    });

    const error = await client.fetchSessions(FEBRUARY).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'IncompleteFetchError', expected: 600, arrived: 598 });
    expect(String(error)).toMatch(/reported 600 sessions but 598 distinct ones arrived, twice in a row/);
    expect(api.requests).toHaveLength(6);
  });

  it('reads again when a session is deleted mid-read and later pages shift past one', async () => {
    const all = februarySessions(600);
    const { client, api } = await start(datasetOf(all), { client: { concurrency: 1 } });
    // Deleting an already-read row shifts the rest one place left: the first row of skip=400 is never served.
    changeDataBefore(api, atSkip(400), datasetOf(all.filter((s) => s.session_id !== 'devin-000010')));

    const { sessions, stats } = listed(await client.fetchSessions(FEBRUARY));

    expect(stats.reread).toBe(true);
    expect(sessions).toHaveLength(599);
    expect(sessions.map((s) => s.sessionId)).not.toContain('devin-000010');
  });

  it('follows the cursor past the planned pages when sessions are added during the read', async () => {
    const all = februarySessions(403);
    const { client, api } = await start(datasetOf(all.slice(0, 400)), { client: { concurrency: 1 } });
    changeDataBefore(api, atSkip(200), datasetOf(all));

    const { sessions, stats, warnings } = listed(await client.fetchSessions(FEBRUARY));

    expect(sessions).toHaveLength(403);
    expect(stats).toMatchObject({ pages: 3, reportedTotal: 400, reread: false });
    expect(warnings).toContain('Devin API sessions changed while being read (total between 400 and 403)');
  });

  it('reports progress after every page, ending with all pages done', async () => {
    const { client } = await start(datasetOf(februarySessions(1_000)));
    const progress: FetchProgress[] = [];

    const { stats } = listed(await client.fetchSessions(FEBRUARY, { onProgress: (p) => progress.push(p) }));

    expect(progress).toHaveLength(5);
    expect(progress[0]).toEqual({ pagesDone: 1, pagesTotal: 1 });
    expect(progress.map((p) => p.pagesDone)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.at(-1)).toEqual({ pagesDone: stats.pages, pagesTotal: stats.pages });
  });

  it('keeps at most `concurrency` pages in flight, and does use them', async () => {
    let inFlight = 0;
    let peak = 0;
    const { client } = await start(datasetOf(februarySessions(2_000)), {
      faults: { script: [{ fault: { kind: 'delay', ms: 20 }, times: Infinity }] },
      client: {
        concurrency: 3,
        fetch: async (input, init) => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          try {
            return await fetch(input, init);
          } finally {
            inFlight -= 1;
          }
        },
      },
    });
    const { sessions } = listed(await client.fetchSessions(FEBRUARY));
    expect(sessions).toHaveLength(2_000);
    expect(peak).toBe(3);
  });

  it('counts sessions without ACUs as 0 and says so', async () => {
    const sessions = februarySessions(3).map((s, i) => (i === 1 ? { ...s, acus_consumed: null } : s));
    const { client } = await start(datasetOf(sessions));
    const result = listed(await client.fetchSessions(FEBRUARY));
    expect(result.stats.nullAcus).toBe(1);
    expect([...result.sessions][1]).toMatchObject({ acus: 0n, acusReported: false });
    expect(result.warnings).toEqual([
      '1 session has no ACU figure (acus_consumed null) and counts as 0 ACUs',
    ]);
  });

  it('returns nothing, without error, for a period with no sessions', async () => {
    const { client, api } = await start(datasetOf([]));
    const { sessions, stats } = listed(await client.fetchSessions(FEBRUARY));
    expect(sessions).toEqual([]);
    expect(stats).toMatchObject({ pages: 1, reportedTotal: 0, itemsReceived: 0 });
    expect(api.requests).toHaveLength(1);
  });

  it('names the host it reads, for the About sheet', async () => {
    const { client, api } = await start(datasetOf([]));
    expect(client.host).toBe(new URL(api.url).host);
  });
});
