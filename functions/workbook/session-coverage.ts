import {
  archivesText,
  listedSessionsText,
  reportSessionCoverage,
  type SessionArchives,
  sessionRowsText,
  type WorkbookSessionCoverage,
} from '#core/report/session-row-limit.js';
import type { WorkbookInput } from './workbook-input.js';

/** Which sessions the workbook's per-session sheets list: the same answer for every sheet. */
export function sessionCoverageOf(
  input: Pick<WorkbookInput, 'report' | 'maxSessionRows'>,
): WorkbookSessionCoverage {
  return reportSessionCoverage(input.report, input.maxSessionRows);
}

/** The Total row's label on a sheet that lists only some sessions: its SUBTOTAL sees only those. */
export const SHOWN_ROWS_TOTAL_LABEL = 'Total (rows shown)';

/** The note under a capped Sessions sheet; none when every session has its row. */
export function cappedSessionsNotes(
  coverage: WorkbookSessionCoverage,
  archives: SessionArchives | undefined,
): string[] {
  if (!coverage.capped) return [];
  return [
    `This sheet lists ${listedSessionsText(coverage)} (a limit of ${sessionRowsText(coverage.maxSessionRows)}): "${SHOWN_ROWS_TOTAL_LABEL}" adds up these rows only.`,
    `The full period's totals are on By Org and the Summary; every session is in ${archivesText(archives)}.`,
  ];
}
