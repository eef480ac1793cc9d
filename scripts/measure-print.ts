/**
 * Prints a workbook as LibreOffice does and reports, per sheet, the printed
 * pages, how many pages wide a table sheet prints, the smallest printed font
 * and any word cut at the page's right edge. Needs soffice and pdftotext
 * (poppler-utils); not part of `npm test` (print-render.test.ts asserts the same).
 *
 *   npx tsx scripts/measure-print.ts reports/devin-acu-chargeback-2026-11.xlsx
 */
import ExcelJS from 'exceljs';
import { measurePrintedFonts, pagesAcross } from '../test/support/measure-print-fonts.js';
import { lastPrintedHeaders } from '../test/support/printed-headers.js';

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: measure-print.ts WORKBOOK.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const headers = lastPrintedHeaders(workbook);
  const printed = await measurePrintedFonts(
    file,
    workbook.worksheets.map((sheet) => sheet.name),
  );
  let total = 0;
  for (const sheet of printed) {
    total += sheet.pages.length;
    const last = headers.get(sheet.sheet);
    const across = last === undefined ? '-' : String(pagesAcross(sheet, last));
    console.log(
      `${sheet.sheet.padEnd(16)} pages ${String(sheet.pages.length).padStart(3)}  across ${across.padStart(2)}  smallest ${sheet.smallestPt} pt  cut words ${sheet.cutWords.length}${sheet.cutWords.length > 0 ? ` (${sheet.cutWords.slice(0, 4).join(', ')})` : ''}`,
    );
  }
  console.log(`total pages ${total}`);
}

await main();
