/**
 * A session's figures are settled when the vendor says it has ended: `exit` (finished) or
 * `error`. Every other status (`new`, `claimed`, `running`, `resuming`, `suspended`, and any the
 * vendor adds later) can still consume ACUs: a suspended session resumes, an unknown status is
 * not known to be final. When it was last updated does not matter: a finished session used
 * after the period's end is finished all the same.
 */
/**
 * A v3 session `running` whose `status_detail` is `finished` ("task complete": the SDK's
 * SessionResponse, github.com/iancmoritz/devin-platform-typescript
 * src/resources/enterprise/sessions/sessions.ts, enum working, waiting_for_user,
 * waiting_for_approval, finished for running) has done its work: the v3 client reports it with this
 * status, which counts as settled. Other details (waiting for the user, suspended reasons) do not.
 */
export const RUNNING_FINISHED = 'running:finished';

const TERMINAL: ReadonlySet<string> = new Set(['exit', 'error', RUNNING_FINISHED]);

export function isSettled(status: string): boolean {
  return TERMINAL.has(status);
}

/** "Yes" / "No", for the Sessions sheet's Settled column that filters the unsettled sessions. */
export function settledText(status: string): 'Yes' | 'No' {
  return isSettled(status) ? 'Yes' : 'No';
}
