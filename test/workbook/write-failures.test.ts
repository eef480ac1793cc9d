import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkbookInputError, WorkbookWriteError } from '#workbook/workbook-errors.js';
import { writeChargebackWorkbook } from '#workbook/write-chargeback-workbook.js';
import { INPUT, REPORT } from './fixtures.js';

describe('writeChargebackWorkbook targets and failures', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'workbook-failure-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a complete workbook to a stream', async () => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));

    await writeChargebackWorkbook(sink, INPUT);

    const workbook = await new ExcelJS.Workbook().xlsx.read(Readable.from([Buffer.concat(chunks)]));
    expect(workbook.getWorksheet('Sessions')?.getCell('A3').value).toBe('s1');
  });

  it('refuses sessions that do not match the report costs, before creating the file', async () => {
    const file = join(dir, 'report.xlsx');
    const input = { ...INPUT, report: { ...REPORT, sessionCostMinor: BigInt64Array.from([1n]) } };

    const error = await writeChargebackWorkbook(file, input).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookInputError);
    expect(error).toMatchObject({ name: 'WorkbookInputError', context: { sessions: 5, sessionCosts: 1 } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('names the file it could not write and leaves nothing behind', async () => {
    const file = join(dir, 'missing-folder', 'report.xlsx');

    const error = await writeChargebackWorkbook(file, INPUT).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect(error).toMatchObject({ name: 'WorkbookWriteError', target: file });
    expect((error as WorkbookWriteError).cause).toMatchObject({ code: 'ENOENT' });
    await expect(access(file)).rejects.toThrow();
  });

  it('rejects when the stream fails half-way instead of hanging', async () => {
    let received = 0;
    const failing = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        callback(received > 2_000 ? new Error('disk full') : null);
      },
    });

    const error = await writeChargebackWorkbook(failing, INPUT).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect((error as WorkbookWriteError).cause).toMatchObject({ message: 'disk full' });
  });
});
