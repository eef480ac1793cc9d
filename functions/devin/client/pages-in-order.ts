/**
 * Wraps a page fetcher so that each page's items are handed to `deliver` in
 * the order the pages were asked for, however the answers race, and the
 * reader that asked keeps only a hollow page (its length, not its items).
 * A listing read with pages in flight at once then streams through the
 * collector instead of piling up until the last page.
 */
export function pagesInOrder<P extends { readonly items: readonly unknown[] }, A extends unknown[]>(
  fetchPage: (...args: A) => Promise<P>,
  deliver: (items: P['items']) => void,
): (...args: A) => Promise<P> {
  // Asked, oldest first; an answered entry waits here until every older one is answered.
  const waiting: { items: P['items'] | null }[] = [];
  const drain = (): void => {
    while (waiting.length > 0 && waiting[0]?.items != null) {
      deliver(waiting.shift()?.items ?? []);
    }
  };
  return async (...args) => {
    const slot: { items: P['items'] | null } = { items: null };
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
