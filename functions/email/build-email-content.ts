import { DateTime } from 'luxon';
import { GLOSSARY } from '#core/glossary/glossary.js';
import { formatAcus, formatMoney } from '#core/money/format.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { ChargebackReport, NameSource } from '#core/report/chargeback-report.js';
import type { RunInfo } from '#core/report/run-info.js';
import { isPreliminary } from '#core/report/run-status.js';
import { PRELIMINARY_NOTICE, unsettledSentence } from '#core/report/unsettled-sentence.js';
import {
  acuChangeFigure,
  allocatedShareFigure,
  comparisonNotices,
  invoiceFigure,
  totalCostChangeFigure,
} from './billing-figures.js';
import { cleanApiText } from './clean-api-text.js';
import { costCentreFigures, costCentreNotices } from './cost-centre-email.js';
import type { EmailContent } from './email-content.js';
import { formatCount, formatUnitPrice } from './email-figures.js';
import { chargedAcusHeader, orgTable, statusTable, topUsersTable } from './email-tables.js';
import { formatUtcMinute } from './link-expiry.js';
import { costCentreTable, moversTable } from './money-tables.js';
import type { EmailDelivery, EmailSessionCoverage } from './render-chargeback-email.js';
import { journalFileParagraphs, sessionCoverageParagraphs, workbookParagraphs } from './workbook-section.js';

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

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Where the data came from, without a loopback host and port that mean nothing to the reader. */
function sourceText(run: RunInfo): string {
  if (run.source === 'demo') return ' from the built-in demo data';
  if (isLoopback(run.apiHost)) return '';
  return ` from ${run.apiHost}`;
}

function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127\./.test(name);
}

/** Everything the email says, worded once for both bodies. */
export function buildEmailContent(input: {
  report: ChargebackReport;
  run: RunInfo;
  delivery: EmailDelivery;
  sessions?: EmailSessionCoverage | undefined;
}): EmailContent {
  const { report, run, delivery } = input;
  const { totals, pricing, period } = report;
  const acus = formatAcus(totals.acus);
  const cost = formatMoney(totals.costMinor, pricing);
  const filters = describeFilters(run);
  const unsettled = unsettledSentence(report.unsettled, pricing);
  const preliminary = isPreliminary(report);
  const tags = [
    run.source === 'demo' ? '[Demo] ' : '',
    filters ? '[Filtered] ' : '',
    preliminary ? '[Preliminary] ' : '',
  ].join('');
  const title = `Devin ACU chargeback — ${period.label}`;
  const orgCount = report.orgs.length;
  const invoice = invoiceFigure(report);
  const summary = `${cost} for ${acus} ACUs, ${plural(totals.sessions, 'session', 'sessions')} across ${plural(orgCount, 'org', 'orgs')}.`;
  const workbook = [
    ...(input.sessions === undefined ? [] : sessionCoverageParagraphs(input.sessions)),
    ...workbookParagraphs(delivery, run),
    ...journalFileParagraphs(delivery),
  ];
  // The link's expiry, or where the file is, goes with the button at the top; the rest stays below.
  const leadCount = input.sessions?.coverage.capped === true ? 0 : 1;

  return {
    subject: `${tags}${title}: ${cost} (${acus} ACUs)`,
    title,
    // The inbox shows this line first: figures that can still grow must not read as final there either.
    preview: [preliminary ? 'Preliminary.' : null, unsettled, summary]
      .filter((part) => part !== null)
      .join(' '),
    notices: [
      // First: a journal that cannot be imported until these orgs are mapped.
      ...costCentreNotices(report),
      run.source === 'demo'
        ? "Demo data: built from the project's sample data set, not from a Devin account. Do not charge back."
        : null,
      preliminary ? PRELIMINARY_NOTICE : null,
      unsettled,
      filters,
      describeNameSource('Org', report.names.orgs),
      describeNameSource('User', report.names.users),
      ...comparisonNotices(report),
    ].filter((notice) => notice !== null),
    headline: [
      { label: 'Cost', value: cost },
      totalCostChangeFigure(report),
      { label: chargedAcusHeader(report), value: `${acus} at ${formatUnitPrice(pricing)} per ACU` },
    ],
    figures: [
      { label: 'Period', value: describePeriod(period) },
      ...(report.costBasis === 'billed'
        ? [{ label: 'Cost basis', value: 'Billed ACUs (vendor consumption), not session totals' }]
        : []),
      { label: 'Sessions', value: formatCount(totals.sessions) },
      { label: GLOSSARY.acu.abbreviation, value: GLOSSARY.acu.expansion },
      allocatedShareFigure(report),
      ...(invoice === null ? [] : [invoice]),
      ...[acuChangeFigure(report)].filter((figure) => figure !== null),
      ...costCentreFigures(report),
    ],
    movers: moversTable(report),
    costCentres: costCentreTable(report),
    orgs: orgTable(report),
    topUsers: topUsersTable(report),
    statuses: statusTable(report),
    download: delivery.link
      ? { text: `Download ${delivery.workbookFileName}`, url: delivery.link.url }
      : null,
    workbookLead: workbook.slice(0, leadCount),
    workbook: workbook.slice(leadCount),
    footer: [
      ...(run.notices ?? []),
      describeAttribution(report),
      `Run ${run.runId} · generated ${formatUtcMinute(run.generatedAt)} by ${run.generator}${sourceText(run)}`,
    ],
  };
}
