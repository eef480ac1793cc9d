import { z } from 'zod';
import { dataErrorOf } from '../parse-record.js';

/** The envelope of every v3 listing (devin-api-v3.md §0): cursor paging; `total` may be left out. */
const wireCursorPageSchema = z.object({
  items: z.array(z.unknown()),
  end_cursor: z.string().nullish(),
  has_next_page: z.boolean().default(false),
  total: z.int().nonnegative().nullish(),
});

export interface CursorPage<T> {
  readonly items: readonly T[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
  /** Null when the endpoint left it out. */
  readonly total: number | null;
}

export function parseCursorPage<T>(
  json: unknown,
  resource: string,
  parseItem: (item: unknown) => T,
): CursorPage<T> {
  const parsed = wireCursorPageSchema.safeParse(json);
  if (!parsed.success) throw dataErrorOf(parsed.error, json, resource, null);
  const page = parsed.data;
  return {
    items: page.items.map(parseItem),
    endCursor: page.end_cursor ?? null,
    hasNextPage: page.has_next_page,
    total: page.total ?? null,
  };
}
