import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CHARGEBACK_SHEETS } from '#workbook/chargeback-sheets.js';
import { runDemoMonths } from '../focus/demo-months.js';
import { measurePrintedFonts, pagesAcross, printToolsAvailable } from '../support/measure-print-fonts.js';
import { lastPrintedHeaders } from '../support/printed-headers.js';

/** Nothing a finance analyst prints may be smaller than this. */
const SMALLEST_READABLE_PT = 8;

/**
 * Sheets whose printed columns cannot fit one landscape page at 8 pt even
 * with their text wrapped: their numbers alone are wider (By Cost Centre's
 * twelve figures, the journal's posting columns, Sessions' IDs and dates).
 * They print two pages across, the first column repeated on the second.
 */
const TWO_PAGES_WIDE = new Set(['By Cost Centre', 'Journal', 'Sessions']);

/**
 * The demo printed 114 pages at 8 pt before its columns were fitted and its
 * text wrapped (Sessions 3 pages across, By User 3, Reconciliation 9 long),
 * 101 after; the ceiling leaves room for a few more rows, not for a sheet
 * going back to several pages across.
 */
const DEMO_PAGES_CEILING = 105;

describe.skipIf(!printToolsAvailable())('the demo workbook printed by LibreOffice', () => {
  it('prints every sheet at 8 pt or more, one page wide where it can, nothing cut at the edge, every page of a table sheet repeating its status line', {
    timeout: 600_000,
  }, async () => {
    const out = await runDemoMonths(['2026-11']);
    const workbook = (await readdir(out)).find((name) => /^devin-acu-chargeback-2026-11\.xlsx$/.test(name));
    expect(workbook).toBeDefined();
    const path = join(out, workbook ?? '');
    const printed = await measurePrintedFonts(
      path,
      CHARGEBACK_SHEETS.map((sheet) => sheet.name),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const lastHeaders = lastPrintedHeaders(book);
    const figures = printed.map((sheet) => {
      const last = lastHeaders.get(sheet.sheet);
      return {
        sheet: sheet.sheet,
        pages: sheet.pages.length,
        across: last === undefined ? 1 : pagesAcross(sheet, last),
        smallestPt: sheet.smallestPt,
      };
    });
    const total = figures.reduce((sum, sheet) => sum + sheet.pages, 0);
    console.log(`printed pages ${total}; per sheet: ${JSON.stringify(figures)}`);
    // Every sheet was found by its name in the page header: no page is unaccounted for.
    expect(printed.filter((sheet) => sheet.sheet.startsWith('(unknown'))).toEqual([]);
    for (const sheet of printed)
      expect(sheet.smallestPt, sheet.sheet).toBeGreaterThanOrEqual(SMALLEST_READABLE_PT);
    // No word runs past the page's right edge (a note, a sentence, a long label), and no number prints as ###.
    for (const sheet of printed) {
      expect(sheet.cutWords, sheet.sheet).toEqual([]);
      for (const text of sheet.texts) expect(text, sheet.sheet).not.toMatch(/##/);
    }
    // One page wide, but for the sheets whose figures alone are wider than a page at 8 pt.
    for (const sheet of figures) {
      expect(sheet.across, sheet.sheet).toBeLessThanOrEqual(TWO_PAGES_WIDE.has(sheet.sheet) ? 2 : 1);
    }
    expect(figures.find((sheet) => sheet.sheet === 'By Org')?.across).toBe(1);
    expect(figures.find((sheet) => sheet.sheet === 'Reconciliation')?.pages).toBeLessThanOrEqual(5);
    expect(total).toBeLessThanOrEqual(DEMO_PAGES_CEILING);
    // Every page of Sessions, the continuation pages to the right too, says which session a row is.
    const sessions = printed.find((sheet) => sheet.sheet === 'Sessions');
    expect(sessions?.pages.length).toBeGreaterThan(1);
    for (const text of sessions?.texts ?? []) expect(text).toMatch(/Session ID .*devin-/s);
    // The title row (which says "— Preliminary" on a run that does not close) is repeated with the header on every page.
    for (const text of sessions?.texts ?? []) expect(text).toMatch(/Sessions — November 2026/);
    // The Summary's By org table prints with its Total on one page.
    const summary = printed.find((sheet) => sheet.sheet === 'Summary');
    expect(summary?.texts.filter((text) => /By org Org ID .* Total .* 100\.0%/.test(text))).toHaveLength(1);
    // By Cost Centre's first page carries the money.
    const byCostCentre = printed.find((sheet) => sheet.sheet === 'By Cost Centre');
    expect(byCostCentre?.texts[0]).toMatch(/Usage .*Posted .*Previous Cost .*Change \(Cost\)/s);
  });
});
