/*
 * BigInt `/` truncates towards zero; money needs floor and half-up, defined
 * for negative values too (a credited session may one day report negative ACUs).
 */

/** Rounds numerator ÷ divisor to the nearest integer, ties away from zero; divisor > 0. */
export function divideRoundHalfUp(numerator: bigint, divisor: bigint): bigint {
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + divisor) / (2n * divisor);
  return numerator < 0n ? -rounded : rounded;
}

/** ⌊numerator ÷ divisor⌋; divisor > 0. */
export function floorDivide(numerator: bigint, divisor: bigint): bigint {
  const q = numerator / divisor;
  return numerator % divisor < 0n ? q - 1n : q;
}
