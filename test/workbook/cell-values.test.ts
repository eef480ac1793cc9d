import { describe, expect, it } from 'vitest';
import {
  acusCell,
  costCell,
  linkCell,
  listCell,
  MAX_CELL_TEXT,
  textCell,
  wallClockIn,
} from '#workbook/cell-values.js';
import { WorkbookInputError } from '#workbook/workbook-errors.js';
import { acus, USD } from './fixtures.js';

describe('cell values', () => {
  it('turns exact ACUs and allocated minor units into the nearest doubles', () => {
    expect(acusCell(acus('0.000000000001'))).toBe(1e-12);
    expect(acusCell(acus('12345.678901234567'))).toBe(12345.678901234567);
    expect(costCell(3836n, USD)).toBe(38.36);
    expect(costCell(450n, { ...USD, currency: 'JPY', minorDigits: 0 })).toBe(450);
    expect(costCell(1234n, { ...USD, currency: 'BHD', minorDigits: 3 })).toBe(1.234);
  });

  it('keeps text within the length Excel opens, and says it was cut', () => {
    expect(textCell('=1+1')).toBe('=1+1');
    const cut = textCell('x'.repeat(MAX_CELL_TEXT + 10));
    expect(cut).toHaveLength(MAX_CELL_TEXT);
    expect(cut.endsWith(' … [truncated]')).toBe(true);
  });

  it('joins lists and leaves an empty list empty', () => {
    expect(listCell(['a', 'b'])).toBe('a, b');
    expect(listCell([])).toBeNull();
  });

  it('links web addresses only', () => {
    expect(linkCell('https://app.devin.ai/sessions/1')).toEqual({
      text: 'https://app.devin.ai/sessions/1',
      hyperlink: 'https://app.devin.ai/sessions/1',
    });
    expect(linkCell('HTTP://example.com')).toEqual({
      text: 'HTTP://example.com',
      hyperlink: 'HTTP://example.com',
    });
    expect(linkCell('file:///etc/passwd')).toBe('file:///etc/passwd');
    expect(linkCell(`https://example.com/${'a'.repeat(2_100)}`)).toBeTypeOf('string');
    expect(linkCell(null)).toBeNull();
  });

  it('shows an instant as the wall clock of the zone, on both sides of a DST change', () => {
    expect(wallClockIn(new Date('2026-03-28T23:00:00Z'), 'Europe/Berlin')).toEqual(
      new Date('2026-03-29T00:00:00Z'),
    );
    expect(wallClockIn(new Date('2026-03-29T22:00:00Z'), 'Europe/Berlin')).toEqual(
      new Date('2026-03-30T00:00:00Z'),
    );
    expect(wallClockIn(new Date('2026-10-01T00:00:00Z'), 'UTC')).toEqual(new Date('2026-10-01T00:00:00Z'));
    expect(() => wallClockIn(new Date(), 'Mars/Olympus')).toThrow(WorkbookInputError);
  });
});
