import { DateTime } from 'luxon';
import { formatAcus, formatMoney } from '../core/money/format.js';
import type { ReportPeriod } from '../core/period/report-period.js';
import type { ChargebackReport, NameSource } from '../core/report/chargeback-report.js';
import type { RunInfo } from '../core/report/run-info.js';
import { cleanApiText } from './clean-api-text.js';
import type { EmailContent } from './email-content.js';
import { formatCount, formatUnitPrice } from './email-figures.js';
import { orgTable, topUsersTable } from './email-tables.js';
import { formatUtcMinute } from './link-expiry.js';
import type { EmailDelivery } from './render-chargeback-email.js';
import { workbookParagraphs } from './workbook-section.js';

function describePeriod(period: ReportPeriod): string {
  const day = (iso: string) =>
    DateTime.fromISO(iso, { zone: 'utc' }).setLocale('en-GB').toFormat('d MMM yyyy');
  if (period.kind === 'range') return `${period.label} (${period.timeZone})`;
  return `${period.label} (${day(period.firstDay)} – ${day(period.lastDay)}, ${period.timeZone})`;
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
    ].filter((notice) => notice !== null),
    figures: [
      { label: 'Period', value: describePeriod(period) },
      { label: 'Sessions', value: formatCount(totals.sessions) },
      { label: 'ACUs', value: acus },
      // Quantity, price, amount: the order of an invoice line.
      { label: 'Unit price', value: `${formatUnitPrice(pricing)} per ACU` },
      { label: 'Cost', value: cost },
    ],
    orgs: orgTable(report),
    topUsers: topUsersTable(report),
    download: delivery.link
      ? { text: `Download ${delivery.workbookFileName}`, url: delivery.link.url }
      : null,
    workbook: workbookParagraphs(delivery, run),
    footer: [
      'Attribution: sessions count in the period they were created in; their ACUs are lifetime totals as of this run.',
      `Run ${run.runId} · generated ${formatUtcMinute(run.generatedAt)} by ${run.generator} from ${run.apiHost}`,
    ],
  };
}
