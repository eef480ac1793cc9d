import { describe, expect, it } from 'vitest';
import {
  QUICKBOOKS_COLUMNS,
  QUICKBOOKS_JOURNAL_NO_MAX,
  quickbooksOnlineFiles,
} from '#journal-formats/quickbooks-online.js';
import { CENTRES, inputOf, journalOf, MAPPING_CSV } from './journal-fixture.js';
import { readCsv, signedOf } from './read-format-file.js';

const journal = journalOf(CENTRES);

describe('the QuickBooks Online journal entry import', () => {
  const files = quickbooksOnlineFiles(inputOf(journal));

  it('writes one file per company, one Journal No. within 21 characters, balanced, account names not numbers', () => {
    expect(files.map((f) => f.fileName)).toEqual([
      'devin-acu-chargeback-2026-11.journal.quickbooks-online.UK01.csv',
      'devin-acu-chargeback-2026-11.journal.quickbooks-online.US01.csv',
    ]);
    for (const file of files) {
      const { rows } = readCsv(file.body);
      expect(rows[0]).toEqual([...QUICKBOOKS_COLUMNS]);
      const lines = rows.slice(1);
      expect(new Set(lines.map((r) => r[0])).size).toBe(1);
      expect(lines[0]?.[0]?.length).toBeLessThanOrEqual(QUICKBOOKS_JOURNAL_NO_MAX);
      expect(lines.reduce((sum, r) => sum + signedOf(r[3] ?? '', r[4] ?? ''), 0n)).toBe(0n);
      for (const r of lines) {
        expect(r[2]).not.toMatch(/^\d+$/);
        expect(r[5]).toMatch(/ \(devin-chargeback-2026-11-run-7f3a\)$/);
        expect(`${r[7]}${r[8]}`).not.toBe('');
      }
    }
    const [uk, us] = files.map((f) => readCsv(f.body).rows.slice(1));
    // UK01's company uses dd/mm/yyyy and Location; US01's MM/DD/YYYY and Class.
    expect(uk?.map((r) => [r[1], r[2], r[7], r[8]])[2]).toEqual([
      '30/11/2026',
      'Accrued Liabilities UK',
      'London',
      '',
    ]);
    expect(us?.map((r) => [r[1], r[2], r[7], r[8]])[0]).toEqual([
      '11/30/2026',
      'Software:Devin Payments',
      '',
      'Payments',
    ]);
  });

  it('refuses an account with no QuickBooks name and a cost centre with neither class nor location', () => {
    expect(() =>
      quickbooksOnlineFiles(inputOf(journal, MAPPING_CSV.replace(',Accrued Liabilities UK', ','))),
    ).toThrow(
      'journal format quickbooks-online: erp-mapping.csv column qbo_account_name for account 2150 is missing',
    );
    expect(() => quickbooksOnlineFiles(inputOf(journal, MAPPING_CSV.replace(',London,', ',,')))).toThrow(
      'journal format quickbooks-online: erp-mapping.csv column qbo_class (or qbo_location) for cost centre CC-240 is missing',
    );
  });
});
