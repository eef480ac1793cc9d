import { describe, expect, it } from 'vitest';
import { ErpMappingError } from '#journal-formats/erp-mapping-error.js';
import { NETSUITE_COLUMNS, NETSUITE_MEMO_MAX, netsuiteFiles } from '#journal-formats/netsuite.js';
import { CENTRES, inputOf, journalOf, MAPPING_CSV } from './journal-fixture.js';
import { readCsv, signedOf } from './read-format-file.js';

const journal = journalOf(CENTRES);

describe('the NetSuite journal entry import', () => {
  const files = netsuiteFiles(inputOf(journal));

  it('writes one file per subsidiary, each one entry (one External ID) that balances to the cent', () => {
    expect(files.map((f) => [f.entity, f.fileName])).toEqual([
      ['UK01', 'devin-acu-chargeback-2026-11.journal.netsuite.UK01.csv'],
      ['US01', 'devin-acu-chargeback-2026-11.journal.netsuite.US01.csv'],
    ]);
    for (const file of files) {
      const { rows, bom, crlf } = readCsv(file.body);
      expect(bom).toBe(false);
      expect(crlf).toBe(true);
      expect(rows[0]).toEqual([...NETSUITE_COLUMNS]);
      const lines = rows.slice(1);
      expect(new Set(lines.map((r) => r[0])).size).toBe(1);
      expect(new Set(lines.map((r) => r[1])).size).toBe(1);
      expect(lines.reduce((sum, r) => sum + signedOf(r[6] ?? '', r[7] ?? ''), 0n)).toBe(0n);
    }
  });

  it('names the subsidiary, department, class and account as the mapping does, dates MM/DD/YYYY, journal_id in Memo', () => {
    const us = readCsv(files[1]?.body ?? new Uint8Array()).rows.slice(1);
    expect(us[0]).toEqual([
      'DC2611-7839d2-US01',
      'Northwind Inc.',
      '11/30/2026',
      'USD',
      'devin-chargeback-2026-11-run-7f3a',
      'Software:Devin',
      '12345.67',
      '',
      'Devin ACU usage, November 2026',
      'Payments',
      'Engineering',
    ]);
    // No netsuite_account for 6130: the number, which needs "Use Account Numbers".
    expect(us.find((r) => r[9] === 'Mobile' && r[6] !== '')?.[5]).toBe('6130');
    expect(us.every((r) => (r[8] ?? '').length <= NETSUITE_MEMO_MAX)).toBe(true);
    expect(us.map((r) => r[8])).toContain('True-up October 2026: Devin ACUs used after its close');
  });

  it('refuses a missing subsidiary, naming the format, the column and the entity', () => {
    const mapping = MAPPING_CSV.replace('entity,UK01,Northwind Ltd (UK),', 'entity,UK01,,');
    expect(() => netsuiteFiles(inputOf(journal, mapping))).toThrow(
      new ErpMappingError('netsuite', 'netsuite_subsidiary', 'entity UK01', 'is missing'),
    );
    expect(() => netsuiteFiles(inputOf(journal, mapping))).toThrow(
      'journal format netsuite: erp-mapping.csv column netsuite_subsidiary for entity UK01 is missing',
    );
  });

  it('refuses a cost centre without a department', () => {
    const mapping = MAPPING_CSV.replace(',Growth,,CC240', ',,,CC240');
    expect(() => netsuiteFiles(inputOf(journal, mapping))).toThrow(
      'journal format netsuite: erp-mapping.csv column netsuite_department for cost centre CC-240 is missing',
    );
  });
});
