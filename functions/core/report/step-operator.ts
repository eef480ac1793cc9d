import type { Acus } from '../money/acus.js';

/** The operator a walk's step is labelled with. */
export type StepOperator = '+' | '−' | '±';

/**
 * The operator a walk's step shows, from the step's own signs: every step is added (its
 * figures are signed as what they add), so a label's "−" on a figure that adds would tell
 * the reader to subtract it. `usual` is kept for a zero step; ACUs and cents of opposite
 * signs (a fraction of a cent against rounding) say "±".
 */
export function stepOperator(acus: Acus, costMinor: bigint, usual: StepOperator): StepOperator {
  const signs = new Set([Math.sign(Number(acus)), Math.sign(Number(costMinor))]);
  signs.delete(0);
  if (signs.size === 0) return usual;
  if (signs.size === 2) return '±';
  return signs.has(1) ? '+' : '−';
}
