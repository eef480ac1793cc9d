import { label } from '#core/glossary/glossary.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { CostBasis } from '#core/report/cost-basis.js';
import type { WorkbookSessionCoverage } from '#core/report/session-row-limit.js';
import { statusLabel } from '#core/report/session-status.js';
import { settledText } from '#core/report/settled.js';
import type { PullRequest, Session } from '#core/session.js';
import { costBasisLine } from '../basis-text.js';
import { ACUS_FORMAT, costFormat, DATE_TIME_FORMAT } from '../cell-formats.js';
import { acusCell, costCell, listCell, textCell } from '../cell-values.js';
import { fittedWidth } from '../column-width.js';
import { orgDisplayName, userDisplayName } from '../display-names.js';
import { writeFooterNotes } from '../fact-rows.js';
import { type LinkBudget, linkBudget, linkBudgetNotes } from '../link-budget.js';
import { USER_KIND_HEADER, userKindText } from '../principal-kind.js';
import { cappedSessionsNotes, SHOWN_ROWS_TOTAL_LABEL, sessionCoverageOf } from '../session-coverage.js';
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
import { sessionCostCentreColumn } from './cost-centre-columns.js';

type CostedSession = SessionRow;

/** Names the Sessions rows carry beside their IDs, so each row stands alone in a pivot. */
interface SessionNames {
  readonly orgs: ReadonlyMap<string, string | null>;
  readonly users: ReadonlyMap<string, { readonly name: string | null; readonly email: string | null }>;
}

/** Whether the API sent no ACU figure for the session (it counts as 0): Yes or No, so a pivot can filter it. */
export const ACUS_MISSING = 'Yes';
export const ACUS_PRESENT = 'No';

/**
 * One row per session, the first `maxSessionRows` of them: a capped sheet's
 * Total adds up the rows it shows, and its notes say where the rest are.
 */
export const sessionsSheet: WorkbookSheet = {
  name: 'Sessions',
  write: (workbook, input) => {
    const { report, sessions } = input;
    const coverage = sessionCoverageOf(input);
    const shownTotals = sessionTotals(sessions, report.sessionCostMinor, coverage.sessionsShown);
    const links = linkBudget();
    const columns = sessionColumns(report, sessions, shownTotals, coverage, links);
    return writeTableSheet(workbook, {
      name: 'Sessions',
      report,
      columns,
      items: withBilledSessions(
        costedSessions(sessions, report.sessionCostMinor, coverage.sessionsShown),
        report.billedSessions,
        coverage.carriedShown,
      ),
      totalLabel: coverage.capped ? SHOWN_ROWS_TOTAL_LABEL : 'Total',
      footer: (sheet) =>
        writeFooterNotes(sheet, [
          ...cappedSessionsNotes(coverage, input.sessionArchives),
          ...linkBudgetNotes(links),
          ...sessionsNotes(report.costBasis),
          ...billedSessionNotes(report),
        ]),
      printedColumns: printedColumnCount(columns),
      streamed: true,
    });
  },
};

/** Sessions have no billed ACUs of their own: on the billed basis their rows cannot add up to the bill. */
export function sessionsNotes(basis: CostBasis): string[] {
  const printed = `The printout shows the columns up to ${LAST_PRINTED}; the rest (IDs of pull requests, links, raw codes) are on the sheet.`;
  if (basis === 'sessions') return [costBasisLine(basis), printed];
  return [
    costBasisLine(basis),
    "These rows show each session's lifetime ACUs, which do not add up to the billed total: see Reconciliation.",
    printed,
  ];
}

/** Pairs each of the first `shown` sessions with its cost one row at a time: a month of sessions is never copied. */
function* costedSessions(
  sessions: Iterable<Session>,
  costs: BigInt64Array,
  shown: number,
): Generator<CostedSession> {
  let i = 0;
  for (const session of sessions) {
    if (i === shown) return;
    const costMinor = costs[i];
    if (costMinor === undefined) {
      throw new WorkbookInputError('a session has no cost in the report', { index: i, costs: costs.length });
    }
    yield { session, costMinor };
    i += 1;
  }
}

function namesOf(report: ChargebackReport): SessionNames {
  const orgs = new Map<string, string | null>();
  const users = new Map<string, { name: string | null; email: string | null }>();
  for (const org of report.orgs) {
    orgs.set(org.orgId, org.orgName);
    for (const user of org.users) {
      if (user.userId !== null) users.set(user.userId, { name: user.userName, email: user.email });
    }
  }
  return { orgs, users };
}

/** The last column on the printed page: what a reader needs to check a charge; the rest is for pivots. */
const LAST_PRINTED = 'Tags';

function printedColumnCount(columns: readonly TableColumn<CostedSession>[]): number {
  return columns.findIndex((column) => column.header === LAST_PRINTED) + 1;
}

/**
 * The columns in one list, so one more is one more entry. The first ones,
 * up to Tags, are what the printout shows; the IDs' widths fit the longest
 * ID present.
 */
function sessionColumns(
  report: ChargebackReport,
  sessions: Iterable<Session>,
  totals: SessionTotals,
  coverage: WorkbookSessionCoverage,
  links: LinkBudget,
): readonly TableColumn<CostedSession>[] {
  const { pricing, period } = report;
  const names = namesOf(report);
  // Once per org and user, not once per row: an unnamed one's text is built by concatenation.
  const orgName = byId((orgId: string) => orgDisplayName(orgId, names.orgs.get(orgId) ?? null));
  const userName = byId((userId: string | null) =>
    userDisplayName(userId, userId === null ? null : (names.users.get(userId)?.name ?? null)),
  );
  const email = (userId: string | null) =>
    userId === null ? null : (names.users.get(userId)?.email ?? null);
  const fitted = (header: string, value: (session: Session) => string | null, max: number) =>
    fittedWidth(header, sessionValues(sessions, value), max);
  return [
    {
      header: 'Session ID',
      width: fitted('Session ID', (s) => s.sessionId, 60),
      value: ({ session }) => textCell(session.sessionId),
    },
    { header: 'Title', width: 46, wrap: true, value: ({ session }) => textCell(session.title) },
    {
      header: 'Org Name',
      width: fitted('Org Name', (s) => orgName(s.orgId), 26),
      wrap: true,
      value: ({ session }) => textCell(orgName(session.orgId)),
    },
    {
      header: 'Org ID',
      width: fitted('Org ID', (s) => s.orgId, 40),
      value: ({ session }) => textCell(session.orgId),
    },
    ...sessionCostCentreColumn<CostedSession>(report, ({ session }) => session),
    {
      header: 'User Name',
      width: fitted('User Name', (s) => userName(s.userId), 26),
      wrap: true,
      value: ({ session }) => textCell(userName(session.userId)),
    },
    {
      header: 'User ID',
      width: fitted('User ID', (s) => s.userId, 40),
      value: ({ session }) => (session.userId === null ? null : textCell(session.userId)),
    },
    { header: 'Status', width: 11, value: ({ session }) => statusLabel(session.status) },
    {
      header: 'Created (UTC)',
      width: 17,
      numFmt: DATE_TIME_FORMAT,
      value: ({ session }) => session.createdAt,
    },
    {
      header: 'ACUs',
      width: 11,
      numFmt: ACUS_FORMAT,
      value: ({ session, carried }) => (carried ? null : acusCell(session.acus)),
      total: acusCell(totals.acus),
    },
    {
      header: 'Cost',
      width: 14,
      numFmt: costFormat(pricing),
      value: ({ costMinor }) => (costMinor === null ? null : costCell(costMinor, pricing)),
      total: costCell(totals.costMinor, pricing),
    },
    { header: LAST_PRINTED, width: 26, wrap: true, value: ({ session }) => listCell(session.tags) },
    {
      header: 'User Email',
      width: fitted('User Email', (s) => email(s.userId), 40),
      value: ({ session }) => {
        const found = email(session.userId);
        return found === null ? null : textCell(found);
      },
    },
    {
      header: 'Status Code',
      width: fitted('Status Code', (s) => s.status, 20),
      value: ({ session }) => textCell(session.status),
    },
    // Filter on "No" for the unsettled sessions: the ones whose figures can still grow.
    { header: label('settled'), width: 10, value: ({ session }) => settledText(session.status) },
    { header: 'Period', width: Math.max(10, period.label.length + 3), value: () => period.label },
    {
      header: 'Updated (UTC)',
      width: 17,
      numFmt: DATE_TIME_FORMAT,
      value: ({ session }) => session.updatedAt,
    },
    {
      header: 'ACUs Missing',
      width: 14,
      value: ({ session }) => (session.acusReported ? ACUS_PRESENT : ACUS_MISSING),
    },
    {
      header: 'Pull Requests',
      width: 52,
      wrap: true,
      value: ({ session }) => listCell(session.pullRequests.map(describePullRequest)),
    },
    // Written once per row, in row order: the first rows get the sheet's links.
    { header: 'URL', width: 52, value: ({ session }) => links.cell(session.url) },
    {
      header: USER_KIND_HEADER,
      width: 13,
      value: ({ session }) => userKindText(session.userId, session.userKind),
    },
    ...billedSessionColumns(report, sessions, coverage),
  ];
}

function byId<Id, Text>(text: (id: Id) => Text): (id: Id) => Text {
  const known = new Map<Id, Text>();
  return (id) => {
    let found = known.get(id);
    if (found === undefined) {
      found = text(id);
      known.set(id, found);
    }
    return found;
  };
}

function* sessionValues(
  sessions: Iterable<Session>,
  value: (session: Session) => string | null,
): Generator<string | null> {
  for (const session of sessions) yield value(session);
}

function describePullRequest(pr: PullRequest): string {
  return pr.state === null ? pr.url : `${pr.url} (${pr.state})`;
}
