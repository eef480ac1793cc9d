import { describe, expect, it } from 'vitest';
import { columnLetter } from '#workbook/table.js';

describe('columnLetter', () => {
  it('names columns as Excel does', () => {
    expect([1, 12, 26, 27, 28, 52, 53, 702, 703].map(columnLetter)).toEqual([
      'A',
      'L',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
