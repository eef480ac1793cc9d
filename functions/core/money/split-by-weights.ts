/**
 * Splits `total` minor units (or ACU units) over parts in proportion to
 * non-negative integer weights, so the parts sum to `total` exactly: each
 * gets ⌊total × w ÷ W⌋ and the units still missing go one each to the parts
 * with the largest remainders, ties to the lower index, so the same input
 * always gives the same split. A negative total is split as its magnitude and
 * negated, so a credit mirrors a debit.
 *
 * @throws RangeError when a weight is negative or all weights are zero (there is nothing to split by)
 */
export function splitByWeights(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.some((w) => w < 0n)) throw new RangeError('cannot split by a negative weight');
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError(`cannot split ${total} over ${weights.length} parts of weight 0`);
  if (total < 0n) return splitByWeights(-total, weights).map((part) => -part);
  const parts = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w) => (total * w) % sum);
  let missing = total - parts.reduce((a, b) => a + b, 0n);
  const order = weights.map((_, i) => i);
  order.sort((a, b) => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    return ra === rb ? a - b : ra > rb ? -1 : 1;
  });
  for (const i of order) {
    if (missing === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    missing -= 1n;
  }
  return parts;
}
