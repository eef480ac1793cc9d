import { describe, expect, it } from 'vitest';
import { DevinPagingError } from '#devin/client/devin-paging-error.js';
import { PAGE_LIMIT } from '#devin/client/page-params.js';
import { DEFAULT_MAX_PAGES, readListing } from '#devin/client/read-listing.js';
import type { Page } from '#devin/client/wire-page.js';

/** A well-behaved offset-paged server over `rows`, `size` per page. */
function pagesOf(rows: readonly number[], size: number) {
  const requested: number[] = [];
  const fetchPage = async (skip: number): Promise<Page<number>> => {
    requested.push(skip);
    const items = rows.slice(skip, skip + size);
    const hasMore = skip + items.length < rows.length;
    return { skip, items, total: rows.length, hasMore, nextCursor: hasMore ? skip + items.length : null };
  };
  return { fetchPage, requested };
}

const options = { path: '/v2/x', concurrency: 3, maxPages: 100, onPage: () => {} };
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('readListing', () => {
  it('reads every page once, in offset order', async () => {
    const server = pagesOf(range(1_001), 200);
    const read = await readListing(server.fetchPage, options);
    expect(read.pages.flatMap((p) => p.items)).toEqual(range(1_001));
    expect(server.requested.sort((a, b) => a - b)).toEqual([0, 200, 400, 600, 800, 1_000]);
    expect(read).toMatchObject({ firstTotal: 1_001, maxTotal: 1_001 });
  });

  it('reads a single page listing with one request', async () => {
    const server = pagesOf(range(5), 200);
    const read = await readListing(server.fetchPage, options);
    expect(server.requested).toEqual([0]);
    expect(read.pages).toHaveLength(1);
  });

  it('follows the page size the server honours, not the one asked for', async () => {
    const server = pagesOf(range(250), 100);
    await readListing(server.fetchPage, options);
    expect(server.requested.sort((a, b) => a - b)).toEqual([0, 100, 200]);
  });

  it('follows the cursor past the planned pages when rows were added meanwhile', async () => {
    const rows = range(400);
    const server = pagesOf(rows, 200);
    const growing = async (skip: number) => {
      if (skip === 200) rows.push(400, 401, 402);
      return server.fetchPage(skip);
    };
    const read = await readListing(growing, options);
    expect(read.pages.flatMap((p) => p.items)).toEqual(range(403));
    expect(read).toMatchObject({ firstTotal: 400, maxTotal: 403 });
  });

  it('reports progress after every page', async () => {
    const seen: string[] = [];
    await readListing(pagesOf(range(600), 200).fetchPage, {
      ...options,
      concurrency: 1,
      onPage: (done, planned) => seen.push(`${done}/${planned}`),
    });
    expect(seen).toEqual(['1/1', '2/3', '3/3']);
  });

  it('fails when a cursor does not move forward', async () => {
    const stuck = async (skip: number): Promise<Page<number>> => ({
      skip,
      items: [1],
      total: 10,
      hasMore: true,
      nextCursor: skip,
    });
    await expect(readListing(stuck, options)).rejects.toThrow(DevinPagingError);
    await expect(readListing(stuck, options)).rejects.toThrow(/does not move past skip 0/);
  });

  it('fails when has_more comes with an empty page and no cursor', async () => {
    const empty = async (skip: number): Promise<Page<number>> => ({
      skip,
      items: [],
      total: 10,
      hasMore: true,
      nextCursor: null,
    });
    await expect(readListing(empty, options)).rejects.toThrow(DevinPagingError);
  });

  it('fails when the server ignores skip', async () => {
    const server = pagesOf(range(500), 200);
    const ignoring = (_skip: number) => server.fetchPage(0);
    await expect(readListing(ignoring, options)).rejects.toThrow(/answered with skip 0/);
  });

  it('refuses a listing longer than the page cap before fetching it', async () => {
    const server = pagesOf(range(2_001), 200);
    await expect(readListing(server.fetchPage, { ...options, maxPages: 10 })).rejects.toThrow(
      /more than 10 pages/,
    );
    expect(server.requested).toEqual([0]);
  });

  it('stops at the page cap when a listing keeps growing', async () => {
    let served = 0;
    const endless = async (skip: number): Promise<Page<number>> => {
      served += 1;
      return { skip, items: [skip], total: 1, hasMore: true, nextCursor: skip + 1 };
    };
    await expect(readListing(endless, { ...options, maxPages: 50 })).rejects.toThrow(DevinPagingError);
    expect(served).toBe(50);
  });

  it('reads a five-million-session month under the default cap, and refuses a runaway total up front', async () => {
    // Pages without items, cursors given: the cap's arithmetic at full size without the rows.
    const claiming = (total: number) => {
      const requested: number[] = [];
      const fetchPage = async (skip: number): Promise<Page<number>> => {
        requested.push(skip);
        const next = skip + PAGE_LIMIT;
        return { skip, items: [], total, hasMore: next < total, nextCursor: next < total ? next : null };
      };
      return { fetchPage, requested };
    };
    const capped = { ...options, concurrency: 16, maxPages: DEFAULT_MAX_PAGES };
    const month = claiming(5_000_000);
    const read = await readListing(month.fetchPage, capped);
    expect(read.pages).toHaveLength(25_000);

    const runaway = claiming(DEFAULT_MAX_PAGES * PAGE_LIMIT + 1);
    await expect(readListing(runaway.fetchPage, capped)).rejects.toThrow(
      new RegExp(`more than ${DEFAULT_MAX_PAGES} pages`),
    );
    expect(runaway.requested).toEqual([0]);
  });
});

describe('a listing that repeats a page', () => {
  const ignoringSkip =
    (requested: number[]) =>
    async (skip: number): Promise<Page<number>> => {
      requested.push(skip);
      return { skip, items: range(200), total: 1_000_000, hasMore: true, nextCursor: skip + 200 };
    };

  // Skip 200 is the first page that repeats one before it: failing there, not after the 5,000
  // planned pages (skip 1,000,000), is what "at once" means.
  it('fails at the first repeated page, naming the endpoint, skip and page', async () => {
    const requested: number[] = [];
    const failure = await readListing(ignoringSkip(requested), {
      ...options,
      concurrency: 1,
      maxPages: 10_000,
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DevinPagingError);
    expect(failure).toMatchObject({ path: '/v2/x', skip: 200, page: 2 });
    expect(String(failure)).toContain('the page at skip 200 repeats the page at skip 0');
    expect(requested).toEqual([0, 200]);
  });

  it('fails within the pages in flight when they arrive out of order', async () => {
    const requested: number[] = [];
    const serve = ignoringSkip(requested);
    // The page at skip 400 answers first; the repeat is caught when its predecessor arrives.
    const racing = async (skip: number): Promise<Page<number>> => {
      if (skip === 200) await new Promise((resolve) => setTimeout(resolve, 20));
      return serve(skip);
    };
    const failure = await readListing(racing, { ...options, concurrency: 4, maxPages: 10_000 }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(DevinPagingError);
    expect(requested.length).toBeLessThan(20);
  });

  it('reads pages that merely share a length', async () => {
    const server = pagesOf(range(600), 200);
    const read = await readListing(server.fetchPage, options);
    expect(read.pages.flatMap((p) => p.items)).toEqual(range(600));
  });
});
