import type { CheckRow } from '#core/check/check-row.js';

/** What `{"check":true}` returns: the rows, and whether none is a problem. Nothing is emailed. */
export interface DeploymentCheckResult {
  readonly check: {
    readonly passed: boolean;
    readonly rows: readonly CheckRow[];
  };
  readonly emailed: false;
}
