import type { CellValue, Fill, Row, Worksheet } from 'exceljs';
import { LABEL_FONT, NOTE_FONT, SECTION_FONT, TITLE_FONT } from './cell-styles.js';
import { wrapUnits } from './table.js';
import { wrappedLines } from './text-width.js';

/** A labelled value on the Summary or About sheet. */
export interface Fact {
  readonly label: string;
  readonly value: CellValue;
  readonly numFmt?: string;
}

export function writeTitle(sheet: Worksheet, title: string): void {
  const row = sheet.addRow([title]);
  row.getCell(1).font = TITLE_FONT;
  row.height = 22;
  row.commit();
}

/** The row above a table's header: what the table is and for which period. */
export function writeTableTitle(sheet: Worksheet, title: string): void {
  const row = sheet.addRow([title]);
  row.getCell(1).font = SECTION_FONT;
  row.height = 20;
  row.commit();
}

/** With `newPage`, the section starts a printed page (the break follows the blank row above it). */
export function writeSection(sheet: Worksheet, title: string, { newPage = false } = {}): void {
  const blank = sheet.addRow([]);
  if (newPage) blank.addPageBreak();
  blank.commit();
  const row = sheet.addRow([title]);
  row.getCell(1).font = SECTION_FONT;
  row.commit();
}

/**
 * Returns the row number of each fact, for formulas and defined names that point at one.
 * With `wrapAt` (the value column's width), a longer text value wraps, its row as tall as its lines.
 */
export function writeFacts(sheet: Worksheet, facts: readonly Fact[], wrapAt?: number): number[] {
  const rows: number[] = [];
  for (const fact of facts) {
    const row = sheet.addRow([fact.label, fact.value]);
    row.getCell(1).font = LABEL_FONT;
    const value = row.getCell(2);
    // Numbers and dates next to their label read better than flushed to the far edge.
    value.alignment = { horizontal: 'left' };
    const span = noteSpans.get(sheet);
    const labelWidth = span?.widths[0];
    const labelLines = labelWidth === undefined ? 1 : wrappedLines(fact.label, textRoom(labelWidth), true);
    // A label wider than its column wraps: the value beside it would cut it. Both stand at the top.
    if (labelLines > 1) {
      row.getCell(1).alignment = { vertical: 'top', wrapText: true };
      value.alignment = { ...value.alignment, vertical: 'top' };
      row.height = Math.min(409, labelLines * 15);
    }
    if (wrapAt !== undefined && typeof fact.value === 'string' && fact.value.length > wrapAt) {
      value.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
      // The label stands beside the first line of its value.
      row.getCell(1).alignment = { ...row.getCell(1).alignment, vertical: 'top' };
      row.height = Math.min(409, Math.ceil(fact.value.length / (wrapAt * 0.9)) * 15);
    } else if (
      span !== undefined &&
      typeof fact.value === 'string' &&
      wrapAcross(sheet, row, 2, span, fact.value)
    ) {
      // The label stands beside the first line of its value.
      row.getCell(1).alignment = { ...row.getCell(1).alignment, vertical: 'top' };
    }
    if (fact.numFmt !== undefined) value.numFmt = fact.numFmt;
    rows.push(row.number);
    row.commit();
  }
  return rows;
}

const NOTICE_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFEF3C7' } };

/**
 * A notice that changes how the figures are read (demo data, preliminary), boxed across `columns`;
 * `width` (the columns' total, in characters) makes a long one as tall as its lines.
 */
export function writeNotice(sheet: Worksheet, text: string, columns: number, width?: number): void {
  const row = sheet.addRow([text]);
  for (let column = 1; column <= columns; column++) {
    row.getCell(column).fill = NOTICE_FILL;
  }
  row.getCell(1).font = LABEL_FONT;
  row.getCell(1).alignment = { vertical: 'middle', wrapText: true };
  // Bold Calibri runs about one character to a width unit; two lines fit the usual notice.
  const lines = width === undefined ? 2 : Math.max(2, Math.ceil(text.length / width) + 1);
  row.height = Math.min(409, lines * 15);
  sheet.mergeCells(row.number, 1, row.number, columns);
  row.commit();
}

/** The columns a sheet's notes span: the ones its first printed page shows. */
interface NoteSpan {
  readonly columns: number;
  /** Their widths, in width units. */
  readonly widths: readonly number[];
  /** Their total width. */
  readonly units: number;
  /** The column notes start in: 2 on a sheet printed more than one page across. */
  readonly noteColumn: number;
}

const noteSpans = new WeakMap<Worksheet, NoteSpan>();

/**
 * Notes on this sheet wrap within its first `widths.length` columns (those
 * its printed page shows) instead of running on past the page's edge, where
 * a printout cuts them and LibreOffice shrinks the whole page to fit them.
 */
export function spanNotes(
  sheet: Worksheet,
  widths: readonly number[],
  { besideKey = false }: { besideKey?: boolean } = {},
): void {
  noteSpans.set(sheet, {
    columns: widths.length,
    widths,
    units: widths.reduce((sum, width) => sum + width, 0),
    // The pages to the right of the first repeat column A, the rows' key: a note in A would print
    // there as its first few letters, so on such a sheet the notes start beside it.
    noteColumn: besideKey ? 2 : 1,
  });
}

const textRoom = wrapUnits;

/**
 * A text in `column` wider than its cell runs on over the span's further
 * columns, merged, wrapped within them, its row as tall as its lines (neither
 * exceljs nor Excel sizes a row to wrapped text).
 */
function wrapAcross(sheet: Worksheet, row: Row, column: number, span: NoteSpan, text: string): boolean {
  const own = span.widths[column - 1] ?? 0;
  if (text.length === 0 || (wrappedLines(text, textRoom(own)) === 1 && !text.includes('\n'))) return false;
  const units = span.widths.slice(column - 1).reduce((sum, width) => sum + width, 0);
  const cell = row.getCell(column);
  cell.alignment = { ...cell.alignment, vertical: 'top', wrapText: true };
  const lines = wrappedLines(text, textRoom(units));
  if (lines > 1) row.height = Math.max(row.height ?? 0, Math.min(409, lines * 15));
  if (span.columns > column) sheet.mergeCells(row.number, column, row.number, span.columns);
  return true;
}

/**
 * A label in A that runs on over the empty columns up to `lastColumn` (a walk's
 * step): merged with them and wrapped when it is wider, so the figures beside it never cut it.
 */
export function wrapLabel(sheet: Worksheet, row: Row, lastColumn: number): void {
  const span = noteSpans.get(sheet);
  const label = row.getCell(1).value;
  if (span === undefined || typeof label !== 'string') return;
  wrapAcross(
    sheet,
    row,
    1,
    { ...span, columns: lastColumn, widths: span.widths.slice(0, lastColumn) },
    label,
  );
}

/** A sentence in bold that sums up what is above it, wrapped like a note. */
export function writeStatement(sheet: Worksheet, text: string): void {
  const row = sheet.addRow([text]);
  row.getCell(1).font = LABEL_FONT;
  const span = noteSpans.get(sheet);
  if (span !== undefined) wrapAcross(sheet, row, 1, span, text);
  row.commit();
}

export function writeNote(sheet: Worksheet, text: string): void {
  const span = noteSpans.get(sheet);
  const column = span?.noteColumn ?? 1;
  const row = sheet.addRow(column === 1 ? [text] : [null, text]);
  row.getCell(column).font = NOTE_FONT;
  if (span !== undefined) wrapAcross(sheet, row, column, span, text);
  row.commit();
}

/** Notes under a table, one blank row below it so they never read as a table row. */
export function writeFooterNotes(sheet: Worksheet, notes: readonly string[]): void {
  sheet.addRow([]).commit();
  for (const note of notes) writeNote(sheet, note);
}
