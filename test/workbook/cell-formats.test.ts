import { describe, expect, it } from 'vitest';
import { costFormat } from '#workbook/cell-formats.js';
import { USD } from './fixtures.js';

describe('costFormat', () => {
  it("shows the currency code and the currency's minor digits", () => {
    expect(costFormat(USD)).toBe('"USD" #,##0.00');
    expect(costFormat({ ...USD, currency: 'JPY', minorDigits: 0 })).toBe('"JPY" #,##0');
    expect(costFormat({ ...USD, currency: 'BHD', minorDigits: 3 })).toBe('"BHD" #,##0.000');
  });

  it('cannot be broken out of its quotes', () => {
    expect(costFormat({ ...USD, currency: 'U"SD' })).toBe('"USD" #,##0.00');
  });
});
