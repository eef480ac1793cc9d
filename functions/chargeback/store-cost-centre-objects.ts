import type { S3Client } from '@aws-sdk/client-s3';
import { putReportObject } from '../aws/report-object-store.js';
import { journalCsv } from '../core/cost-centres/journal-csv.js';
import { journalFileName } from '../core/cost-centres/journal-file-name.js';
import type { ChargebackReport } from '../core/report/chargeback-report.js';
import type { ReportKeys } from './report-keys.js';

/** The journal CSV and the map the report used, beside the workbook; nothing without a map. */
export async function storeCostCentreObjects(
  s3: S3Client,
  bucket: string,
  keys: ReportKeys,
  report: ChargebackReport,
  runId: string,
): Promise<{ journal: string; costCentres: string } | undefined> {
  const costCentres = report.costCentres;
  if (costCentres === undefined) return undefined;
  const metadata = { 'run-id': runId, period: report.period.slug };
  const journal = journalKey(keys, report);
  await putReportObject(s3, {
    bucket,
    key: journal,
    body: journalCsv(costCentres.journal, report.pricing),
    contentType: 'text/csv; charset=utf-8',
    fileName: journal.slice(journal.lastIndexOf('/') + 1),
    metadata,
  });
  await putReportObject(s3, {
    bucket,
    key: keys.costCentres,
    body: costCentres.map.text,
    contentType: 'text/csv; charset=utf-8',
    fileName: keys.costCentres.slice(keys.costCentres.lastIndexOf('/') + 1),
    metadata,
  });
  return { journal, costCentres: keys.costCentres };
}

/** The journal's key for this run: `….journal.PRELIMINARY.csv` unless the run closes the period, `….journal.DRAFT.csv` while a line has no account. */
export function journalKey(
  keys: ReportKeys,
  report: Pick<ChargebackReport, 'runStatus'> & Partial<Pick<ChargebackReport, 'costCentres'>>,
): string {
  const base = keys.journal.slice(0, -'.journal.csv'.length);
  return journalFileName(base, report.runStatus, report.costCentres?.journal);
}
