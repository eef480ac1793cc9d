/*
 * Orderings of report rows. Ties always fall back to an ID compared by code
 * unit, never by locale, so the same data gives the same rows, and the same
 * cents (allocation breaks remainder ties by row position), on every machine.
 */

export function byAmountDescending(a: bigint, b: bigint): number {
  if (a === b) return 0;
  return a > b ? -1 : 1;
}

/** Code-unit order; null (no user, no tag) sorts after every value. */
export function byText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
