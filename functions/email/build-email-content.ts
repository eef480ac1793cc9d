import { DateTime } from 'luxon';
import { formatAcus, formatMoney, formatShare } from '../core/money/format.js';
import type { ReportPeriod } from '../core/period/report-period.js';
import type { ChargebackReport, NameSource, UserTotal } from '../core/report/chargeback-report.js';
import type { RunInfo } from '../core/report/run-info.js';
import type { Cell, Column, EmailContent, Paragraph, Table } from './email-content.js';
import { formatCount, formatShareOfTotal, formatUnitPrice } from './email-figures.js';
import { describeLinkExpiry, formatUtcMinute } from './link-expiry.js';
import type { EmailDelivery } from './render-chargeback-email.js';

const TOP_USERS = 10;
const NO_SESSIONS = 'No sessions in this period.';

/**
 * Names and IDs come from the API: a stray newline or tab would break the
 * text table, and bidi overrides could make one name read as another.
 */
function clean(apiText: string): string {
  return apiText
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
}

function describePeriod(period: ReportPeriod): string {
  const day = (iso: string) =>
    DateTime.fromISO(iso, { zone: 'utc' }).setLocale('en-GB').toFormat('d MMM yyyy');
  if (period.kind === 'range') return `${period.label} (${period.timeZone})`;
  return `${period.label} (${day(period.firstDay)} – ${day(period.lastDay)}, ${period.timeZone})`;
}

function describeNameSource(what: 'Org' | 'User', source: NameSource): string | null {
  if (source.available) return null;
  return `${what} names were unavailable (${clean(source.reason)}); ${what.toLowerCase()} IDs are shown instead.`;
}

function describeFilters(run: RunInfo): string | null {
  const { orgIds, userIds, tags } = run.filters;
  const parts = [
    orgIds.length > 0 ? `org IDs ${orgIds.map(clean).join(', ')}` : null,
    userIds.length > 0 ? `user IDs ${userIds.map(clean).join(', ')}` : null,
    tags.length > 0 ? `tags ${tags.map(clean).join(', ')}` : null,
  ].filter((part) => part !== null);
  if (parts.length === 0) return null;
  return `Filtered report: only sessions matching ${parts.join('; ')}. Totals cover those sessions only.`;
}

function userCell(user: UserTotal): Cell {
  if (user.userId === null) return { text: 'Unattributed', detail: 'sessions with no user' };
  const id = clean(user.userId);
  const email = user.email === null ? null : clean(user.email);
  if (user.userName !== null) return { text: clean(user.userName), detail: email ?? id };
  if (email !== null) return { text: email, detail: id };
  return { text: id };
}

const ORG_COLUMNS: readonly Column[] = [
  { header: 'Org', align: 'left' },
  { header: 'Sessions', align: 'right' },
  { header: 'ACUs', align: 'right' },
  { header: 'Cost', align: 'right' },
  { header: 'Share', align: 'right' },
];

function orgTable(report: ChargebackReport): Table {
  const { totals, pricing } = report;
  return {
    columns: ORG_COLUMNS,
    rows: report.orgs.map((org) => [
      org.orgName === null
        ? { text: clean(org.orgId) }
        : { text: clean(org.orgName), detail: clean(org.orgId) },
      { text: formatCount(org.sessions) },
      { text: formatAcus(org.acus) },
      { text: formatMoney(org.costMinor, pricing) },
      { text: formatShareOfTotal(org.shareOfAcus) },
    ]),
    totalRow: [
      { text: 'Total' },
      { text: formatCount(totals.sessions) },
      { text: formatAcus(totals.acus) },
      { text: formatMoney(totals.costMinor, pricing) },
      { text: totals.acus > 0n ? formatShare(1) : '–' },
    ],
    emptyText: NO_SESSIONS,
  };
}

const USER_COLUMNS: readonly Column[] = [
  { header: 'User', align: 'left' },
  { header: 'Org', align: 'left' },
  { header: 'Sessions', align: 'right' },
  { header: 'ACUs', align: 'right' },
  { header: 'Cost', align: 'right' },
];

function topUsersTable(report: ChargebackReport): Table {
  const orgNames = new Map(report.orgs.map((org) => [org.orgId, org.orgName]));
  return {
    columns: USER_COLUMNS,
    rows: report.topUsers
      .slice(0, TOP_USERS)
      .map((user) => [
        userCell(user),
        { text: clean(orgNames.get(user.orgId) ?? user.orgId) },
        { text: formatCount(user.sessions) },
        { text: formatAcus(user.acus) },
        { text: formatMoney(user.costMinor, report.pricing) },
      ]),
    emptyText: NO_SESSIONS,
  };
}

function topUsersHeading(count: number): string {
  if (count === 1) return 'Top user by ACUs';
  return count === 0 ? 'Top users by ACUs' : `Top ${count} users by ACUs`;
}

function workbookParagraphs(delivery: EmailDelivery, run: RunInfo): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const { link, location, workbookFileName } = delivery;
  if (link) {
    paragraphs.push([{ kind: 'link', text: `Download ${workbookFileName}`, url: link.url }]);
    paragraphs.push([{ kind: 'text', text: describeLinkExpiry(link.expiresAt, run.generatedAt) }]);
  }
  if (location?.kind === 's3') {
    paragraphs.push([
      { kind: 'text', text: 'The workbook is stored at ' },
      { kind: 'code', text: location.uri },
      { kind: 'text', text: '.' },
    ]);
    paragraphs.push([{ kind: 'link', text: 'Open it in the S3 console', url: location.consoleUrl }]);
    paragraphs.push([
      { kind: 'text', text: link ? 'To get a fresh link: ' : 'To get a download link: ' },
      { kind: 'text', text: location.freshLinkHint },
    ]);
  } else if (location?.kind === 'file') {
    paragraphs.push([
      { kind: 'text', text: 'The workbook is saved at ' },
      { kind: 'code', text: location.path },
      { kind: 'text', text: '.' },
    ]);
  }
  if (delivery.attached) {
    const also = paragraphs.length > 0 ? 'also ' : '';
    paragraphs.push([
      { kind: 'text', text: `The workbook ${workbookFileName} is ${also}attached to this email.` },
    ]);
  } else if (paragraphs.length === 0) {
    paragraphs.push([{ kind: 'text', text: `Workbook: ${workbookFileName}.` }]);
  }
  return paragraphs;
}

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
  const users = topUsersTable(report);
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
      { label: 'Cost', value: cost },
      { label: 'Unit price', value: `${formatUnitPrice(pricing)} per ACU` },
    ],
    orgs: orgTable(report),
    topUsersHeading: topUsersHeading(users.rows.length),
    topUsers: users,
    workbook: workbookParagraphs(delivery, run),
    footer: [
      'Attribution: sessions count in the period they were created in; their ACUs are lifetime totals as of this run.',
      `Run ${run.runId} · generated ${formatUtcMinute(run.generatedAt)} by ${run.generator} from ${run.apiHost}`,
    ],
  };
}
