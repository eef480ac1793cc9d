import { join } from 'node:path';
import ExcelJS, { type Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ONE_PAGE_WIDE_UNITS } from '#workbook/print-setup.js';
import { runDemoMonths } from '../focus/demo-months.js';

// Excel and LibreOffice repeat the key column (A) on every page printed to the right of the first:
// a note merged from A across the first page would print there as its first few letters.
describe('notes under a table printed more than one page across', () => {
  it('starts the notes under a table printed more than one page across beside its key column, which every page repeats', async () => {
    const out = await runDemoMonths(['2026-11']);
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(
      join(out, 'devin-acu-chargeback-2026-11.xlsx'),
    );
    const printedWide = (ws: Worksheet) => {
      const area = ws.pageSetup.printArea;
      const last =
        area === undefined ? ws.columnCount : ws.getColumn(/:\$?([A-Z]+)/.exec(area)?.[1] ?? 'A').number;
      let units = 0;
      for (let column = 1; column <= last; column += 1) units += ws.getColumn(column).width ?? 9;
      return units > ONE_PAGE_WIDE_UNITS;
    };
    const notesOf = (ws: Worksheet) => {
      const rows: { a: unknown; b: unknown }[] = [];
      let afterTotal = false;
      ws.eachRow((row) => {
        if (afterTotal) rows.push({ a: row.getCell(1).value, b: row.getCell(2).value });
        if (row.getCell(1).value === 'Total') afterTotal = true;
      });
      return rows.filter(({ a, b }) => a !== null || b !== null);
    };
    const wide = workbook.worksheets.filter(
      (ws) => ws.pageSetup.printTitlesColumn !== undefined && printedWide(ws),
    );
    expect(wide.map((ws) => ws.name)).toEqual(expect.arrayContaining(['By Cost Centre', 'Sessions']));
    for (const ws of wide) {
      const notes = notesOf(ws);
      expect(notes.length, ws.name).toBeGreaterThan(0);
      for (const note of notes) {
        expect(note.a, ws.name).toBeNull();
        expect(typeof note.b, ws.name).toBe('string');
      }
    }
    // A sheet one page wide keeps its notes in A.
    const byOrg = workbook.getWorksheet('By Org');
    expect(byOrg && printedWide(byOrg)).toBe(false);
    expect(byOrg && notesOf(byOrg)[0]?.a).toEqual(expect.any(String));
  }, 120_000);
});
