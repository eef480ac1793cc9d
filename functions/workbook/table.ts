import type { Alignment, CellValue, Row as SheetRow, Style, Worksheet } from 'exceljs';
import { AFTER_NUMBER, headerStyle, LINK_FONT, totalStyle } from './cell-styles.js';
import { wrappedLines } from './text-width.js';
import { SheetLimitError } from './workbook-errors.js';
import { waitForZip } from './zip-backpressure.js';

export interface TableColumn<Item> {
  readonly header: string;
  /** In characters, as Excel measures it; used when the table has the sheet to itself. */
  readonly width?: number;
  /** Numeric and date columns; text columns have none. */
  readonly numFmt?: string;
  readonly value: (item: Item) => CellValue;
  /**
   * The column's exact total, computed from the report: the Total row's SUM
   * formula carries it as its result, so viewers that do not recalculate show it.
   */
  readonly total?: number;
  /**
   * The Total row's formula instead of a SUM, for columns that do not add up
   * (a ratio of two totals); given the Total row's number. `total` is its result.
   */
  readonly totalFormula?: (totalRow: number) => string;
  /** Long text (lists, titles): wrapped in its width instead of cut off by the next cell. */
  readonly wrap?: boolean;
  /**
   * Whether its wrapped text makes a row as tall as its lines (the default).
   * Off for wrapped columns the printout leaves out: their lists (pull
   * requests) would make every printed row taller for text not on the page.
   */
  readonly growsRow?: boolean;
}

export interface TableRange {
  readonly headerRow: number;
  /** The header row when the table has no rows. */
  readonly lastItemRow: number;
  /** Absent for tables without a Total. */
  readonly totalRow?: number;
}

/** Columns in one Excel sheet (XFD); the widest table has a few dozen. */
export const EXCEL_MAX_COLUMNS = 16_384;

/** How often a long table checks on the zip (see waitForZip). */
const ROWS_PER_YIELD = 1_000;

/**
 * Header row, one committed row per item, then, when `totalLabel` is given, a
 * blank row and a `Total` row. The blank row ends the table's region, so a
 * pivot or a filter built from the data never picks up the Total; the Total's
 * SUBTOTAL(109, …) ignores rows a filter hides, so it is the visible rows' total.
 */
export async function writeTable<Item>(
  sheet: Worksheet,
  columns: readonly TableColumn<Item>[],
  items: Iterable<Item>,
  totalLabel?: string,
): Promise<TableRange> {
  if (columns.length > EXCEL_MAX_COLUMNS) {
    throw new SheetLimitError(sheet.name, 'columns', columns.length, EXCEL_MAX_COLUMNS);
  }
  const header = sheet.addRow(columns.map((column) => column.header));
  columns.forEach((column, i) => {
    header.getCell(i + 1).style = headerStyle(column.numFmt !== undefined, followsNumber(columns, i));
  });
  // Headers wrap at their spaces, so a long name does not widen a column of short numbers.
  const headerLines = Math.max(
    ...columns.map((column) => wrappedLines(column.header, wrapUnits(column.width ?? 14), true)),
  );
  if (headerLines > 1) header.height = Math.min(409, headerLines * LINE_HEIGHT);
  header.commit();

  const styles = columns.map((column, i) => itemStyle(column, followsNumber(columns, i)));
  const cellValueOf = columns.map((column) => column.value);
  const wrapped = columns.flatMap((column, i) =>
    column.wrap === true && column.growsRow !== false
      ? [{ index: i, units: wrapUnits(column.width ?? 14), known: new Map<string, number>() }]
      : [],
  );
  let lastItemRow = header.number;
  let written = 0;
  for (const item of items) {
    const values: CellValue[] = new Array(cellValueOf.length);
    for (let i = 0; i < cellValueOf.length; i += 1) {
      values[i] = (cellValueOf[i] as (item: Item) => CellValue)(item);
    }
    const row = sheet.addRow(values);
    // exceljs gives every row a new empty style, which misses its style cache
    // and is rendered to XML once per row to find it is the default: one shared
    // empty style is found by identity.
    (row as unknown as { style: Partial<Style> }).style = ROW_STYLE;
    styleItemRow(row, values, styles);
    if (wrapped.length > 0) fitWrappedHeight(row, values, wrapped);
    row.commit();
    lastItemRow = row.number;
    written += 1;
    if (written % ROWS_PER_YIELD === 0) await waitForZip(sheet);
  }

  const range = { headerRow: header.number, lastItemRow };
  if (totalLabel === undefined) return range;
  return { ...range, totalRow: writeTotalRow(sheet, columns, range, totalLabel) };
}

const ROW_STYLE: Partial<Style> = Object.freeze({});
const LINE_HEIGHT = 15;

/**
 * The width a wrapped cell's text may fill: its column less the cell margins
 * and a unit to spare for a viewer whose font breaks lines elsewhere, so a
 * row is never shorter than its lines.
 */
export function wrapUnits(width: number): number {
  return Math.max(1, width - 2.2);
}

/** No character is wider than this many units: a text this short fits its line without measuring. */
const WIDEST_CHARACTER_UNITS = 1.9;
/**
 * Texts a wrapped column remembers the lines of: names and tag lists repeat
 * row after row (a user's name is the same string on each of their sessions),
 * so most cells are counted once. Bounded, as titles may all differ.
 */
const REMEMBERED_TEXTS = 10_000;

interface WrappedColumn {
  readonly index: number;
  readonly units: number;
  readonly known: Map<string, number>;
}

/**
 * Viewers do not all grow a row to its wrapped text (LibreOffice keeps the
 * given height, Excel keeps a set one), so a row whose wrapped cells need more
 * lines says how tall it is.
 */
function fitWrappedHeight(
  row: SheetRow,
  values: readonly CellValue[],
  wrapped: readonly WrappedColumn[],
): void {
  let lines = 1;
  for (const { index, units, known } of wrapped) {
    const value = values[index];
    // Most cells fit on one line: no need to measure them.
    if (typeof value !== 'string') continue;
    if (value.length * WIDEST_CHARACTER_UNITS <= units && !value.includes('\n')) continue;
    let counted = known.get(value);
    if (counted === undefined) {
      counted = wrappedLines(value, units);
      if (known.size >= REMEMBERED_TEXTS) known.clear();
      known.set(value, counted);
    }
    lines = Math.max(lines, counted);
  }
  if (lines > 1) row.height = Math.min(409, lines * LINE_HEIGHT);
}

/** Column letter of a 1-based index: 1 → A, 28 → AB. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

const NUMBER_ALIGNMENT: Partial<Alignment> = { horizontal: 'right' };

interface ItemStyles {
  readonly plain: Partial<Style>;
  readonly link: Partial<Style>;
}

/**
 * exceljs caches a style's id by object identity: giving every cell of a
 * column the same object (never mutated afterwards) spares rendering its XML
 * once per cell, which otherwise dominates writing a large sheet.
 */
function itemStyle<Item>(column: TableColumn<Item>, afterNumber: boolean): ItemStyles {
  // A word in a number column ("new" for a change of nothing) stands where the numbers do.
  const plain: Partial<Style> =
    column.numFmt !== undefined
      ? { numFmt: column.numFmt, alignment: NUMBER_ALIGNMENT }
      : column.wrap === true
        ? { alignment: { ...(afterNumber ? AFTER_NUMBER : {}), wrapText: true } }
        : afterNumber
          ? { alignment: AFTER_NUMBER }
          : {};
  return { plain, link: { ...plain, font: LINK_FONT } };
}

function styleItemRow(row: SheetRow, values: readonly CellValue[], styles: readonly ItemStyles[]): void {
  for (let i = 0; i < styles.length; i += 1) {
    const style = styles[i] as ItemStyles;
    const value = values[i];
    const isLink = typeof value === 'object' && value !== null && 'hyperlink' in value;
    row.getCell(i + 1).style = isLink ? style.link : style.plain;
  }
}

function followsNumber<Item>(columns: readonly TableColumn<Item>[], index: number): boolean {
  return columns[index]?.numFmt === undefined && columns[index - 1]?.numFmt !== undefined;
}

function writeTotalRow<Item>(
  sheet: Worksheet,
  columns: readonly TableColumn<Item>[],
  range: TableRange,
  label: string,
): number {
  const hasItems = range.lastItemRow > range.headerRow;
  sheet.addRow([]).commit();
  const totalRow = range.lastItemRow + 2;
  const row = sheet.addRow(
    columns.map((column, i): CellValue => {
      if (i === 0) return label;
      if (column.total === undefined) return null;
      if (column.totalFormula !== undefined)
        return { formula: column.totalFormula(totalRow), result: column.total };
      // A range over no rows would reach into the header row.
      if (!hasItems) return column.total;
      const letter = columnLetter(i + 1);
      return {
        formula: `SUBTOTAL(109,${letter}${range.headerRow + 1}:${letter}${range.lastItemRow})`,
        result: column.total,
      };
    }),
  );
  columns.forEach((column, i) => {
    row.getCell(i + 1).style = totalStyle(column.numFmt);
  });
  row.commit();
  return row.number;
}
