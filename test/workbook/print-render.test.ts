import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHARGEBACK_SHEETS } from '../../functions/workbook/chargeback-sheets.js';
import { runDemoMonths } from '../focus/demo-months.js';
import { measurePrintedFonts, printToolsAvailable } from '../support/measure-print-fonts.js';

/** Nothing a finance analyst prints may be smaller than this. */
const SMALLEST_READABLE_PT = 8;

describe.skipIf(!printToolsAvailable())('the demo workbook printed by LibreOffice', () => {
  it('prints every sheet at 8 pt or more, and every page of a table sheet repeats its status line', {
    timeout: 600_000,
  }, async () => {
    const out = await runDemoMonths(['2026-11']);
    const workbook = (await readdir(out)).find((name) => /^devin-acu-chargeback-2026-11\.xlsx$/.test(name));
    expect(workbook).toBeDefined();
    const printed = await measurePrintedFonts(
      join(out, workbook ?? ''),
      CHARGEBACK_SHEETS.map((sheet) => sheet.name),
    );
    const scale = Object.fromEntries(printed.map((sheet) => [sheet.sheet, sheet.smallestPt]));
    console.log(`smallest printed font per sheet (pt): ${JSON.stringify(scale)}`);
    // Every sheet was found by its name in the page header: no page is unaccounted for.
    expect(printed.filter((sheet) => sheet.sheet.startsWith('(unknown'))).toEqual([]);
    for (const sheet of printed)
      expect(sheet.smallestPt, sheet.sheet).toBeGreaterThanOrEqual(SMALLEST_READABLE_PT);
    // The title row (which says "— Preliminary" on a run that does not close) is repeated with the header on every page.
    const sessions = printed.find((sheet) => sheet.sheet === 'Sessions');
    expect(sessions?.pages.length).toBeGreaterThan(1);
    for (const text of sessions?.texts ?? []) expect(text).toMatch(/Sessions — November 2026/);
    // By Cost Centre's first page carries the money.
    const byCostCentre = printed.find((sheet) => sheet.sheet === 'By Cost Centre');
    expect(byCostCentre?.texts[0]).toMatch(/Usage .*Posted .*Previous Cost .*Change \(Cost\)/s);
  });
});
