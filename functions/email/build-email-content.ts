import { DateTime } from 'luxon';
import { formatAcus, formatMoney } from '../core/money/format.js';
import type { ReportPeriod } from '../core/period/report-period.js';
import type { ChargebackReport, NameSource } from '../core/report/chargeback-report.js';
import type { RunInfo } from '../core/report/run-info.js';
import { allocatedShareFigure, comparisonNotices, totalChangeFigure } from './billing-figures.js';
import { cleanApiText } from './clean-api-text.js';
import { costCentreFigures, costCentreNotices } from './cost-centre-email.js';
import type { EmailContent } from './email-content.js';
import { formatCount, formatUnitPrice } from './email-figures.js';
import { chargedAcusHeader, orgTable, topUsersTable } from './email-tables.js';
import { formatUtcMinute } from './link-expiry.js';
import type { EmailDelivery } from './render-chargeback-email.js';
import { workbookParagraphs } from './workbook-section.js';

function describePeriod(period: ReportPeriod): string {
  const day = (iso: string) =>
    DateTime.fromISO(iso, { zone: 'utc' }).setLocale('en-GB').toFormat('d MMM yyyy');
  // The label already names the billing alignment; the bounds say where its days start.
  if (period.alignment !== 'calendar')
    return `${period.label}: ${utcBound(period.from)} – ${utcBound(period.to)} UTC`;
  if (period.kind === 'range') return `${period.label} (${period.timeZone})`;
  return `${period.label} (${day(period.firstDay)} – ${day(period.lastDay)}, ${period.timeZone})`;
}

function utcBound(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: 'utc' }).setLocale('en-GB').toFormat('d MMM yyyy HH:mm');
}

function describeAttribution(report: ChargebackReport): string {
  if (report.costBasis === 'billed') {
    return 'Cost basis: billed ACUs, as the vendor counts them per billing day from 08:00 UTC; session counts are sessions created in the period.';
  }
  return 'Attribution: sessions count in the period they were created in; their ACUs are lifetime totals as of this run.';
}

function describeNameSource(what: 'Org' | 'User', source: NameSource): string | null {
  if (source.available) return null;
  return `${what} names were unavailable (${cleanApiText(source.reason)}); ${what.toLowerCase()} IDs are shown instead.`;
}

function describeFilters(run: RunInfo): string | null {
  const { orgIds, userIds, tags } = run.filters;
  const parts = [
    orgIds.length > 0 ? `org IDs ${orgIds.map(cleanApiText).join(', ')}` : null,
    userIds.length > 0 ? `user IDs ${userIds.map(cleanApiText).join(', ')}` : null,
    tags.length > 0 ? `tags ${tags.map(cleanApiText).join(', ')}` : null,
  ].filter((part) => part !== null);
  if (parts.length === 0) return null;
  return `Filtered report: only sessions matching ${parts.join('; ')}. Totals cover those sessions only.`;
}

/** Everything the email says, worded once for both bodies. */
export function buildEmailContent(input: {
  report: ChargebackReport;
  run: RunInfo;
  delivery: EmailDelivery;
}): EmailContent {
  const { report, run, delivery } = input;
  const { totals, pricing, period } = report;
  const acus = formatAcus(totals.acus);
  const cost = formatMoney(totals.costMinor, pricing);
  const filters = describeFilters(run);
  const tags = [run.source === 'demo' ? '[Demo] ' : '', filters ? '[Filtered] ' : ''].join('');
  const title = `Devin ACU chargeback — ${period.label}`;
  const orgCount = report.orgs.length;

  return {
    subject: `${tags}${title}: ${acus} ACUs (${cost})`,
    title,
    preview: `${acus} ACUs, ${cost}, ${formatCount(totals.sessions)} sessions across ${formatCount(orgCount)} ${orgCount === 1 ? 'org' : 'orgs'}.`,
    notices: [
      run.source === 'demo'
        ? "Demo data: built from the project's sample data set, not from a Devin account. Do not charge back."
        : null,
      filters,
      describeNameSource('Org', report.names.orgs),
      describeNameSource('User', report.names.users),
      ...comparisonNotices(report),
      ...costCentreNotices(report),
    ].filter((notice) => notice !== null),
    figures: [
      { label: 'Period', value: describePeriod(period) },
      ...(report.costBasis === 'billed'
        ? [{ label: 'Cost basis', value: 'Billed ACUs (vendor consumption), not session totals' }]
        : []),
      { label: 'Sessions', value: formatCount(totals.sessions) },
      { label: chargedAcusHeader(report), value: acus },
      // Quantity, price, amount: the order of an invoice line.
      { label: 'Unit price', value: `${formatUnitPrice(pricing)} per ACU` },
      { label: 'Cost', value: cost },
      allocatedShareFigure(report),
      totalChangeFigure(report),
      ...costCentreFigures(report),
    ],
    orgs: orgTable(report),
    topUsers: topUsersTable(report),
    download: delivery.link
      ? { text: `Download ${delivery.workbookFileName}`, url: delivery.link.url }
      : null,
    workbook: workbookParagraphs(delivery, run),
    footer: [
      describeAttribution(report),
      `Run ${run.runId} · generated ${formatUtcMinute(run.generatedAt)} by ${run.generator} from ${run.apiHost}`,
    ],
  };
}
