import { ACU_DECIMALS, decimalStringToScaled } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { BilledConsumption } from '#core/report/billed-consumption.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { Directory, PersonName } from '#core/report/directory.js';
import type { RunInfo } from '#core/report/run-info.js';
import { type SummaryDocument, summaryDocumentSchema } from '#core/report/summary-document-schema.js';
import { UNATTRIBUTED_ORG_ID } from '#core/report/unattributed.js';
import type { Session } from '#core/session.js';
import { StoredReportError } from './stored-sessions.js';

export interface RebuiltReport {
  readonly report: ChargebackReport;
  readonly run: RunInfo;
}

/**
 * A past report rebuilt from what its run stored: the summary.json (period,
 * price, cost basis, names and, on the billed basis, the bill's org and user
 * figures) and the raw sessions. The same pure code that built it builds it
 * again, so the cents come out the same; they are checked against the
 * summary, org by org, and a mismatch stops the backfill rather than write
 * rows that disagree with the workbook finance was sent.
 */
export function rebuildReport(
  summaryJson: unknown,
  sessions: Iterable<Session>,
  source: string,
): RebuiltReport {
  const parsed = summaryDocumentSchema.safeParse(summaryJson);
  if (!parsed.success) {
    throw new StoredReportError(`${source}: not a summary.json: ${parsed.error.issues[0]?.message ?? ''}`, {
      source,
    });
  }
  const summary = parsed.data;
  const period = periodOf(summary);
  const report = buildChargebackReport({
    period,
    pricing: parsePricing(summary.pricing.unitPrice, summary.pricing.currency),
    sessions,
    directory: directoryOf(summary),
    costBasis: summary.costBasis,
    ...(summary.costBasis === 'billed'
      ? { billed: { available: true, consumption: billOf(summary, period) } as const }
      : {}),
  });
  expectSameCents(report, summary, source);
  const run: RunInfo = {
    runId: summary.run.runId,
    generatedAt: new Date(summary.run.generatedAt),
    generator: summary.run.generator,
    apiHost: summary.run.apiHost,
    source: summary.run.source,
    filters: summary.run.filters,
  };
  return { report, run };
}

function periodOf(summary: SummaryDocument): ReportPeriod {
  const p = summary.period;
  return { ...p, from: new Date(p.from), to: new Date(p.to) };
}

function directoryOf(summary: SummaryDocument): Directory {
  const orgNames = new Map<string, string>();
  const users = new Map<string, PersonName>();
  for (const org of summary.orgs) {
    if (org.orgName !== null && org.orgId !== UNATTRIBUTED_ORG_ID) orgNames.set(org.orgId, org.orgName);
    for (const user of org.users) {
      if (user.userId !== null) users.set(user.userId, { name: user.userName, email: user.email });
    }
  }
  return { orgNames, users, sources: summary.names };
}

/** The bill as the summary kept it: per org and per user; the days are not needed to charge it. */
function billOf(summary: SummaryDocument, period: ReportPeriod): BilledConsumption {
  const acus = (text: string) => decimalStringToScaled(text, ACU_DECIMALS);
  const byOrg = new Map<string, bigint>();
  const byUser = new Map<string, bigint>();
  for (const org of summary.orgs) {
    if (org.orgId !== UNATTRIBUTED_ORG_ID) byOrg.set(org.orgId, acus(org.acus.exact));
    for (const user of org.users) if (user.userId !== null) byUser.set(user.userId, acus(user.acus.exact));
  }
  return {
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    totalAcus: acus(summary.totals.acus.exact),
    byDate: new Map(),
    byOrg,
    byUser,
    ...(summary.unattributedByProduct && {
      unattributedByProduct: new Map(
        summary.unattributedByProduct.map((p) => [p.product, acus(p.acus.exact)]),
      ),
    }),
  };
}

function expectSameCents(report: ChargebackReport, summary: SummaryDocument, source: string): void {
  const problems: string[] = [];
  if (String(report.totals.costMinor) !== summary.totals.cost.minor) {
    problems.push(`total ${report.totals.costMinor} vs ${summary.totals.cost.minor} minor units`);
  }
  const stored = new Map(summary.orgs.map((o) => [o.orgId, o.cost.minor]));
  for (const org of report.orgs) {
    if (stored.get(org.orgId) !== String(org.costMinor)) {
      problems.push(`org ${org.orgId} ${org.costMinor} vs ${stored.get(org.orgId) ?? 'absent'}`);
    }
  }
  if (report.orgs.length !== summary.orgs.length) problems.push('a different set of orgs');
  if (problems.length > 0) {
    throw new StoredReportError(
      `${source}: the stored sessions do not rebuild the stored report (${problems.slice(0, 3).join('; ')})`,
      { source },
    );
  }
}
