/**
 * A run either closes its period (the scheduled run, `--close`, `"close": true`) and makes the
 * period's record, or is preliminary: a look at the figures that records nothing.
 */
export type RunStatus = 'preliminary' | 'closed';

export function isPreliminary(report: { readonly runStatus?: RunStatus | undefined }): boolean {
  return report.runStatus === 'preliminary';
}
