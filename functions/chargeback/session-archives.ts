import type { ReportPeriod } from '#core/period/report-period.js';
import type { SessionArchives } from '#core/report/session-row-limit.js';
import { FOCUS_FOLDER, focusLayout } from '#focus/focus-layout.js';
import { reportKeys } from './report-keys.js';

/** Where the AWS delivery puts the period's FOCUS dataset and raw sessions export, as S3 URIs. */
export function s3SessionArchives(bucket: string, prefix: string, period: ReportPeriod): SessionArchives {
  return {
    focusDataset: `s3://${bucket}/${prefix}${FOCUS_FOLDER}${focusLayout(period).parquet}`,
    sessionsExport: `s3://${bucket}/${reportKeys(prefix, period).sessions}`,
  };
}
