import { createHash } from 'node:crypto';

/** The longest reference the strictest target takes (SAP XBLNR is CHAR 16). */
export const SHORT_REFERENCE_MAX = 16;

/**
 * One short reference per close, for the fields an ERP limits (SAP XBLNR 16,
 * QuickBooks Journal No. 21): `DC` + the period's yymm (yymmdd of its first day
 * for a day range or a cycle) + `-` + the first six hex digits of the SHA-256 of
 * the run id, e.g. `DC2611-3fa9c0` (13 characters; 15 for a range). The same
 * for one close (period and run id), different for any other run of the period
 * (one chance in 16.7 million of a clash), and never shared between periods;
 * the full journal_id goes in a memo or description field where the target has one.
 */
export function shortReferenceOf(periodSlug: string, runId: string): string {
  const match = /^\d{2}(\d{2})-(\d{2})(?:-(\d{2}))?/.exec(periodSlug);
  if (match === null) throw new RangeError(`period slug ${periodSlug} does not start with YYYY-MM`);
  const hash = createHash('sha256').update(runId).digest('hex').slice(0, 6);
  return `DC${match[1]}${match[2]}${match[3] ?? ''}-${hash}`;
}
