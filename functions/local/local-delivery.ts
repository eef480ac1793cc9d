import { access, mkdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { closePeriod, type StoredJournalFormat } from '#close/close-period.js';
import { closeRecordName } from '#close/close-record.js';
import type { CloseStore } from '#close/close-store.js';
import type { SameMonthStores } from '#close/same-month-close.js';
import { storedClose } from '#close/stored-close.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import { sameMonthOtherAlignments } from '#core/period/same-month-periods.js';
import { previewHtml } from '#email/chart-html.js';
import { inlineChartParts } from '#email/inline-chart-parts.js';
import { buildRawMessage } from '#email/raw-message.js';
import { focusFiles } from '#focus/focus-files.js';
import { focusInputOf } from '#focus/focus-input.js';
import { FOCUS_FOLDER, focusLayout } from '#focus/focus-layout.js';
import { DEFAULT_FOCUS_OPTIONS, type FocusOptions } from '#focus/focus-options.js';
import { folderArtifactNames, periodArtifacts, writePeriodArtifacts } from '#pipeline/period-artifacts.js';
import type { ReportDelivery, SentEmail, StoredReport } from '#pipeline/report-delivery.js';
import { folderObjectStore } from '#store/folder-object-store.js';
import { workbookFileName } from '#workbook/write-chargeback-workbook.js';
import { writeFileAtomically } from './write-file-atomically.js';
import { type LocalFocusDataset, writeFocusDataset } from './write-focus-dataset.js';

export interface LocalDeliveryOptions {
  /** Folder the report lands in (created when missing). */
  readonly outDir: string;
  /** Addresses shown in the preview; nothing is sent. */
  readonly previewFrom: string;
  readonly previewTo: readonly string[];
  readonly now: () => Date;
  /** The FOCUS dataset written beside the workbook under `<outDir>/focus/`. */
  readonly focus?: FocusOptions | undefined;
}

/** The journal CSV, the map's copy and the journal-format files a run with a cost-centre map wrote, by path. */
export interface CostCentreFiles {
  readonly journalPath: string;
  /** The map the report was built with, copied so a rerun months later can use the same one. */
  readonly costCentresPath: string;
  /** `<base>.erp-mapping.csv`, the mapping the journal formats were built with; absent without a format. */
  readonly erpMappingPath?: string | undefined;
  /** Each journal-format file, beside the generic journal under its own name. */
  readonly journalFormats: readonly StoredJournalFormat[];
}

/** Where the workbook and its summary.json landed. */
export interface LocalStoredReport extends StoredReport {
  readonly workbookPath: string;
  readonly summaryPath: string;
  /** The journal CSV and the map's copy, when the run had a cost-centre map. */
  readonly costCentreFiles?: CostCentreFiles | undefined;
  /** The raw sessions, gzipped JSON as in S3: what a backfill rebuilds the FOCUS dataset from. */
  readonly sessionsPath: string;
  /** Absent for a filtered or preview run: only the period's record writes its FOCUS partition. */
  readonly focus?: LocalFocusDataset | undefined;
}

/** The email preview: `messageId` is the .eml's path, `htmlPath` the page to open in a browser. */
export interface LocalEmailPreview extends SentEmail {
  readonly htmlPath: string;
}

/**
 * The laptop's delivery: the workbook and summary.json into a folder, and the
 * email as an .html page and an .eml file to open in a mail client. The email
 * is the one the Lambda sends, bar the download link.
 */
export function createLocalDelivery(
  options: LocalDeliveryOptions,
): ReportDelivery<LocalStoredReport, LocalEmailPreview> {
  const outDir = resolve(options.outDir);
  const summaryPathOf = (fileName: string) => summaryPath(outDir, fileName);
  return {
    async loadSummary(period) {
      let text: string;
      try {
        text = await readFile(summaryPathOf(workbookFileName(period)), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      return JSON.parse(text) as unknown;
    },
    sessionArchives: (period) => ({
      focusDataset: join(outDir, FOCUS_FOLDER, focusLayout(period).parquet),
      sessionsExport: sessionsPathOf(outDir, workbookFileName(period)),
    }),
    async store(artifacts) {
      await mkdir(outDir, { recursive: true });
      const base = artifacts.workbookFileName.replace(/\.xlsx$/, '');
      const written = await writePeriodArtifacts(
        folderObjectStore(outDir),
        periodArtifacts(folderArtifactNames(base), artifacts),
      );
      const pathOf = (key: string) => join(outDir, key);
      const summaryPath = pathOf(written.summary);
      const sessionsPath = pathOf(written.sessions);
      const costCentreFiles: CostCentreFiles | undefined = written.costCentreFiles && {
        journalPath: pathOf(written.costCentreFiles.journal),
        costCentresPath: pathOf(written.costCentreFiles.costCentres),
        erpMappingPath:
          written.costCentreFiles.erpMapping === undefined
            ? undefined
            : pathOf(written.costCentreFiles.erpMapping),
        journalFormats: written.costCentreFiles.journalFormats.map((f) => ({ ...f, key: pathOf(f.key) })),
      };
      const workbookPath = pathOf(written.workbook);
      const focusOptions = options.focus ?? DEFAULT_FOCUS_OPTIONS;
      const focus =
        artifacts.files.kind === 'record'
          ? await writeFocusDataset(
              outDir,
              focusFiles(focusInputOf(artifacts, focusOptions), {
                csv: focusOptions.csv,
                now: options.now(),
              }),
            )
          : undefined;
      return {
        workbookPath,
        summaryPath,
        costCentreFiles,
        sessionsPath,
        focus,
        files: {
          workbook: workbookPath,
          summary: summaryPath,
          sessions: sessionsPath,
          journal: costCentreFiles?.journalPath,
          costCentres: costCentreFiles?.costCentresPath,
          erpMapping: costCentreFiles?.erpMappingPath,
          journalFormats: costCentreFiles?.journalFormats,
          focus: focus?.parquetPath,
        },
        email: {
          workbookFileName: artifacts.workbookFileName,
          location: { kind: 'file', path: workbookPath },
          attached: false,
        },
      };
    },
    close(artifacts, stored) {
      return closePeriod(localCloseStore(outDir, artifacts.report.period), {
        report: artifacts.report,
        sessions: artifacts.sessions,
        run: artifacts.run,
        files: stored.files,
        closedAt: options.now(),
      });
    },
    emailIsAFile: true,
    async send(email, artifacts) {
      const base = join(outDir, artifacts.workbookFileName.replace(/\.xlsx$/, ''));
      const raw = await buildRawMessage({
        from: options.previewFrom,
        to: options.previewTo,
        subject: email.subject,
        html: email.html,
        text: email.text,
        date: options.now(),
        inlineImages: inlineChartParts(email.inlineImages),
      });
      const htmlPath = `${base}.email.html`;
      const emlPath = `${base}.eml`;
      // The browser cannot follow cid: links: the charts go beside the page, which points at them.
      const images = email.inlineImages ?? [];
      const chartFile = (image: { kind: string }) => `${basename(base)}.${image.kind}.png`;
      for (const image of images) await writeFileAtomically(join(outDir, chartFile(image)), image.png);
      await writeFileAtomically(htmlPath, previewHtml(email.html, images, chartFile));
      await writeFileAtomically(emlPath, raw);
      return { messageId: emlPath, htmlPath };
    },
  };
}

function sessionsPathOf(outDir: string, workbookFile: string): string {
  return join(outDir, workbookFile.replace(/\.xlsx$/, '.sessions.json.gz'));
}

function summaryPath(outDir: string, workbookFile: string): string {
  return join(resolve(outDir), `${workbookFile.replace(/\.xlsx$/, '')}.summary.json`);
}

/** Whether a local run already left the period's summary.json in `outDir`. */
export async function hasSummary(outDir: string, period: ReportPeriod): Promise<boolean> {
  try {
    await access(summaryPath(outDir, workbookFileName(period)));
    return true;
  } catch {
    return false;
  }
}

/**
 * The period's close in `outDir`: the record `devin-acu-chargeback-<slug>.close.json`, the claim
 * `.devin-acu-chargeback-<slug>.close.claim` beside it. Artifacts are named by path; the record
 * keeps them relative to `outDir`.
 */
export function localCloseStore(outDir: string, period: ReportPeriod): CloseStore {
  const root = resolve(outDir);
  const base = workbookFileName(period).replace(/\.xlsx$/, '');
  return storedClose(
    folderObjectStore(root),
    { recordKey: closeRecordName(base), claimKey: `.${base}.close.claim` },
    {
      location: { kind: 'file' },
      artifactKey: (path) => relative(root, resolve(root, path)).split(sep).join('/'),
      claimsNameTheProcess: true,
    },
  );
}

/** The period's close and the same month's under the other alignments, in `outDir`. */
export function localSameMonthStores(outDir: string, period: ReportPeriod): SameMonthStores {
  return {
    own: localCloseStore(outDir, period),
    others: sameMonthOtherAlignments(period).map((p) => localCloseStore(outDir, p)),
  };
}
