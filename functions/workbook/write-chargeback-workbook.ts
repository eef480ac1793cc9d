import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { countOf } from '#core/session-list.js';
import { CHARGEBACK_SHEETS } from './chargeback-sheets.js';
import { streamHyperlinksInSlices } from './streamed-hyperlinks.js';
import { countingTruncatedCells } from './truncated-cells.js';
import { SheetLimitError, WorkbookInputError, WorkbookWriteError } from './workbook-errors.js';
import type { WorkbookInput } from './workbook-input.js';

export { workbookFileName } from './workbook-file-name.js';
export type { WorkbookInput } from './workbook-input.js';

export interface WorkbookZipOptions {
  /** Deflate level, 0 (store) to 9. */
  readonly level: number;
}

/**
 * Deflate's fastest level, which is what exceljs (archiver) uses when given
 * none. Measured at 100,000 sessions: level 6 makes the file 18% smaller
 * (19.7 MB, not 24.0) for ~15% more CPU; deflate runs on libuv's threads, so
 * a second core hides it, which a Lambda of 2 GB (about one vCPU) does not have.
 */
export const WORKBOOK_ZIP: WorkbookZipOptions = { level: 1 };

/**
 * Streams the chargeback workbook to a file or a stream. A file that fails
 * half-way is removed; a stream that fails is destroyed with the error.
 */
export async function writeChargebackWorkbook(
  target: string | NodeJS.WritableStream,
  input: WorkbookInput,
  zip: WorkbookZipOptions = WORKBOOK_ZIP,
): Promise<void> {
  checkInput(input);
  const output = typeof target === 'string' ? createWriteStream(target) : target;
  try {
    await streamWorkbook(output, input, zip);
  } catch (error) {
    if (typeof target === 'string') await rm(target, { force: true });
    if (error instanceof WorkbookInputError || error instanceof SheetLimitError) throw error;
    throw new WorkbookWriteError(typeof target === 'string' ? target : 'a stream', { cause: error });
  }
}

async function streamWorkbook(
  output: NodeJS.WritableStream,
  input: WorkbookInput,
  zipOptions: WorkbookZipOptions,
): Promise<void> {
  // exceljs waits for 'finish' on its own stream but never listens for errors
  // on it: the pipeline carries errors both ways and ends when `output` has it all.
  const zip = new PassThrough();
  const delivered = pipeline(zip, output);
  const written = countingTruncatedCells(() => writeSheets(zip, input, zipOptions)).catch(
    (error: unknown) => {
      zip.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    },
  );
  await Promise.all([written, delivered]);
}

async function writeSheets(
  zip: PassThrough,
  input: WorkbookInput,
  zipOptions: WorkbookZipOptions,
): Promise<void> {
  streamHyperlinksInSlices();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: zip,
    useSharedStrings: false,
    useStyles: true,
    zip: { zlib: { level: zipOptions.level } },
  });
  workbook.creator = input.run.generator;
  workbook.created = input.run.generatedAt;
  workbook.modified = input.run.generatedAt;
  for (const sheet of CHARGEBACK_SHEETS) await sheet.write(workbook, input);
  await workbook.commit();
}

function checkInput({ report, sessions }: WorkbookInput): void {
  if (countOf(sessions) !== report.sessionCostMinor.length) {
    throw new WorkbookInputError('the sessions do not match the costs of the report they were built into', {
      sessions: countOf(sessions),
      sessionCosts: report.sessionCostMinor.length,
    });
  }
}
