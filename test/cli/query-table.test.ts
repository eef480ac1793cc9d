import { describe, expect, it } from 'vitest';
import { queryTable, roundDecimalText } from '#cli/query-table.js';

describe('npm run query: a table for reading', () => {
  it('rounds decimal text half-up on its digits, never through a float', () => {
    expect(roundDecimalText('9225.904999999999999999', 2)).toBe('9225.90');
    expect(roundDecimalText('0.005', 2)).toBe('0.01');
    expect(roundDecimalText('-2.835', 2)).toBe('-2.84');
    expect(roundDecimalText('-0.001', 2)).toBe('0.00');
    expect(roundDecimalText('12', 2)).toBe('12.00');
    expect(roundDecimalText('1234.5', 0)).toBe('1235');
    expect(roundDecimalText('n/a', 2)).toBe('n/a');
  });

  it('shows money in the currency’s minor unit and ACUs to 2 decimals; other columns as they are', () => {
    const text = queryTable({
      columns: ['SubAccountName', 'BilledCost', 'ConsumedQuantity', 'sessions'],
      rows: [
        {
          SubAccountName: 'Payments',
          BilledCost: '2731.500000000000000000',
          ConsumedQuantity: '1214.000000001',
          sessions: 193,
          BillingCurrency: 'USD',
        },
        {
          SubAccountName: 'Yen',
          BilledCost: '1234.5',
          ConsumedQuantity: '1.005',
          sessions: 1,
          BillingCurrency: 'JPY',
        },
      ],
    });
    expect(text).toMatch(/^Payments\s+2731\.50\s+1214\.00\s+193$/m);
    expect(text).not.toMatch(/\.\d{3,}/);
  });
});
