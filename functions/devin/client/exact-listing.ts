import { IncompleteFetchError } from './incomplete-fetch-error.js';
import type { ListingRead } from './read-listing.js';

export interface ExactListingOptions<T> {
  /** Plural noun for messages: "sessions", "members". */
  readonly resource: string;
  /** One full read of the listing; called a second time when the first does not add up. */
  readonly read: () => Promise<ListingRead<T>>;
  readonly idOf: (item: T) => string;
  /** Of two copies of one record, true when `candidate` should replace `kept`. */
  readonly prefer: (candidate: T, kept: T) => boolean;
  /** Records the caller wants; the rest were returned by the server but fall outside the query. */
  readonly keep: (item: T) => boolean;
  readonly onWarning: (message: string) => void;
}

export interface ExactListing<T> {
  /** Distinct kept records, in the order the server listed them. */
  readonly items: T[];
  /** Pages fetched, including a re-read. */
  readonly pages: number;
  readonly reportedTotal: number;
  readonly itemsReceived: number;
  readonly duplicatesDropped: number;
  readonly outsideDropped: number;
  readonly reread: boolean;
}

/**
 * Turns full reads of a listing into a list that is complete or an error, never a silent part.
 *
 * Every record the server counted in `total` must arrive at least once. Records it returns but the
 * caller does not keep (a session exactly at the period's end, which an inclusive server bound
 * lets through) still count as arrived: that is the difference "explained by boundary
 * filtering". Fewer distinct records than `total` means offset paging skipped some, typically
 * because rows were deleted or reordered mid-read; a second read usually settles it, and if it
 * does not, IncompleteFetchError says what was expected and what arrived.
 */
export async function readExactListing<T>(options: ExactListingOptions<T>): Promise<ExactListing<T>> {
  const first = tally(await options.read(), options);
  if (first.distinct >= first.expected) return finish(first, first.pages, false, options);

  options.onWarning(
    `Devin API reported ${first.expected} ${options.resource} but ${first.distinct} distinct ones arrived; ` +
      'reading the listing again',
  );
  const second = tally(await options.read(), options);
  if (second.distinct >= second.expected) return finish(second, first.pages + second.pages, true, options);

  throw new IncompleteFetchError({
    resource: options.resource,
    expected: second.expected,
    arrived: second.distinct,
    detail: `first read: ${first.distinct} of ${first.expected} over ${first.pages} pages; second read: ${second.pages} pages`,
  });
}

interface Tally<T> {
  readonly kept: T[];
  readonly pages: number;
  readonly firstTotal: number;
  readonly minTotal: number;
  /** The largest `total` seen: rows deleted mid-read lower later pages' totals, not what was owed. */
  readonly expected: number;
  readonly received: number;
  readonly distinct: number;
}

function tally<T>(read: ListingRead<T>, options: ExactListingOptions<T>): Tally<T> {
  const byId = new Map<string, T>();
  let received = 0;
  let minTotal = read.firstTotal;
  for (const page of read.pages) {
    minTotal = Math.min(minTotal, page.total);
    for (const item of page.items) {
      received += 1;
      const id = options.idOf(item);
      const kept = byId.get(id);
      if (kept === undefined || options.prefer(item, kept)) byId.set(id, item);
    }
  }
  return {
    kept: [...byId.values()].filter(options.keep),
    pages: read.pages.length,
    firstTotal: read.firstTotal,
    minTotal,
    expected: read.maxTotal,
    received,
    distinct: byId.size,
  };
}

function finish<T>(
  read: Tally<T>,
  pages: number,
  reread: boolean,
  options: ExactListingOptions<T>,
): ExactListing<T> {
  const duplicates = read.received - read.distinct;
  if (duplicates > 0) {
    options.onWarning(
      `Devin API returned ${duplicates} duplicate ${options.resource}; each was counted once`,
    );
  }
  if (read.minTotal !== read.expected) {
    options.onWarning(
      `Devin API ${options.resource} changed while being read (total between ${read.minTotal} and ${read.expected})`,
    );
  }
  if (read.distinct > read.expected) {
    options.onWarning(
      `Devin API returned ${read.distinct} distinct ${options.resource}, more than the ${read.expected} it reported`,
    );
  }
  return {
    items: read.kept,
    pages,
    reportedTotal: read.firstTotal,
    itemsReceived: read.received,
    duplicatesDropped: duplicates,
    outsideDropped: read.distinct - read.kept.length,
    reread,
  };
}
