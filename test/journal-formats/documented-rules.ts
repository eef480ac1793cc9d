// Each system's documented import rules, written here from its page rather than taken from the
// formatter, so a file that drifts from the page fails: columns, lengths, date and number formats,
// balance per file (per ledger, per subsidiary), one reference per entry.

import { expect } from 'vitest';
import type { JournalFormat } from '#journal-formats/journal-format.js';
import { zipEntries } from '../support/zip-entries.js';
import { centsOf, readCsv, signedOf } from './read-format-file.js';

export interface FormatFileRead {
  readonly entity: string | null;
  readonly body: Uint8Array;
}

const MMDDYYYY = /^(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\/\d{4}$/;
const DDMMYYYY = /^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/\d{4}$/;
const YYYYMMDD = /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
const SLASHED = /^\d{4}\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])$/;

function balance(rows: readonly string[][], key: (r: string[]) => string, signed: (r: string[]) => bigint) {
  const sums = new Map<string, bigint>();
  for (const r of rows) sums.set(key(r), (sums.get(key(r)) ?? 0n) + signed(r));
  for (const [k, sum] of sums) expect(sum, `balance of ${k}`).toBe(0n);
  return sums;
}

/** Reads one format's files the way its importer does and checks the page's rules; returns the line count. */
export function expectDocumentedRules(format: JournalFormat, files: readonly FormatFileRead[]): number {
  let lines = 0;
  for (const file of files) {
    const where = `${format} ${file.entity}`;
    if (format === 'oracle-fbdi') {
      // GL_INTERFACE by FBDI: GlInterface.csv in a zip, no header row, STATUS NEW, ACTUAL_FLAG A,
      // YYYY/MM/DD dates, source/category/segments at most 25, amounts in ENTERED_DR or ENTERED_CR.
      const entries = zipEntries(Buffer.from(file.body));
      expect([...entries.keys()], where).toEqual(['GlInterface.csv']);
      const { rows, bom } = readCsv(entries.get('GlInterface.csv') ?? Buffer.alloc(0));
      expect(bom, where).toBe(false);
      for (const r of rows) {
        expect(r[0], where).toBe('NEW');
        expect(r[1], where).toMatch(/^\d{1,18}$/);
        expect(r[2], where).toMatch(SLASHED);
        expect(r[3]?.length, where).toBeLessThanOrEqual(25);
        expect(r[4]?.length, where).toBeLessThanOrEqual(25);
        expect(r[5], where).toMatch(/^[A-Z]{3}$/);
        expect(r[6], where).toMatch(SLASHED);
        expect(r[7], where).toBe('A');
        for (let s = 8; s < 38; s++) expect(r[s]?.length ?? 0, where).toBeLessThanOrEqual(25);
        expect(r[51]?.length ?? 0, `${where} REFERENCE10`).toBeLessThanOrEqual(240);
      }
      // One journal (REFERENCE1 batch, REFERENCE4 name) per ledger, each balanced.
      balance(
        rows,
        (r) => `ledger ${r[1]}`,
        (r) => signedOf(r[38] ?? '', r[39] ?? ''),
      );
      expect(new Set(rows.map((r) => r[42])).size, `${where} batch`).toBe(1);
      for (const ledger of new Set(rows.map((r) => r[1])))
        expect(new Set(rows.filter((r) => r[1] === ledger).map((r) => r[45])).size, where).toBe(1);
      lines += rows.length;
      continue;
    }
    const { rows: all, bom } = readCsv(file.body);
    const [header, ...rows] = all;
    lines += rows.length;
    const at = (name: string) => header?.indexOf(name) ?? -1;
    if (format === 'netsuite' || format === 'netsuite-intercompany') {
      // Journal Entry CSV import: one External ID groups one entry; MM/DD/YYYY (default
      // preference); Debit/Credit; memos at most 999; a subsidiary on every row.
      for (const column of [
        'External ID',
        'Subsidiary',
        'Date',
        'Account',
        'Debit',
        'Credit',
        'Memo',
        'Department',
      ])
        expect(at(column), `${where} ${column}`).toBeGreaterThanOrEqual(0);
      expect(new Set(rows.map((r) => r[at('External ID')])).size, where).toBe(1);
      for (const r of rows) {
        expect(r[at('Date')], where).toMatch(MMDDYYYY);
        expect(r[at('Memo')]?.length, where).toBeLessThanOrEqual(999);
        expect(r[at('Subsidiary')], where).not.toBe('');
      }
      if (format === 'netsuite') {
        expect(new Set(rows.map((r) => r[at('Subsidiary')])).size, where).toBe(1);
        balance(
          rows,
          () => where,
          (r) => signedOf(r[at('Debit')] ?? '', r[at('Credit')] ?? ''),
        );
      } else {
        // Advanced intercompany: each line's subsidiary balances, and so the entry does.
        const by = balance(
          rows,
          (r) => r[at('Line Subsidiary')] ?? '',
          (r) => signedOf(r[at('Debit')] ?? '', r[at('Credit')] ?? ''),
        );
        expect(by.size, where).toBeGreaterThan(1);
      }
      continue;
    }
    if (format === 'sap-s4') {
      // One document per company code: BUKRS 4, BLART 2, XBLNR 16, BKTXT 25, HKONT 10,
      // KOSTL 10, SGTXT 50; dates YYYYMMDD; UTF-8 with BOM.
      expect(bom, where).toBe(true);
      const limits: Record<string, number> = {
        'Company Code (BUKRS)': 4,
        'Journal Entry Type (BLART)': 2,
        'Reference (XBLNR)': 16,
        'Header Text (BKTXT)': 25,
        'G/L Account (HKONT)': 10,
        'Cost Center (KOSTL)': 10,
        'Item Text (SGTXT)': 50,
      };
      for (const r of rows) {
        for (const [column, max] of Object.entries(limits)) {
          expect(at(column), column).toBeGreaterThanOrEqual(0);
          expect(r[at(column)]?.length, `${where} ${column}`).toBeLessThanOrEqual(max);
        }
        expect(r[at('Posting Date (BUDAT)')], where).toMatch(YYYYMMDD);
        expect(r[at('Journal Entry Date (BLDAT)')], where).toMatch(YYYYMMDD);
      }
      expect(new Set(rows.map((r) => r[at('Company Code (BUKRS)')])).size, where).toBe(1);
      expect(new Set(rows.map((r) => r[at('Reference (XBLNR)')])).size, where).toBe(1);
      balance(
        rows,
        () => where,
        (r) => signedOf(r[at('Debit Amount')] ?? '', r[at('Credit Amount')] ?? ''),
      );
      continue;
    }
    if (format === 'xero') {
      // help.xero.com/uk/ManualJournalsImport: the template's columns in order; Narration, Date
      // (dd/mm/yyyy), AccountCode, TaxRate and one signed Amount mandatory; one journal per
      // Narration + Date; at most 300 lines a file.
      expect(header, where).toEqual([
        '*Narration',
        '*Date',
        'Description',
        '*AccountCode',
        '*TaxRate',
        '*Amount',
        'TrackingName1',
        'TrackingOption1',
        'TrackingName2',
        'TrackingOption2',
      ]);
      expect(rows.length, where).toBeLessThanOrEqual(300);
      for (const r of rows) {
        for (const mandatory of [0, 1, 3, 4, 5]) expect(r[mandatory], where).not.toBe('');
        expect(r[1], where).toMatch(DDMMYYYY);
      }
      expect(new Set(rows.map((r) => `${r[0]}|${r[1]}`)).size, where).toBe(1);
      balance(
        rows,
        () => where,
        (r) => centsOf(r[5] ?? ''),
      );
      continue;
    }
    // QuickBooks Online journal entry import: Journal No. (at most 21) groups one entry; Journal
    // Date in the company's format; Account Name; Debits / Credits; Class or Location.
    expect(header?.slice(0, 5), where).toEqual([
      'Journal No.',
      'Journal Date',
      'Account Name',
      'Debits',
      'Credits',
    ]);
    expect(new Set(rows.map((r) => r[0])).size, where).toBe(1);
    for (const r of rows) {
      expect(r[0]?.length, where).toBeLessThanOrEqual(21);
      expect(r[1], where).toMatch(file.entity === 'UK01' ? DDMMYYYY : MMDDYYYY);
      expect(r[2], where).not.toBe('');
      expect(`${r[at('Class')]}${r[at('Location')]}`, where).not.toBe('');
    }
    balance(
      rows,
      () => where,
      (r) => signedOf(r[3] ?? '', r[4] ?? ''),
    );
  }
  return lines;
}
