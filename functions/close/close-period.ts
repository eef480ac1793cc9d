import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { RunInfo } from '#core/report/run-info.js';
import { unsettledSessions } from '#core/report/unsettled.js';
import type { Session } from '#core/session.js';
import { buildCloseRecord, type CloseRecord, journalFormatRole } from './close-record.js';
import type { CloseStore } from './close-store.js';

/** The keys (or relative paths) of what the closing run stored, by role. */
export interface ClosingFiles {
  readonly workbook: string;
  readonly summary: string;
  readonly sessions: string;
  readonly journal?: string | undefined;
  readonly costCentres?: string | undefined;
  readonly focus?: string | undefined;
  /** The erp-mapping.csv copy, when a journal format was written. */
  readonly erpMapping?: string | undefined;
  /** Each journal-format file's key (or path), with its format and entity. */
  readonly journalFormats?: readonly StoredJournalFormat[] | undefined;
}

export interface StoredJournalFormat {
  readonly format: string;
  readonly entity: string | null;
  readonly key: string;
}

export interface ClosedPeriod {
  readonly record: CloseRecord;
  /** False when a concurrent close wrote the record first: that record is the period's. */
  readonly written: boolean;
}

/**
 * The close step: after every artifact is stored, fingerprint each as stored, then write the
 * record once. Runs only for a run that holds the period's close claim.
 */
export async function closePeriod(
  store: CloseStore,
  input: {
    readonly report: ChargebackReport;
    readonly sessions: Iterable<Session>;
    readonly run: RunInfo;
    readonly files: ClosingFiles;
    readonly closedAt: Date;
  },
): Promise<ClosedPeriod> {
  const { report, files } = input;
  const fingerprint = (key: string | undefined) => (key === undefined ? undefined : store.fingerprint(key));
  const [workbook, summary, sessions, journal, costCentres, erpMapping, focus, journalFormats] =
    await Promise.all([
      store.fingerprint(files.workbook),
      store.fingerprint(files.summary),
      store.fingerprint(files.sessions),
      fingerprint(files.journal),
      fingerprint(files.costCentres),
      fingerprint(files.erpMapping),
      fingerprint(files.focus),
      Promise.all(
        (files.journalFormats ?? []).map(
          async (f) =>
            [
              journalFormatRole(f.format, f.entity),
              { format: f.format, entity: f.entity, ...(await store.fingerprint(f.key)) },
            ] as const,
        ),
      ),
    ]);
  const record = buildCloseRecord({
    period: report.period,
    closedAt: input.closedAt,
    runId: input.run.runId,
    source: input.run.source,
    location: store.location,
    pricing: report.pricing,
    costBasis: report.costBasis,
    totals: report.totals,
    unsettled: { ...report.unsettled, sessions: unsettledSessions(input.sessions) },
    artifacts: {
      workbook,
      summary,
      sessions,
      journal,
      costCentres,
      erpMapping,
      focus,
      ...Object.fromEntries(journalFormats),
    },
  });
  const outcome = await store.writeRecordOnce(record);
  return outcome === 'written' ? { record, written: true } : { record: outcome, written: false };
}
