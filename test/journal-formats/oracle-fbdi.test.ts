import { describe, expect, it } from 'vitest';
import {
  GL_INTERFACE_COLUMNS,
  GL_INTERFACE_FILE,
  ORACLE_LIMITS,
  oracleFbdiFiles,
} from '#journal-formats/oracle-fbdi.js';
import { zipEntries } from '../support/zip-entries.js';
import { CENTRES, inputOf, journalOf, MAPPING_CSV } from './journal-fixture.js';
import { readCsv, signedOf } from './read-format-file.js';

const journal = journalOf(CENTRES);
const col = (name: (typeof GL_INTERFACE_COLUMNS)[number]) => GL_INTERFACE_COLUMNS.indexOf(name);

describe('the Oracle Fusion GL_INTERFACE FBDI zip', () => {
  it('is one zip holding GlInterface.csv: no header row, STATUS NEW, ACTUAL_FLAG A, the ledger on every line', async () => {
    const files = await oracleFbdiFiles(inputOf(journal));
    expect(files.map((f) => [f.entity, f.fileName, f.contentType])).toEqual([
      [null, 'devin-acu-chargeback-2026-11.journal.oracle-fbdi.zip', 'application/zip'],
    ]);
    const entries = zipEntries(Buffer.from(files[0]?.body ?? new Uint8Array()));
    expect([...entries.keys()]).toEqual([GL_INTERFACE_FILE]);
    const { rows, bom } = readCsv(entries.get(GL_INTERFACE_FILE) ?? Buffer.alloc(0));
    expect(bom).toBe(false);
    expect(rows.length).toBe(journal.lines.length);
    for (const r of rows) {
      expect(r.length).toBe(GL_INTERFACE_COLUMNS.length);
      expect(r[col('STATUS')]).toBe('NEW');
      expect(r[col('ACTUAL_FLAG')]).toBe('A');
      expect(r[col('ACCOUNTING_DATE')]).toBe('2026/11/30');
      expect(r[col('DATE_CREATED')]).toBe('2026/12/02');
      expect(r[col('USER_JE_SOURCE_NAME')]).toBe('Devin Chargeback');
      expect(r[col('CURRENCY_CODE')]).toBe('USD');
      expect(r[col('REFERENCE1')]).toMatch(/^DC2611-[0-9a-f]{6}$/);
      expect(r[col('REFERENCE5')]).toBe('devin-chargeback-2026-11-run-7f3a');
      expect(r[col('REFERENCE10')]?.length).toBeLessThanOrEqual(ORACLE_LIMITS.description);
      for (let i = 1; i <= 30; i++) {
        expect(
          r[GL_INTERFACE_COLUMNS.indexOf(`SEGMENT${i}` as (typeof GL_INTERFACE_COLUMNS)[number])]?.length,
        ).toBeLessThanOrEqual(25);
      }
    }
    // Each ledger's lines balance; the segments follow oracle_segments (company|cost_centre|account|=0000).
    for (const ledger of ['300000001', '300000002']) {
      const lines = rows.filter((r) => r[col('LEDGER_ID')] === ledger);
      expect(lines.length).toBeGreaterThan(0);
      expect(
        lines.reduce((s, r) => s + signedOf(r[col('ENTERED_DR')] ?? '', r[col('ENTERED_CR')] ?? ''), 0n),
      ).toBe(0n);
    }
    const uk = rows.filter((r) => r[col('LEDGER_ID')] === '300000002');
    expect(uk.map((r) => r.slice(col('SEGMENT1'), col('SEGMENT5')))).toEqual([
      ['201', '240', '6240', '0000'],
      ['201', '240', '6240', '0000'],
      ['201', '240', '2150', '0000'],
    ]);
  });

  it('makes the same bytes for the same journal, so the close record hash is stable', async () => {
    const [a] = await oracleFbdiFiles(inputOf(journal));
    const [b] = await oracleFbdiFiles(inputOf(journal));
    expect(Buffer.from(a?.body ?? []).equals(Buffer.from(b?.body ?? []))).toBe(true);
  });

  it('refuses a ledger that is not an id, an unknown segment and a missing cost-centre segment value', async () => {
    await expect(
      oracleFbdiFiles(inputOf(journal, MAPPING_CSV.replace('300000002', 'UK Primary'))),
    ).rejects.toThrow(
      'journal format oracle-fbdi: erp-mapping.csv column oracle_ledger_id for entity UK01 is "UK Primary", not a ledger id (digits)',
    );
    await expect(
      oracleFbdiFiles(
        inputOf(
          journal,
          MAPPING_CSV.replace('company|cost_centre|account|=0000,201', 'company|department,201'),
        ),
      ),
    ).rejects.toThrow(
      'oracle_segments for entity UK01 names segment "department"; use company, cost_centre, account or =VALUE',
    );
    await expect(
      oracleFbdiFiles(inputOf(journal, MAPPING_CSV.replace(',,,,,,,130,', ',,,,,,,,'))),
    ).rejects.toThrow(
      'journal format oracle-fbdi: erp-mapping.csv column oracle_segment_value for cost centre CC-130 is missing',
    );
  });
});
