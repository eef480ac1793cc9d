import { label } from '#core/glossary/glossary.js';
import { formatAcus, formatShare } from '#core/money/format.js';
import type { ChargebackReport, UserTotal } from '#core/report/chargeback-report.js';
import { orgSplitText, TOP_USERS } from '#core/report/people.js';
import type { OrgChange } from '#core/report/period-comparison.js';
import { statusLabel } from '#core/report/session-status.js';
import { settledText } from '#core/report/settled.js';
import { shareOf } from '#core/report/share.js';
import { cleanApiText } from './clean-api-text.js';
import type { Cell, Table } from './email-content.js';
import { formatAmount, formatCount, formatShareOfTotal } from './email-figures.js';
import { costChangeShareText, formatSignedAmount } from './money-tables.js';

const NO_SESSIONS = 'No sessions in this period.';
export const NO_USAGE_THIS_PERIOD = '(no usage this period)';

function userCell(user: Pick<UserTotal, 'userId' | 'userName' | 'email'>): Cell {
  if (user.userId === null) return { text: '(no user)', detail: 'sessions with no user' };
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
 * Every org with a total row; the rows add up to it exactly. Money first: the
 * cost, then with a previous period the change in money and its %, then the
 * ACUs; orgs that vanished since are rows of their own, not dropped.
 */
export function orgTable(report: ChargebackReport): Table {
  const { totals, pricing, comparison } = report;
  const changes = comparison.available ? new Map(comparison.orgs.map((c) => [c.orgId, c])) : null;
  const changeCells = (orgId: string): Cell[] => {
    if (changes === null) return [];
    const change = changes.get(orgId);
    return change === undefined ? [{ text: '' }, { text: '' }] : orgChangeCells(change, pricing);
  };
  const current = report.orgs.map((org): Cell[] => [
    orgNameCell(org.orgId, org.orgName),
    { text: formatAmount(org.costMinor, pricing) },
    ...changeCells(org.orgId),
    { text: formatAcus(org.acus) },
    { text: formatCount(org.sessions) },
    { text: formatShareOfTotal(shareOf(org.costMinor, totals.costMinor)) },
  ]);
  const vanished = comparison.available
    ? comparison.orgs
        .filter((change) => change.status === 'vanished')
        .map((change): Cell[] => [
          orgNameCell(change.orgId, change.orgName, NO_USAGE_THIS_PERIOD),
          { text: formatAmount(0n, pricing) },
          ...orgChangeCells(change, pricing),
          { text: formatAcus(0n) },
          { text: '0' },
          { text: '–' },
        ])
    : [];
  const totalChange: Cell[] = comparison.available
    ? comparison.changeCostMinor === null
      ? [{ text: '–' }, { text: '–' }]
      : [
          { text: formatSignedAmount(comparison.changeCostMinor, pricing) },
          { text: costChangeShareText(comparison.changeCostMinor, comparison.previousCostMinor) },
        ]
    : [];
  return {
    columns: [
      { header: 'Org', align: 'left' },
      { header: `Cost (${pricing.currency})`, align: 'right' },
      ...(comparison.available
        ? ([
            { header: `Change (${pricing.currency})`, align: 'right' },
            { header: 'Change %', align: 'right', secondary: true },
          ] as const)
        : []),
      { header: chargedAcusHeader(report), align: 'right', secondary: true },
      { header: 'Sessions', align: 'right', secondary: true },
      { header: SHARE_OF_COST, align: 'right', secondary: true },
    ],
    rows: [...current, ...vanished],
    totalRow: [
      { text: 'Total' },
      { text: formatAmount(totals.costMinor, pricing) },
      ...totalChange,
      { text: formatAcus(totals.acus) },
      { text: formatCount(totals.sessions) },
      { text: totals.costMinor > 0n ? formatShare(1) : '–' },
    ],
    emptyText: NO_SESSIONS,
  };
}

export const SHARE_OF_COST = 'Share of cost';

/** Change in money and its %: a new org had nothing before, so its change is "new", not a percentage. */
function orgChangeCells(change: OrgChange, pricing: ChargebackReport['pricing']): Cell[] {
  if (change.changeCostMinor === null) return [{ text: '–' }, { text: '–' }];
  return [
    { text: formatSignedAmount(change.changeCostMinor, pricing) },
    {
      text:
        change.status === 'new'
          ? 'new'
          : costChangeShareText(change.changeCostMinor, change.previousCostMinor),
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
      { header: `Cost (${report.pricing.currency})`, align: 'right' },
      { header: chargedAcusHeader(report), align: 'right' },
    ],
    rows: report.topUsers.slice(0, TOP_USERS).map((user) => [
      userCell(user),
      {
        text: orgSplitText(user, (org) => cleanApiText(org.orgName ?? org.orgId), formatAcus),
      },
      { text: formatCount(user.sessions) },
      { text: formatAmount(user.costMinor, report.pricing) },
      { text: formatAcus(user.acus) },
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
      { header: label('settled'), align: 'left' },
      { header: 'Sessions', align: 'right' },
      { header: `Cost (${pricing.currency})`, align: 'right' },
      { header: 'Session ACUs', align: 'right', secondary: true },
    ],
    // Words, not the API's codes (`exit`): the reader is finance, not the vendor.
    rows: report.statuses.map((row) => [
      { text: statusLabel(row.status) },
      { text: settledText(row.status) },
      { text: formatCount(row.sessions) },
      { text: formatAmount(row.costMinor, pricing) },
      { text: formatAcus(row.acus) },
    ]),
    totalRow: [
      { text: 'Total' },
      { text: '' },
      { text: formatCount(sessions) },
      { text: formatAmount(cost, pricing) },
      { text: formatAcus(acus) },
    ],
    emptyText: NO_SESSIONS,
  };
}
