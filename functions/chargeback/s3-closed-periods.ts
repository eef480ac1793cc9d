import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getTextObject } from '../aws/get-text-object.js';
import { s3CloseStore } from '../close/s3-close-store.js';
import type { ClosedPeriodReader } from '../true-ups/closed-period-files.js';
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
  const text = async (key: string) => {
    const body = await getTextObject(s3, bucket, key);
    if (body === undefined) throw new Error(`s3://${bucket}/${key}, named by a close record, is missing`);
    return body;
  };
  return {
    months: config.trueUpMonths,
    read: async (period) => {
      const keys = reportKeys(prefix, period);
      const record = await s3CloseStore(s3, bucket, {
        recordKey: keys.close,
        claimKey: keys.closeClaim,
      }).readRecord();
      if (record === undefined) return undefined;
      const exported = await s3.send(
        new GetObjectCommand({ Bucket: bucket, Key: record.artifacts.sessions.key }),
      );
      const map = record.artifacts.costCentres;
      return {
        record,
        sessionsExport: (await exported.Body?.transformToByteArray()) ?? new Uint8Array(),
        mapText: map === undefined ? undefined : await text(map.key),
        summaryText: await text(record.artifacts.summary.key),
      };
    },
  };
}
