import type { Alignment, Border, Fill, Font, Style } from 'exceljs';

const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<Border> = { style: 'thin', color: { argb: 'FF8EA9DB' } };

export const TITLE_FONT: Partial<Font> = { bold: true, size: 14 };
export const SECTION_FONT: Partial<Font> = { bold: true, size: 12 };
export const LABEL_FONT: Partial<Font> = { bold: true };
export const NOTE_FONT: Partial<Font> = { italic: true, color: { argb: 'FF595959' } };
/** Excel's own hyperlink look, which exceljs does not apply by itself. */
export const LINK_FONT: Partial<Font> = { color: { argb: 'FF0563C1' }, underline: true };

export function headerStyle(numeric: boolean): Partial<Style> {
  const alignment: Partial<Alignment> = { horizontal: numeric ? 'right' : 'left', vertical: 'middle' };
  return { font: { bold: true }, fill: HEADER_FILL, border: { bottom: THIN }, alignment };
}

export function totalStyle(numFmt: string | undefined): Partial<Style> {
  const style: Partial<Style> = { font: { bold: true }, border: { top: THIN } };
  return numFmt === undefined ? style : { ...style, numFmt };
}
