import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { DevinApiError } from '#devin/client/devin-api-error.js';
import { createDevinClient, type DevinClientOptions } from '#devin/client/devin-client.js';
import { DevinDataError } from '#devin/client/devin-data-error.js';
import { allowOffContractAnswers } from '../../contract/contract-violations.js';
import type { Fault, FaultPlan } from '../../support/fake-devin-api/faults.js';
import {
  API_KEY,
  atSkip,
  datasetOf,
  FEBRUARY,
  februarySessions,
  type Harness,
  rejectionOf,
  startHarness,
  wireSession,
} from './fake-api-harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

/** 450 sessions (3 pages) served with `faults`. */
async function withFaults(faults: FaultPlan, client: Partial<DevinClientOptions> = {}) {
  harness = await startHarness(datasetOf(februarySessions(450)), { faults, client });
  return harness;
}

const onSecondPage = (fault: Fault, times = 1): FaultPlan => ({
  script: [{ fault, when: atSkip(200), times }],
});

describe('fetchSessions recovers from transient faults', () => {
  it('waits as long as a 429 Retry-After asks, then succeeds', async () => {
    const { client, sleeps, api } = await withFaults(
      onSecondPage({ kind: 'status', status: 429, retryAfter: '3' }, 2),
    );
    const { sessions } = await client.fetchSessions(FEBRUARY);
    expect(sessions.count).toBe(450);
    expect(sleeps).toEqual([3_000, 3_000]);
    expect(api.requests.filter((r) => r.fault === 'status')).toHaveLength(2);
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    const retryAt = new Date(Date.now() + 10_000).toUTCString();
    const { client, sleeps } = await withFaults(
      onSecondPage({ kind: 'status', status: 429, retryAfter: retryAt }),
    );
    await client.fetchSessions(FEBRUARY);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(0);
    expect(sleeps[0]).toBeLessThanOrEqual(10_000);
  });

  it('backs off exponentially on a 429 without Retry-After', async () => {
    const { client, sleeps } = await withFaults(onSecondPage({ kind: 'status', status: 429 }, 3));
    await client.fetchSessions(FEBRUARY);
    // Equal jitter at random() = 0.5: three quarters of 500, 1000, 2000 ms.
    expect(sleeps).toEqual([375, 750, 1_500]);
  });

  it.each([500, 502, 503, 504])('retries HTTP %i and succeeds', async (status) => {
    const { client, sleeps } = await withFaults(onSecondPage({ kind: 'status', status }, 2));
    expect((await client.fetchSessions(FEBRUARY)).sessions.count).toBe(450);
    expect(sleeps).toHaveLength(2);
  });

  it('retries a request that hangs past the timeout', async () => {
    const { client, warnings } = await withFaults(onSecondPage({ kind: 'hang' }), { timeoutMs: 150 });
    expect((await client.fetchSessions(FEBRUARY)).sessions.count).toBe(450);
    expect(warnings.some((w) => w.includes('no answer within 150 ms'))).toBe(true);
  });

  it('retries a truncated JSON body', async () => {
    const { client, warnings } = await withFaults(onSecondPage({ kind: 'malformed-json' }));
    expect((await client.fetchSessions(FEBRUARY)).sessions.count).toBe(450);
    expect(warnings.some((w) => w.includes('not JSON'))).toBe(true);
  });

  it('retries a reset connection', async () => {
    const { client, warnings } = await withFaults(onSecondPage({ kind: 'reset' }));
    expect((await client.fetchSessions(FEBRUARY)).sessions.count).toBe(450);
    expect(warnings.some((w) => w.includes('network error'))).toBe(true);
  });

  it('survives a seeded mix of every transient fault on a fifth of requests', async () => {
    const { client } = await withFaults(
      {
        rate: {
          probability: 0.2,
          seed: 42,
          faults: [
            { kind: 'status', status: 429, retryAfter: '1' },
            { kind: 'status', status: 429 },
            { kind: 'status', status: 500 },
            { kind: 'status', status: 503 },
            { kind: 'hang' },
            { kind: 'malformed-json' },
            { kind: 'reset' },
          ],
        },
      },
      { timeoutMs: 150, maxAttempts: 10 },
    );
    const { sessions, stats } = await client.fetchSessions(FEBRUARY);
    expect(sessions.count).toBe(450);
    expect(stats.reread).toBe(false);
  });
});

describe('fetchSessions fails loudly', () => {
  it('gives up after the last attempt with the status and the attempt', async () => {
    const { client, api, sleeps } = await withFaults(onSecondPage({ kind: 'status', status: 503 }, Infinity));
    const error = await rejectionOf(client.fetchSessions(FEBRUARY));
    expect(error).toBeInstanceOf(DevinApiError);
    expect(error).toMatchObject({ status: 503, method: 'GET', attempt: 5 });
    expect((error as DevinApiError).path).toMatch(/^\/v2\/enterprise\/sessions\?.*skip=200/);
    expect((error as DevinApiError).bodyExcerpt).toContain('Service Unavailable');
    expect(api.requests.filter((r) => r.fault === 'status')).toHaveLength(5);
    expect(sleeps).toHaveLength(4);
  });

  it('gives up on a server that never answers, with no status', async () => {
    const { client } = await withFaults(onSecondPage({ kind: 'hang' }, Infinity), {
      timeoutMs: 100,
      maxAttempts: 2,
    });
    const error = await rejectionOf(client.fetchSessions(FEBRUARY));
    expect(error).toMatchObject({ name: 'DevinApiError', status: null, attempt: 2 });
    expect(String(error)).toContain('no answer within 100 ms');
  });

  it('gives up on bodies that are never JSON', async () => {
    const { client } = await withFaults(onSecondPage({ kind: 'malformed-json' }, Infinity), {
      maxAttempts: 3,
    });
    const error = await rejectionOf(client.fetchSessions(FEBRUARY));
    expect(error).toMatchObject({ name: 'DevinApiError', status: 200, attempt: 3 });
  });

  it('fails at once on a wrong key, with one request and a hint about the right kind of key', async () => {
    harness = await startHarness(datasetOf(februarySessions(450)), { client: { apiKey: 'apk_user_wrong' } });
    const error = await rejectionOf(harness.client.fetchSessions(FEBRUARY));
    expect(error).toMatchObject({ name: 'DevinApiError', status: 401, attempt: 1 });
    expect(String(error)).toMatch(/Enterprise Admin/);
    expect(harness.api.requests).toHaveLength(1);
    expect(harness.sleeps).toEqual([]);
  });

  it.each([400, 403, 404, 422])('fails at once on HTTP %i', async (status) => {
    const { client, api } = await withFaults({
      script: [{ fault: { kind: 'status', status, body: '{"detail":[{"msg":"bad"}]}' } }],
    });
    const error = await rejectionOf(client.fetchSessions(FEBRUARY));
    expect(error).toMatchObject({
      name: 'DevinApiError',
      status,
      attempt: 1,
      bodyExcerpt: '{"detail":[{"msg":"bad"}]}',
    });
    expect(api.requests).toHaveLength(1);
  });

  it('stops the other pages when one fails for good', async () => {
    harness = await startHarness(datasetOf(februarySessions(2_000)), {
      faults: { script: [{ fault: { kind: 'status', status: 401 }, when: atSkip(200) }] },
      client: { concurrency: 2 },
    });
    await rejectionOf(harness.client.fetchSessions(FEBRUARY));
    expect(harness.api.requests.length).toBeLessThan(10);
  });

  it("does not wait out a sibling page's backoff once the read has failed", async () => {
    const abortedSleeps: unknown[] = [];
    harness = await startHarness(datasetOf(februarySessions(1_000)), {
      faults: {
        script: [
          { fault: { kind: 'status', status: 429, retryAfter: '60' }, when: atSkip(200), times: Infinity },
          { fault: { kind: 'status', status: 401 }, when: atSkip(400) },
        ],
      },
      client: {
        // Ends only when aborted: if the failure did not reach the sleeping page, the read would hang.
        sleep: (_ms, signal) =>
          new Promise((_, reject) =>
            signal?.addEventListener('abort', () => {
              abortedSleeps.push(signal.reason);
              reject(signal.reason);
            }),
          ),
      },
    });
    const error = await rejectionOf(harness.client.fetchSessions(FEBRUARY));
    expect(error).toMatchObject({ name: 'DevinApiError', status: 401 });
    expect(abortedSleeps).toEqual([error]);
  });

  it('names the session and field when the schema drifts', async () => {
    const drifted = { ...wireSession(7, '2025-02-03T10:00:00Z'), acus_consumed: '12.5' };
    const body = JSON.stringify({
      items: [drifted],
      total: 1,
      skip: 0,
      limit: 200,
      has_more: false,
      next_cursor: null,
    });
    const { client } = await withFaults({ script: [{ fault: { kind: 'status', status: 200, body } }] });
    const error = await rejectionOf(client.fetchSessions(FEBRUARY));
    expect(error).toBeInstanceOf(DevinDataError);
    expect(error).toMatchObject({ recordId: 'devin-000007', field: 'acus_consumed', value: '"12.5"' });
  });

  it('names the field when the page envelope drifts', async () => {
    const body = JSON.stringify({ results: [], count: 0 });
    const { client } = await withFaults({ script: [{ fault: { kind: 'status', status: 200, body } }] });
    const error = await rejectionOf(client.fetchSessions(FEBRUARY));
    expect(error).toMatchObject({ name: 'DevinDataError', recordId: null, field: 'items' });
  });

  it('refuses negative ACUs', async () => {
    allowOffContractAnswers();
    const sessions = februarySessions(3).map((s, i) => (i === 2 ? { ...s, acus_consumed: -4 } : s));
    harness = await startHarness(datasetOf(sessions));
    const error = await rejectionOf(harness.client.fetchSessions(FEBRUARY));
    expect(error).toMatchObject({ name: 'DevinDataError', recordId: 'devin-000002', field: 'acus_consumed' });
  });

  it('fails a network error that outlasts every attempt', async () => {
    const client = createDevinClient({
      apiKey: API_KEY,
      // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
      baseUrl: 'http://127.0.0.1:9',
      maxAttempts: 2,
      sleep: async () => {},
    });
    const error = await rejectionOf(client.fetchSessions(FEBRUARY));
    expect(error).toMatchObject({ name: 'DevinApiError', status: null, attempt: 2 });
    expect(String(error)).toContain('network error');
  });
});

describe('the API key', () => {
  it('appears in no error, cause, body excerpt or warning', async () => {
    const seen: unknown[] = [];
    const leaks = (label: string, value: unknown) =>
      [inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }), JSON.stringify(value) ?? '']
        .filter((text) => text.includes(API_KEY))
        .map(() => label);

    const scenarios: [string, FaultPlan, number?][] = [
      ['401', { script: [{ fault: { kind: 'status', status: 401 } }] }],
      ['403', { script: [{ fault: { kind: 'status', status: 403 } }] }],
      ['503', { script: [{ fault: { kind: 'status', status: 503 }, times: Infinity }] }],
      ['hang', { script: [{ fault: { kind: 'hang' }, times: Infinity }] }, 50],
      ['reset', { script: [{ fault: { kind: 'reset' }, times: Infinity }] }],
      ['malformed', { script: [{ fault: { kind: 'malformed-json' }, times: Infinity }] }],
      // A proxy that echoes the request headers back in its error page.
      [
        'echo',
        { script: [{ fault: { kind: 'status', status: 400, body: `bad request: Bearer ${API_KEY}` } }] },
      ],
    ];
    const found: string[] = [];
    for (const [label, faults, timeoutMs] of scenarios) {
      const started = await withFaults(faults, { maxAttempts: 2, ...(timeoutMs ? { timeoutMs } : {}) });
      const error = await rejectionOf(started.client.fetchSessions(FEBRUARY));
      seen.push(error);
      found.push(...leaks(label, error), ...leaks(`${label} warnings`, started.warnings));
      await started.api.close();
    }
    expect(seen.every((error) => error instanceof Error)).toBe(true);
    expect(String(seen[6])).toContain('[redacted]');
    expect(found).toEqual([]);
  });
});
