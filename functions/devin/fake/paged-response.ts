import type { WirePage } from './wire.js';

/** One page of an already filtered and ordered list, in the vendor's envelope. */
export function pageOf<T>(all: readonly T[], skip: number, limit: number): WirePage<T> {
  const items = all.slice(skip, skip + limit);
  const end = skip + items.length;
  const hasMore = end < all.length;
  return { items, total: all.length, skip, limit, has_more: hasMore, next_cursor: hasMore ? end : null };
}
