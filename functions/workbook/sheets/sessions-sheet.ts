import type { ChargebackReport } from '../../core/report/chargeback-report.js';
import type { CostBasis } from '../../core/report/cost-basis.js';
import type { PullRequest, Session } from '../../core/session.js';
import { costBasisLine } from '../basis-text.js';
import { ACUS_FORMAT, costFormat, DATE_TIME_FORMAT } from '../cell-formats.js';
import { acusCell, costCell, linkCell, listCell, textCell } from '../cell-values.js';
import { writeFooterNotes } from '../fact-rows.js';
import { USER_KIND_HEADER, userKindText } from '../principal-kind.js';
import { type SessionTotals, sessionTotals } from '../session-totals.js';
import type { TableColumn } from '../table.js';
import { writeTableSheet } from '../table-sheet.js';
import { WorkbookInputError } from '../workbook-errors.js';
import type { WorkbookSheet } from '../workbook-sheet.js';
import {
  billedSessionColumns,
  billedSessionNotes,
  type SessionRow,
  withBilledSessions,
} from './billed-session-rows.js';

type CostedSession = SessionRow;

export const sessionsSheet: WorkbookSheet = {
  name: 'Sessions',
  write: (workbook, { report, sessions }) =>
    writeTableSheet(workbook, {
      name: 'Sessions',
      columns: sessionColumns(report, sessionTotals(sessions, report.sessionCostMinor)),
      items: withBilledSessions(costedSessions(sessions, report.sessionCostMinor), report.billedSessions),
      totalLabel: 'Total',
      footer: (sheet) =>
        writeFooterNotes(sheet, [...sessionsNotes(report.costBasis), ...billedSessionNotes(report)]),
    }),
};

/** Sessions have no billed ACUs of their own: on the billed basis their rows cannot add up to the bill. */
export function sessionsNotes(basis: CostBasis): string[] {
  if (basis === 'sessions') return [costBasisLine(basis)];
  return [
    costBasisLine(basis),
    "These rows show each session's lifetime ACUs, which do not add up to the billed total: see Reconciliation.",
  ];
}

/** Pairs each session with its cost one row at a time: a month of sessions is never copied. */
function* costedSessions(sessions: readonly Session[], costs: BigInt64Array): Generator<CostedSession> {
  for (const [i, session] of sessions.entries()) {
    const costMinor = costs[i];
    if (costMinor === undefined) {
      throw new WorkbookInputError('a session has no cost in the report', { index: i, costs: costs.length });
    }
    yield { session, costMinor };
  }
}

function sessionColumns(
  report: ChargebackReport,
  totals: SessionTotals,
): readonly TableColumn<CostedSession>[] {
  const { pricing } = report;
  return [
    { header: 'Session ID', width: 36, value: ({ session }) => textCell(session.sessionId) },
    { header: 'Title', width: 56, value: ({ session }) => textCell(session.title) },
    { header: 'Org ID', width: 24, value: ({ session }) => textCell(session.orgId) },
    {
      header: 'User ID',
      width: 24,
      value: ({ session }) => (session.userId === null ? null : textCell(session.userId)),
    },
    { header: 'Status', width: 11, value: ({ session }) => textCell(session.status) },
    {
      header: 'Created (UTC)',
      width: 17,
      numFmt: DATE_TIME_FORMAT,
      value: ({ session }) => session.createdAt,
    },
    {
      header: 'Updated (UTC)',
      width: 17,
      numFmt: DATE_TIME_FORMAT,
      value: ({ session }) => session.updatedAt,
    },
    {
      header: 'ACUs',
      width: 12,
      numFmt: ACUS_FORMAT,
      value: ({ session, carried }) => (carried ? null : acusCell(session.acus)),
      total: acusCell(totals.acus),
    },
    {
      header: 'Cost',
      width: 16,
      numFmt: costFormat(pricing),
      value: ({ costMinor }) => (costMinor === null ? null : costCell(costMinor, pricing)),
      total: costCell(totals.costMinor, pricing),
    },
    { header: 'Tags', width: 24, value: ({ session }) => listCell(session.tags) },
    {
      header: 'Pull Requests',
      width: 52,
      value: ({ session }) => listCell(session.pullRequests.map(describePullRequest)),
    },
    { header: 'URL', width: 52, value: ({ session }) => linkCell(session.url) },
    {
      header: USER_KIND_HEADER,
      width: 13,
      value: ({ session }) => userKindText(session.userId, session.userKind),
    },
    ...billedSessionColumns(report),
  ];
}

function describePullRequest(pr: PullRequest): string {
  return pr.state === null ? pr.url : `${pr.url} (${pr.state})`;
}
