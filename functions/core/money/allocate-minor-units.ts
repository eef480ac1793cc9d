import { minorUnitSize } from './cost.js';
import type { ExactCost, Pricing } from './pricing.js';
import { floorDivide } from './scaled-division.js';

/**
 * Splits `targetMinor` (e.g. the total's cents) over `parts` in proportion to
 * their exact costs so that the result sums exactly to the target (largest
 * remainder method): each part gets its whole minor units, and the units
 * still missing go one each to the parts with the largest leftover fractions,
 * ties to the lower index so the same input always gives the same cents.
 *
 * The target must be reachable that way, i.e. between the sum of the floors
 * and that sum plus one per part; any rounding of the parts' own sum (or an
 * allocation from a parent made by this function) is.
 */
export function allocateMinorUnits(
  targetMinor: bigint,
  parts: readonly ExactCost[],
  pricing: Pick<Pricing, 'minorDigits'>,
): bigint[] {
  const unit = minorUnitSize(pricing);
  const allocated = new Array<bigint>(parts.length);
  const remainders = new Array<bigint>(parts.length);
  let floorsSum = 0n;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? 0n;
    const floor = floorDivide(part, unit);
    allocated[i] = floor;
    remainders[i] = part - floor * unit;
    floorsSum += floor;
  }

  const missing = targetMinor - floorsSum;
  if (missing < 0n || missing > BigInt(parts.length)) {
    throw new RangeError(
      `cannot allocate ${targetMinor} minor units over ${parts.length} parts whose whole units sum to ${floorsSum}`,
    );
  }
  if (missing === 0n) return allocated;

  // Comparing doubles first and the exact remainders only when the doubles
  // are equal keeps the order exact while sparing a million BigInt compares.
  const approximate = Float64Array.from(remainders, Number);
  const order = Array.from(parts, (_, i) => i);
  order.sort((a, b) => {
    const byApproximate = (approximate[b] ?? 0) - (approximate[a] ?? 0);
    if (byApproximate !== 0) return byApproximate;
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    if (ra !== rb) return ra > rb ? -1 : 1;
    return a - b;
  });
  for (let k = 0; k < Number(missing); k++) {
    const i = order[k] ?? 0;
    allocated[i] = (allocated[i] ?? 0n) + 1n;
  }
  return allocated;
}
