import type { Worksheet } from 'exceljs';
import type { ChartImage } from '#charts/chart-image.js';
import { SECTION_FONT } from '../cell-styles.js';
import { addPicturesToSheet, type SheetPicture } from '../streamed-pictures.js';
import type { StreamingWorkbook } from '../table-sheet.js';

/** Excel's and LibreOffice's default row: 15 pt = 20 px. */
const ROW_PX = 20;

/**
 * The charts under everything else on the Summary sheet, one below the other
 * from column A: below the last figure they can cover nothing, whatever the
 * sheet above holds. Each starts a printed page, so none is cut in two.
 * Call last, before commit.
 */
export function writeSummaryCharts(
  workbook: StreamingWorkbook,
  sheet: Worksheet,
  charts: readonly ChartImage[] | undefined,
): void {
  if (charts === undefined || charts.length === 0) return;
  const gap = sheet.addRow([]);
  gap.addPageBreak();
  gap.commit();
  const title = sheet.addRow(['Charts']);
  title.getCell(1).font = SECTION_FONT;
  title.commit();
  const pictures: SheetPicture[] = [];
  // A row number (1-based) is the zero-based index of the row below it.
  let anchor = title.number;
  for (const [i, chart] of charts.entries()) {
    if (i > 0) {
      // Empty rows down to below the previous chart, the last one carrying the page break.
      let row = sheet.addRow([]);
      while (row.number < anchor) {
        row.commit();
        row = sheet.addRow([]);
      }
      row.addPageBreak();
      row.commit();
      anchor = row.number;
    }
    pictures.push({
      png: chart.png,
      width: chart.width,
      height: chart.height,
      col: 0,
      row: anchor,
      name: chart.title,
      description: chart.alt,
    });
    anchor += Math.ceil(chart.height / ROW_PX) + 1;
  }
  addPicturesToSheet(workbook, sheet, pictures);
}
