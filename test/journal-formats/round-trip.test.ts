import { describe, expect, it } from 'vitest';
import {
  JOURNAL_FORMATS,
  type JournalFormat,
  type JournalFormatFile,
} from '#journal-formats/journal-format.js';
import { journalFormatFiles } from '#journal-formats/journal-format-files.js';
import { GL_INTERFACE_COLUMNS, GL_INTERFACE_FILE } from '#journal-formats/oracle-fbdi.js';
import { zipEntries } from '../support/zip-entries.js';
import { type Centre, inputOf, journalOf } from './journal-fixture.js';
import { centsOf, readCsv, signedOf } from './read-format-file.js';

/** mulberry32: a seeded generator, so a failing case is reproduced by its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENTITIES = ['US01', 'UK01', null] as const;

function centresOf(seed: number): Centre[] {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  return Array.from({ length: 1 + int(12) }, (_, i) => {
    const trueUps: Record<string, bigint> = {};
    if (next() < 0.4) trueUps['September 2026'] = BigInt(int(20_000) - 10_000);
    if (next() < 0.3) trueUps['October 2026'] = BigInt(int(20_000) - 8_000);
    return {
      code: `CC-${100 + i}`,
      entity: ENTITIES[int(3)] ?? null,
      account: `6${100 + int(5)}`,
      usageMinor: BigInt(int(5_000_000)),
      sharedMinor: next() < 0.5 ? BigInt(int(100_000)) : 0n,
      trueUps,
    };
  });
}

function mappingOf(centres: readonly Centre[]): string {
  const header =
    'level,key,netsuite_subsidiary,sap_company_code,oracle_ledger_id,oracle_je_source,oracle_je_category,oracle_segments,oracle_segment_value,xero_tax_rate,xero_tracking_category,netsuite_department,sap_cost_center,xero_tracking_option,qbo_class,qbo_account_name';
  const entities = ['US01', 'UK01', '*'].map(
    (e, i) =>
      `entity,${e},Sub ${e},${1000 + i},${30000 + i},Devin,Accrual,company|cost_centre|account,${e},No VAT,Cost Centre,,,,,`,
  );
  const centreRows = centres.map(
    (c) => `cost_centre,${c.code},,,,,,,${c.code.slice(3)},,,Dept ${c.code},${c.code},${c.code},${c.code},`,
  );
  const accounts = [...new Set([...centres.map((c) => c.account ?? ''), '2100', '2150'])].map(
    (a) => `account,${a},,,,,,,,,,,,,,Account ${a}`,
  );
  return [header, ...entities, ...centreRows, ...accounts].join('\n');
}

interface ReadLine {
  readonly file: string;
  readonly costCentre: string;
  readonly signed: bigint;
}

/** Each format's lines, read back by its own columns: which file, which cost centre, the signed amount. */
function readLines(format: JournalFormat, file: JournalFormatFile): ReadLine[] {
  if (format === 'oracle-fbdi') {
    const rows = readCsv(zipEntries(Buffer.from(file.body)).get(GL_INTERFACE_FILE) ?? Buffer.alloc(0)).rows;
    const at = (name: (typeof GL_INTERFACE_COLUMNS)[number]) => GL_INTERFACE_COLUMNS.indexOf(name);
    return rows.map((r) => ({
      file: `${file.fileName}#${r[at('LEDGER_ID')]}`,
      costCentre: `CC-${r[at('SEGMENT2')]}`,
      signed: signedOf(r[at('ENTERED_DR')] ?? '', r[at('ENTERED_CR')] ?? ''),
    }));
  }
  const rows = readCsv(file.body).rows.slice(1);
  const pick = {
    netsuite: (r: string[]) => [(r[9] ?? '').replace('Dept ', ''), signedOf(r[6] ?? '', r[7] ?? '')] as const,
    'netsuite-intercompany': (r: string[]) =>
      [(r[10] ?? '').replace('Dept ', ''), signedOf(r[7] ?? '', r[8] ?? '')] as const,
    'sap-s4': (r: string[]) => [r[9] ?? '', signedOf(r[10] ?? '', r[11] ?? '')] as const,
    xero: (r: string[]) => [r[7] ?? '', centsOf(r[5] ?? '')] as const,
    'quickbooks-online': (r: string[]) => [r[8] ?? '', signedOf(r[3] ?? '', r[4] ?? '')] as const,
  }[format];
  return rows.map((r) => {
    const [costCentre, signed] = pick(r);
    // The intercompany entry balances per line subsidiary, as each per-entity file does.
    const part = format === 'netsuite-intercompany' ? `#${r[5] ?? ''}` : '';
    return { file: `${file.fileName}${part}`, costCentre, signed };
  });
}

const sumBy = <T>(items: readonly T[], key: (t: T) => string, value: (t: T) => bigint) => {
  const sums = new Map<string, bigint>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0n) + value(item));
  return sums;
};

describe('every format carries the generic journal to the cent (100 seeded journals)', () => {
  it('each file (each ledger in the FBDI zip, each subsidiary of the intercompany entry) balances; per cost centre and in total the debits equal the journal', async () => {
    for (let seed = 1; seed <= 100; seed++) {
      const centres = centresOf(seed);
      const journal = journalOf(centres);
      if (journal.lines.length === 0) continue;
      const input = inputOf(journal, mappingOf(centres));
      const debitsByCentre = sumBy(
        journal.lines,
        (l) => l.costCentre,
        (l) => l.debitMinor,
      );
      for (const format of JOURNAL_FORMATS) {
        const lines = (await journalFormatFiles([format], input)).flatMap((f) => readLines(format, f));
        const context = `seed ${seed}, ${format}`;
        expect(lines.length, context).toBe(journal.lines.length);
        for (const [file, sum] of sumBy(
          lines,
          (l) => l.file,
          (l) => l.signed,
        ))
          expect(sum, `${context}, ${file}`).toBe(0n);
        const debits = sumBy(
          lines,
          (l) => l.costCentre,
          (l) => (l.signed > 0n ? l.signed : 0n),
        );
        expect(debits, context).toEqual(debitsByCentre);
        expect(
          [...debits.values()].reduce((a, b) => a + b, 0n),
          context,
        ).toBe(journal.debitMinor);
      }
    }
  });
});
