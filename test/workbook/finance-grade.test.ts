import { describe, expect, it } from 'vitest';
import { INPUT } from './fixtures.js';
import { findRow, roundTrip, sheet } from './read-back.js';

describe('costs that agree everywhere', () => {
  it('keeps the unit price as a number cell with its currency, named UnitPrice', async () => {
    const workbook = await roundTrip(INPUT);
    const summary = sheet(workbook, 'Summary');
    const row = findRow(summary, 'Unit price');

    expect(summary.getCell(row, 2).value).toBe(2.25);
    expect(workbook.definedNames.getRanges('UnitPrice').ranges).toEqual([`Summary!$B$${row}`]);
  });
});
