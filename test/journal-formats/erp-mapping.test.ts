import { describe, expect, it } from 'vitest';
import { parseErpMapping } from '#journal-formats/erp-mapping.js';
import { parseJournalFormats } from '#journal-formats/journal-format.js';
import { journalFormatFiles } from '#journal-formats/journal-format-files.js';
import { CENTRES, inputOf, journalOf, MAPPING_CSV } from './journal-fixture.js';

describe('erp-mapping.csv', () => {
  it('reads rows by level and key, empty cells as absent', () => {
    const mapping = parseErpMapping(MAPPING_CSV);
    expect(mapping.entities.get('UK01')).toMatchObject({ sap_company_code: '2000', xero_tax_rate: 'No VAT' });
    expect(mapping.costCentres.get('CC-240')).toEqual({
      oracle_segment_value: '240',
      netsuite_department: 'Growth',
      sap_cost_center: 'CC240',
      xero_tracking_option: 'Growth Marketing',
      qbo_location: 'London',
    });
    expect(mapping.accounts.get('6130')).toEqual({ qbo_account_name: 'Software:Devin Mobile' });
  });

  it('refuses an unknown column, an unknown level, a repeated key and a column of another level, naming the row', () => {
    expect(() => parseErpMapping('level,key,sap_companycode\nentity,US01,1000')).toThrow(
      'journal format erp-mapping: erp-mapping.csv column sap_companycode for row 2 is not a known column',
    );
    expect(() => parseErpMapping('level,key\ncompany,US01')).toThrow(
      'erp-mapping.csv column level for row 2 is "company", not entity, cost_centre or account',
    );
    expect(() => parseErpMapping('level,key\nentity,US01\nentity,US01')).toThrow(
      'erp-mapping.csv column key for entity US01 appears twice (again on row 3)',
    );
    expect(() => parseErpMapping('level,key,sap_cost_center\nentity,US01,CC1')).toThrow(
      'erp-mapping.csv column sap_cost_center for row 2 (entity US01) is not used at level entity: leave it empty',
    );
  });

  it('refuses two entities that would share one file (one SAP company code)', async () => {
    const mapping = MAPPING_CSV.replace('(UK),2000,', '(UK),1000,');
    await expect(journalFormatFiles(['sap-s4'], inputOf(journalOf(CENTRES), mapping))).rejects.toThrow(
      'journal format sap-s4: erp-mapping.csv column (file name) for entities UK01 and US01 both make devin-acu-chargeback-2026-11.journal.sap-s4.1000.csv: map them to different codes',
    );
  });

  it('refuses a draft journal (a line without an account) in any format, naming the cost centre', async () => {
    const draft = journalOf([
      ...CENTRES,
      { code: 'CC-999', entity: 'US01', account: null, usageMinor: 100n },
    ]);
    await expect(journalFormatFiles(['xero'], inputOf(draft))).rejects.toThrow(
      'journal format xero: the cost-centre map column gl_account for cost centre CC-999 is missing: a draft journal cannot be posted',
    );
  });
});

describe('the journal formats asked for', () => {
  it('takes names once each, comma lists too, generic adding nothing, in one fixed order', () => {
    expect(parseJournalFormats(['xero', 'generic', 'netsuite,xero'], '--journal-format')).toEqual([
      'netsuite',
      'xero',
    ]);
    expect(parseJournalFormats([], '--journal-format')).toEqual([]);
  });

  it('refuses an unknown name, naming it and the allowed ones', () => {
    expect(() => parseJournalFormats(['sap'], '--journal-format')).toThrow(
      '--journal-format: "sap" is not a journal format; use one of generic, netsuite, netsuite-intercompany, sap-s4, oracle-fbdi, xero, quickbooks-online',
    );
  });
});
