/**
 * Statuses the vendor documents for a session (devin-api.md): `new, claimed,
 * running, exit, error, suspended, resuming`. Unknown values are data, so they
 * are shown as sent rather than rejected.
 */
const LABELS: Readonly<Record<string, string>> = {
  new: 'New',
  claimed: 'Claimed',
  running: 'Running',
  resuming: 'Resuming',
  suspended: 'Suspended',
  exit: 'Finished',
  error: 'Error',
  // v3 `running` with `status_detail: finished` (settled.ts).
  'running:finished': 'Finished (still open)',
};

/** Still working as of the run: its ACUs can still grow. A suspended session sleeps and is not counted. */
const STILL_RUNNING: ReadonlySet<string> = new Set(['new', 'claimed', 'running', 'resuming']);

/** "Finished" for `exit`: the words finance reads; the raw code stays beside it. */
export function statusLabel(status: string): string {
  return LABELS[status] ?? status;
}

export function isStillRunning(status: string): boolean {
  return STILL_RUNNING.has(status);
}
