import { afterEach, describe, expect, it } from 'vitest';
import type { SessionsBody } from '../../devin/fake/wire-fixtures.js';
import { AUTH, datasetOf, KEY, minuteSessions } from '../../devin/fake/wire-fixtures.js';
import type { FaultPlan } from './faults.js';
import type { TestDevinApi } from './test-devin-api.js';
import { startTestDevinApi } from './test-devin-api.js';

const SESSIONS = '/v2/enterprise/sessions';

let api: TestDevinApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function serve(faults: FaultPlan): Promise<TestDevinApi> {
  api = await startTestDevinApi({ apiKey: KEY, data: datasetOf(minuteSessions(10)), faults });
  return api;
}

const call = (server: TestDevinApi, target = `${SESSIONS}?order=asc`, init: RequestInit = {}) =>
  fetch(`${server.url}${target}`, { headers: AUTH, ...init });

describe('fault injection', () => {
  it('answers a scripted status with Retry-After, then normally', async () => {
    const server = await serve({ script: [{ fault: { kind: 'status', status: 429, retryAfter: '3' } }] });
    const limited = await call(server);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.json()).toEqual({ detail: 'Too Many Requests' });
    expect((await call(server)).status).toBe(200);
  });

  it('sends no Retry-After unless asked, and a given body verbatim', async () => {
    const server = await serve({
      script: [
        { fault: { kind: 'status', status: 503 } },
        { fault: { kind: 'status', status: 200, body: '{"items":[{"session_id":7}]}' } },
      ],
    });
    const unavailable = await call(server);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBeNull();
    expect(await (await call(server)).text()).toBe('{"items":[{"session_id":7}]}');
  });

  it('applies a rule `times` times, and rules in order', async () => {
    const server = await serve({
      script: [
        { fault: { kind: 'status', status: 500 }, times: 2 },
        { fault: { kind: 'status', status: 502 } },
      ],
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(server)).status);
    expect(statuses).toEqual([500, 500, 502, 200]);
  });

  it('applies a rule only to its path and to requests its `when` accepts', async () => {
    const server = await serve({
      script: [
        {
          fault: { kind: 'status', status: 500 },
          path: SESSIONS,
          when: (request) => request.query.skip?.[0] === '5',
          times: Number.POSITIVE_INFINITY,
        },
      ],
    });
    expect((await call(server, '/v2/enterprise/members?skip=5')).status).toBe(200);
    expect((await call(server, `${SESSIONS}?skip=0`)).status).toBe(200);
    expect((await call(server, `${SESSIONS}?skip=5`)).status).toBe(500);
    expect((await call(server, `${SESSIONS}?skip=5`)).status).toBe(500);
    expect(server.requests.map((request) => request.fault)).toEqual([null, null, 'status', 'status']);
  });

  it('delays an answer and then answers normally', async () => {
    const server = await serve({ script: [{ fault: { kind: 'delay', ms: 50 } }] });
    const response = await call(server);
    expect(response.status).toBe(200);
    expect(((await response.json()) as SessionsBody).total).toBe(10);
    expect(server.requests[0]?.fault).toBe('delay');
  });

  it('hangs until the client gives up', async () => {
    const server = await serve({ script: [{ fault: { kind: 'hang' } }] });
    await expect(call(server, SESSIONS, { signal: AbortSignal.timeout(100) })).rejects.toThrow(
      /aborted|timeout/i,
    );
    expect((await call(server)).status).toBe(200);
  });

  it('closes promptly while a request hangs', async () => {
    const server = await serve({ script: [{ fault: { kind: 'hang' }, times: Number.POSITIVE_INFINITY }] });
    const hung = call(server).then(
      () => 'answered',
      () => 'failed',
    );
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.close();
    expect(await hung).toBe('failed');
  });

  it('sends a 200 whose JSON is cut short', async () => {
    const server = await serve({ script: [{ fault: { kind: 'malformed-json' } }] });
    const response = await call(server);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.startsWith('{"items":[')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('resets the connection', async () => {
    const server = await serve({ script: [{ fault: { kind: 'reset' } }] });
    await expect(call(server)).rejects.toThrow(TypeError);
    expect((await call(server)).status).toBe(200);
  });

  it('mutates a sessions page while paging still describes the unmutated one', async () => {
    const server = await serve({
      script: [
        {
          fault: {
            kind: 'mutate-page',
            mutate: (items) => {
              const [first] = items;
              if (first) first.acus_consumed = 99;
              return items.slice(0, -1);
            },
          },
        },
      ],
    });
    const mutated = (await (await call(server, `${SESSIONS}?order=asc&limit=4`)).json()) as SessionsBody;
    expect(mutated.items.map((item) => item.session_id)).toEqual(['s0000', 's0001', 's0002']);
    expect(mutated.items[0]?.acus_consumed).toBe(99);
    expect(mutated).toMatchObject({ total: 10, has_more: true, next_cursor: 4 });

    // The served data set itself is untouched.
    const again = (await (await call(server, `${SESSIONS}?order=asc&limit=4`)).json()) as SessionsBody;
    expect(again.items.map((item) => item.acus_consumed)).toEqual([1, 1, 1, 1]);
  });

  it('keeps a mutate-page rule for the sessions endpoint', async () => {
    const server = await serve({ script: [{ fault: { kind: 'mutate-page', mutate: () => [] } }] });
    expect(
      ((await (await call(server, '/v2/enterprise/members')).json()) as SessionsBody).items,
    ).toHaveLength(3);
    expect(((await (await call(server)).json()) as SessionsBody).items).toEqual([]);
  });

  it('replaces the plan at run time with setFaults', async () => {
    const server = await serve({ script: [{ fault: { kind: 'status', status: 500 }, times: 5 }] });
    expect((await call(server)).status).toBe(500);
    server.setFaults({});
    expect((await call(server)).status).toBe(200);
    server.setFaults({ script: [{ fault: { kind: 'status', status: 401 } }] });
    expect((await call(server)).status).toBe(401);
  });

  it('injects random faults at a seeded rate, the same sequence for the same seed', async () => {
    const plan: FaultPlan = {
      rate: {
        probability: 0.5,
        seed: 11,
        faults: [
          { kind: 'status', status: 429 },
          { kind: 'status', status: 500 },
        ],
      },
    };
    const run = async () => {
      const server = await serve(plan);
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await call(server)).status);
      await server.close();
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(200);
    expect(first).toContain(429);
    expect(first).toContain(500);
  });

  it('lets a scripted rule win over the rate', async () => {
    const server = await serve({
      script: [{ fault: { kind: 'status', status: 418 } }],
      rate: { probability: 1, seed: 1, faults: [{ kind: 'status', status: 503 }] },
    });
    expect((await call(server)).status).toBe(418);
    expect((await call(server)).status).toBe(503);
  });
});
