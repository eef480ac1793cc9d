/**
 * A session's figures are settled when its status is final: `exit` (Finished)
 * or `error`. Every other status, and any the vendor adds, can still consume
 * ACUs. Issue 20 builds the same rule into the close; this is the one place
 * the outputs of issue 23 ask, so the merge points it at that rule.
 */
const SETTLED: ReadonlySet<string> = new Set(['exit', 'error']);

export function isSettled(status: string): boolean {
  return SETTLED.has(status);
}

/** "Yes" / "No", for the Settled column that filters the unsettled sessions. */
export function settledText(status: string): 'Yes' | 'No' {
  return isSettled(status) ? 'Yes' : 'No';
}
