import { describe, expect, it } from 'vitest';
import { workbookFileName } from '#workbook/write-chargeback-workbook.js';
import { OCTOBER_BERLIN } from './fixtures.js';

describe('workbookFileName', () => {
  it('names a month and a day range by the period slug', () => {
    expect(workbookFileName(OCTOBER_BERLIN)).toBe('devin-acu-chargeback-2026-10.xlsx');
    expect(workbookFileName({ ...OCTOBER_BERLIN, kind: 'range', slug: '2026-10-01_2026-10-15' })).toBe(
      'devin-acu-chargeback-2026-10-01_2026-10-15.xlsx',
    );
  });
});
