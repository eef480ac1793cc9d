import type { Acus } from '#core/money/acus.js';

/** The products v3's `acus_by_product` names; `devin` is the sessions' share. */
export interface ProductAcus {
  readonly devin: Acus;
  readonly cascade: Acus;
  readonly terminal: Acus;
  readonly review: Acus;
}

const MICRO = 10n ** 6n;

/**
 * How the fake splits a day's non-session ACUs (the data set gives one figure a day) among the
 * non-session products: 60 % Cascade, 30 % Terminal, the rest Review, in whole micro-ACUs, so
 * the three always add up to the day's figure exactly.
 */
export function splitNonSession(acus: Acus): Omit<ProductAcus, 'devin'> {
  const micro = acus / MICRO;
  const cascade = ((micro * 6n) / 10n) * MICRO;
  const terminal = ((micro * 3n) / 10n) * MICRO;
  return { cascade, terminal, review: acus - cascade - terminal };
}
