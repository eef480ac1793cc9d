import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { type WorkbookInput, writeChargebackWorkbook } from '#workbook/write-chargeback-workbook.js';

/** Writes the workbook to a temporary file and loads it back as a reader would. */
export async function roundTrip(input: WorkbookInput): Promise<ExcelJS.Workbook> {
  const dir = await mkdtemp(join(tmpdir(), 'workbook-test-'));
  try {
    const file = join(dir, 'report.xlsx');
    await writeChargebackWorkbook(file, input);
    return await new ExcelJS.Workbook().xlsx.readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function sheet(workbook: ExcelJS.Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

export function rowValues(worksheet: Worksheet, row: number): CellValue[] {
  const values: CellValue[] = [];
  for (let column = 1; column <= worksheet.columnCount; column += 1) {
    values.push(worksheet.getRow(row).getCell(column).value);
  }
  while (values.length > 0 && values.at(-1) === null) values.pop();
  return values;
}

/** The row whose first cell is `label`. */
export function findRow(worksheet: Worksheet, label: string): number {
  for (let row = 1; row <= worksheet.rowCount; row += 1) {
    if (worksheet.getRow(row).getCell(1).value === label) return row;
  }
  throw new Error(`no row labelled ${JSON.stringify(label)} on ${worksheet.name}`);
}
