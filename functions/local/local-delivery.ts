import { mkdir, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { toSummaryDocument } from '../core/report/summary-document.js';
import { buildRawMessage } from '../email/raw-message.js';
import type { ReportDelivery, StoredReport } from '../pipeline/report-delivery.js';
import { writeFileAtomically } from './write-file-atomically.js';

export interface LocalDeliveryOptions {
  /** Folder the report lands in (created when missing). */
  readonly outDir: string;
  /** Addresses shown in the preview; nothing is sent. */
  readonly previewFrom: string;
  readonly previewTo: readonly string[];
  readonly now: () => Date;
}

/** Paths of what a local run wrote, by kind. */
export interface LocalFiles {
  workbook?: string;
  summary?: string;
  emailHtml?: string;
  emailEml?: string;
}

/**
 * The laptop's delivery: the workbook and summary.json into a folder, and the
 * email as an .html page and an .eml file to open in a mail client. The email
 * is the one the Lambda sends, bar the download link.
 */
export function createLocalDelivery(options: LocalDeliveryOptions): {
  delivery: ReportDelivery;
  files: LocalFiles;
} {
  const outDir = resolve(options.outDir);
  const files: LocalFiles = {};
  const delivery: ReportDelivery = {
    async store(artifacts): Promise<StoredReport> {
      await mkdir(outDir, { recursive: true });
      const base = artifacts.workbookFileName.replace(/\.xlsx$/, '');
      const summaryPath = join(outDir, `${base}.summary.json`);
      const summary = toSummaryDocument(artifacts.report, artifacts.run, artifacts.stats);
      await writeFileAtomically(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
      const workbookPath = join(outDir, artifacts.workbookFileName);
      await rename(artifacts.workbookPath, workbookPath);
      files.workbook = workbookPath;
      files.summary = summaryPath;
      return {
        workbookLocation: workbookPath,
        email: {
          workbookFileName: artifacts.workbookFileName,
          location: { kind: 'file', path: workbookPath },
          attached: false,
        },
      };
    },
    async send(email, artifacts) {
      const base = join(outDir, artifacts.workbookFileName.replace(/\.xlsx$/, ''));
      const raw = await buildRawMessage({
        from: options.previewFrom,
        to: options.previewTo,
        subject: email.subject,
        html: email.html,
        text: email.text,
        date: options.now(),
      });
      files.emailHtml = `${base}.email.html`;
      files.emailEml = `${base}.eml`;
      await writeFileAtomically(files.emailHtml, email.html);
      await writeFileAtomically(files.emailEml, raw);
      return { messageId: files.emailEml, recipients: options.previewTo };
    },
  };
  return { delivery, files };
}
