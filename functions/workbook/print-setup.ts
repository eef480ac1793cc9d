import type { AddWorksheetOptions, HeaderFooter, PageSetup } from 'exceljs';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { isPreliminary } from '#core/report/run-status.js';

/**
 * Excel's "Narrow" margins: a quarter inch at the sides, which every office
 * printer reaches, so a table gains an inch of width before it must shrink.
 */
export const PRINT_MARGINS = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** Landscape, one page wide, as many pages tall as needed: what finance prints. */
export const WIDE_PAGE_SETUP = {
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: PRINT_MARGINS,
} as const;

/** `&` starts a code in a header or footer: a literal one is written twice. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * Every printed page names the report, the period (with "Preliminary" when
 * the run does not close it), the sheet (&A) and "Page x of y" (&P, &N), so a
 * page that comes loose still says what it is. The status is in the header
 * too because a page printed to the right of the first repeats only column A
 * of the title row, which cuts the title before its status.
 */
export function printHeaderFooter(report: ChargebackReport): Partial<HeaderFooter> {
  const period = isPreliminary(report) ? `${report.period.label} — Preliminary` : report.period.label;
  const header = `&L${headerText('Devin ACU chargeback')}&C${headerText(period)}&R&A`;
  const footer = `&L${headerText(report.period.label)}&CPage &P of &N&R&A`;
  return { oddHeader: header, oddFooter: footer };
}

export interface SheetLayout {
  /** Rows frozen at the top (the title and header rows of a table sheet). */
  readonly frozenRows?: number;
  /** Rows repeated at the top of every printed page, e.g. '2:2'. */
  readonly printTitlesRow?: string;
  readonly pageSetup?: Partial<PageSetup>;
  /** The printed columns' widths: they choose the orientation and the scale (pageSetupForWidths). */
  readonly widths?: readonly number[];
}

/** The options of every sheet: the print setup, header and footer, frozen rows. */
export function sheetOptions(
  report: ChargebackReport,
  layout: SheetLayout = {},
): Partial<AddWorksheetOptions> {
  const { frozenRows, printTitlesRow, pageSetup, widths } = layout;
  return {
    ...(frozenRows === undefined ? {} : { views: [{ state: 'frozen', ySplit: frozenRows }] }),
    pageSetup: {
      // Set when the sheet is added: the streaming writer writes fit-to-page before the rows.
      ...(widths === undefined ? WIDE_PAGE_SETUP : pageSetupForWidths(widths)),
      ...(printTitlesRow === undefined ? {} : { printTitlesRow }),
      ...pageSetup,
    },
    headerFooter: printHeaderFooter(report),
  };
}

/*
 * Print that reads: no page below 8 pt. The body font is 11 pt, so a page may
 * shrink to at most 75 % (8.25 pt). Widths are the narrower of Letter and A4
 * minus the narrow 0.25" side margins: portrait 7.77", landscape 10.5".
 * A width unit prints about 7.1 pt wide at 100 % in LibreOffice (measured:
 * the By Cost Centre sheet's 293 units filled 691 pt at 32.7 %); Excel prints
 * narrower, so a layout that reads in LibreOffice reads in Excel.
 */
const POINTS_PER_WIDTH_UNIT = 7.1;
export const MIN_PRINT_SCALE = 0.75;
const PORTRAIT_POINTS = (8.27 - PRINT_MARGINS.left - PRINT_MARGINS.right) * 72;
const LANDSCAPE_POINTS = (11 - PRINT_MARGINS.left - PRINT_MARGINS.right) * 72;

/** The widest columns (in width units) a landscape page prints at 8 pt or more: one page wide. */
export const ONE_PAGE_WIDE_UNITS = Math.floor(LANDSCAPE_POINTS / MIN_PRINT_SCALE / POINTS_PER_WIDTH_UNIT);

/** The printed width of columns at 100 %, in points. */
export function printedPoints(widths: readonly number[]): number {
  return widths.reduce((sum, width) => sum + width * POINTS_PER_WIDTH_UNIT, 0);
}

/**
 * Portrait when the columns fit its width unshrunk, else landscape
 * one page wide when they fit that; wider still, landscape at 75 % with the
 * columns flowing onto further pages (the first column repeated), rather
 * than shrunk below 8 pt.
 */
export function pageSetupForWidths(widths: readonly number[]): Partial<PageSetup> {
  const points = printedPoints(widths);
  // Portrait only when it needs no shrinking: a portrait page shrunk is the smallest print of all.
  if (points <= PORTRAIT_POINTS)
    return {
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: PRINT_MARGINS,
    };
  if (points * MIN_PRINT_SCALE <= LANDSCAPE_POINTS) return { ...WIDE_PAGE_SETUP };
  return {
    orientation: 'landscape',
    fitToPage: false,
    scale: Math.round(MIN_PRINT_SCALE * 100),
    printTitlesColumn: 'A:A',
    margins: PRINT_MARGINS,
  };
}
