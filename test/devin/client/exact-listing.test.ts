import { describe, expect, it } from 'vitest';
import { offerPages, readExactListing } from '#devin/client/exact-listing.js';
import { IncompleteFetchError } from '#devin/client/incomplete-fetch-error.js';
import { collectInMemory } from '#devin/client/listing-collector.js';
import type { ListingRead } from '#devin/client/read-listing.js';

interface Row {
  readonly id: string;
  readonly version: number;
}

/** One read with the given pages of ids; each page reports `total`. */
function readOf(total: number, ...pages: string[][]): ListingRead<Row> {
  return {
    pages: pages.map((ids, i) => ({
      skip: i * 10,
      items: ids.map((id) => ({ id, version: i })),
      total,
      hasMore: i < pages.length - 1,
      nextCursor: null,
    })),
    firstTotal: total,
    maxTotal: total,
  };
}

function listing(reads: ListingRead<Row>[], keep: (row: Row) => boolean = () => true) {
  const warnings: string[] = [];
  let calls = 0;
  const run = readExactListing<Row, Row[]>({
    resource: 'rows',
    collector: () =>
      collectInMemory<Row>({
        idOf: (row) => row.id,
        prefer: (candidate, kept) => candidate.version > kept.version,
        keep,
      }),
    read: async (collector) => {
      const read = reads[calls];
      calls += 1;
      if (read === undefined) throw new Error('read more often than expected');
      return offerPages(read, collector);
    },
    onWarning: (message) => warnings.push(message),
  });
  return { run, warnings, calls: () => calls };
}

describe('readExactListing', () => {
  it('returns a read that adds up, once', async () => {
    const { run, warnings, calls } = listing([readOf(3, ['a', 'b'], ['c'])]);
    const result = await run;
    expect(result.items.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(result).toMatchObject({
      pages: 2,
      reportedTotal: 3,
      itemsReceived: 3,
      duplicatesDropped: 0,
      reread: false,
    });
    expect(calls()).toBe(1);
    expect(warnings).toEqual([]);
  });

  it('counts records the caller drops (boundary filtering) as arrived', async () => {
    const { run, calls } = listing([readOf(3, ['a', 'b', 'at-end'])], (row) => row.id !== 'at-end');
    const result = await run;
    expect(result.items.map((r) => r.id)).toEqual(['a', 'b']);
    expect(result.outsideDropped).toBe(1);
    expect(calls()).toBe(1);
  });

  it('drops duplicates, keeping the preferred copy in the first position', async () => {
    const { run, warnings } = listing([readOf(3, ['a', 'b'], ['b', 'c', 'a'])]);
    const result = await run;
    expect(result.items).toEqual([
      { id: 'a', version: 1 },
      { id: 'b', version: 1 },
      { id: 'c', version: 1 },
    ]);
    expect(result).toMatchObject({ itemsReceived: 5, duplicatesDropped: 2 });
    expect(warnings).toEqual(['Devin API returned 2 duplicate rows; each was counted once']);
  });

  it('reads again when fewer distinct records arrived than the total, and accepts a second read that adds up', async () => {
    const { run, warnings, calls } = listing([
      readOf(4, ['a', 'b'], ['b', 'd']),
      readOf(4, ['a', 'b'], ['c', 'd']),
    ]);
    const result = await run;
    expect(calls()).toBe(2);
    expect(result).toMatchObject({ reread: true, pages: 4, itemsReceived: 4, duplicatesDropped: 0 });
    expect(result.items.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(warnings[0]).toMatch(/reported 4 rows but 3 distinct ones arrived; reading the listing again/);
  });

  it('fails, saying expected and arrived, when the second read is short too', async () => {
    const { run, calls } = listing([readOf(4, ['a', 'b'], ['c']), readOf(4, ['a', 'b'], ['d'])]);
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompleteFetchError);
    expect(error).toMatchObject({ expected: 4, arrived: 3, resource: 'rows' });
    expect(String(error)).toMatch(/reported 4 rows but 3 distinct ones arrived/);
    expect(calls()).toBe(2);
  });

  it('holds a read to the largest total seen: rows deleted mid-read shift later pages past some rows', async () => {
    const shrinking: ListingRead<Row> = {
      pages: [
        { skip: 0, items: [{ id: 'a', version: 0 }], total: 3, hasMore: true, nextCursor: 1 },
        { skip: 1, items: [{ id: 'c', version: 0 }], total: 2, hasMore: false, nextCursor: null },
      ],
      firstTotal: 3,
      maxTotal: 3,
    };
    const { run, warnings } = listing([shrinking, readOf(2, ['a', 'c'])]);
    expect((await run).reread).toBe(true);
    expect(warnings[0]).toMatch(/reported 3 rows but 2 distinct/);
  });

  it('warns when a listing changed while being read', async () => {
    const changed: ListingRead<Row> = {
      pages: [
        { skip: 0, items: [{ id: 'a', version: 0 }], total: 1, hasMore: true, nextCursor: 1 },
        { skip: 1, items: [{ id: 'b', version: 0 }], total: 2, hasMore: false, nextCursor: null },
      ],
      firstTotal: 1,
      maxTotal: 2,
    };
    const { run, warnings } = listing([changed]);
    expect((await run).reportedTotal).toBe(1);
    expect(warnings).toEqual(['Devin API rows changed while being read (total between 1 and 2)']);
  });
});
