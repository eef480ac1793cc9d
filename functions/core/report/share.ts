/*
 * 128 fractional bits keep at least 54 significant bits for any share above
 * 2^-74, so Number() rounds once, to the double nearest the exact ratio; the
 * extra low bit records whether anything was cut off, so that a cut-off
 * value is never mistaken for an exact tie.
 */
const FRACTION_BITS = 128n;
const SCALE = 2 ** Number(FRACTION_BITS + 1n);

/**
 * part ÷ whole as the nearest double (0..1 for a part of a non-negative
 * whole), computed from the exact bigints; 0 for an empty whole.
 */
export function shareOf(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  const negative = part < 0n !== whole < 0n;
  const numerator = (part < 0n ? -part : part) << FRACTION_BITS;
  const denominator = whole < 0n ? -whole : whole;
  const quotient = numerator / denominator;
  const sticky = numerator % denominator === 0n ? 0n : 1n;
  const share = Number((quotient << 1n) | sticky) / SCALE;
  return negative ? -share : share;
}
