import { ACU_DECIMALS, scaledToDecimalString } from '#core/money/acus.js';
import { minorUnitsText } from '#core/money/format.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { ReportOutcome } from '#pipeline/run-chargeback-report.js';
import type { AwsStoredReport } from './aws-delivery.js';
import type { ChargebackResult } from './chargeback-result.js';
import type { ReportKeys } from './report-keys.js';

/** What the function returns for a run that built and stored the report. */
export function reportResult(
  outcome: Pick<
    ReportOutcome<AwsStoredReport, { messageId: string }>,
    'report' | 'stored' | 'sent' | 'closed'
  >,
  context: {
    readonly period: ReportPeriod;
    readonly bucket: string;
    readonly keys: ReportKeys;
    readonly runId: string;
  },
): ChargebackResult {
  const { report, stored, closed } = outcome;
  const { period, bucket, keys } = context;
  const acus = (value: bigint) => scaledToDecimalString(value, ACU_DECIMALS);
  return {
    period: {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      label: period.label,
      timeZone: period.timeZone,
    },
    s3: { bucket, key: stored.workbookObject.key, uri: stored.workbookObject.uri },
    ...(stored.focus && {
      focus: {
        key: stored.focus.parquetKey,
        uri: `s3://${bucket}/${stored.focus.parquetKey}`,
        rows: stored.focus.rows,
      },
    }),
    downloadUrl: stored.link.url,
    ...(stored.linkedKey !== undefined && { downloadKey: stored.linkedKey }),
    downloadUrlExpiresAt: stored.link.expiresAt.toISOString(),
    totals: {
      sessions: report.totals.sessions,
      acus: acus(report.totals.acus),
      cost: minorUnitsText(report.totals.costMinor, report.pricing),
      currency: report.pricing.currency,
    },
    unsettled: {
      sessions: report.unsettled.sessions,
      acus: acus(report.unsettled.acus),
      cost: minorUnitsText(report.unsettled.costMinor, report.pricing),
    },
    ...(report.costCentres?.trueUps && {
      trueUp: {
        sessions: report.costCentres.trueUps.sessions,
        acus: acus(report.costCentres.trueUps.acus),
        cost: minorUnitsText(report.costCentres.trueUps.costMinor, report.pricing),
        periods: report.costCentres.trueUps.periods.map((q) => ({
          period: q.period.slug,
          sessions: q.lines.length,
          acus: acus(q.acus),
          cost: minorUnitsText(q.costMinor, report.pricing),
        })),
      },
    }),
    closed: closed !== null,
    ...(closed && {
      close: {
        key: keys.close,
        uri: `s3://${bucket}/${keys.close}`,
        closedAt: closed.record.closedAt,
        runId: closed.record.runId,
      },
    }),
    emailed: outcome.sent !== null,
    messageId: outcome.sent?.messageId ?? null,
    runId: context.runId,
  };
}
