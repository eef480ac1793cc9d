import { FakeDatasetError } from './fake-dataset-error.js';
import { parseIsoInstant } from './iso-instant.js';
import type { SessionFilter } from './session-filter.js';
import { sessionFilterKey } from './session-filter.js';
import type { WireSession } from './wire.js';

interface IndexedSession {
  readonly session: WireSession;
  readonly createdMs: number;
  readonly updatedMs: number;
}

/** Distinct filters a client uses at once are few (one per report run); this bounds memory in long benchmarks. */
const CACHED_FILTERS = 64;

/**
 * The sessions sorted once by (created_at, session_id), so that a request costs
 * O(page): the created_at bounds are two binary searches, and the filtered,
 * ordered list is cached per filter while the client pages through it.
 */
export class SessionIndex {
  readonly #byCreation: readonly IndexedSession[];
  readonly #cache = new Map<string, readonly WireSession[]>();

  constructor(sessions: readonly WireSession[]) {
    this.#byCreation = sessions.map(indexed).sort(byCreation);
  }

  matching(filter: SessionFilter): readonly WireSession[] {
    const key = sessionFilterKey(filter);
    const cached = this.#cache.get(key);
    if (cached) {
      // Re-inserting keeps the Map in least-recently-used order.
      this.#cache.delete(key);
      this.#cache.set(key, cached);
      return cached;
    }
    const selected = this.#select(filter);
    this.#cache.set(key, selected);
    if (this.#cache.size > CACHED_FILTERS) {
      const oldest = this.#cache.keys().next();
      if (!oldest.done) this.#cache.delete(oldest.value);
    }
    return selected;
  }

  #select(filter: SessionFilter): readonly WireSession[] {
    const all = this.#byCreation;
    const { createdFrom, createdTo } = filter;
    const start = createdFrom === null ? 0 : firstIndex(all, (entry) => entry.createdMs >= createdFrom);
    const end = createdTo === null ? all.length : firstIndex(all, (entry) => entry.createdMs > createdTo);
    const accepts = otherConditions(filter);
    const selected: WireSession[] = [];
    for (const entry of all.slice(start, end)) {
      if (accepts(entry)) selected.push(entry.session);
    }
    return filter.order === 'desc' ? selected.reverse() : selected;
  }
}

function otherConditions(filter: SessionFilter): (entry: IndexedSession) => boolean {
  const orgIds = new Set(filter.orgIds);
  const userIds = new Set(filter.userIds);
  const sessionIds = new Set(filter.sessionIds);
  const tags = new Set(filter.tags);
  const { updatedFrom, updatedTo } = filter;
  return ({ session, updatedMs }) =>
    (updatedFrom === null || updatedMs >= updatedFrom) &&
    (updatedTo === null || updatedMs <= updatedTo) &&
    (orgIds.size === 0 || orgIds.has(session.org_id)) &&
    (userIds.size === 0 || (session.user_id !== null && userIds.has(session.user_id))) &&
    (sessionIds.size === 0 || sessionIds.has(session.session_id)) &&
    (tags.size === 0 || session.tags.some((tag) => tags.has(tag)));
}

function indexed(session: WireSession): IndexedSession {
  return {
    session,
    createdMs: instantOf(session, 'created_at'),
    updatedMs: instantOf(session, 'updated_at'),
  };
}

function instantOf(session: WireSession, field: 'created_at' | 'updated_at'): number {
  const value = parseIsoInstant(session[field]);
  if (value === null) throw new FakeDatasetError(session.session_id, field, session[field]);
  return value;
}

function byCreation(a: IndexedSession, b: IndexedSession): number {
  if (a.createdMs !== b.createdMs) return a.createdMs - b.createdMs;
  // Code-unit order, not locale order: the same on every machine.
  if (a.session.session_id === b.session.session_id) return 0;
  return a.session.session_id < b.session.session_id ? -1 : 1;
}

/** The first index whose item satisfies a predicate that is false, then true, along the list. */
function firstIndex<T>(items: readonly T[], reached: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const item = items[middle];
    if (item !== undefined && reached(item)) high = middle;
    else low = middle + 1;
  }
  return low;
}
