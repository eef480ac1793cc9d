import type { CostCentreTotal } from './cost-centre-report.js';

/** What the journal posts to some cost centres, by part: usage + true-ups + shared products = posted. */
export interface PostedSum {
  readonly usageMinor: bigint;
  readonly trueUpMinor: bigint;
  readonly sharedMinor: bigint;
  readonly postedMinor: bigint;
}

/**
 * The journal's debits to these cost centres, summed from their rows' cents (each row's
 * posted is its usage + true-ups + shared products, so the parts add up to the total exactly).
 */
export function postedSum(rows: readonly CostCentreTotal[]): PostedSum {
  const sum = (pick: (row: CostCentreTotal) => bigint) => rows.reduce((total, row) => total + pick(row), 0n);
  return {
    usageMinor: sum((row) => row.costMinor),
    trueUpMinor: sum((row) => row.trueUpMinor),
    sharedMinor: sum((row) => row.sharedMinor),
    postedMinor: sum((row) => row.postedMinor),
  };
}
