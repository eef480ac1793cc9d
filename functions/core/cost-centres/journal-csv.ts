import { minorUnitsText } from '../money/format.js';
import type { Pricing } from '../money/pricing.js';
import type { Journal } from './journal.js';

/** The journal file's columns, in order: a contract for ERP import templates (see the README). */
export const JOURNAL_CSV_COLUMNS = [
  'date',
  'reference',
  'legal_entity',
  'account',
  'cost_centre',
  'cost_centre_name',
  'debit',
  'credit',
  'currency',
  'description',
] as const;

/**
 * The journal as RFC 4180 CSV: UTF-8 without a byte-order mark, CRLF line
 * ends, a header row, one row per line; amounts in currency units with the
 * currency's digits and a dot (no grouping), the other side left empty.
 */
export function journalCsv(journal: Journal, pricing: Pick<Pricing, 'minorDigits'>): string {
  const amount = (minor: bigint) => (minor === 0n ? '' : minorUnitsText(minor, pricing));
  const rows = journal.lines.map((line) => [
    line.date,
    journal.reference,
    line.legalEntity ?? '',
    line.account ?? '',
    line.costCentre ?? '',
    line.costCentreName ?? '',
    amount(line.debitMinor),
    amount(line.creditMinor),
    journal.currency,
    line.description,
  ]);
  return [JOURNAL_CSV_COLUMNS, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
