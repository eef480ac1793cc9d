import { sessionsExport } from '../chargeback/sessions-export.js';
import type { StoredJournalFormat } from '../close/close-period.js';
import { journalCsv } from '../core/cost-centres/journal-csv.js';
import { journalFileName } from '../core/cost-centres/journal-file-name.js';
import { toSummaryDocument } from '../core/report/summary-document.js';
import type { ObjectMeta, ObjectStore, PutBody } from '../store/object-store.js';
import type { ReportArtifacts } from './report-artifacts.js';

/*
 * A period's files as one list (issue 27, item 3), written the same way to a bucket or a folder:
 * the summary, the sessions export, and with a cost-centre map the journal, the map's copy, each
 * journal-format file and the erp-mapping.csv they were built with. The Lambda and the CLI used
 * to write each of these with their own code (store-cost-centre-objects.ts, write-cost-centre-files.ts,
 * write-sessions-export.ts).
 * The workbook (uploaded with its link copy in S3, renamed into place in a folder) and the FOCUS
 * partition (replaced as a whole) are written by each delivery still.
 */

/** Where a period's files go, as store keys: S3 keys from reportKeys, or names in the output folder. */
export interface ArtifactNames {
  readonly summary: string;
  readonly sessions: string;
  /** `<base>.journal.csv`: the journal's name is derived from it (`.PRELIMINARY`, `.DRAFT`). */
  readonly journal: string;
  readonly costCentres: string;
  readonly erpMapping: string;
  readonly journalFormat: (fileName: string) => string;
}

/** The names beside a workbook `<base>.xlsx` in a folder's root. */
export function folderArtifactNames(base: string): ArtifactNames {
  return {
    summary: `${base}.summary.json`,
    sessions: `${base}.sessions.json.gz`,
    journal: `${base}.journal.csv`,
    costCentres: `${base}.cost-centres.csv`,
    erpMapping: `${base}.erp-mapping.csv`,
    journalFormat: (fileName) => fileName,
  };
}

export type PeriodArtifactRole =
  | 'summary'
  | 'sessions'
  | 'journal'
  | 'costCentres'
  | 'erpMapping'
  | 'journalFormat';

/** One file of the list: its key, how S3 serves it, and its bytes (a stream made only when it is written). */
export interface PeriodArtifact {
  readonly role: PeriodArtifactRole;
  readonly key: string;
  readonly meta: ObjectMeta;
  readonly body: () => PutBody;
  /** For a journal-format file: which format and entity it posts. */
  readonly format?: { readonly format: string; readonly entity: string | null } | undefined;
}

/** The keys written, by role, as the close fingerprints them. */
export interface WrittenArtifacts {
  readonly summary: string;
  readonly sessions: string;
  /** Absent without a cost-centre map, like the rest of the cost-centre files. */
  readonly costCentreFiles?:
    | {
        readonly journal: string;
        readonly costCentres: string;
        readonly erpMapping?: string | undefined;
        readonly journalFormats: readonly StoredJournalFormat[];
      }
    | undefined;
}

const CSV = 'text/csv; charset=utf-8';

/** The summary.json text of a run, as both backends store it. */
export function summaryText(
  artifacts: Pick<ReportArtifacts, 'report' | 'run' | 'stats' | 'journalFormats'>,
): string {
  const { report, run, stats, journalFormats } = artifacts;
  const summary = toSummaryDocument(
    report,
    run,
    stats,
    journalFormats.files.map((f) => f.fileName),
  );
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/** The period's files of this run, in the order they are written. */
export function periodArtifacts(names: ArtifactNames, artifacts: ReportArtifacts): PeriodArtifact[] {
  const { report, run } = artifacts;
  const metadata = { 'run-id': run.runId, period: report.period.slug };
  const fileName = (key: string) => key.slice(key.lastIndexOf('/') + 1);
  const list: PeriodArtifact[] = [
    {
      role: 'sessions',
      key: names.sessions,
      meta: {
        contentType: 'application/json',
        contentEncoding: 'gzip',
        fileName: fileName(names.sessions),
        metadata,
      },
      body: () => sessionsExport(artifacts.sessions),
    },
    {
      role: 'summary',
      key: names.summary,
      meta: { contentType: 'application/json', metadata },
      body: () => summaryText(artifacts),
    },
  ];
  const costCentres = report.costCentres;
  if (costCentres === undefined) return list;
  const journal = journalFileName(
    names.journal.slice(0, -'.journal.csv'.length),
    report.runStatus,
    costCentres.journal,
  );
  list.push(
    {
      role: 'journal',
      key: journal,
      meta: { contentType: CSV, fileName: fileName(journal), metadata },
      body: () => journalCsv(costCentres.journal, report.pricing),
    },
    {
      role: 'costCentres',
      key: names.costCentres,
      meta: { contentType: CSV, fileName: fileName(names.costCentres), metadata },
      body: () => costCentres.map.text,
    },
  );
  const formats = artifacts.journalFormats;
  for (const file of formats.files) {
    list.push({
      role: 'journalFormat',
      key: names.journalFormat(file.fileName),
      meta: { contentType: file.contentType, fileName: file.fileName, metadata },
      body: () => Buffer.from(file.body),
      format: { format: file.format, entity: file.entity },
    });
  }
  if (formats.mapping !== undefined && formats.files.length > 0) {
    const mapping = formats.mapping.text;
    list.push({
      role: 'erpMapping',
      key: names.erpMapping,
      meta: { contentType: CSV, fileName: fileName(names.erpMapping), metadata },
      body: () => mapping,
    });
  }
  return list;
}

/** Writes the list in order, each file whole, and says which key holds what. */
export async function writePeriodArtifacts(
  store: ObjectStore,
  list: readonly PeriodArtifact[],
): Promise<WrittenArtifacts> {
  for (const artifact of list) await store.put(artifact.key, artifact.body(), artifact.meta);
  const keyOf = (role: PeriodArtifactRole) => list.find((a) => a.role === role)?.key;
  const required = (role: 'summary' | 'sessions') => {
    const key = keyOf(role);
    if (key === undefined) throw new Error(`the period's files have no ${role}`);
    return key;
  };
  const journal = keyOf('journal');
  const costCentres = keyOf('costCentres');
  return {
    summary: required('summary'),
    sessions: required('sessions'),
    costCentreFiles:
      journal === undefined || costCentres === undefined
        ? undefined
        : {
            journal,
            costCentres,
            erpMapping: keyOf('erpMapping'),
            journalFormats: list.flatMap((a) =>
              a.role === 'journalFormat' && a.format ? [{ ...a.format, key: a.key }] : [],
            ),
          },
  };
}
