/**
 * What tells two pages of a listing apart: their length and first and last items (ACUs are
 * bigints, written as text). Two consecutive pages with the same fingerprint are the same page
 * served twice (a server ignoring `skip`, or minting new cursors over the same rows), which would
 * otherwise be read until the page cap, holding every copy. Null for an empty page, which repeats
 * nothing, and for a hollow one (pages-in-order.ts checked it before handing its items on).
 */
export function pageFingerprint(items: readonly unknown[]): string | null {
  if (items.length === 0 || !(0 in items)) return null;
  return JSON.stringify([items.length, items[0], items.at(-1)], (_, value: unknown) =>
    typeof value === 'bigint' ? `${value}n` : value,
  );
}
