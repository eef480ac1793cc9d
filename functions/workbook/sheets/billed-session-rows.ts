import type { Acus } from '#core/money/acus.js';
import { type BilledSessions, inPeriodAcusOf } from '#core/report/billed-sessions.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { WorkbookSessionCoverage } from '#core/report/session-row-limit.js';
import type { Session } from '#core/session.js';
import { ACUS_FORMAT } from '../cell-formats.js';
import { acusCell } from '../cell-values.js';
import type { TableColumn } from '../table.js';

/** A row of the Sessions sheet: one of the period's sessions, or (billed basis, v3) one carried into it. */
export interface SessionRow {
  readonly session: Session;
  /** Null for a session created outside the period: this report charges none of its lifetime. */
  readonly costMinor: bigint | null;
  /** What it consumed in the period's billing days, on the billed basis with per-session consumption. */
  readonly inPeriodAcus?: Acus;
  /** Created outside the period; listed because it consumed in it. */
  readonly carried?: boolean;
}

export const BILLED_SESSION_ACUS_HEADER = 'Billed ACUs (in period)';

/**
 * The period's rows with their in-period ACUs, then the sessions carried in,
 * when the report has them; only as many carried ones as the sheet has room for.
 */
export function* withBilledSessions(
  rows: Iterable<SessionRow>,
  billed: BilledSessions | undefined,
  carriedShown: number = billed?.carried.length ?? 0,
): Generator<SessionRow> {
  for (const row of rows) {
    yield billed === undefined ? row : { ...row, inPeriodAcus: inPeriodAcusOf(billed, row.session) };
  }
  for (const carried of billed?.carried.slice(0, carriedShown) ?? []) {
    yield { session: carried.session, costMinor: null, inPeriodAcus: carried.inPeriodAcus, carried: true };
  }
}

/** The Total covers the rows the sheet shows: a capped sheet's formula cannot see the others. */
export function billedSessionColumns(
  report: ChargebackReport,
  sessions: Iterable<Session>,
  coverage: WorkbookSessionCoverage,
): TableColumn<SessionRow>[] {
  const billed = report.billedSessions;
  if (billed === undefined) return [];
  let total = 0n;
  if (coverage.sessionsShown >= report.sessionCostMinor.length) total = billed.inPeriodTotal;
  else {
    let shown = 0;
    for (const session of sessions) {
      if (shown === coverage.sessionsShown) break;
      total += inPeriodAcusOf(billed, session);
      shown += 1;
    }
  }
  for (const carried of billed.carried.slice(0, coverage.carriedShown)) total += carried.inPeriodAcus;
  return [
    {
      header: BILLED_SESSION_ACUS_HEADER,
      width: 16,
      numFmt: ACUS_FORMAT,
      value: ({ inPeriodAcus }) => (inPeriodAcus === undefined ? null : acusCell(inPeriodAcus)),
      total: acusCell(total),
    },
  ];
}

export function billedSessionNotes(report: ChargebackReport): string[] {
  if (report.billedSessions === undefined) return [];
  return [
    `${BILLED_SESSION_ACUS_HEADER}: what each session used in the period's billing days, from the vendor's ` +
      'per-session consumption; it adds up to the billed session ACUs. Rows without ACUs or cost were created ' +
      'outside the period and are listed because they used ACUs in it.',
  ];
}
