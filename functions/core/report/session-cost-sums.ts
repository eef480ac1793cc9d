import type { SessionGroups } from './group-sessions.js';

export interface SessionCostSums {
  /** Keyed like `SessionGroups.tags`: null is the untagged sessions. */
  readonly tags: Map<string | null, bigint>;
  readonly statuses: Map<string, bigint>;
}

/**
 * The allocated cents of the sessions under each tag and each status. A tag's
 * cost is the sum of its sessions' costs, not its ACUs × price rounded on its
 * own: a filter on the Sessions sheet then reproduces it to the cent. Summed
 * from the grouping's per-session columns, so no session is read again.
 *
 * @param costMinor each session's allocated cents, aligned with the sessions grouped
 */
export function sessionCostSums(groups: SessionGroups, costMinor: BigInt64Array): SessionCostSums {
  const byStatus = new Array<bigint>(groups.statusNames.length).fill(0n);
  const byTagSet = new Array<bigint>(groups.tagSets.length).fill(0n);
  for (let i = 0; i < costMinor.length; i++) {
    const cost = costMinor[i] ?? 0n;
    const status = (groups.sessionStatus[i] ?? 0) >> 1;
    byStatus[status] = (byStatus[status] ?? 0n) + cost;
    const tagSet = groups.sessionTagSet[i] ?? 0;
    byTagSet[tagSet] = (byTagSet[tagSet] ?? 0n) + cost;
  }
  const sums: SessionCostSums = { tags: new Map(), statuses: new Map() };
  groups.statusNames.forEach((status, s) => {
    add(sums.statuses, status, byStatus[s] ?? 0n);
  });
  groups.tagSets.forEach((tags, t) => {
    const cost = byTagSet[t] ?? 0n;
    if (tags.length === 0) add(sums.tags, null, cost);
    for (const tag of tags) add(sums.tags, tag, cost);
  });
  return sums;
}

function add<K>(map: Map<K, bigint>, key: K, cost: bigint): void {
  map.set(key, (map.get(key) ?? 0n) + cost);
}
