import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { countOf } from '../core/session-list.js';
import { CHARGEBACK_SHEETS } from './chargeback-sheets.js';
import { streamHyperlinksInSlices } from './streamed-hyperlinks.js';
import { countingTruncatedCells } from './truncated-cells.js';
import { SheetLimitError, WorkbookInputError, WorkbookWriteError } from './workbook-errors.js';
import type { WorkbookInput } from './workbook-input.js';

export { workbookFileName } from './workbook-file-name.js';
export type { WorkbookInput } from './workbook-input.js';

/**
 * Streams the chargeback workbook to a file or a stream. A file that fails
 * half-way is removed; a stream that fails is destroyed with the error.
 */
export async function writeChargebackWorkbook(
  target: string | NodeJS.WritableStream,
  input: WorkbookInput,
): Promise<void> {
  checkInput(input);
  const output = typeof target === 'string' ? createWriteStream(target) : target;
  try {
    await streamWorkbook(output, input);
  } catch (error) {
    if (typeof target === 'string') await rm(target, { force: true });
    if (error instanceof WorkbookInputError || error instanceof SheetLimitError) throw error;
    throw new WorkbookWriteError(typeof target === 'string' ? target : 'a stream', { cause: error });
  }
}

async function streamWorkbook(output: NodeJS.WritableStream, input: WorkbookInput): Promise<void> {
  // exceljs waits for 'finish' on its own stream but never listens for errors
  // on it: the pipeline carries errors both ways and ends when `output` has it all.
  const zip = new PassThrough();
  const delivered = pipeline(zip, output);
  const written = countingTruncatedCells(() => writeSheets(zip, input)).catch((error: unknown) => {
    zip.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  });
  await Promise.all([written, delivered]);
}

async function writeSheets(zip: PassThrough, input: WorkbookInput): Promise<void> {
  streamHyperlinksInSlices();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: zip,
    useSharedStrings: false,
    useStyles: true,
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
