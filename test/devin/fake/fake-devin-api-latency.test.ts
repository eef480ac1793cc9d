import { afterEach, describe, expect, it } from 'vitest';
import type { TestDevinApi } from '../../support/fake-devin-api/test-devin-api.js';
import { startTestDevinApi } from '../../support/fake-devin-api/test-devin-api.js';
import { AUTH, datasetOf, KEY, minuteSessions } from './wire-fixtures.js';

const SESSIONS = '/v2/enterprise/sessions';
const LATENCY_MS = 300;
// Timers may fire a millisecond early by the clock performance.now() reads.
const TIMER_SLACK_MS = 5;

let api: TestDevinApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('added latency', () => {
  it('answers every request latencyMs after it arrives, while the others are already in', async () => {
    api = await startTestDevinApi({
      apiKey: KEY,
      data: datasetOf(minuteSessions(10)),
      latencyMs: LATENCY_MS,
    });
    const server = api;
    const arrivedBeforeFirstAnswer: number[] = [];
    const started = performance.now();
    const answers = await Promise.all(
      [0, 1, 2, 3].map(async (page) => {
        const response = await fetch(`${server.url}${SESSIONS}?limit=2&skip=${page * 2}`, { headers: AUTH });
        arrivedBeforeFirstAnswer.push(server.requests.length);
        return { status: response.status, ms: performance.now() - started, body: await response.json() };
      }),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeGreaterThanOrEqual(LATENCY_MS - TIMER_SLACK_MS);
    }
    // All four were with the server before any was answered: the wait is a timer, not a busy loop.
    expect(arrivedBeforeFirstAnswer[0]).toBe(4);
    expect(answers.map((a) => (a.body as { skip: number }).skip)).toEqual([0, 2, 4, 6]);
  });

  it('adds a delay fault to it and makes an immediate fault wait it too', async () => {
    api = await startTestDevinApi({
      apiKey: KEY,
      data: datasetOf(minuteSessions(3)),
      latencyMs: 100,
      faults: {
        script: [{ fault: { kind: 'delay', ms: 150 } }, { fault: { kind: 'status', status: 503 } }],
      },
    });
    const timed = async () => {
      const started = performance.now();
      const response = await fetch(`${api?.url}${SESSIONS}`, { headers: AUTH });
      await response.text();
      return { status: response.status, ms: performance.now() - started };
    };
    const delayed = await timed();
    expect(delayed).toMatchObject({ status: 200 });
    expect(delayed.ms).toBeGreaterThanOrEqual(250 - TIMER_SLACK_MS);
    const failed = await timed();
    expect(failed.status).toBe(503);
    expect(failed.ms).toBeGreaterThanOrEqual(100 - TIMER_SLACK_MS);
  });

  it('refuses a latency that is not a number of milliseconds ≥ 0, naming it', async () => {
    await expect(
      startTestDevinApi({ apiKey: KEY, data: datasetOf(minuteSessions(1)), latencyMs: -1 }),
    ).rejects.toThrow(/latencyMs must be .* got -1/);
  });
});
