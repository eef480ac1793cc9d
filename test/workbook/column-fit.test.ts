import { describe, expect, it } from 'vitest';
import {
  type FittedColumn,
  fitColumns,
  formattedNumber,
  narrowWrapped,
  pagesAcross,
} from '#workbook/column-fit.js';
import type { TableColumn } from '#workbook/table.js';
import { textUnits, wrappedLines } from '#workbook/text-width.js';

describe('formattedNumber', () => {
  it('prints a number as the workbook formats show it: literals, sign sections, separators, percent', () => {
    expect(formattedNumber(2731.5, '"USD" #,##0.00')).toBe('USD 2,731.50');
    expect(formattedNumber(-202.63, '+"USD" #,##0.00;-"USD" #,##0.00;"USD" #,##0.00')).toBe('-USD 202.63');
    expect(formattedNumber(0.316, '0.0%')).toBe('31.6%');
    expect(formattedNumber(-1.26, '#,##0.00')).toBe('-1.26');
    expect(formattedNumber(1234567, '#,##0')).toBe('1,234,567');
  });
});

describe('wrappedLines', () => {
  it('breaks at spaces, and a word wider than the line over lines of its own', () => {
    expect(wrappedLines('Payments Platform', 40)).toBe(1);
    expect(wrappedLines('Payments Platform', textUnits('Payments') + 1)).toBe(2);
    const id = 'devin-bbd779d8910c6801d939e54e8f1e143f';
    expect(wrappedLines(id, textUnits(id) / 2 + 0.5)).toBe(2);
  });
});

describe('pagesAcross', () => {
  it('repeats the first column on every page after the first', () => {
    expect(pagesAcross([40, 50, 50], 141)).toBe(1);
    expect(pagesAcross([40, 60, 60], 141)).toBe(2);
    // The second page holds 40 + 60 + 40; a third is needed for the last 60.
    expect(pagesAcross([40, 60, 40, 60, 40, 60], 141)).toBe(3);
  });
});

interface Row {
  readonly id: string;
  readonly name: string;
  readonly cost: number;
}

const columns: TableColumn<Row>[] = [
  { header: 'Org ID', width: 40, value: (row) => row.id },
  { header: 'Org Name', width: 60, value: (row) => row.name },
  { header: 'Cost', width: 30, numFmt: '"USD" #,##0.00', value: (row) => row.cost },
];
const rows: Row[] = [
  { id: 'org_3f9a6c21e0', name: 'Payments Platform', cost: 2731.5 },
  { id: 'org_e16b2f4a98', name: 'Unattributed (billed to no org)', cost: 237.17 },
];

describe('fitColumns', () => {
  it('makes each column as wide as what it shows, never wider than declared', () => {
    const [id, name, cost] = fitColumns(columns, rows).map((column) => column.width ?? 0);
    expect(id).toBeGreaterThanOrEqual(textUnits('org_3f9a6c21e0'));
    expect(id).toBeLessThan(20);
    expect(name).toBeGreaterThanOrEqual(textUnits('Unattributed (billed to no org)'));
    expect(name).toBeLessThan(40);
    // The number as printed, not the header's two words side by side.
    expect(cost).toBeGreaterThanOrEqual(textUnits('USD 2,731.50'));
    expect(cost).toBeLessThan(16);
  });

  it('keeps declared widths for rows it may read only once', () => {
    const once = (function* () {
      yield* rows;
    })();
    expect(fitColumns(columns, once).map((column) => column.width)).toEqual([40, 60, 30]);
  });
});

describe('narrowWrapped', () => {
  it('narrows text columns, never a number or the repeated first column, until they fit one page', () => {
    const given: FittedColumn[] = [
      { width: 30 },
      { width: 60 },
      { width: 40 },
      { width: 20, numFmt: '#,##0' },
    ];
    const narrowed = narrowWrapped(given, 120);
    expect(narrowed.reduce((sum, column) => sum + (column.width ?? 0), 0)).toBeLessThanOrEqual(120);
    expect(narrowed[0]?.width).toBe(30);
    expect(narrowed[3]?.width).toBe(20);
    expect(narrowed[1]?.wrap).toBe(true);
  });

  it('wraps the column that costs the fewest lines first: names before IDs', () => {
    const names = ['Payments Platform', 'Data & ML', 'Growth'];
    const ids = ['service-user-5f1c0a9e2b7d', 'service-user-93d4e6b1c8a2', 'service-user-0a1b2c3d4e5f'];
    const narrowed = narrowWrapped([{ width: 20 }, { width: 26 }, { width: 26 }], 64, 3, {
      texts: [[], names, ids],
    });
    expect(narrowed[2]?.width).toBe(26);
    expect(narrowed[1]?.width).toBeLessThan(26);
  });

  it('leaves columns as they are when wrapping cannot save a page', () => {
    // Even with the text column at its narrowest, the figures alone take two pages.
    const given: FittedColumn[] = [
      { width: 41 },
      { width: 40, numFmt: '0' },
      { width: 46 },
      { width: 40, numFmt: '0' },
      { width: 40, numFmt: '0' },
    ];
    const narrowed = narrowWrapped(given, 141);
    expect(
      pagesAcross(
        narrowed.map((column) => column.width ?? 0),
        141,
      ),
    ).toBe(2);
    expect(narrowed.map((column) => column.width)).toEqual(given.map((column) => column.width));
  });
});
