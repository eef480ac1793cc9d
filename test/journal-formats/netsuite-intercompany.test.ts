import { describe, expect, it } from 'vitest';
import { journalFormatFiles } from '#journal-formats/journal-format-files.js';
import { netsuiteFiles } from '#journal-formats/netsuite.js';
import {
  NETSUITE_INTERCOMPANY_COLUMNS,
  netsuiteIntercompanyFiles,
} from '#journal-formats/netsuite-intercompany.js';
import { CENTRES, inputOf, journalOf, MAPPING_CSV } from './journal-fixture.js';
import { readCsv, signedOf } from './read-format-file.js';

const journal = journalOf(CENTRES);
const col = (name: (typeof NETSUITE_INTERCOMPANY_COLUMNS)[number]) =>
  NETSUITE_INTERCOMPANY_COLUMNS.indexOf(name);

describe('the NetSuite Advanced Intercompany Journal Entry import', () => {
  const files = netsuiteIntercompanyFiles(inputOf(journal));
  const { rows } = readCsv(files[0]?.body ?? new Uint8Array());
  const lines = rows.slice(1);

  it('writes one file, one entry (one External ID, one originating subsidiary) over both subsidiaries', () => {
    expect(files.map((f) => [f.format, f.entity, f.fileName])).toEqual([
      ['netsuite-intercompany', null, 'devin-acu-chargeback-2026-11.journal.netsuite-intercompany.csv'],
    ]);
    expect(rows[0]).toEqual([...NETSUITE_INTERCOMPANY_COLUMNS]);
    expect(new Set(lines.map((r) => r[col('External ID')]))).toEqual(new Set(['DC2611-7839d2-IC']));
    expect(new Set(lines.map((r) => r[col('Subsidiary')])).size).toBe(1);
    expect(new Set(lines.map((r) => r[col('Line Subsidiary')]))).toEqual(
      new Set(['Northwind Inc.', 'Northwind Ltd (UK)']),
    );
    for (const r of lines) {
      expect(r[col('Date')]).toBe('11/30/2026');
      expect(r[col('Memo')]).toBe('devin-chargeback-2026-11-run-7f3a');
      expect(r[col('Department')]).not.toBe('');
    }
  });

  it('balances per line subsidiary and overall, so no due-to / due-from line is needed', () => {
    const bySubsidiary = new Map<string, bigint>();
    for (const r of lines) {
      const subsidiary = r[col('Line Subsidiary')] ?? '';
      const signed = signedOf(r[col('Debit')] ?? '', r[col('Credit')] ?? '');
      bySubsidiary.set(subsidiary, (bySubsidiary.get(subsidiary) ?? 0n) + signed);
    }
    expect([...bySubsidiary.values()]).toEqual([0n, 0n]);
    expect(lines.length).toBe(journal.lines.length);
  });

  it('carries the generic journal to the cent: per cost centre (department) and per subsidiary the lines of the netsuite files', () => {
    const perEntity = netsuiteFiles(inputOf(journal)).flatMap((f) => readCsv(f.body).rows.slice(1));
    const key = (subsidiary: string, r: string[], at: (n: string) => number) =>
      `${subsidiary}|${r[at('Department')]}|${r[at('Account')]}|${r[at('Debit')]}|${r[at('Credit')]}|${r[at('Line Memo')]}`;
    const plainAt = (n: string) =>
      [
        'External ID',
        'Subsidiary',
        'Date',
        'Currency',
        'Memo',
        'Account',
        'Debit',
        'Credit',
        'Line Memo',
        'Department',
        'Class',
      ].indexOf(n);
    const icAt = (n: string) => (NETSUITE_INTERCOMPANY_COLUMNS as readonly string[]).indexOf(n);
    expect(lines.map((r) => key(r[icAt('Line Subsidiary')] ?? '', r, icAt)).sort()).toEqual(
      perEntity.map((r) => key(r[plainAt('Subsidiary')] ?? '', r, plainAt)).sort(),
    );
    const debits = lines.reduce(
      (s, r) => s + (r[col('Debit')] === '' ? 0n : signedOf(r[col('Debit')] ?? '', '')),
      0n,
    );
    expect(debits).toBe(journal.debitMinor);
  });

  it('leaves the netsuite format as it was: one file per subsidiary, asked for separately', async () => {
    const both = await journalFormatFiles(['netsuite', 'netsuite-intercompany'], inputOf(journal));
    expect(both.map((f) => `${f.format}:${f.entity}`)).toEqual([
      'netsuite:UK01',
      'netsuite:US01',
      'netsuite-intercompany:null',
    ]);
  });

  it('refuses an entity without a subsidiary, naming the format, the column and the entity', () => {
    const mapping = MAPPING_CSV.replace('entity,UK01,Northwind Ltd (UK),', 'entity,UK01,,');
    expect(() => netsuiteIntercompanyFiles(inputOf(journal, mapping))).toThrow(
      'journal format netsuite-intercompany: erp-mapping.csv column netsuite_subsidiary for entity UK01 is missing',
    );
  });
});
