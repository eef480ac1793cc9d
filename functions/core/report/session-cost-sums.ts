import type { Session } from '../session.js';

export interface SessionCostSums {
  /** Keyed like `SessionGroups.tags`: null is the untagged sessions. */
  readonly tags: Map<string | null, bigint>;
  readonly statuses: Map<string, bigint>;
}

/**
 * The allocated cents of the sessions under each tag and each status. A tag's
 * cost is the sum of its sessions' costs, not its ACUs × price rounded on its
 * own: a filter on the Sessions sheet then reproduces it to the cent.
 *
 * @param costMinor each session's allocated cents, aligned with `sessions`
 */
export function sessionCostSums(sessions: Iterable<Session>, costMinor: BigInt64Array): SessionCostSums {
  const sums: SessionCostSums = { tags: new Map(), statuses: new Map() };
  let i = -1;
  for (const session of sessions) {
    i += 1;
    const cost = costMinor[i] ?? 0n;
    add(sums.statuses, session.status, cost);
    const { tags } = session;
    if (tags.length === 0) {
      add(sums.tags, null, cost);
      continue;
    }
    for (let j = 0; j < tags.length; j++) {
      const tag = tags[j];
      // A tag listed twice on one session counts that session once, as in groupSessions.
      if (tag === undefined || (j > 0 && tags.indexOf(tag) < j)) continue;
      add(sums.tags, tag, cost);
    }
  }
  return sums;
}

function add<K>(map: Map<K, bigint>, key: K, cost: bigint): void {
  map.set(key, (map.get(key) ?? 0n) + cost);
}
