import { createReadStream } from 'node:fs';
import { sessionsExport } from '#chargeback/sessions-export.js';
import type { StoredJournalFormat } from '#close/close-period.js';
import { journalCsv } from '#core/cost-centres/journal-csv.js';
import { journalFileName } from '#core/cost-centres/journal-file-name.js';
import { toSummaryDocument } from '#core/report/summary-document.js';
import type { ObjectMeta, ObjectStore, PutBody } from '#store/object-store.js';
import { XLSX_CONTENT_TYPE } from '#workbook/workbook-file-name.js';
import type { ReportArtifacts } from './report-artifacts.js';

/*
 * A period's files as one list (issue 27, item 3), written the same way to a bucket or a folder:
 * the workbook, the summary, the sessions export, and with a cost-centre map the journal, the
 * map's copy, each journal-format file and the erp-mapping.csv they were built with. The Lambda
 * and the CLI used to write each of these with their own code (store-cost-centre-objects.ts,
 * write-cost-centre-files.ts, write-sessions-export.ts; the workbook uploaded by the Lambda and
 * renamed into place by the CLI). The FOCUS partition is replaced as a whole by
 * put-focus-partition.ts, through the same store.
 */

/** Where a period's files go, as store keys: S3 keys from reportKeys, or names in the output folder. */
export interface ArtifactNames {
  readonly workbook: string;
  /**
   * In S3 only: each run's own copy of its workbook, what a download link serves. Nothing
   * overwrites it (s3rver and unversioned buckets included), so a link always serves the bytes
   * it was sent for; the summary's copy beside it is what the link service's landing page reads.
   */
  readonly runWorkbook?: ((runId: string) => string) | undefined;
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
    workbook: `${base}.xlsx`,
    summary: `${base}.summary.json`,
    sessions: `${base}.sessions.json.gz`,
    journal: `${base}.journal.csv`,
    costCentres: `${base}.cost-centres.csv`,
    erpMapping: `${base}.erp-mapping.csv`,
    journalFormat: (fileName) => fileName,
  };
}

export type PeriodArtifactRole =
  | 'workbook'
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
  /** A second key the object is copied to once written (the run's copies in S3, see `runWorkbook`). */
  readonly alsoAt?: string | undefined;
  /** For a journal-format file: which format and entity it posts. */
  readonly format?: { readonly format: string; readonly entity: string | null } | undefined;
}

/** The keys written, by role, as the close fingerprints them. */
export interface WrittenArtifacts {
  readonly workbook: string;
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

/**
 * The period's files of this run, in the order they are written. `workbookMetadata` is what S3
 * serves the workbook with (the Lambda adds the period's totals and the manual events).
 */
export function periodArtifacts(
  names: ArtifactNames,
  artifacts: ReportArtifacts,
  workbookMetadata?: Readonly<Record<string, string>>,
): PeriodArtifact[] {
  const { report, run } = artifacts;
  const metadata = { 'run-id': run.runId, period: report.period.slug };
  const fileName = (key: string) => key.slice(key.lastIndexOf('/') + 1);
  const runWorkbook = names.runWorkbook?.(run.runId);
  const list: PeriodArtifact[] = [
    {
      role: 'workbook',
      key: names.workbook,
      meta: {
        contentType: XLSX_CONTENT_TYPE,
        fileName: artifacts.workbookFileName,
        metadata: workbookMetadata ?? metadata,
      },
      // Streamed from the scratch file: a workbook is never whole in memory.
      body: () => createReadStream(artifacts.workbookPath),
      alsoAt: runWorkbook,
    },
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
      alsoAt: runWorkbook?.replace(/\.xlsx$/, '.summary.json'),
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

/**
 * Writes the list, each file whole, and says which key holds what. The workbook uploads while
 * the others are written in order: its upload (up to 100 MB) is most of the time taken.
 */
export async function writePeriodArtifacts(
  store: ObjectStore,
  list: readonly PeriodArtifact[],
): Promise<WrittenArtifacts> {
  const rest = async () => {
    for (const artifact of list) if (artifact.role !== 'workbook') await writeArtifact(store, artifact);
  };
  const workbook = list.find((a) => a.role === 'workbook');
  await Promise.all([workbook && writeArtifact(store, workbook), rest()]);
  const keyOf = (role: PeriodArtifactRole) => list.find((a) => a.role === role)?.key;
  const required = (role: 'workbook' | 'summary' | 'sessions') => {
    const key = keyOf(role);
    if (key === undefined) throw new Error(`the period's files have no ${role}`);
    return key;
  };
  const journal = keyOf('journal');
  const costCentres = keyOf('costCentres');
  return {
    workbook: required('workbook'),
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

/** One file, then its second key: copied inside the store when it can, else written again. */
async function writeArtifact(store: ObjectStore, artifact: PeriodArtifact): Promise<void> {
  await store.put(artifact.key, artifact.body(), artifact.meta);
  if (artifact.alsoAt === undefined) return;
  if (store.copy) await store.copy(artifact.key, artifact.alsoAt);
  else await store.put(artifact.alsoAt, artifact.body(), artifact.meta);
}
