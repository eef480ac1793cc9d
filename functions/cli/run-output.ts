import { acusToNumber } from '../core/money/acus.js';
import type { ChargebackReport } from '../core/report/chargeback-report.js';
import type { LocalEmailPreview, LocalStoredReport } from '../local/local-delivery.js';
import type { ReportOutcome } from '../pipeline/run-chargeback-report.js';
import { summaryTable } from './summary-table.js';

/** A finished local run: the report and the files it wrote. */
export interface LocalRun {
  readonly report: ChargebackReport;
  readonly files: {
    readonly workbook: string;
    readonly summary: string;
    readonly emailHtml: string | undefined;
    readonly emailEml: string | undefined;
    readonly sessions: string;
    readonly focus: string;
    readonly focusCsv: string | null;
  };
}

export function localRun(outcome: ReportOutcome<LocalStoredReport, LocalEmailPreview>): LocalRun {
  return {
    report: outcome.report,
    files: {
      workbook: outcome.stored.workbookPath,
      summary: outcome.stored.summaryPath,
      emailHtml: outcome.sent?.htmlPath,
      emailEml: outcome.sent?.messageId,
      sessions: outcome.stored.sessionsPath,
      focus: outcome.stored.focus.parquetPath,
      focusCsv: outcome.stored.focus.csvPath,
    },
  };
}

/** `--json`: one object on stdout, the shape scripts may rely on. */
export function jsonOutput({ report, files }: LocalRun): string {
  const { period, pricing, totals } = report;
  return `${JSON.stringify({
    period: { from: period.from.toISOString(), to: period.to.toISOString(), label: period.label },
    sessions: totals.sessions,
    acus: acusToNumber(totals.acus),
    cost: Number(totals.costMinor) / 10 ** pricing.minorDigits,
    currency: pricing.currency,
    files: {
      workbook: files.workbook,
      email: files.emailEml,
      emailHtml: files.emailHtml,
      summary: files.summary,
      sessions: files.sessions,
      focus: files.focus,
      ...(files.focusCsv === null ? {} : { focusCsv: files.focusCsv }),
    },
  })}\n`;
}

/** What a person sees after a run: the table, the bill and month-over-month lines, and the files. */
export function humanOutput({ report, files }: LocalRun, demo: boolean): string {
  return [
    summaryTable(report),
    '',
    ...(demo ? ['Demo data from the built-in fake Devin API; no credentials were used.'] : []),
    `Workbook       ${files.workbook}`,
    `Email preview  ${files.emailHtml}`,
    `               ${files.emailEml}`,
    `Summary        ${files.summary}`,
    `FOCUS dataset  ${files.focus}`,
    ...(files.focusCsv === null ? [] : [`               ${files.focusCsv}`]),
    '               query it: npm run query -- cost-by-org-by-month',
    '',
  ].join('\n');
}
