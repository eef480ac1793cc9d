import { IncompleteFetchError } from './incomplete-fetch-error.js';
import type { ListingCollector } from './listing-collector.js';
import type { ListingRead } from './read-listing.js';

/** What one full read of a listing said about itself; its records went to the collector. */
export interface ListingShape {
  readonly pages: number;
  /** `total` of the first page, which planned the read. */
  readonly firstTotal: number;
  /** Smallest and largest `total` any page reported: rows deleted mid-read make later pages report fewer. */
  readonly minTotal: number;
  readonly maxTotal: number;
  /** The listing reported no total: what arrived is all there is to check. */
  readonly totalUnknown?: boolean;
}

export interface ExactListingOptions<T, Items> {
  /** Plural noun for messages: "sessions", "members". */
  readonly resource: string;
  /** A fresh collector for each full read. */
  readonly collector: () => ListingCollector<T, Items>;
  /** One full read of the listing into `collector`; called a second time when the first does not add up. */
  readonly read: (collector: ListingCollector<T, Items>) => Promise<ListingShape>;
  readonly onWarning: (message: string) => void;
}

export interface ExactListing<Items> {
  /** Distinct kept records, in the order the server listed them. */
  readonly items: Items;
  /** Pages fetched, including a re-read. */
  readonly pages: number;
  readonly reportedTotal: number;
  readonly itemsReceived: number;
  readonly duplicatesDropped: number;
  readonly outsideDropped: number;
  readonly reread: boolean;
}

/** A read whose pages are all in memory, offered to the collector in listing order. */
export function offerPages<T>(read: ListingRead<T>, collector: ListingCollector<T, unknown>): ListingShape {
  for (const page of read.pages) for (const item of page.items) collector.offer(item);
  return shapeOf(read);
}

export function shapeOf<T>(read: ListingRead<T>): ListingShape {
  let minTotal = read.firstTotal;
  for (const page of read.pages) minTotal = Math.min(minTotal, page.total);
  return {
    pages: read.pages.length,
    firstTotal: read.firstTotal,
    minTotal,
    maxTotal: read.maxTotal,
    ...(read.totalUnknown && { totalUnknown: true }),
  };
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
export async function readExactListing<T, Items>(
  options: ExactListingOptions<T, Items>,
): Promise<ExactListing<Items>> {
  const first = await tally(options);
  if (first.distinct >= first.expected) return finish(first, first.pages, false, options);
  first.collector.discard();

  options.onWarning(
    `Devin API reported ${first.expected} ${options.resource} but ${first.distinct} distinct ones arrived; ` +
      'reading the listing again',
  );
  const second = await tally(options);
  if (second.distinct >= second.expected) return finish(second, first.pages + second.pages, true, options);
  second.collector.discard();

  throw new IncompleteFetchError({
    resource: options.resource,
    expected: second.expected,
    arrived: second.distinct,
    detail: `first read: ${first.distinct} of ${first.expected} over ${first.pages} pages; second read: ${second.pages} pages`,
  });
}

interface Tally<T, Items> {
  readonly collector: ListingCollector<T, Items>;
  readonly pages: number;
  readonly firstTotal: number;
  readonly minTotal: number;
  /** The largest `total` seen: rows deleted mid-read lower later pages' totals, not what was owed. */
  readonly expected: number;
  readonly received: number;
  readonly distinct: number;
}

async function tally<T, Items>(options: ExactListingOptions<T, Items>): Promise<Tally<T, Items>> {
  const collector = options.collector();
  let shape: ListingShape;
  try {
    shape = await options.read(collector);
  } catch (error) {
    collector.discard();
    throw error;
  }
  // Without a reported total, the distinct records that arrived are all that was owed.
  const unknown = shape.totalUnknown === true;
  return {
    collector,
    pages: shape.pages,
    firstTotal: unknown ? collector.distinct : shape.firstTotal,
    minTotal: unknown ? collector.distinct : shape.minTotal,
    expected: unknown ? collector.distinct : shape.maxTotal,
    received: collector.received,
    distinct: collector.distinct,
  };
}

function finish<T, Items>(
  read: Tally<T, Items>,
  pages: number,
  reread: boolean,
  options: ExactListingOptions<T, Items>,
): ExactListing<Items> {
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
  const kept = read.collector.kept;
  return {
    items: read.collector.finish(),
    pages,
    reportedTotal: read.firstTotal,
    itemsReceived: read.received,
    duplicatesDropped: duplicates,
    outsideDropped: read.distinct - kept,
    reread,
  };
}
