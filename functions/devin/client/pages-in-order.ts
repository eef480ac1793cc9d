import { DevinPagingError } from './devin-paging-error.js';
import { pageFingerprint } from './page-fingerprint.js';

export interface PagesInOrderOptions<A extends unknown[]> {
  /** The endpoint, for messages. */
  readonly path: string;
  /** The cursor a request was asked with, for messages (e.g. `skip=200`, `after="…"`). */
  readonly cursorOf: (...args: A) => string;
  /** Items of the page read before the first one asked through here (v3's probe), so page two is checked against it. */
  readonly before?: readonly unknown[];
}

/**
 * Wraps a page fetcher so that each page's items are handed to `deliver` in
 * the order the pages were asked for, however the answers race, and the
 * reader that asked keeps only a hollow page (its length, not its items).
 * A listing read with pages in flight at once then streams through the
 * collector instead of piling up until the last page.
 *
 * Pages are delivered in order, so a page served twice in a row is seen here, before it is
 * hollowed: the listing fails at once with a DevinPagingError instead of reading (and
 * holding) the same page up to the page cap.
 */
export function pagesInOrder<P extends { readonly items: readonly unknown[] }, A extends unknown[]>(
  fetchPage: (...args: A) => Promise<P>,
  deliver: (items: P['items']) => void,
  options: PagesInOrderOptions<A>,
): (...args: A) => Promise<P> {
  // Asked, oldest first; an answered entry waits here until every older one is answered.
  const waiting: { items: P['items'] | null; cursor: string }[] = [];
  const before = options.before ?? [];
  let delivered = before.length > 0 ? 1 : 0;
  let offset = before.length;
  let previous = pageFingerprint(before);
  const drain = (): void => {
    while (waiting.length > 0 && waiting[0]?.items != null) {
      const slot = waiting.shift();
      const items = slot?.items ?? [];
      const fingerprint = pageFingerprint(items);
      delivered += 1;
      if (fingerprint !== null && fingerprint === previous) {
        throw new DevinPagingError({
          path: options.path,
          skip: offset,
          page: delivered,
          ...(slot && { cursor: slot.cursor }),
          problem: `page ${delivered} repeats page ${delivered - 1} (same items): the listing would never end`,
        });
      }
      previous = fingerprint;
      offset += items.length;
      deliver(items);
    }
  };
  return async (...args) => {
    const slot: { items: P['items'] | null; cursor: string } = {
      items: null,
      cursor: options.cursorOf(...args),
    };
    waiting.push(slot);
    try {
      const page = await fetchPage(...args);
      slot.items = page.items;
      drain();
      return { ...page, items: hollow(page.items.length) };
    } catch (error) {
      // The read fails as a whole; nothing after this page may be delivered as if complete.
      waiting.length = 0;
      throw error;
    }
  };
}

/** An array of `length` holes: what a reader needs of a page it has handed on. */
function hollow(length: number): readonly never[] {
  return new Array<never>(length);
}
