import type ExcelJS from 'exceljs';
import type { PageSetup, Worksheet } from 'exceljs';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { isPreliminary } from '#core/report/run-status.js';
import { EXCEL_MAX_ROWS } from '#core/report/session-row-limit.js';
import { fitColumns } from './column-fit.js';
import { spanNotes, writeTableTitle } from './fact-rows.js';
import { ONE_PAGE_WIDE_UNITS, sheetOptions } from './print-setup.js';
import { columnLetter, type TableColumn, writeTable } from './table.js';
import { SheetLimitError } from './workbook-errors.js';

export { WIDE_PAGE_SETUP } from './print-setup.js';

const DEFAULT_WIDTH = 14;
/** The title row above the header: the header is row 2. */
export const TABLE_HEADER_ROW = 2;

export type StreamingWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;

export interface TableSheet<Item> {
  readonly name: string;
  /** For the title row (which names the period) and the printed header and footer. */
  readonly report: ChargebackReport;
  readonly columns: readonly TableColumn<Item>[];
  readonly items: Iterable<Item>;
  /** Given for additive tables only: a `Total` row of SUBTOTAL formulas after a blank row. */
  readonly totalLabel?: string;
  /** Rows after the table, e.g. a note; the sheet is committed right after. */
  readonly footer?: (sheet: Worksheet) => void;
  /**
   * Only the first this many columns are printed (long links stay on the
   * sheet, off the page); all of them when absent.
   */
  readonly printedColumns?: number;
  /**
   * Rows too many to hold twice (one per session): written as they come, the
   * columns as wide as declared. Other tables are read once more to fit their
   * columns to what they show.
   */
  readonly streamed?: boolean;
  /** Overrides of the landscape, one-page-wide print setup. */
  readonly pageSetup?: Partial<PageSetup>;
}

/**
 * A sheet holding one table: a title row naming the period, then the header
 * (frozen with the title, and repeated on every printed page), an autofilter
 * over the item rows only (not the Total, so sorting and filtering leave it
 * last), formats on the columns.
 */
export async function writeTableSheet<Item>(
  workbook: StreamingWorkbook,
  spec: TableSheet<Item>,
): Promise<void> {
  const printedCount = spec.printedColumns ?? spec.columns.length;
  // As wide as the content, and one page wide at 8 pt when wrapping long text can make it so.
  const items = spec.streamed === true || Array.isArray(spec.items) ? spec.items : [...spec.items];
  const columns = fitColumns(spec.columns, items, ONE_PAGE_WIDE_UNITS, printedCount).map((column, i) =>
    i < printedCount ? column : { ...column, growsRow: false },
  );
  const printedWidths = columns.slice(0, printedCount).map((column) => column.width ?? DEFAULT_WIDTH);
  // The streaming writer writes views when the sheet is added, so they go in here.
  const sheet = workbook.addWorksheet(
    spec.name,
    sheetOptions(spec.report, {
      frozenRows: TABLE_HEADER_ROW,
      // The title row carries the status ("— Preliminary"): every printed page repeats it with the header.
      printTitlesRow: `1:${TABLE_HEADER_ROW}`,
      widths: printedWidths,
      ...(spec.pageSetup === undefined ? {} : { pageSetup: spec.pageSetup }),
    }),
  );
  sheet.columns = columns.map((column) => ({
    width: column.width ?? DEFAULT_WIDTH,
    style: column.numFmt === undefined ? {} : { numFmt: column.numFmt },
  }));

  writeTableTitle(sheet, tableTitle(spec.name, spec.report));
  const range = await writeTable(sheet, columns, items, spec.totalLabel);
  const firstPage = firstPageWidths(printedWidths);
  spanNotes(sheet, firstPage, { besideKey: firstPage.length < printedWidths.length });
  spec.footer?.(sheet);
  sheet.autoFilter = `A${range.headerRow}:${columnLetter(columns.length)}${range.lastItemRow}`;
  // The streaming writer keeps no row count: the next row's number tells the last one's.
  const lastRow = sheet.addRow([]).number - 1;
  // The caps keep every sheet within the limit; past it the file would not open, so it is never finished.
  if (lastRow > EXCEL_MAX_ROWS) throw new SheetLimitError(spec.name, 'rows', lastRow, EXCEL_MAX_ROWS);
  if (spec.printedColumns !== undefined) {
    // exceljs puts a $ before each part: "A$1" becomes the absolute $A$1 that LibreOffice needs.
    sheet.pageSetup.printArea = `A$1:${columnLetter(spec.printedColumns)}$${lastRow}`;
  }
  sheet.commit();
}

/** The columns a sheet's first printed page shows: all of them, or as many as fit one page at 8 pt. */
function firstPageWidths(widths: readonly number[]): number[] {
  const first: number[] = [];
  let used = 0;
  for (const width of widths) {
    if (first.length > 0 && used + width > ONE_PAGE_WIDE_UNITS) break;
    first.push(width);
    used += width;
  }
  return first;
}

/** "By Org — November 2026", flagged when the run is preliminary (it does not close the period). */
export function tableTitle(name: string, report: ChargebackReport): string {
  return markedTitle(`${name} — ${report.period.label}`, report);
}

/** Every sheet's title says "Preliminary" when the run does not close the period. */
export function markedTitle(title: string, report: ChargebackReport): string {
  return isPreliminary(report) ? `${title} — Preliminary` : title;
}
