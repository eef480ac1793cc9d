import type ExcelJS from 'exceljs';

/** A table sheet's header is row 2, under the title row. */
const HEADER_ROW = 2;

/**
 * The header of each table sheet's last printed column (the print area's, or
 * the last header cell's): the pages that show it are one strip down the sheet.
 * Sheets that are not one table (Summary, Reconciliation, About) have none.
 */
export function lastPrintedHeaders(workbook: ExcelJS.Workbook): Map<string, string> {
  const headers = new Map<string, string>();
  for (const sheet of workbook.worksheets) {
    // Only a sheet that repeats its header on every page tells its strips apart by it.
    if (sheet.autoFilter === undefined || sheet.pageSetup.printTitlesRow === undefined) continue;
    const area = sheet.pageSetup.printArea;
    const row = sheet.getRow(HEADER_ROW);
    const lastColumn =
      area === undefined
        ? row.cellCount
        : sheet.getColumn(/:\$?([A-Z]+)\$?\d+$/.exec(area)?.[1] ?? 'A').number;
    const header = row.getCell(lastColumn).text.trim();
    if (header !== '') headers.set(sheet.name, header);
  }
  return headers;
}
