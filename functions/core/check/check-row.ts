/** What one line of the deployment check found. */
export type CheckStatus = 'ok' | 'problem' | 'not checked' | 'not configured';

/**
 * One row of `npm run check-deployment` and of the report function's `{"check":true}` event:
 * the item, what was found, and what to do about it (empty when nothing is to be done).
 */
export interface CheckRow {
  readonly item: string;
  readonly status: CheckStatus;
  readonly found: string;
  readonly todo: string;
}

/** The deployment is ready when no row is a problem; a row not checked or not configured says why. */
export function checkPassed(rows: readonly CheckRow[]): boolean {
  return rows.every((row) => row.status !== 'problem');
}
