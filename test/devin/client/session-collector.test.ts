import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '#core/session.js';
import { pagesInOrder } from '#devin/client/pages-in-order.js';
import { collectSessions } from '#devin/client/session-collector.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collector-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function session(id: string, createdMinute: number, updatedMinute = createdMinute, acus = 1n): Session {
  return {
    sessionId: id,
    url: null,
    status: 'exit',
    title: id,
    tags: [],
    orgId: 'org-a',
    userId: 'user-1',
    createdAt: new Date(Date.UTC(2026, 9, 1, 0, createdMinute)),
    updatedAt: new Date(Date.UTC(2026, 9, 1, 0, updatedMinute)),
    acus,
    acusReported: true,
    pullRequests: [],
  };
}

const ids = (sessions: Iterable<Session>) => [...sessions].map((s) => s.sessionId);

describe.each([
  ['into a spool file', true],
  ['in memory', false],
])('collecting sessions %s', (_, spooled) => {
  const path = () => (spooled ? join(dir, 'run.spool') : null);

  it('keeps each session once, in the order the server listed them', () => {
    const collector = collectSessions(() => true, path());
    for (const s of [session('a', 1), session('b', 2), session('a', 1), session('c', 3)]) collector.offer(s);
    expect({ received: collector.received, distinct: collector.distinct, kept: collector.kept }).toEqual({
      received: 4,
      distinct: 3,
      kept: 3,
    });
    const list = collector.finish();
    expect(list.count).toBe(3);
    expect(ids(list)).toEqual(['a', 'b', 'c']);
    expect(ids(list)).toEqual(['a', 'b', 'c']);
  });

  it('keeps the later copy of a session in its place by creation time', () => {
    const collector = collectSessions(() => true, path());
    collector.offer(session('a', 1, 1, 1n));
    collector.offer(session('b', 2));
    collector.offer(session('a', 1, 9, 5n));
    collector.offer(session('a', 1, 5, 3n));
    const list = [...collector.finish()];
    expect(list.map((s) => [s.sessionId, s.acus])).toEqual([
      ['a', 5n],
      ['b', 1n],
    ]);
  });

  it('counts sessions outside the query as arrived but keeps none of them', () => {
    const collector = collectSessions((s) => s.sessionId !== 'edge', path());
    for (const s of [session('a', 1), session('edge', 2), session('edge', 2, 3)]) collector.offer(s);
    expect({ distinct: collector.distinct, kept: collector.kept }).toEqual({ distinct: 2, kept: 1 });
    expect(ids(collector.finish())).toEqual(['a']);
  });

  it('puts a server answer out of creation order into order', () => {
    const collector = collectSessions(() => true, path());
    for (const s of [session('c', 3), session('a', 1), session('b', 2)]) collector.offer(s);
    expect(ids(collector.finish())).toEqual(['a', 'b', 'c']);
  });
});

describe('a discarded spool', () => {
  it('leaves no file behind', async () => {
    const collector = collectSessions(() => true, join(dir, 'short.spool'));
    collector.offer(session('a', 1));
    collector.discard();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('pages in order', () => {
  it('hands each page on in the order it was asked for, whatever order the answers come in', async () => {
    const delivered: number[][] = [];
    const answers = new Map<number, (items: number[]) => void>();
    const read = pagesInOrder(
      (skip: number) =>
        new Promise<{ skip: number; items: readonly number[] }>((resolve) => {
          answers.set(skip, (items) => resolve({ skip, items }));
        }),
      (items) => delivered.push([...items]),
      { path: '/v2/x', cursorOf: (skip) => `skip=${skip}` },
    );
    const pages = [read(0), read(2), read(4)];
    answers.get(4)?.([4, 5]);
    answers.get(2)?.([2, 3]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(delivered).toEqual([]);
    answers.get(0)?.([0, 1]);
    const hollow = await Promise.all(pages);
    expect(delivered).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    // The reader keeps only how many items each page had.
    expect(hollow.map((p) => p.items.length)).toEqual([2, 2, 2]);
    expect(hollow.every((p) => p.items.every((item) => item === undefined))).toBe(true);
  });

  it('delivers nothing after a page that failed', async () => {
    const delivered: number[] = [];
    const read = pagesInOrder(
      async (skip: number) => {
        if (skip === 0) throw new Error('HTTP 500');
        return { skip, items: [skip] };
      },
      (items) => delivered.push(...items),
      { path: '/v2/x', cursorOf: (skip) => `skip=${skip}` },
    );
    await expect(Promise.all([read(0), read(1)])).rejects.toThrow('HTTP 500');
    expect(delivered).toEqual([]);
  });
});
