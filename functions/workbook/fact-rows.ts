import type { CellValue, Fill, Worksheet } from 'exceljs';
import { LABEL_FONT, NOTE_FONT, SECTION_FONT, TITLE_FONT } from './cell-styles.js';

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

export function writeSection(sheet: Worksheet, title: string): void {
  sheet.addRow([]).commit();
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
    if (wrapAt !== undefined && typeof fact.value === 'string' && fact.value.length > wrapAt) {
      value.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
      row.height = Math.min(409, Math.ceil(fact.value.length / (wrapAt * 0.9)) * 15);
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

export function writeNote(sheet: Worksheet, text: string): void {
  const row = sheet.addRow([text]);
  row.getCell(1).font = NOTE_FONT;
  row.commit();
}

/** Notes under a table, one blank row below it so they never read as a table row. */
export function writeFooterNotes(sheet: Worksheet, notes: readonly string[]): void {
  sheet.addRow([]).commit();
  for (const note of notes) writeNote(sheet, note);
}
