import { closeRecordName } from '#close/close-record.js';
import { RECORD_FILES, type RunFiles, runFilesBase } from '#close/run-files.js';
import type { ReportPeriod } from '#core/period/report-period.js';

/** Where one period's objects live in the bucket. */
export interface ReportKeys {
  readonly workbook: string;
  readonly sessions: string;
  readonly summary: string;
  /** Exists once the period's email has been claimed or sent. */
  readonly emailMarker: string;
  /** The journal as CSV, for the ERP import (runs with a cost-centre map). */
  readonly journal: string;
  /** The cost-centre map the report was built with, so a rerun can use the same one. */
  readonly costCentres: string;
  /** The erp-mapping.csv the journal formats were built with (runs that write a format). */
  readonly erpMapping: string;
  /** Where a journal-format file goes: beside the generic journal, under the file's own name. */
  readonly journalFormat: (fileName: string) => string;
  /** Folder of the showback slice workbooks, one per budget owner. */
  readonly showbackFolder: string;
  /** Folder of the per-owner showback email markers. */
  readonly showbackMarkers: string;
  /**
   * The period's close record, written once by the closing run after every other object
   * (conditionally: two closes make one record). Named for the record even on a filtered or
   * preview run's keys, which never write it.
   */
  readonly close: string;
  /** Held by the closing run while it writes the record's files, with the email markers. */
  readonly closeClaim: string;
  /** Where each run's own copy of its workbook goes: what a download link serves, never overwritten. */
  readonly runWorkbook: (runId: string) => string;
  /** Which files these are: the period's record, a preview beside it, or a filtered slice. */
  readonly files: RunFiles;
}

/**
 * Every period gets its own keys, so a run never overwrites another month:
 * `reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx`,
 * `reports/ad-hoc/2026-09-01_2026-09-15/devin-acu-chargeback-2026-09-01_2026-09-15.xlsx`.
 * Those are the period's record, final once `….close.json` exists beside them. A filtered run
 * writes `…-2026-10_filtered-<8 hex>.*` and a preliminary run of a closed period
 * `…-2026-10.preview.*` in the same folder; neither touches the record nor its email marker.
 */
export function reportKeys(prefix: string, period: ReportPeriod, files: RunFiles = RECORD_FILES): ReportKeys {
  const base = runFilesBase(period.slug, files);
  const recordBase = runFilesBase(period.slug, RECORD_FILES);
  const markerName = base.slice('devin-acu-chargeback-'.length);
  const folder =
    period.kind === 'month'
      ? `${prefix}monthly/${period.slug.slice(0, 4)}/`
      : `${prefix}ad-hoc/${period.slug}/`;
  const markers = `${prefix}markers/${period.kind === 'month' ? 'monthly' : 'ad-hoc'}/`;
  return {
    files,
    close: `${folder}${closeRecordName(recordBase)}`,
    closeClaim: `${markers}${period.slug}.close-claim.json`,
    runWorkbook: (runId) => `${folder}runs/${runId}/${base}.xlsx`,
    workbook: `${folder}${base}.xlsx`,
    sessions: `${folder}${base}.sessions.json.gz`,
    summary: `${folder}${base}.summary.json`,
    emailMarker: `${markers}${markerName}.email.json`,
    journal: `${folder}${base}.journal.csv`,
    costCentres: `${folder}${base}.cost-centres.csv`,
    erpMapping: `${folder}${base}.erp-mapping.csv`,
    journalFormat: (fileName) => `${folder}${fileName}`,
    showbackFolder: `${folder}${base}.showback/`,
    showbackMarkers: `${markers}${markerName}.showback/`,
  };
}

/**
 * The email marker of a run: a closing run's is the period's (`<slug>.email.json`); a preliminary
 * run of the record's files gets its own, so emailing a preview never stops the close's email.
 */
export function emailMarkerOf(keys: ReportKeys, closing: boolean): string {
  if (closing || keys.files.kind !== 'record') return keys.emailMarker;
  return keys.emailMarker.replace(/\.email\.json$/, '.preliminary.email.json');
}
