import { describe, expect, it } from 'vitest';
import { SAP_LIMITS, SAP_S4_COLUMNS, sapS4Files } from '#journal-formats/sap-s4.js';
import { CENTRES, inputOf, journalOf, MAPPING_CSV } from './journal-fixture.js';
import { readCsv, signedOf } from './read-format-file.js';

const journal = journalOf(CENTRES);

describe('the SAP S/4HANA Upload General Journal Entries file', () => {
  const files = sapS4Files(inputOf(journal));

  it('writes one document per company code, named by it, balanced to the cent, one reference', () => {
    expect(files.map((f) => f.fileName)).toEqual([
      'devin-acu-chargeback-2026-11.journal.sap-s4.2000.csv',
      'devin-acu-chargeback-2026-11.journal.sap-s4.1000.csv',
    ]);
    for (const file of files) {
      const { rows, bom } = readCsv(file.body);
      expect(bom).toBe(true);
      expect(rows[0]).toEqual([...SAP_S4_COLUMNS]);
      const lines = rows.slice(1);
      expect(new Set(lines.map((r) => r[1])).size).toBe(1);
      expect(new Set(lines.map((r) => r[6])).size).toBe(1);
      expect(lines.reduce((sum, r) => sum + signedOf(r[10] ?? '', r[11] ?? ''), 0n)).toBe(0n);
    }
  });

  it('keeps every field within its BKPF/BSEG length, dates YYYYMMDD, type SA, the mapped KOSTL', () => {
    const lines = files.flatMap((f) => readCsv(f.body).rows.slice(1));
    for (const r of lines) {
      expect(r[1]?.length).toBeLessThanOrEqual(SAP_LIMITS.companyCode);
      expect(r[2]).toBe('SA');
      expect(r[3]).toBe('20261130');
      expect(r[4]).toBe('20261130');
      expect(r[6]).toMatch(/^DC2611-[0-9a-f]{6}$/);
      expect(r[6]?.length).toBeLessThanOrEqual(SAP_LIMITS.reference);
      expect(r[7]?.length).toBeLessThanOrEqual(SAP_LIMITS.headerText);
      expect(r[7]).toContain(r[6]);
      expect(r[9]?.length).toBeLessThanOrEqual(SAP_LIMITS.costCenter);
      expect(r[12]?.length).toBeLessThanOrEqual(SAP_LIMITS.itemText);
    }
    expect(lines.filter((r) => r[9] === 'CC110').map((r) => r[12])).toEqual([
      'Devin ACU usage, November 2026',
      'Devin shared products, November 2026',
      'True-up October 2026',
      'Devin ACUs accrued, November 2026',
    ]);
  });

  it('refuses a cost centre code longer than KOSTL takes rather than cutting it', () => {
    const mapping = MAPPING_CSV.replace(',CC240,', ',CC240-LONDON,');
    expect(() => sapS4Files(inputOf(journal, mapping))).toThrow(
      'journal format sap-s4: erp-mapping.csv column sap_cost_center for cost centre CC-240 is "CC240-LONDON", longer than KOSTL takes (10 characters)',
    );
  });

  it('refuses a missing company code and a missing cost centre, naming each', () => {
    expect(() => sapS4Files(inputOf(journal, MAPPING_CSV.replace('(UK),2000,', '(UK),,')))).toThrow(
      'journal format sap-s4: erp-mapping.csv column sap_company_code for entity UK01 is missing',
    );
    expect(() => sapS4Files(inputOf(journal, MAPPING_CSV.replace(',CC130,', ',,')))).toThrow(
      'journal format sap-s4: erp-mapping.csv column sap_cost_center for cost centre CC-130 is missing',
    );
  });
});
