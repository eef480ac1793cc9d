/*
 * Orderings of report rows. Ties always fall back to an ID compared by code
 * unit, never by locale, so the same data gives the same rows, and the same
 * cents (allocation breaks remainder ties by row position), on every machine.
 */

import type { Acus } from '../money/acus.js';

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

/** By Tag's order: ACUs descending, then tag; the untagged row last whatever its size: it is the remainder, not a tag. */
export function byTagRow(
  a: { readonly tag: string | null; readonly acus: Acus },
  b: { readonly tag: string | null; readonly acus: Acus },
): number {
  if ((a.tag === null) !== (b.tag === null)) return a.tag === null ? 1 : -1;
  return byAmountDescending(a.acus, b.acus) || byText(a.tag, b.tag);
}

/** By Status's order: most sessions first (statuses are of sessions on either cost basis), then status. */
export function byStatusRow(
  a: { readonly status: string; readonly sessions: number },
  b: { readonly status: string; readonly sessions: number },
): number {
  return b.sessions - a.sessions || byText(a.status, b.status);
}
