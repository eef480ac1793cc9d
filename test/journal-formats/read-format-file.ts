import { parse } from 'csv-parse/sync';
import type { JournalFormatFile } from '#journal-formats/journal-format.js';

export interface ReadCsv {
  readonly bom: boolean;
  readonly rows: string[][];
  readonly crlf: boolean;
}

/** A format file's CSV as its importer reads it: RFC 4180, UTF-8, every row as strings. */
export function readCsv(body: Uint8Array | Buffer): ReadCsv {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  const bom = text.startsWith('\uFEFF');
  const rows = parse(bom ? text.slice(1) : text, { relax_column_count: false }) as string[][];
  return { bom, rows, crlf: /\r\n$/.test(text) && !/[^\r]\n/.test(text) };
}

/** "12345.67" → 1234567n; throws on anything else (a thousands separator, a comma decimal, a stray sign). */
export function centsOf(text: string): bigint {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (match === null) throw new Error(`amount ${JSON.stringify(text)} is not [-]digits.dd`);
  const cents = BigInt(match[2] ?? '0') * 100n + BigInt(match[3] ?? '0');
  return match[1] === '-' ? -cents : cents;
}

/** Debit minus credit of two split-amount cells, one of them empty. */
export function signedOf(debit: string, credit: string): bigint {
  if ((debit === '') === (credit === ''))
    throw new Error(`exactly one of debit ${debit} / credit ${credit} must be set`);
  return debit === '' ? -centsOf(credit) : centsOf(debit);
}

export function fileFor(files: readonly JournalFormatFile[], entity: string | null): JournalFormatFile {
  const file = files.find((f) => f.entity === entity);
  if (file === undefined) throw new Error(`no file for ${entity}`);
  return file;
}
