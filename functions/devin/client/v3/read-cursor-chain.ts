import { DevinPagingError } from '../devin-paging-error.js';
import { pageFingerprint } from '../page-fingerprint.js';
import type { ListingRead } from '../read-listing.js';
import type { Page } from '../wire-page.js';
import type { CursorPage } from './wire-cursor-page.js';

export interface CursorChainOptions<T = unknown> {
  /** For messages. */
  readonly path: string;
  readonly maxPages: number;
  readonly onPage?: () => void;
  readonly signal?: AbortSignal;
  /** The chain's first page when already read (it sized the window); not fetched again or counted by onPage. */
  readonly first?: CursorPage<T>;
}

/**
 * One full read of a cursor-paged listing: page after page until `has_next_page` is false. A
 * chain cannot be read in parallel (each cursor comes from the page before), so callers split
 * the question instead (see fetchSessionsV3). Pages come back in the shape the v2 reader
 * produces, offsets counted by the client, so `readExactListing` checks both the same way: a
 * listing that reports no `total` cannot be checked and counts as whatever arrived.
 */
export async function readCursorChain<T>(
  fetchPage: (after: string | null, signal?: AbortSignal) => Promise<CursorPage<T>>,
  options: CursorChainOptions<T>,
): Promise<ListingRead<T>> {
  const pages: Page<T>[] = [];
  const seen = new Set<string>();
  let after: string | null = null;
  let offset = 0;
  let totalUnknown = false;
  let previous: string | null = null;
  for (;;) {
    if (pages.length >= options.maxPages) {
      throw new DevinPagingError({
        path: options.path,
        skip: offset,
        page: pages.length + 1,
        cursor: `after=${JSON.stringify(after)}`,
        problem: `the listing needs more than ${options.maxPages} pages; narrow the query (period, orgs, users)`,
      });
    }
    const page: CursorPage<T> =
      pages.length === 0 && options.first !== undefined
        ? options.first
        : await fetchPage(after, options.signal);
    if (page !== options.first) options.onPage?.();
    if (page.total === null) totalUnknown = true;
    // A chain serving the same page again under a fresh cursor would loop to the page cap (hollow
    // pages were checked by pages-in-order.ts before they were handed on).
    const fingerprint = pageFingerprint(page.items);
    if (fingerprint !== null && fingerprint === previous) {
      throw new DevinPagingError({
        path: options.path,
        skip: offset,
        page: pages.length + 1,
        cursor: `after=${JSON.stringify(after)}`,
        problem: `page ${pages.length + 1} repeats page ${pages.length} (same items): the listing would never end`,
      });
    }
    previous = fingerprint;
    pages.push({
      skip: offset,
      items: page.items,
      total: page.total ?? 0,
      hasMore: page.hasNextPage,
      nextCursor: null,
    });
    offset += page.items.length;
    if (!page.hasNextPage) break;
    const next = page.endCursor;
    if (next === null || next === '') {
      throw new DevinPagingError({
        path: options.path,
        skip: offset,
        page: pages.length,
        cursor: `after=${JSON.stringify(after)}`,
        problem: 'has_next_page is true but end_cursor is empty',
      });
    }
    if (seen.has(next)) {
      throw new DevinPagingError({
        path: options.path,
        skip: offset,
        page: pages.length,
        cursor: `after=${JSON.stringify(after)}`,
        problem: `end_cursor ${JSON.stringify(next)} was already followed`,
      });
    }
    seen.add(next);
    after = next;
  }
  if (totalUnknown) {
    // No total to check against: the listing is what arrived (a missing total is unknown, never 0).
    const arrived = pages.map((page) => ({ ...page, total: offset }));
    return { pages: arrived, firstTotal: offset, maxTotal: offset, totalUnknown: true };
  }
  const firstTotal = pages[0]?.total ?? 0;
  return { pages, firstTotal, maxTotal: pages.reduce((max, p) => Math.max(max, p.total), 0) };
}
