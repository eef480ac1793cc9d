/**
 * Where one read of a listing puts its records as they arrive, in listing
 * order: it drops repeats, keeps what the caller asked for and counts what it
 * saw, so `readExactListing` can tell a complete read from a short one
 * without holding the pages.
 */
export interface ListingCollector<T, Items> {
  offer(item: T): void;
  /** Records offered, repeats included. */
  readonly received: number;
  /** Distinct records offered, kept or not. */
  readonly distinct: number;
  /** Distinct records kept. */
  readonly kept: number;
  /** The kept records; called once, when the read added up. */
  finish(): Items;
  /** The read did not add up and will be read again: let go of what it collected. */
  discard(): void;
}

export interface RecordRules<T> {
  readonly idOf: (item: T) => string;
  /** Of two copies of one record, true when `candidate` should replace `kept`. */
  readonly prefer: (candidate: T, kept: T) => boolean;
  /** Records the caller wants; the rest were returned by the server but fall outside the query. */
  readonly keep: (item: T) => boolean;
}

/** For listings small enough to hold: members, organizations, the sessions at a period's edges. */
export function collectInMemory<T>(rules: RecordRules<T>): ListingCollector<T, T[]> {
  const byId = new Map<string, T>();
  let received = 0;
  return {
    offer(item) {
      received += 1;
      const id = rules.idOf(item);
      const kept = byId.get(id);
      if (kept === undefined || rules.prefer(item, kept)) byId.set(id, item);
    },
    get received() {
      return received;
    },
    get distinct() {
      return byId.size;
    },
    get kept() {
      let kept = 0;
      for (const item of byId.values()) if (rules.keep(item)) kept += 1;
      return kept;
    },
    finish: () => [...byId.values()].filter(rules.keep),
    discard: () => byId.clear(),
  };
}
