import { acusToNumber } from '../core/money/acus.js';
import { formatMoney } from '../core/money/format.js';
import type { ChargebackReport } from '../core/report/chargeback-report.js';
import {
  type SessionArchives,
  sessionCoverageSentence,
  type WorkbookSessionCoverage,
} from '../core/report/session-row-limit.js';
import type { LocalEmailPreview, LocalStoredReport } from '../local/local-delivery.js';
import type { ReportOutcome } from '../pipeline/run-chargeback-report.js';
import { summaryTable } from './summary-table.js';

/** A finished local run: the report and the files it wrote. */
export interface LocalRun {
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
    readonly sessions: string;
    readonly focus: string;
    readonly focusCsv: string | null;
  };
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
      sessions: outcome.stored.sessionsPath,
      focus: outcome.stored.focus.parquetPath,
      focusCsv: outcome.stored.focus.csvPath,
    },
  };
}

/** `--json`: one object on stdout, the shape scripts may rely on. */
export function jsonOutput({ report, files, showback, sessions, durationsMs }: LocalRun): string {
  const { period, pricing, totals } = report;
  return `${JSON.stringify({
    period: { from: period.from.toISOString(), to: period.to.toISOString(), label: period.label },
    sessions: totals.sessions,
    // Fewer than `sessions` when the workbook lists only the first --max-session-rows.
    sessionsInWorkbook: sessions.coverage.sessionsShown,
    acus: acusToNumber(totals.acus),
    cost: Number(totals.costMinor) / 10 ** pricing.minorDigits,
    currency: pricing.currency,
    files: {
      workbook: files.workbook,
      email: files.emailEml,
      emailHtml: files.emailHtml,
      summary: files.summary,
      ...(files.journal !== undefined && { journal: files.journal, costCentres: files.costCentres }),
      sessions: files.sessions,
      focus: files.focus,
      ...(files.focusCsv === null ? {} : { focusCsv: files.focusCsv }),
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
export function humanOutput({ report, files, showback, sessions }: LocalRun, demo: boolean): string {
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
    `FOCUS dataset  ${files.focus}`,
    ...(files.focusCsv === null ? [] : [`               ${files.focusCsv}`]),
    '               query it: npm run query -- cost-by-org-by-month',
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
