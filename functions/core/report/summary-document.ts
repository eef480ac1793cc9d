import { ACU_DECIMALS, scaledToDecimalString, scaledToNumber } from '../money/acus.js';
import { COST_DECIMALS } from '../money/cost.js';
import type { Pricing } from '../money/pricing.js';
import { toPeriodDocument } from '../period/period-document.js';
import type { FetchStats } from '../session.js';
import { sharedCostRuleText } from '../shared-costs/shared-cost-rule.js';
import type { ChargebackReport, UsageTotals } from './chargeback-report.js';
import { byText } from './rank.js';
import type { RunInfo } from './run-info.js';
import { type SummaryDocument, type SummaryUsage, summaryDocumentSchema } from './summary-document-schema.js';

export type { SummaryDocument } from './summary-document-schema.js';

/** The report as summary.json: JSON-safe, exact, and without the per-session rows. */
export function toSummaryDocument(
  report: ChargebackReport,
  run: RunInfo,
  stats: FetchStats,
  /** The ERP journal-format files stored beside the journal (their names): what the link page lists. */
  journalFormatFiles: readonly string[] = [],
): SummaryDocument {
  const { period, pricing } = report;
  const usage = (totals: UsageTotals): SummaryUsage => summaryUsage(totals, pricing);
  return {
    schemaVersion: 1,
    period: toPeriodDocument(period),
    costBasis: report.costBasis,
    pricing: {
      unitPrice: pricing.unitPriceText,
      currency: pricing.currency,
      minorDigits: pricing.minorDigits,
    },
    totals: usage(report.totals),
    unsettled: usage({ ...report.unsettled, exactCost: report.unsettled.acus * pricing.unitPriceScaled }),
    ...(report.runStatus !== undefined && { runStatus: report.runStatus }),
    orgs: report.orgs.map((org) => ({
      orgId: org.orgId,
      orgName: org.orgName,
      ...usage(org),
      shareOfAcus: org.shareOfAcus,
      users: org.users.map((user) => ({
        userId: user.userId,
        userName: user.userName,
        email: user.email,
        ...usage(user),
        shareOfOrg: user.shareOfOrg,
      })),
    })),
    tags: report.tags.map((tag) => ({ tag: tag.tag, ...usage(tag) })),
    statuses: report.statuses.map((status) => ({ status: status.status, ...usage(status) })),
    ...(report.costCentres && {
      costCentres: report.costCentres.rows.map((row) => ({
        code: row.code,
        name: row.name,
        ...usage(row),
        postedMinor: String(row.postedMinor),
      })),
    }),
    ...(report.costCentres && {
      orgCostCentres: [...report.costCentres.orgSplits]
        .sort((a, b) => byText(a.orgId, b.orgId) || byText(a.code, b.code))
        .map((split) => ({ orgId: split.orgId, code: split.code, ...usage(split) })),
    }),
    ...unattributedByProductOf(report),
    ...(report.costCentres?.trueUps && {
      trueUps: report.costCentres.trueUps.periods.map((q) => ({
        period: q.period.slug,
        sessions: q.lines.map((line) => ({
          sessionId: line.sessionId,
          acus: scaledToDecimalString(line.acusNow, ACU_DECIMALS),
        })),
      })),
    }),
    ...(report.costCentres && {
      journal: {
        journalId: report.costCentres.journal.journalId,
        draft: report.costCentres.journal.draft,
        lines: report.costCentres.journal.lines.length,
        debitMinor: String(report.costCentres.journal.debitMinor),
        creditMinor: String(report.costCentres.journal.creditMinor),
        usageMinor: String(report.costCentres.journal.usageMinor),
        trueUpMinor: String(report.costCentres.journal.trueUpMinor),
        sharedMinor: String(report.costCentres.journal.sharedMinor),
        postedMinor: String(report.costCentres.journal.postedMinor),
        sharedCosts: sharedCostRuleText(report.costCentres.shared.rule),
        sharedCharges: report.costCentres.shared.charges.map((c) => ({
          product: c.product,
          acus: scaledToDecimalString(c.acus, ACU_DECIMALS),
          costMinor: String(c.costMinor),
        })),
        ...(journalFormatFiles.length > 0 && { formatFiles: [...journalFormatFiles] }),
      },
    }),
    names: { orgs: { ...report.names.orgs }, users: { ...report.names.users } },
    run: {
      runId: run.runId,
      generatedAt: run.generatedAt.toISOString(),
      generator: run.generator,
      apiHost: run.apiHost,
      source: run.source,
      filters: {
        orgIds: [...run.filters.orgIds],
        userIds: [...run.filters.userIds],
        tags: [...run.filters.tags],
      },
    },
    stats: { ...stats },
  };
}

/** The bill's no-org ACUs by product (v3): what a backfill needs to rebuild the FOCUS product rows. */
function unattributedByProductOf(report: ChargebackReport) {
  const products = report.reconciliation.available
    ? report.reconciliation.reconciliation.unattributedByProduct
    : undefined;
  if (products === undefined) return {};
  return {
    unattributedByProduct: [...products].map(([product, acus]) => ({
      product,
      acus: { exact: scaledToDecimalString(acus, ACU_DECIMALS), value: scaledToNumber(acus, ACU_DECIMALS) },
    })),
  };
}

function summaryUsage(totals: UsageTotals, pricing: Pricing): SummaryUsage {
  return {
    sessions: totals.sessions,
    acus: {
      exact: scaledToDecimalString(totals.acus, ACU_DECIMALS),
      value: scaledToNumber(totals.acus, ACU_DECIMALS),
    },
    cost: {
      exact: scaledToDecimalString(totals.exactCost, COST_DECIMALS),
      minor: totals.costMinor.toString(),
      value: scaledToNumber(totals.costMinor, pricing.minorDigits),
    },
  };
}

/** summary.json that does not match schema version 1 (hand-edited, truncated, or from another tool). */
export class InvalidSummaryDocumentError extends Error {
  override readonly name = 'InvalidSummaryDocumentError';
  /** Where the first problem is, e.g. "totals.cost.minor". */
  readonly path: string;

  constructor(path: string, problem: string, options?: { cause?: unknown }) {
    super(`not a summary document (schema version 1): ${path || '(root)'}: ${problem}`, options);
    this.path = path;
  }
}

/** Reads summary.json back (already JSON-parsed); throws InvalidSummaryDocumentError naming the first bad field. */
export function parseSummaryDocument(json: unknown): SummaryDocument {
  const result = summaryDocumentSchema.safeParse(json);
  if (result.success) return result.data;
  const [first] = result.error.issues;
  throw new InvalidSummaryDocumentError(first?.path.join('.') ?? '', first?.message ?? 'invalid', {
    cause: result.error,
  });
}
