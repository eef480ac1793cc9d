import { describe, expect, it } from 'vitest';
import type { SessionFilter } from '#devin/fake/session-filter.js';
import { sessionFilterKey } from '#devin/fake/session-filter.js';
import { SessionIndex } from '#devin/fake/session-index.js';
import { wireSession } from './wire-fixtures.js';

const ALL: SessionFilter = {
  createdFrom: null,
  createdTo: null,
  updatedFrom: null,
  updatedTo: null,
  orgIds: [],
  userIds: [],
  sessionIds: [],
  tags: [],
  order: 'asc',
};

const sessions = [
  wireSession('z', '2025-02-01T00:00:00Z'),
  wireSession('m', '2025-02-01T00:00:00.000+00:00'),
  wireSession('a', '2025-02-02T00:00:00Z'),
  wireSession('b', '2025-01-31T00:00:00Z'),
];
const ids = (list: readonly { session_id: string }[]) => list.map((session) => session.session_id);

describe('SessionIndex', () => {
  it('orders by created instant (whatever its spelling), then by session_id', () => {
    const index = new SessionIndex(sessions);
    expect(ids(index.matching(ALL))).toEqual(['b', 'm', 'z', 'a']);
    expect(ids(index.matching({ ...ALL, order: 'desc' }))).toEqual(['a', 'z', 'm', 'b']);
  });

  it('finds the inclusive created bounds, ties included', () => {
    const index = new SessionIndex(sessions);
    const instant = Date.UTC(2025, 1, 1);
    expect(ids(index.matching({ ...ALL, createdFrom: instant, createdTo: instant }))).toEqual(['m', 'z']);
    expect(ids(index.matching({ ...ALL, createdFrom: instant + 1 }))).toEqual(['a']);
    expect(ids(index.matching({ ...ALL, createdTo: instant - 1 }))).toEqual(['b']);
    expect(ids(index.matching({ ...ALL, createdFrom: instant + 1, createdTo: instant - 1 }))).toEqual([]);
  });

  it('does not depend on the order the data set lists sessions in', () => {
    expect(ids(new SessionIndex([...sessions].reverse()).matching(ALL))).toEqual(['b', 'm', 'z', 'a']);
  });

  it('serves a repeated filter from its cache without re-selecting', () => {
    const index = new SessionIndex(sessions);
    const first = index.matching({ ...ALL, orgIds: ['org_a'] });
    expect(index.matching({ ...ALL, orgIds: ['org_a'] })).toBe(first);
  });
});

describe('sessionFilterKey', () => {
  it('ignores the order and repetition of list values', () => {
    expect(sessionFilterKey({ ...ALL, tags: ['b', 'a', 'a'] })).toBe(
      sessionFilterKey({ ...ALL, tags: ['a', 'b'] }),
    );
  });

  it('tells apart filters that select differently', () => {
    expect(sessionFilterKey({ ...ALL, order: 'desc' })).not.toBe(sessionFilterKey(ALL));
    expect(sessionFilterKey({ ...ALL, orgIds: ['x'] })).not.toBe(
      sessionFilterKey({ ...ALL, userIds: ['x'] }),
    );
  });
});
