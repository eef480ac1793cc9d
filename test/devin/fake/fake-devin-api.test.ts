import { afterEach, describe, expect, it } from 'vitest';
import type { TestDevinApi } from '../../support/fake-devin-api/test-devin-api.js';
import { startTestDevinApi } from '../../support/fake-devin-api/test-devin-api.js';
import type { SessionsBody } from './wire-fixtures.js';
import { AUTH, datasetOf, KEY, minuteSessions, wireSession } from './wire-fixtures.js';

let api: TestDevinApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function serve(data = datasetOf(minuteSessions(450))): Promise<TestDevinApi> {
  api = await startTestDevinApi({ apiKey: KEY, data });
  return api;
}

async function get(server: TestDevinApi, target: string, headers: Record<string, string> = AUTH) {
  const response = await fetch(`${server.url}${target}`, { headers });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function sessions(server: TestDevinApi, query: string): Promise<SessionsBody> {
  const { status, body } = await get(server, `/v2/enterprise/sessions?${query}`);
  expect(status).toBe(200);
  return body as SessionsBody;
}

const ids = (body: SessionsBody) => body.items.map((item) => item.session_id);

describe('startTestDevinApi', () => {
  it('listens on an ephemeral loopback port', async () => {
    const server = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  describe('GET /v2/enterprise/sessions paging', () => {
    it('pages with skip and limit, reporting total, has_more and next_cursor', async () => {
      const server = await serve();
      const first = await sessions(server, 'order=asc&limit=200');
      expect(first).toMatchObject({ total: 450, skip: 0, limit: 200, has_more: true, next_cursor: 200 });
      expect(ids(first).slice(0, 2)).toEqual(['s0000', 's0001']);

      const last = await sessions(server, 'order=asc&limit=200&skip=400');
      expect(last).toMatchObject({ total: 450, skip: 400, limit: 200, has_more: false, next_cursor: null });
      expect(last.items).toHaveLength(50);
      expect(ids(last).at(-1)).toBe('s0449');
    });

    it('defaults to skip 0 and limit 100, oldest first (its own choice: the order is undocumented)', async () => {
      const server = await serve();
      const page = await sessions(server, '');
      expect(page).toMatchObject({ skip: 0, limit: 100, has_more: true, next_cursor: 100 });
      expect(ids(page)[0]).toBe('s0000');
    });

    it('answers a skip past the end with an empty last page', async () => {
      const server = await serve();
      const page = await sessions(server, 'skip=1000');
      expect(page).toMatchObject({ items: [], total: 450, has_more: false, next_cursor: null });
    });

    it('visits every session exactly once when following next_cursor', async () => {
      const server = await serve();
      const seen: string[] = [];
      let skip: number | null = 0;
      while (skip !== null) {
        const page = await sessions(server, `order=asc&limit=200&skip=${skip}`);
        seen.push(...ids(page));
        skip = page.next_cursor;
      }
      expect(seen).toEqual(minuteSessions(450).map((session) => session.session_id));
    });

    it.each([
      ['limit=201', 'limit', 'less_than_equal'],
      ['limit=0', 'limit', 'greater_than_equal'],
      ['skip=-1', 'skip', 'greater_than_equal'],
      ['limit=ten', 'limit', 'int_parsing'],
      ['created_date_from=yesterday', 'created_date_from', 'datetime_from_date_parsing'],
      ['updated_date_to=2025-02-30', 'updated_date_to', 'datetime_from_date_parsing'],
    ])('rejects %s with a FastAPI-style 422', async (query, parameter, type) => {
      const server = await serve();
      const { status, body } = await get(server, `/v2/enterprise/sessions?${query}`);
      expect(status).toBe(422);
      expect(body).toEqual({
        detail: [expect.objectContaining({ type, loc: ['query', parameter], msg: expect.any(String) })],
      });
    });

    it('lists every invalid parameter in one 422', async () => {
      const server = await serve();
      const { body } = await get(server, '/v2/enterprise/sessions?limit=500&skip=x');
      expect((body as { detail: unknown[] }).detail).toHaveLength(2);
    });
  });

  describe('GET /v2/enterprise/sessions filters', () => {
    const data = datasetOf([
      wireSession('a', '2025-01-31T23:59:59Z', { org_id: 'org_a', tags: ['bug-fix'] }),
      wireSession('b', '2025-02-01T00:00:00Z', {
        org_id: 'org_b',
        user_id: 'user_b',
        tags: ['feature', 'docs'],
      }),
      wireSession('c', '2025-02-14T12:00:00Z', { updated_at: '2025-03-05T00:00:00Z', tags: ['tests'] }),
      wireSession('d', '2025-03-01T00:00:00Z', { org_id: 'org_b', user_id: null }),
      wireSession('e', '2025-02-14T12:00:00Z', { user_id: 'user_c' }),
    ]);
    const query = async (text: string) => ids(await sessions(await serve(data), `order=asc&${text}`));

    it('treats both created_at bounds as inclusive', async () => {
      expect(
        await query('created_date_from=2025-02-01T00:00:00Z&created_date_to=2025-03-01T00:00:00Z'),
      ).toEqual(['b', 'c', 'e', 'd']);
    });

    it('reads bounds with offsets and without a zone (as UTC)', async () => {
      expect(
        await query('created_date_from=2025-02-01T01:00:00%2B01:00&created_date_to=2025-02-01T00:00:00'),
      ).toEqual(['b']);
    });

    it('filters by updated_at, inclusive', async () => {
      expect(await query('updated_date_from=2025-03-01T00:00:00Z')).toEqual(['c', 'd']);
      expect(await query('updated_date_to=2025-02-01T00:00:00Z')).toEqual(['a', 'b']);
    });

    it('filters by repeated org_ids, user_ids and session_ids', async () => {
      expect(await query('org_ids=org_b')).toEqual(['b', 'd']);
      expect(await query('user_ids=user_b&user_ids=user_c')).toEqual(['b', 'e']);
      expect(await query('session_ids=a&session_ids=d&session_ids=missing')).toEqual(['a', 'd']);
    });

    it('does not split a comma-joined list, as FastAPI does not', async () => {
      expect(await query('org_ids=org_a,org_b')).toEqual([]);
    });

    it('ignores tags and order, which the generated spec does not have (FastAPI drops unknown parameters)', async () => {
      expect(await query('tags=docs&tags=tests')).toEqual(['a', 'b', 'c', 'e', 'd']);
      const server = await serve(data);
      expect(ids(await sessions(server, 'order=desc'))).toEqual(['a', 'b', 'c', 'e', 'd']);
      expect(ids(await sessions(server, 'order=newest'))).toEqual(['a', 'b', 'c', 'e', 'd']);
    });

    it('combines filters with AND', async () => {
      expect(await query('org_ids=org_b&created_date_to=2025-02-28T00:00:00Z')).toEqual(['b']);
    });
  });

  describe('members and organizations', () => {
    it('pages members and finds one by email, ignoring case', async () => {
      const server = await serve();
      const { body: page } = await get(server, '/v2/enterprise/members?limit=2');
      expect(page).toMatchObject({ total: 3, skip: 0, limit: 2, has_more: true, next_cursor: 2 });
      const { body: found } = await get(server, '/v2/enterprise/members?email=ana.abe%40EXAMPLE.com');
      expect(found).toMatchObject({ total: 1, items: [{ user_id: 'user_a', name: 'Ana Abe' }] });
    });

    it('pages organizations', async () => {
      const server = await serve();
      const { body } = await get(server, '/v2/enterprise/organizations?skip=1&limit=1');
      expect(body).toEqual({
        items: [datasetOf([]).organizations[1]],
        total: 2,
        skip: 1,
        limit: 1,
        has_more: false,
        next_cursor: null,
      });
    });

    it('rejects a limit over 200 there too', async () => {
      const server = await serve();
      expect((await get(server, '/v2/enterprise/members?limit=201')).status).toBe(422);
      expect((await get(server, '/v2/enterprise/organizations?limit=201')).status).toBe(422);
    });
  });

  describe('errors', () => {
    it.each([
      ['no header', {}],
      ['a wrong key', { authorization: 'Bearer apk_user_wrong' }],
      ['another scheme', { authorization: `Basic ${KEY}` }],
    ])('answers 401 with a JSON detail for %s', async (_, headers) => {
      const server = await serve();
      const { status, body } = await get(server, '/v2/enterprise/sessions', headers);
      expect(status).toBe(401);
      expect(body).toEqual({ detail: expect.any(String) });
    });

    it('accepts the bearer scheme in any case', async () => {
      const server = await serve();
      expect((await get(server, '/v2/enterprise/sessions', { authorization: `bearer ${KEY}` })).status).toBe(
        200,
      );
    });

    it('answers 404 JSON for an unknown path, before checking the key', async () => {
      const server = await serve();
      expect(await get(server, '/v2/enterprise/sessionz', {})).toEqual({
        status: 404,
        body: { detail: 'Not Found' },
      });
    });

    it('answers 405 to a method other than GET', async () => {
      const server = await serve();
      const response = await fetch(`${server.url}/v2/enterprise/sessions`, { method: 'POST', headers: AUTH });
      expect(response.status).toBe(405);
    });
  });

  describe('request recording', () => {
    it('records method, path, query, url, headers and authorization, in order, without the key', async () => {
      const server = await serve();
      await get(server, '/v2/enterprise/sessions?org_ids=a&org_ids=b&limit=5', { ...AUTH, 'x-trace': 't1' });
      await get(server, '/v2/enterprise/members', {});
      const [first, second] = server.requests;
      expect(first).toMatchObject({
        index: 0,
        method: 'GET',
        path: '/v2/enterprise/sessions',
        url: '/v2/enterprise/sessions?org_ids=a&org_ids=b&limit=5',
        query: { org_ids: ['a', 'b'], limit: ['5'] },
        authorized: true,
        fault: null,
      });
      expect(first?.headers).toMatchObject({ authorization: 'Bearer ***', 'x-trace': 't1' });
      expect(first?.at).toBeInstanceOf(Date);
      expect(second).toMatchObject({ index: 1, path: '/v2/enterprise/members', authorized: false });
      expect(JSON.stringify(server.requests)).not.toContain(KEY);
    });

    it('keeps counting indexes after a test clears the record', async () => {
      const server = await serve();
      await get(server, '/v2/enterprise/members');
      server.requests.length = 0;
      await get(server, '/v2/enterprise/members');
      expect(server.requests.map((request) => request.index)).toEqual([1]);
    });
  });

  describe('setData', () => {
    it('serves the new data set from the next request on', async () => {
      const server = await serve();
      server.setData(datasetOf(minuteSessions(3)));
      expect((await sessions(server, '')).total).toBe(3);
    });

    it('refuses a session whose created_at is not an instant, naming it', async () => {
      const server = await serve();
      const broken = datasetOf([wireSession('bad', 'last tuesday')]);
      expect(() => server.setData(broken)).toThrow(/session bad: created_at/);
    });
  });

  describe('close', () => {
    it('stops listening', async () => {
      const server = await serve();
      await server.close();
      await expect(fetch(`${server.url}/v2/enterprise/sessions`, { headers: AUTH })).rejects.toThrow();
    });

    it('can be called twice', async () => {
      const server = await serve();
      await Promise.all([server.close(), server.close()]);
    });
  });
});
