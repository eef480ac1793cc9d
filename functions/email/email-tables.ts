import { formatAcus, formatShare } from '../core/money/format.js';
import type { ChargebackReport, UserTotal } from '../core/report/chargeback-report.js';
import { cleanApiText } from './clean-api-text.js';
import type { Cell, Table } from './email-content.js';
import { formatAmount, formatCount, formatShareOfTotal } from './email-figures.js';

const TOP_USERS = 10;
const NO_SESSIONS = 'No sessions in this period.';

function userCell(user: UserTotal): Cell {
  if (user.userId === null) return { text: 'Unattributed', detail: 'sessions with no user' };
  const id = cleanApiText(user.userId);
  const email = user.email === null ? null : cleanApiText(user.email);
  if (user.userName !== null) return { text: cleanApiText(user.userName), detail: email ?? id };
  if (email !== null) return { text: email, detail: id };
  return { text: id };
}

/** Every org with a total row; the rows add up to it exactly. */
export function orgTable(report: ChargebackReport): Table {
  const { totals, pricing } = report;
  return {
    columns: [
      { header: 'Org', align: 'left' },
      { header: 'Sessions', align: 'right' },
      { header: 'ACUs', align: 'right' },
      { header: `Cost (${pricing.currency})`, align: 'right' },
      { header: 'Share of ACUs', align: 'right' },
    ],
    rows: report.orgs.map((org) => [
      org.orgName === null
        ? { text: cleanApiText(org.orgId) }
        : { text: cleanApiText(org.orgName), detail: cleanApiText(org.orgId) },
      { text: formatCount(org.sessions) },
      { text: formatAcus(org.acus) },
      { text: formatAmount(org.costMinor, pricing) },
      { text: formatShareOfTotal(org.shareOfAcus) },
    ]),
    totalRow: [
      { text: 'Total' },
      { text: formatCount(totals.sessions) },
      { text: formatAcus(totals.acus) },
      { text: formatAmount(totals.costMinor, pricing) },
      { text: totals.acus > 0n ? formatShare(1) : '–' },
    ],
    emptyText: NO_SESSIONS,
  };
}

/** Not additive (only the top users), so no total row. */
export function topUsersTable(report: ChargebackReport): Table {
  const orgNames = new Map(report.orgs.map((org) => [org.orgId, org.orgName]));
  return {
    columns: [
      { header: 'User', align: 'left' },
      { header: 'Org', align: 'left' },
      { header: 'Sessions', align: 'right' },
      { header: 'ACUs', align: 'right' },
      { header: `Cost (${report.pricing.currency})`, align: 'right' },
    ],
    rows: report.topUsers
      .slice(0, TOP_USERS)
      .map((user) => [
        userCell(user),
        { text: cleanApiText(orgNames.get(user.orgId) ?? user.orgId) },
        { text: formatCount(user.sessions) },
        { text: formatAcus(user.acus) },
        { text: formatAmount(user.costMinor, report.pricing) },
      ]),
    emptyText: NO_SESSIONS,
  };
}
