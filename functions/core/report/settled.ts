/**
 * A session's figures are settled when the vendor says it has ended: `exit` (finished) or
 * `error`. Every other status (`new`, `claimed`, `running`, `resuming`, `suspended`, and any the
 * vendor adds later) can still consume ACUs: a suspended session resumes, an unknown status is
 * not known to be final. When it was last updated does not matter: a finished session used
 * after the period's end is finished all the same.
 */
const TERMINAL: ReadonlySet<string> = new Set(['exit', 'error']);

export function isSettled(status: string): boolean {
  return TERMINAL.has(status);
}

/** "Yes" / "No", for the Sessions sheet's Settled column that filters the unsettled sessions. */
export function settledText(status: string): 'Yes' | 'No' {
  return isSettled(status) ? 'Yes' : 'No';
}
