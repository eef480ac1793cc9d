import { CloseRecordMismatchError, verifiedClosedFile } from '#close/verify-closed-file.js';
import type { ClosedPeriodReader } from '#true-ups/closed-period-files.js';
import type { SummaryArchive } from './read-previous-summary.js';

/**
 * The summaries a close reads for month-over-month and the trend: an earlier period that was
 * closed gives the summary.json its record names, checked against the record's SHA-256 (a
 * mismatch refuses the close: what a closed workbook compares with must be what was closed);
 * a period never closed gives what `archive` holds, as a preliminary run would read it.
 */
export function verifiedSummaries(archive: SummaryArchive, read: ClosedPeriodReader): SummaryArchive {
  return {
    async loadSummary(period) {
      const closed = await read(period);
      if (closed === undefined) return archive.loadSummary(period);
      const bytes = verifiedClosedFile(
        closed.record,
        closed.record.artifacts.summary,
        await closed.summary(),
      );
      return JSON.parse(new TextDecoder('utf-8').decode(bytes)) as unknown;
    },
  };
}

/** A mismatch is never a courtesy read's "no comparison": it refuses the close. */
export function isUnverifiedRecordFile(error: unknown): error is CloseRecordMismatchError {
  return error instanceof CloseRecordMismatchError;
}
