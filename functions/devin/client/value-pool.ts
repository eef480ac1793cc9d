/**
 * A month of sessions repeats a few hundred org ids, user ids, statuses and tag
 * sets hundreds of thousands of times; JSON.parse gives each its own copy. Sharing
 * one copy of each keeps a 500,000-session month about 70 MB smaller. Bounded, so a
 * long-lived Lambda container cannot grow it without limit.
 */
export class ValuePool {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();

  constructor(private readonly capacity = 50_000) {}

  string(value: string): string {
    const pooled = this.strings.get(value);
    if (pooled !== undefined) return pooled;
    if (this.strings.size < this.capacity) this.strings.set(value, value);
    return value;
  }

  /** The same frozen array for the same strings in the same order. */
  list(values: readonly string[]): readonly string[] {
    if (values.length === 0) return EMPTY;
    const key = values.join('\u0000');
    const pooled = this.lists.get(key);
    if (pooled !== undefined) return pooled;
    const list = Object.freeze(values.map((v) => this.string(v)));
    if (this.lists.size < this.capacity) this.lists.set(key, list);
    return list;
  }
}

const EMPTY: readonly string[] = Object.freeze([]);
