import { formatAcus, formatShare } from '../core/money/format.js';
import type { ChargebackReport, UserTotal } from '../core/report/chargeback-report.js';
import { orgSplitText, TOP_USERS } from '../core/report/people.js';
import type { OrgChange } from '../core/report/period-comparison.js';
import { statusLabel } from '../core/report/session-status.js';
import { cleanApiText } from './clean-api-text.js';
import type { Cell, Table } from './email-content.js';
import { formatAmount, formatCount, formatShareOfTotal, formatSignedShare } from './email-figures.js';

const NO_SESSIONS = 'No sessions in this period.';
export const NO_USAGE_THIS_PERIOD = '(no usage this period)';

function userCell(user: Pick<UserTotal, 'userId' | 'userName' | 'email'>): Cell {
  if (user.userId === null) return { text: 'Unattributed', detail: 'sessions with no user' };
  const id = cleanApiText(user.userId);
  const email = user.email === null ? null : cleanApiText(user.email);
  if (user.userName !== null) return { text: cleanApiText(user.userName), detail: email ?? id };
  if (email !== null) return { text: email, detail: id };
  return { text: id };
}

/** The charged ACUs' header: on the billed basis it must not read like the sessions' own ACUs. */
export function chargedAcusHeader(report: ChargebackReport): string {
  return report.costBasis === 'billed' ? 'Billed ACUs' : 'ACUs';
}

function orgNameCell(orgId: string, orgName: string | null, marker?: string): Cell {
  const cell: Cell =
    orgName === null
      ? { text: cleanApiText(orgId) }
      : { text: cleanApiText(orgName), detail: cleanApiText(orgId) };
  return marker === undefined ? cell : { ...cell, marker };
}

/**
 * Every org with a total row; the rows add up to it exactly. With a previous
 * period, its ACUs and the change % follow, and orgs that vanished since are
 * rows of their own, not dropped.
 */
export function orgTable(report: ChargebackReport): Table {
  const { totals, pricing, comparison } = report;
  const changes = comparison.available ? new Map(comparison.orgs.map((c) => [c.orgId, c])) : null;
  const changeCells = (orgId: string): Cell[] => {
    if (changes === null) return [];
    const change = changes.get(orgId);
    return change === undefined ? [{ text: '' }, { text: '' }] : orgChangeCells(change);
  };
  const current = report.orgs.map((org): Cell[] => [
    orgNameCell(org.orgId, org.orgName),
    { text: formatCount(org.sessions) },
    { text: formatAcus(org.acus) },
    { text: formatAmount(org.costMinor, pricing) },
    { text: formatShareOfTotal(org.shareOfAcus) },
    ...changeCells(org.orgId),
  ]);
  const vanished = comparison.available
    ? comparison.orgs
        .filter((change) => change.status === 'vanished')
        .map((change): Cell[] => [
          orgNameCell(change.orgId, change.orgName, NO_USAGE_THIS_PERIOD),
          { text: '0' },
          { text: formatAcus(0n) },
          { text: formatAmount(0n, pricing) },
          { text: '–' },
          ...orgChangeCells(change),
        ])
    : [];
  const totalChange: Cell[] = comparison.available
    ? [
        { text: formatAcus(comparison.previousAcus) },
        { text: comparison.changeShare === null ? '–' : formatSignedShare(comparison.changeShare) },
      ]
    : [];
  return {
    columns: [
      { header: 'Org', align: 'left' },
      { header: 'Sessions', align: 'right', secondary: true },
      { header: chargedAcusHeader(report), align: 'right' },
      { header: `Cost (${pricing.currency})`, align: 'right' },
      { header: 'Share of ACUs', align: 'right', secondary: true },
      ...(comparison.available
        ? ([
            { header: 'Previous ACUs', align: 'right', secondary: true },
            { header: 'Change %', align: 'right', secondary: true },
          ] as const)
        : []),
    ],
    rows: [...current, ...vanished],
    totalRow: [
      { text: 'Total' },
      { text: formatCount(totals.sessions) },
      { text: formatAcus(totals.acus) },
      { text: formatAmount(totals.costMinor, pricing) },
      { text: totals.acus > 0n ? formatShare(1) : '–' },
      ...totalChange,
    ],
    emptyText: NO_SESSIONS,
  };
}

/** Previous ACUs and change %: a new org had nothing before, so its change is "new", not a percentage. */
function orgChangeCells(change: OrgChange): Cell[] {
  return [
    { text: change.previousAcus === null ? '–' : formatAcus(change.previousAcus) },
    {
      text:
        change.changeShare !== null
          ? formatSignedShare(change.changeShare)
          : change.status === 'new'
            ? 'new'
            : '–',
    },
  ];
}

/** Not additive (only the top users), so no total row. */
export function topUsersTable(report: ChargebackReport): Table {
  return {
    columns: [
      { header: 'User', align: 'left' },
      { header: 'Org', align: 'left', secondary: true },
      { header: 'Sessions', align: 'right', secondary: true },
      { header: chargedAcusHeader(report), align: 'right' },
      { header: `Cost (${report.pricing.currency})`, align: 'right' },
    ],
    rows: report.topUsers.slice(0, TOP_USERS).map((user) => [
      userCell(user),
      {
        text: orgSplitText(user, (org) => cleanApiText(org.orgName ?? org.orgId), formatAcus),
      },
      { text: formatCount(user.sessions) },
      { text: formatAcus(user.acus) },
      { text: formatAmount(user.costMinor, report.pricing) },
    ]),
    emptyText: NO_SESSIONS,
  };
}

/** Sums of their sessions' costs, on either basis (the bill knows no statuses). */
export function statusTable(report: ChargebackReport): Table {
  const { pricing } = report;
  let sessions = 0;
  let acus = 0n;
  let cost = 0n;
  for (const row of report.statuses) {
    sessions += row.sessions;
    acus += row.acus;
    cost += row.costMinor;
  }
  return {
    columns: [
      { header: 'Status', align: 'left' },
      { header: 'Sessions', align: 'right' },
      { header: 'Session ACUs', align: 'right', secondary: true },
      { header: `Cost (${pricing.currency})`, align: 'right' },
    ],
    rows: report.statuses.map((row) => [
      { text: statusLabel(row.status), detail: cleanApiText(row.status) },
      { text: formatCount(row.sessions) },
      { text: formatAcus(row.acus) },
      { text: formatAmount(row.costMinor, pricing) },
    ]),
    totalRow: [
      { text: 'Total' },
      { text: formatCount(sessions) },
      { text: formatAcus(acus) },
      { text: formatAmount(cost, pricing) },
    ],
    emptyText: NO_SESSIONS,
  };
}
