import { describe, expect, it } from 'vitest';
import { DevinDataError } from '#devin/client/devin-data-error.js';
import { parsePage } from '#devin/client/wire-page.js';

const asNumber = (item: unknown): number => {
  if (typeof item !== 'number') throw new Error('not a number');
  return item;
};

describe('parsePage', () => {
  it('reads the envelope and each item', () => {
    const page = parsePage(
      { items: [1, 2], total: 150, skip: 200, limit: 200, has_more: true, next_cursor: 202 },
      200,
      'session',
      asNumber,
    );
    expect(page).toEqual({ skip: 200, items: [1, 2], total: 150, hasMore: true, nextCursor: 202 });
  });

  it('takes the requested offset when the server omits skip, and no cursor as null', () => {
    const page = parsePage({ items: [], total: 0, has_more: false }, 0, 'session', asNumber);
    expect(page).toMatchObject({ skip: 0, nextCursor: null });
  });

  it.each([
    [{ total: 1, has_more: false }, 'items'],
    [{ items: [], has_more: false }, 'total'],
    [{ items: [], total: '3', has_more: false }, 'total'],
    [{ items: [], total: -1, has_more: false }, 'total'],
    [{ items: [], total: 1.5, has_more: false }, 'total'],
    [{ items: [], total: 3, has_more: 'yes' }, 'has_more'],
    [{ items: [], total: 3, has_more: true, next_cursor: 'abc' }, 'next_cursor'],
  ])('names the bad envelope field of %j', (json, field) => {
    expect(() => parsePage(json, 0, 'session', asNumber)).toThrow(DevinDataError);
    try {
      parsePage(json, 0, 'session', asNumber);
    } catch (error) {
      expect(error).toMatchObject({ field, recordId: null });
    }
  });

  it('refuses a body that is not an object', () => {
    expect(() => parsePage([1, 2], 0, 'session', asNumber)).toThrow(/session page/);
  });
});
