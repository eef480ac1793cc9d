import type { Worksheet } from 'exceljs';
import type { ChartImage } from '../../charts/chart-image.js';
import { SECTION_FONT } from '../cell-styles.js';
import { addPicturesToSheet, type SheetPicture } from '../streamed-pictures.js';
import type { StreamingWorkbook } from '../table-sheet.js';

/** Excel's and LibreOffice's default row: 15 pt = 20 px. */
const ROW_PX = 20;

/**
 * The charts under everything else on the Summary sheet, one below the other
 * from column A: below the last figure they can cover nothing, whatever the
 * sheet above holds, and they print after the tables. Call last, before commit.
 */
export function writeSummaryCharts(
  workbook: StreamingWorkbook,
  sheet: Worksheet,
  charts: readonly ChartImage[] | undefined,
): void {
  if (charts === undefined || charts.length === 0) return;
  // As writeSection does, but the title's row number is needed for the anchor.
  sheet.addRow([]).commit();
  const title = sheet.addRow(['Charts']);
  title.getCell(1).font = SECTION_FONT;
  title.commit();
  // The title's row number (1-based) is the zero-based index of the row below it.
  let row = title.number;
  const pictures: SheetPicture[] = charts.map((chart) => {
    const picture = {
      png: chart.png,
      width: chart.width,
      height: chart.height,
      col: 0,
      row,
      name: chart.title,
      description: chart.alt,
    };
    row += Math.ceil(chart.height / ROW_PX) + 1;
    return picture;
  });
  addPicturesToSheet(workbook, sheet, pictures);
}
