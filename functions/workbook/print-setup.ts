import type { AddWorksheetOptions, HeaderFooter, PageSetup } from 'exceljs';
import type { ChargebackReport } from '../core/report/chargeback-report.js';

/** Landscape, one page wide, as many pages tall as needed: what finance prints. */
export const WIDE_PAGE_SETUP = {
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
} as const;

/** `&` starts a code in a header or footer: a literal one is written twice. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * Every printed page names the report, the period, the sheet (&A) and
 * "Page x of y" (&P, &N), so a page that comes loose still says what it is.
 */
export function printHeaderFooter(report: ChargebackReport): Partial<HeaderFooter> {
  const header = `&L${headerText('Devin ACU chargeback')}&C${headerText(report.period.label)}&R&A`;
  const footer = `&L${headerText(report.period.label)}&CPage &P of &N&R&A`;
  return { oddHeader: header, oddFooter: footer };
}

export interface SheetLayout {
  /** Rows frozen at the top (the title and header rows of a table sheet). */
  readonly frozenRows?: number;
  /** Rows repeated at the top of every printed page, e.g. '2:2'. */
  readonly printTitlesRow?: string;
  readonly pageSetup?: Partial<PageSetup>;
}

/** The options of every sheet: the print setup, header and footer, frozen rows. */
export function sheetOptions(
  report: ChargebackReport,
  layout: SheetLayout = {},
): Partial<AddWorksheetOptions> {
  const { frozenRows, printTitlesRow, pageSetup } = layout;
  return {
    ...(frozenRows === undefined ? {} : { views: [{ state: 'frozen', ySplit: frozenRows }] }),
    pageSetup: {
      ...WIDE_PAGE_SETUP,
      ...(printTitlesRow === undefined ? {} : { printTitlesRow }),
      ...pageSetup,
    },
    headerFooter: printHeaderFooter(report),
  };
}
