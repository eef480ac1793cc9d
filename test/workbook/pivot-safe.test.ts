import type { CellFormulaValue, Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BILLED, RECONCILED } from './billing-fixtures.js';
import { INPUT } from './fixtures.js';
import { roundTrip } from './read-back.js';

interface FoundTable {
  readonly header: number;
  readonly firstItem: number;
  readonly lastItem: number;
  readonly total: number;
}

const isEmpty = (ws: Worksheet, row: number) => !ws.getRow(row).hasValues;
/** Header and item rows have several cells; a title or section row above them has one. */
const isTableRow = (ws: Worksheet, row: number) => ws.getRow(row).actualCellCount > 1;

/** Every table that ends in a Total row: its header is the top of the rows of several cells above it. */
function tablesOf(ws: Worksheet): FoundTable[] {
  const found: FoundTable[] = [];
  for (let row = 1; row <= ws.rowCount; row++) {
    if (ws.getCell(row, 1).value !== 'Total') continue;
    let header = row - 2;
    while (header > 1 && isTableRow(ws, header - 1)) header--;
    found.push({ header, firstItem: header + 1, lastItem: row - 2, total: row });
  }
  return found;
}

function isFormula(value: unknown): value is CellFormulaValue {
  return typeof value === 'object' && value !== null && 'formula' in value;
}

describe.each([
  ['the session basis', INPUT],
  ['a reconciled month over month', RECONCILED],
  ['the billed basis', BILLED],
])('pivot-safe tables on %s', (_, input) => {
  it('leaves a blank row before every Total, so a pivot over the table never takes it in', async () => {
    const workbook = await roundTrip(input);
    let tables = 0;
    for (const ws of workbook.worksheets) {
      for (const table of tablesOf(ws)) {
        tables++;
        expect(isEmpty(ws, table.total - 1), `${ws.name}!${table.total}`).toBe(true);
        expect(table.lastItem, `${ws.name}!${table.total}`).toBeGreaterThanOrEqual(table.firstItem - 1);
      }
    }
    // By Org, By User, Sessions, Summary (status and org), and Reconciliation (2) when there is a bill.
    expect(tables).toBeGreaterThanOrEqual(5);
  });

  it('totals each column as SUBTOTAL(109) over exactly its data rows, and that equals a pivot-like sum', async () => {
    const workbook = await roundTrip(input);
    for (const ws of workbook.worksheets) {
      for (const table of tablesOf(ws)) {
        const hasItems = table.lastItem >= table.firstItem;
        ws.getRow(table.total).eachCell((cell, column) => {
          const where = `${ws.name}!${cell.address}`;
          const value = cell.value;
          if (column === 1 || !isFormula(value)) {
            // Only an empty table has plain values in its Total.
            if (column > 1 && value !== null) expect(hasItems, where).toBe(false);
            return;
          }
          const letter = cell.address.replace(/\d+$/, '');
          // A ratio of two totals (Change %, Difference %) refers to the Total row itself.
          if (!value.formula.startsWith('SUBTOTAL(')) {
            expect(value.formula, where).toMatch(new RegExp(`^[A-Z]+${table.total}/[A-Z]+${table.total}$`));
            return;
          }
          expect(value.formula, where).toBe(
            `SUBTOTAL(109,${letter}${table.firstItem}:${letter}${table.lastItem})`,
          );
          let sum = 0;
          for (let row = table.firstItem; row <= table.lastItem; row++) {
            const item = ws.getCell(row, column).value;
            if (typeof item === 'number') sum += item;
          }
          expect(sum, where).toBeCloseTo(Number(value.result), 9);
        });
      }
    }
  });

  it('filters the table sheets over the item rows only, from the header', async () => {
    const workbook = await roundTrip(input);
    for (const name of ['By Org', 'By User', 'Sessions']) {
      const ws = workbook.getWorksheet(name);
      if (ws === undefined) throw new Error(name);
      const [table] = tablesOf(ws);
      if (table === undefined) throw new Error(`no table on ${name}`);
      expect(ws.autoFilter, name).toMatch(
        new RegExp(`^A${table.header}:[A-Z]+${Math.max(table.lastItem, table.header)}$`),
      );
    }
  });
});

describe('cents that agree', () => {
  it('makes the By Tag and Summary status costs the sums of their sessions on Sessions', async () => {
    const workbook = await roundTrip(INPUT);
    const sessions = workbook.getWorksheet('Sessions');
    const byTag = workbook.getWorksheet('By Tag');
    if (sessions === undefined || byTag === undefined) throw new Error('sheets');
    const rows = tablesOf(sessions)[0];
    if (rows === undefined) throw new Error('no Sessions table');
    const cents = (filter: (row: number) => boolean) => {
      let sum = 0;
      for (let row = rows.firstItem; row <= rows.lastItem; row++) {
        if (filter(row)) sum += Math.round(Number(sessions.getCell(row, 10).value) * 100);
      }
      return sum;
    };
    for (let row = 3; byTag.getCell(row, 1).value !== null; row++) {
      const tag = String(byTag.getCell(row, 1).value);
      const tagged = (r: number) => {
        const tags = sessions.getCell(r, 11).value;
        return tag === '(untagged)'
          ? tags === null
          : String(tags ?? '')
              .split(', ')
              .includes(tag);
      };
      expect(Math.round(Number(byTag.getCell(row, 4).value) * 100), tag).toBe(cents(tagged));
    }
  });
});
