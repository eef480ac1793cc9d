import type { QueryReader } from '../query-reader.js';

/** The v3 list envelope: cursor paging, `total` included (the vendor says some endpoints omit it). */
export interface WireCursorPage<T> {
  items: T[];
  end_cursor: string | null;
  has_next_page: boolean;
  total: number | null;
}

/**
 * The fake's cursors are opaque to the client but are offsets into the filtered list underneath,
 * the harsher of the two designs: rows deleted or inserted between calls shift what the next
 * page holds, so the client's completeness check has something to catch.
 */
export function cursorOf(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64url');
}

/** The offset a cursor stands for; null for one the fake never issued. */
export function offsetOf(cursor: string): number | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed !== null && typeof parsed === 'object' && 'o' in parsed) {
      const o = (parsed as { o: unknown }).o;
      if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
    }
  } catch {
    // fall through: not a cursor of ours
  }
  return null;
}

/** `first` (1..200, default 100) and `after`; an unknown cursor is a 422 like any bad parameter. */
export function readCursor(query: QueryReader): { first: number; offset: number } {
  const first = query.integer('first', { fallback: 100, min: 1, max: 200 });
  const after = query.text('after');
  if (after === null || after === '') return { first, offset: 0 };
  const offset = offsetOf(after);
  if (offset === null) {
    query.issues.push({ type: 'value_error', loc: ['query', 'after'], msg: 'Invalid cursor', input: after });
    return { first, offset: 0 };
  }
  return { first, offset };
}

export function cursorPageOf<T, W>(
  all: readonly T[],
  offset: number,
  first: number,
  toWire: (item: T) => W,
): WireCursorPage<W> {
  const items = all.slice(offset, offset + first);
  const end = offset + items.length;
  const hasNext = end < all.length;
  return {
    items: items.map(toWire),
    end_cursor: hasNext ? cursorOf(end) : null,
    has_next_page: hasNext,
    total: all.length,
  };
}
