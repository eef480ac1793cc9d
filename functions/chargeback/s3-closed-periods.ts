import type { S3Client } from '@aws-sdk/client-s3';
import type { CloseStore } from '#close/close-store.js';
import type { SameMonthStores } from '#close/same-month-close.js';
import { storedClose } from '#close/stored-close.js';
import { storedClosedPeriods } from '#close/stored-closed-periods.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import { sameMonthOtherAlignments } from '#core/period/same-month-periods.js';
import { s3ObjectStore } from '#store/s3-object-store.js';
import type { ClosedPeriodReader } from '#true-ups/closed-period-files.js';
import type { LambdaConfig } from './lambda-config.js';
import { reportKeys } from './report-keys.js';

/**
 * Closed periods in the bucket, for a close's true-ups: each period's record, and the sessions
 * export, map copy and summary.json it names (read only; the function never writes them again).
 */
export function s3ClosedPeriods(
  s3: S3Client,
  config: Pick<LambdaConfig, 'bucket' | 'prefix' | 'trueUpMonths'>,
): { readonly months: number; readonly read: ClosedPeriodReader } {
  const { bucket, prefix } = config;
  return {
    months: config.trueUpMonths,
    read: storedClosedPeriods(s3ObjectStore(s3, bucket), (period) =>
      s3CloseStoreOf(s3, bucket, prefix, period),
    ),
  };
}

/** A period's close in the bucket: its record beside its files, its claim with the markers. */
export function s3CloseStoreOf(
  s3: S3Client,
  bucket: string,
  prefix: string,
  period: ReportPeriod,
): CloseStore {
  const keys = reportKeys(prefix, period);
  return storedClose(
    s3ObjectStore(s3, bucket),
    { recordKey: keys.close, claimKey: keys.closeClaim },
    { location: { kind: 's3', bucket } },
  );
}

/** The period's close and the same month's under the other alignments, in the bucket. */
export function s3SameMonthStores(
  s3: S3Client,
  bucket: string,
  prefix: string,
  period: ReportPeriod,
): SameMonthStores {
  return {
    own: s3CloseStoreOf(s3, bucket, prefix, period),
    others: sameMonthOtherAlignments(period).map((p) => s3CloseStoreOf(s3, bucket, prefix, p)),
  };
}
