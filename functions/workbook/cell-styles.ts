import type { Alignment, Border, Fill, Font, Style } from 'exceljs';

const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<Border> = { style: 'thin', color: { argb: 'FF8EA9DB' } };

/**
 * The workbook's default font, repeated in every font we set: a font without a
 * name falls back to the viewer's default (a serif in LibreOffice).
 */
const BODY_FONT: Partial<Font> = { name: 'Calibri', family: 2, size: 11 };

export const TITLE_FONT: Partial<Font> = { ...BODY_FONT, bold: true, size: 14 };
export const SECTION_FONT: Partial<Font> = { ...BODY_FONT, bold: true, size: 12 };
export const LABEL_FONT: Partial<Font> = { ...BODY_FONT, bold: true };
export const NOTE_FONT: Partial<Font> = { ...BODY_FONT, italic: true, color: { argb: 'FF595959' } };
/** Excel's own hyperlink look, which exceljs does not apply by itself. */
export const LINK_FONT: Partial<Font> = { ...BODY_FONT, color: { argb: 'FF0563C1' }, underline: true };
/** Text right after a right-aligned number would otherwise touch it (indent needs an explicit alignment). */
export const AFTER_NUMBER: Partial<Alignment> = { horizontal: 'left', indent: 1 };

export function headerStyle(numeric: boolean, afterNumber: boolean): Partial<Style> {
  const alignment: Partial<Alignment> = {
    horizontal: numeric ? 'right' : 'left',
    vertical: 'bottom',
    wrapText: true,
    ...(afterNumber ? AFTER_NUMBER : {}),
  };
  return { font: LABEL_FONT, fill: HEADER_FILL, border: { bottom: THIN }, alignment };
}

export function totalStyle(numFmt: string | undefined): Partial<Style> {
  const style: Partial<Style> = { font: LABEL_FONT, border: { top: THIN } };
  return numFmt === undefined ? style : { ...style, numFmt };
}
