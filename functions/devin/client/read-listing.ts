import { DevinPagingError } from './devin-paging-error.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { pageFingerprint } from './page-fingerprint.js';
import { PAGE_LIMIT } from './page-params.js';
import type { Page } from './wire-page.js';

/**
 * The most sessions one listing may hold before the client calls it a runaway (a server that pages
 * forever or counts wrong) rather than a month of usage: four times the five-million-session
 * month the report is built for.
 */
export const MAX_SESSIONS_PER_LISTING = 20_000_000;

/** The page cap that follows at the largest page the vendor allows: 100,000 pages. */
export const DEFAULT_MAX_PAGES = MAX_SESSIONS_PER_LISTING / PAGE_LIMIT;

export interface PagingSettings {
  /** Pages in flight at once after the first. */
  readonly concurrency: number;
  readonly maxPages: number;
  /** v3's walk to the bill: most sessions whose daily consumption it reads one by one; default MAX_EDGE_SESSIONS. */
  readonly maxEdgeSessions?: number;
}

export interface ListingReadOptions extends PagingSettings {
  readonly path: string;
  /** Called after each page with pages read so far in this read and the current estimate of its size. */
  readonly onPage: (pagesDone: number, pagesPlanned: number) => void;
}

/** Every page of one full read of a listing, in offset order. */
export interface ListingRead<T> {
  readonly pages: readonly Page<T>[];
  /** `total` of the first page, which planned the read. */
  readonly firstTotal: number;
  /** Largest `total` any page reported: rows deleted mid-read make later pages report fewer. */
  readonly maxTotal: number;
  /**
   * The listing left `total` out (v3 may, "for performance"): the totals above are then the items
   * that arrived, and completeness is what arrived, never a comparison with a 0 nobody reported.
   */
  readonly totalUnknown?: boolean;
}

/**
 * Reads a whole offset-paged listing. The first page reveals `total` and the page size the server
 * honours; the remaining offsets are then fetched in parallel. If the last of them still says
 * `has_more` (rows were added meanwhile), its cursor is followed one page at a time.
 */
export async function readListing<T>(
  fetchPage: (skip: number, signal?: AbortSignal) => Promise<Page<T>>,
  options: ListingReadOptions,
): Promise<ListingRead<T>> {
  let pagesDone = 0;
  let pagesPlanned = 1;
  const repeats = repeatedPageCheck(options.path);
  const readPage = async (
    skip: number,
    previousSkip: number | null,
    pageNumber: number,
    signal?: AbortSignal,
  ): Promise<Page<T>> => {
    const page = checkPage(await fetchPage(skip, signal), skip, options.path);
    repeats.arrived(page, previousSkip, pageNumber);
    pagesDone += 1;
    options.onPage(pagesDone, pagesPlanned);
    return page;
  };

  const first = await readPage(0, null, 1);
  const pages: Page<T>[] = [first];
  if (first.hasMore) {
    const stride = cursorAfter(first, options.path);
    const skips = plannedSkips(stride, first.total);
    assertWithinCap(1 + skips.length, stride, options);
    pagesPlanned = 1 + skips.length;
    pages.push(
      ...(await mapWithConcurrency(skips, options.concurrency, (skip, signal) =>
        readPage(skip, skip - stride, skip / stride + 1, signal),
      )),
    );
  }

  let last = pages.at(-1) ?? first;
  while (last.hasMore) {
    const skip = cursorAfter(last, options.path);
    assertWithinCap(pages.length + 1, skip, options);
    pagesPlanned = pages.length + 1;
    last = await readPage(skip, last.skip, pages.length + 1);
    pages.push(last);
  }

  return { pages, firstTotal: first.total, maxTotal: pages.reduce((max, p) => Math.max(max, p.total), 0) };
}

/**
 * A server that ignores `skip` (or mints new cursors over the same rows) answers every page with
 * the same items; that listing would only end at the page cap, holding every copy. Each page is
 * compared with the page before it as soon as both have arrived, whichever arrives first, so the
 * read fails within the pages already in flight. Hollow pages (pages-in-order.ts) are checked there.
 */
function repeatedPageCheck(path: string) {
  // Pages whose follower has not arrived yet, by skip; and each page's follower, by the skip before it.
  const waiting = new Map<number, { fingerprint: string | null; page: number }>();
  const following = new Map<number, number>();
  const compare = (
    earlier: { fingerprint: string | null },
    earlierSkip: number,
    later: { fingerprint: string | null; page: number },
    laterSkip: number,
  ): void => {
    waiting.delete(earlierSkip);
    following.delete(earlierSkip);
    if (later.fingerprint === null || later.fingerprint !== earlier.fingerprint) return;
    throw new DevinPagingError({
      path,
      skip: laterSkip,
      page: later.page,
      cursor: `skip=${laterSkip}`,
      problem: `the page at skip ${laterSkip} repeats the page at skip ${earlierSkip} (same items): the listing would never end`,
    });
  };
  return {
    /** `page` is the page's number in offset order (1-based); `previousSkip` the page before it, null for the first. */
    arrived<T>(read: Page<T>, previousSkip: number | null, page: number): void {
      const entry = { fingerprint: pageFingerprint(read.items), page };
      waiting.set(read.skip, entry);
      if (previousSkip !== null) {
        following.set(previousSkip, read.skip);
        const before = waiting.get(previousSkip);
        if (before !== undefined) compare(before, previousSkip, entry, read.skip);
      }
      const next = following.get(read.skip);
      const after = next === undefined ? undefined : waiting.get(next);
      if (next !== undefined && after !== undefined) compare(entry, read.skip, after, next);
    },
  };
}

function plannedSkips(stride: number, total: number): number[] {
  const skips: number[] = [];
  for (let skip = stride; skip < total; skip += stride) skips.push(skip);
  return skips;
}

/** A server that ignores `skip` would serve page one forever; one whose cursor stalls would loop. */
function checkPage<T>(page: Page<T>, requestedSkip: number, path: string): Page<T> {
  if (page.skip !== requestedSkip) {
    throw new DevinPagingError({
      path,
      skip: requestedSkip,
      problem: `the server answered with skip ${page.skip}`,
    });
  }
  if (page.hasMore) cursorAfter(page, path);
  return page;
}

/** The next offset after `page`; a server that omits `next_cursor` is assumed to mean "right after these items". */
function cursorAfter<T>(page: Page<T>, path: string): number {
  const next = page.nextCursor ?? page.skip + page.items.length;
  if (next <= page.skip) {
    throw new DevinPagingError({
      path,
      skip: page.skip,
      problem: `has_more is true but next_cursor ${page.nextCursor ?? '(absent)'} does not move past skip ${page.skip}`,
    });
  }
  return next;
}

function assertWithinCap(pages: number, skip: number, options: ListingReadOptions): void {
  if (pages > options.maxPages) {
    throw new DevinPagingError({
      path: options.path,
      skip,
      problem: `the listing needs more than ${options.maxPages} pages; narrow the query (period, orgs, users)`,
    });
  }
}
