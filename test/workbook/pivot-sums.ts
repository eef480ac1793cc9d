import type ExcelJS from 'exceljs';
import { expect } from 'vitest';

/** A data row of a written table: header → cell value (a formula's result). */
export type TableRow = Readonly<Record<string, unknown>>;

const shownValue = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && 'result' in value
    ? (value as { result: unknown }).result
    : value;

/** The data rows of the table whose header row is `headerRow`, up to the blank row before its Total. */
export function tableRows(ws: ExcelJS.Worksheet, headerRow = 2): TableRow[] {
  const headers: string[] = [];
  ws.getRow(headerRow).eachCell((cell, column) => {
    headers[column] = String(cell.value);
  });
  const rows: TableRow[] = [];
  for (let n = headerRow + 1; n <= ws.rowCount; n += 1) {
    const row = ws.getRow(n);
    if (!row.hasValues) break;
    const record: Record<string, unknown> = {};
    headers.forEach((header, column) => {
      if (header !== undefined) record[header] = shownValue(row.getCell(column).value);
    });
    rows.push(record);
  }
  return rows;
}

/** A table sheet's rows (header in row 2). */
export function sheetTable(workbook: ExcelJS.Workbook, name: string): TableRow[] {
  const ws = workbook.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return tableRows(ws);
}

/** The Summary's By org table: the rows under the header that follows the "By org" section row. */
export function summaryByOrg(workbook: ExcelJS.Workbook): TableRow[] {
  const ws = workbook.getWorksheet('Summary');
  if (ws === undefined) throw new Error('no Summary');
  for (let n = 1; n <= ws.rowCount; n += 1) {
    if (ws.getCell(n, 1).value === 'By org') return tableRows(ws, n + 1);
  }
  throw new Error('no By org section on Summary');
}

/** A money or ACU cell in hundredths, so sums compare exactly. */
export function hundredths(value: unknown): number {
  return value === null || value === undefined || value === '' ? 0 : Math.round(Number(value) * 100);
}

/** Sums `column` (money in hundredths, ACUs in millionths (their exact digits), or counts) per value of `by`: what a pivot table shows. */
export function pivot(
  rows: readonly TableRow[],
  by: string,
  column: string,
  unit: 'hundredths' | 'count' | 'acus' = 'hundredths',
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    if (!(by in row)) throw new Error(`no column ${by}`);
    if (!(column in row)) throw new Error(`no column ${column}`);
    const key = String(row[by]);
    const value =
      unit === 'count'
        ? Number(row[column] ?? 0)
        : unit === 'acus'
          ? Math.round(Number(row[column] ?? 0) * 1e6)
          : hundredths(row[column]);
    sums.set(key, (sums.get(key) ?? 0) + value);
  }
  return sums;
}

/** Equal as maps, ignoring keys whose sum is 0 on either side (a row kept only for its previous usage). */
export function expectSameSums(
  actual: Map<string, number>,
  expected: Map<string, number>,
  what: string,
): void {
  const nonZero = (map: Map<string, number>) =>
    Object.fromEntries([...map].filter(([, v]) => v !== 0).sort(([a], [b]) => a.localeCompare(b)));
  expect(nonZero(actual), what).toEqual(nonZero(expected));
}
