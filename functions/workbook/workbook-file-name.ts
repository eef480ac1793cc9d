import type { ReportPeriod } from '#core/period/report-period.js';

/** devin-acu-chargeback-2026-10.xlsx, or devin-acu-chargeback-2026-10-01_2026-10-15.xlsx for a range. */
export function workbookFileName(period: ReportPeriod): string {
  return `devin-acu-chargeback-${period.slug}.xlsx`;
}

/** The media type of the workbook, for S3 objects and email attachments. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
