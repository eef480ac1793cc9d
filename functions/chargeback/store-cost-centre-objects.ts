import type { S3Client } from '@aws-sdk/client-s3';
import { putReportObject } from '../aws/report-object-store.js';
import type { StoredJournalFormat } from '../close/close-period.js';
import { journalCsv } from '../core/cost-centres/journal-csv.js';
import { journalFileName } from '../core/cost-centres/journal-file-name.js';
import type { ChargebackReport } from '../core/report/chargeback-report.js';
import type { JournalFormatFiles } from '../pipeline/report-artifacts.js';
import type { ReportKeys } from './report-keys.js';

export interface CostCentreObjects {
  readonly journal: string;
  readonly costCentres: string;
  readonly erpMapping?: string | undefined;
  readonly journalFormats: readonly StoredJournalFormat[];
}

/**
 * The journal CSV and the map the report used, beside the workbook, and each journal-format
 * file with the erp-mapping.csv it was built with; nothing without a map.
 */
export async function storeCostCentreObjects(
  s3: S3Client,
  bucket: string,
  keys: ReportKeys,
  report: ChargebackReport,
  runId: string,
  formats: JournalFormatFiles,
): Promise<CostCentreObjects | undefined> {
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
  const journalFormats: StoredJournalFormat[] = [];
  for (const file of formats.files) {
    const key = keys.journalFormat(file.fileName);
    await putReportObject(s3, {
      bucket,
      key,
      body: Buffer.from(file.body),
      contentType: file.contentType,
      fileName: file.fileName,
      metadata,
    });
    journalFormats.push({ format: file.format, entity: file.entity, key });
  }
  const withMapping = formats.mapping !== undefined && formats.files.length > 0;
  if (withMapping) {
    await putReportObject(s3, {
      bucket,
      key: keys.erpMapping,
      body: formats.mapping?.text ?? '',
      contentType: 'text/csv; charset=utf-8',
      fileName: keys.erpMapping.slice(keys.erpMapping.lastIndexOf('/') + 1),
      metadata,
    });
  }
  return {
    journal,
    costCentres: keys.costCentres,
    ...(withMapping && { erpMapping: keys.erpMapping }),
    journalFormats,
  };
}

/** The journal's key for this run: `….journal.PRELIMINARY.csv` unless the run closes the period, `….journal.DRAFT.csv` while a line has no account. */
export function journalKey(
  keys: ReportKeys,
  report: Pick<ChargebackReport, 'runStatus'> & Partial<Pick<ChargebackReport, 'costCentres'>>,
): string {
  const base = keys.journal.slice(0, -'.journal.csv'.length);
  return journalFileName(base, report.runStatus, report.costCentres?.journal);
}
