import type { S3Client } from '@aws-sdk/client-s3';
import { s3ConsoleUrl } from '#aws/s3-console-url.js';
import type { CloseRecord } from '#close/close-record.js';
import type { ReportDelivery } from '#pipeline/report-delivery.js';
import type { AwsStoredReport } from './aws-delivery.js';
import type { ChargebackResult } from './chargeback-result.js';
import type { ReportKeys } from './report-keys.js';

/**
 * The delivery of a run that only sends the showback emails still missing:
 * finance was emailed a workbook and a journal, so those objects stay exactly
 * as they were (nothing is uploaded); the earlier run's result says where.
 */
export function keepStoredReport(
  delivery: ReportDelivery<AwsStoredReport>,
  earlier: ChargebackResult,
  s3: S3Client,
  keys: ReportKeys,
  record: CloseRecord | undefined,
): ReportDelivery<AwsStoredReport> {
  return {
    ...delivery,
    async store() {
      const { bucket, key, uri } = earlier.s3;
      return {
        workbookObject: { bucket, key, uri, consoleUrl: s3ConsoleUrl(await s3.config.region(), bucket, key) },
        link: { url: earlier.downloadUrl, expiresAt: new Date(earlier.downloadUrlExpiresAt) },
        email: { workbookFileName: key.slice(key.lastIndexOf('/') + 1), attached: false },
        files: { workbook: key, summary: keys.summary, sessions: keys.sessions },
      };
    },
    async close() {
      // The period was closed by the run that emailed finance: its record stands as it is.
      if (record === undefined)
        throw new Error('a showback-only retry keeps the stored report as it is and closes nothing');
      return { record, written: false };
    },
  };
}
