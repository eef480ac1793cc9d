import { describe, expect, it } from 'vitest';
import { XERO_COLUMNS, XERO_MAX_LINES, xeroFiles } from '#journal-formats/xero.js';
import { CENTRES, type Centre, inputOf, journalOf, MAPPING_CSV } from './journal-fixture.js';
import { centsOf, readCsv } from './read-format-file.js';

const journal = journalOf(CENTRES);

describe('the Xero manual journal import', () => {
  const files = xeroFiles(inputOf(journal));

  it('writes one file per organisation, one journal (Narration + Date) a file, signed amounts that sum to zero', () => {
    expect(files.map((f) => f.fileName)).toEqual([
      'devin-acu-chargeback-2026-11.journal.xero.UK01.csv',
      'devin-acu-chargeback-2026-11.journal.xero.US01.csv',
    ]);
    for (const file of files) {
      const { rows } = readCsv(file.body);
      expect(rows[0]).toEqual([...XERO_COLUMNS]);
      const lines = rows.slice(1);
      expect(new Set(lines.map((r) => `${r[0]}|${r[1]}`)).size).toBe(1);
      expect(lines.reduce((sum, r) => sum + centsOf(r[5] ?? ''), 0n)).toBe(0n);
      for (const r of lines) {
        for (const mandatory of [0, 1, 3, 4, 5]) expect(r[mandatory]).not.toBe('');
        expect(r[1]).toBe('30/11/2026');
        expect(r[0]).toContain('devin-chargeback-2026-11-run-7f3a');
        expect(r[6]).toBe('Cost Centre');
      }
    }
    const uk = readCsv(files[0]?.body ?? new Uint8Array()).rows.slice(1);
    expect(uk.map((r) => [r[3], r[4], r[5], r[7]])).toEqual([
      ['6240', 'No VAT', '456.78', 'Growth Marketing'],
      ['6240', 'No VAT', '9.00', 'Growth Marketing'],
      ['2150', 'No VAT', '-465.78', 'Growth Marketing'],
    ]);
  });

  it('refuses a missing tax rate and a cost centre without a tracking option', () => {
    expect(() => xeroFiles(inputOf(journal, MAPPING_CSV.replace(',No VAT,', ',,')))).toThrow(
      'journal format xero: erp-mapping.csv column xero_tax_rate for entity UK01 is missing',
    );
    expect(() => xeroFiles(inputOf(journal, MAPPING_CSV.replace(',Mobile,Mobile,', ',,Mobile,')))).toThrow(
      'journal format xero: erp-mapping.csv column xero_tracking_option for cost centre CC-130 is missing',
    );
  });

  it(`refuses an organisation's journal of more than ${XERO_MAX_LINES} lines, which Xero would not import`, () => {
    const many: Centre[] = Array.from({ length: 151 }, (_, i) => ({
      code: 'CC-130',
      entity: 'US01',
      account: '6130',
      usageMinor: 100n + BigInt(i),
    })).map((c, i) => ({ ...c, code: i === 0 ? 'CC-130' : `CC-130-${i}` }));
    const rows = many.map((c) => `cost_centre,${c.code},,,,,,,,,,,,,,Mobile,,,,`).slice(1);
    const big = journalOf(many);
    expect(big.lines.length).toBe(302);
    expect(() => xeroFiles(inputOf(big, [MAPPING_CSV, ...rows].join('\r\n')))).toThrow(
      'journal format xero: entity US01 has 302 journal lines; Xero imports at most 300 in one file',
    );
  });
});
