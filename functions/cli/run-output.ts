import { basename, dirname, join, resolve } from 'node:path';
import { type CloseRecord, closedLine, closeRecordName } from '#close/close-record.js';
import { acusToNumber } from '#core/money/acus.js';
import { formatMoney } from '#core/money/format.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import {
  type SessionArchives,
  sessionCoverageSentence,
  type WorkbookSessionCoverage,
} from '#core/report/session-row-limit.js';
import type { LocalEmailPreview, LocalStoredReport } from '#local/local-delivery.js';
import type { ReportOutcome } from '#pipeline/run-chargeback-report.js';
import { summaryTable } from './summary-table.js';

/** A finished local run: the report and the files it wrote. */
export interface LocalRun {
  /** This run's id: the one its close claim, close record and journal carry. */
  readonly runId: string;
  readonly report: ChargebackReport;
  /** How many sessions the workbook lists, and where all are when it lists some. */
  readonly sessions: { readonly coverage: WorkbookSessionCoverage; readonly archives: SessionArchives };
  readonly files: {
    readonly workbook: string;
    readonly summary: string;
    readonly emailHtml: string | undefined;
    readonly emailEml: string | undefined;
    readonly journal?: string | undefined;
    readonly costCentres?: string | undefined;
    /** Each ERP journal-format file (`--journal-format`), beside the generic journal. */
    readonly journalFormats?: readonly {
      readonly format: string;
      readonly entity: string | null;
      readonly path: string;
    }[];
    /** The erp-mapping.csv copy those files were built with. */
    readonly erpMapping?: string | undefined;
    readonly sessions: string;
    /** Absent for a filtered or preview run: only the period's record writes its FOCUS partition. */
    readonly focus: string | undefined;
    readonly focusCsv: string | null;
    /** The close record, when this run closed the period. */
    readonly close?: string | undefined;
  };
  /** True when this run closed the period. */
  readonly closed: boolean;
  /** Each budget owner's email preview, when showback was asked for. */
  readonly showback?: readonly {
    readonly owner: string;
    readonly costCentres: readonly string[];
    readonly emailHtml: string;
  }[];
  /** Milliseconds each stage took, for the benchmark and for anyone timing a run. */
  readonly durationsMs: Readonly<Record<string, number>>;
}

export function localRun(outcome: ReportOutcome<LocalStoredReport, LocalEmailPreview>): LocalRun {
  return {
    runId: outcome.run.runId,
    report: outcome.report,
    durationsMs: outcome.durationsMs,
    sessions: { coverage: outcome.sessionCoverage, archives: outcome.sessionArchives },
    files: {
      workbook: outcome.stored.workbookPath,
      summary: outcome.stored.summaryPath,
      emailHtml: outcome.sent?.htmlPath,
      emailEml: outcome.sent?.messageId,
      journal: outcome.stored.costCentreFiles?.journalPath,
      costCentres: outcome.stored.costCentreFiles?.costCentresPath,
      journalFormats: (outcome.stored.costCentreFiles?.journalFormats ?? []).map((f) => ({
        format: f.format,
        entity: f.entity,
        path: f.key,
      })),
      erpMapping: outcome.stored.costCentreFiles?.erpMappingPath,
      sessions: outcome.stored.sessionsPath,
      focus: outcome.stored.focus?.parquetPath,
      focusCsv: outcome.stored.focus?.csvPath ?? null,
      ...(outcome.closed && { close: closePath(outcome) }),
    },
    closed: outcome.closed !== null,
  };
}

/** `--json`: one object on stdout, the shape scripts may rely on. */
export function jsonOutput({
  runId,
  report,
  files,
  showback,
  sessions,
  durationsMs,
  closed,
}: LocalRun): string {
  const { period, pricing, totals } = report;
  return `${JSON.stringify({
    runId,
    period: { from: period.from.toISOString(), to: period.to.toISOString(), label: period.label },
    sessions: totals.sessions,
    // Fewer than `sessions` when the workbook lists only the first --max-session-rows.
    sessionsInWorkbook: sessions.coverage.sessionsShown,
    acus: acusToNumber(totals.acus),
    cost: Number(totals.costMinor) / 10 ** pricing.minorDigits,
    currency: pricing.currency,
    unsettled: {
      sessions: report.unsettled.sessions,
      acus: acusToNumber(report.unsettled.acus),
      cost: Number(report.unsettled.costMinor) / 10 ** pricing.minorDigits,
    },
    closed,
    files: {
      workbook: files.workbook,
      email: files.emailEml,
      emailHtml: files.emailHtml,
      summary: files.summary,
      ...(files.journal !== undefined && { journal: files.journal, costCentres: files.costCentres }),
      ...((files.journalFormats?.length ?? 0) > 0 && {
        journalFormats: files.journalFormats,
        erpMapping: files.erpMapping,
      }),
      sessions: files.sessions,
      ...(files.focus !== undefined && { focus: files.focus }),
      ...(files.focusCsv === null ? {} : { focusCsv: files.focusCsv }),
      ...(files.close !== undefined && { close: files.close }),
    },
    ...postingJson(report),
    ...(showback !== undefined && { showback }),
    durationsMs,
  })}\n`;
}

/**
 * `trueUp` (earlier closed periods' changes posted now) and `journal` (what it posts), with a
 * cost-centre map; the money in currency units, ACUs as numbers (exact figures are in the files).
 */
function postingJson(report: ChargebackReport): Record<string, unknown> {
  const costCentres = report.costCentres;
  if (costCentres === undefined) return {};
  const { journal, trueUps } = costCentres;
  const money = (minor: bigint) => Number(minor) / 10 ** report.pricing.minorDigits;
  return {
    trueUp: {
      sessions: trueUps?.sessions ?? 0,
      acus: acusToNumber(trueUps?.acus ?? 0n),
      cost: money(trueUps?.costMinor ?? 0n),
      periods: (trueUps?.periods ?? []).map((q) => ({
        period: q.period.slug,
        sessions: q.lines.length,
        acus: acusToNumber(q.acus),
        cost: money(q.costMinor),
      })),
    },
    journal: {
      journalId: journal.journalId,
      draft: journal.draft,
      lines: journal.lines.length,
      debits: money(journal.debitMinor),
      credits: money(journal.creditMinor),
      usage: money(journal.usageMinor),
      trueUps: money(journal.trueUpMinor),
      sharedProducts: money(journal.sharedMinor),
      posted: money(journal.postedMinor),
    },
  };
}

/** What a person sees after a run: the table, the bill and month-over-month lines, and the files. */
export function humanOutput({ report, files, showback, sessions, closed }: LocalRun, demo: boolean): string {
  const coverage = sessionCoverageSentence(sessions.coverage, sessions.archives);
  return [
    summaryTable(report),
    '',
    ...(coverage === null ? [] : [`Note: ${coverage}`, '']),
    ...(demo ? ['Demo data from the built-in fake Devin API; no credentials were used.'] : []),
    `Workbook       ${files.workbook}`,
    `Email preview  ${files.emailHtml}`,
    `               ${files.emailEml}`,
    `Summary        ${files.summary}`,
    ...costCentreLines(report, files, showback),
    ...(files.focus === undefined
      ? []
      : [
          `FOCUS dataset  ${files.focus}`,
          ...(files.focusCsv === null ? [] : [`               ${files.focusCsv}`]),
          '               query it: npm run query -- cost-by-org-by-month',
        ]),
    closed && files.close !== undefined
      ? `Closed         ${files.close} (the period's record: final, never rewritten)`
      : 'Preliminary    this run does not close the period (pass --close to close it)',
    '',
  ].join('\n');
}

function costCentreLines(
  report: ChargebackReport,
  files: LocalRun['files'],
  showback: LocalRun['showback'],
): string[] {
  const costCentres = report.costCentres;
  if (costCentres === undefined || files.journal === undefined) return [];
  const { journal } = costCentres;
  const lines = [
    `Journal        ${files.journal}`,
    `               debits ${formatMoney(journal.debitMinor, report.pricing)} = credits ${formatMoney(journal.creditMinor, report.pricing)}, ${journal.lines.length} lines${journal.draft ? ' (DRAFT: a line has no account)' : ''}`,
    `               posts usage ${formatMoney(journal.usageMinor, report.pricing)} + true-ups ${formatMoney(journal.trueUpMinor, report.pricing)} + shared products ${formatMoney(journal.sharedMinor, report.pricing)}`,
    ...(files.journalFormats ?? []).map(
      (f, i) =>
        `${i === 0 ? 'ERP journals   ' : '               '}${f.format}${f.entity === null ? '' : ` ${f.entity}`}: ${f.path}`,
    ),
    ...(files.erpMapping === undefined ? [] : [`ERP mapping    ${files.erpMapping}`]),
    `Map used       ${files.costCentres}`,
  ];
  if (costCentres.unmappedOrgs.length > 0) {
    lines.push(
      `Unmapped       ${costCentres.unmappedOrgs.map((org) => `${org.orgName ?? org.orgId} (${formatMoney(org.costMinor, report.pricing)})`).join(', ')}: not in the map`,
    );
  }
  for (const [i, owner] of (showback ?? []).entries()) {
    lines.push(
      `${i === 0 ? 'Showback       ' : '               '}${owner.owner} (${owner.costCentres.join(', ')}): ${owner.emailHtml}`,
    );
  }
  return lines;
}

function closePath(outcome: ReportOutcome<LocalStoredReport, LocalEmailPreview>): string {
  return join(
    dirname(outcome.stored.workbookPath),
    closeRecordName(basename(outcome.stored.workbookPath, '.xlsx')),
  );
}

/** A close of a period that is closed already: the record, not a new run. */
export function closedRecordOutput(record: CloseRecord, outDir: string, json: boolean): string {
  const path = (key: string) => resolve(outDir, key);
  const { artifacts } = record;
  if (!json) {
    return [
      closedLine(record),
      `Workbook       ${path(artifacts.workbook.key)}`,
      `Summary        ${path(artifacts.summary.key)}`,
      `Close record   ${path(closeRecordName(basename(artifacts.workbook.key, '.xlsx')))}`,
      '',
    ].join('\n');
  }
  return `${JSON.stringify({
    period: { from: record.period.from, to: record.period.to, label: record.period.label },
    sessions: record.totals.sessions,
    acus: Number(record.totals.acus),
    cost: Number(record.totals.cost),
    currency: record.pricing.currency,
    unsettled: {
      sessions: record.unsettled.count,
      acus: Number(record.unsettled.acus),
      cost: Number(record.unsettled.cost),
    },
    closed: true,
    closedAt: record.closedAt,
    duplicateOf: record.runId,
    note: closedLine(record),
    files: {
      workbook: path(artifacts.workbook.key),
      summary: path(artifacts.summary.key),
      ...(artifacts.journal && { journal: path(artifacts.journal.key) }),
      ...(artifacts.costCentres && { costCentres: path(artifacts.costCentres.key) }),
      sessions: path(artifacts.sessions.key),
      ...(artifacts.focus && { focus: path(artifacts.focus.key) }),
      close: path(closeRecordName(basename(artifacts.workbook.key, '.xlsx'))),
    },
  })}\n`;
}
