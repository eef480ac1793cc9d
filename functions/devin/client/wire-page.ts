import { z } from 'zod';
import { dataErrorOf } from './parse-record.js';

/** The envelope every v2 enterprise listing shares; items are parsed one by one, see `parseRecord`. */
const wirePageSchema = z.object({
  items: z.array(z.unknown()),
  total: z.int().nonnegative(),
  skip: z.int().nonnegative().optional(),
  has_more: z.boolean(),
  next_cursor: z.int().nullish(),
});

/** One page of a listing, items already validated. */
export interface Page<T> {
  readonly skip: number;
  readonly items: readonly T[];
  readonly total: number;
  readonly hasMore: boolean;
  /** Next `skip` as the server sent it; null when it sent none. */
  readonly nextCursor: number | null;
}

export function parsePage<T>(
  json: unknown,
  requestedSkip: number,
  resource: string,
  parseItem: (item: unknown) => T,
): Page<T> {
  const parsed = wirePageSchema.safeParse(json);
  if (!parsed.success) throw dataErrorOf(parsed.error, json, resource, null);
  const page = parsed.data;
  return {
    skip: page.skip ?? requestedSkip,
    items: page.items.map(parseItem),
    total: page.total,
    hasMore: page.has_more,
    nextCursor: page.next_cursor ?? null,
  };
}
