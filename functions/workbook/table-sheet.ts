import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { columnLetter, type TableColumn, writeTable } from './table.js';

const DEFAULT_WIDTH = 14;

export type StreamingWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;

export interface TableSheet<Item> {
  readonly name: string;
  readonly columns: readonly TableColumn<Item>[];
  readonly items: Iterable<Item>;
  /** Given for additive tables only: a `Total` row of SUM formulas. */
  readonly totalLabel?: string;
  /** Rows after the table, e.g. a note; the sheet is committed right after. */
  readonly footer?: (sheet: Worksheet) => void;
}

/** Landscape, one page wide, as many pages tall as needed: what finance prints. */
export const WIDE_PAGE_SETUP = {
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
} as const;

/**
 * A sheet holding one table from row 1: frozen header, autofilter over the
 * item rows (not the Total, so sorting leaves it last), formats on the columns.
 */
export async function writeTableSheet<Item>(
  workbook: StreamingWorkbook,
  spec: TableSheet<Item>,
): Promise<void> {
  // The streaming writer writes views when the sheet is added, so they go in here.
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { ...WIDE_PAGE_SETUP, printTitlesRow: '1:1' },
  });
  sheet.columns = spec.columns.map((column) => ({
    width: column.width ?? DEFAULT_WIDTH,
    style: column.numFmt === undefined ? {} : { numFmt: column.numFmt },
  }));

  const range = await writeTable(sheet, spec.columns, spec.items, spec.totalLabel);
  spec.footer?.(sheet);
  sheet.autoFilter = `A${range.headerRow}:${columnLetter(spec.columns.length)}${range.lastItemRow}`;
  sheet.commit();
}
