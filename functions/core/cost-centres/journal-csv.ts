import { csvRows } from '../csv/csv-rows.js';
import { ACU_DECIMALS, scaledToDecimalString } from '../money/acus.js';
import { minorUnitsText } from '../money/format.js';
import type { Pricing } from '../money/pricing.js';
import type { Journal } from './journal.js';

/**
 * The journal file's columns, in order: a contract for ERP import templates
 * (see docs/finance.md). The first ten are the original ones, unchanged;
 * `reference` carries the journal_id too.
 */
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
  'journal_id',
  'period',
  'posting_date',
  'quantity_acus',
  'line_type',
] as const;

/** A UTF-8 byte-order mark: Excel then reads the file as UTF-8, not as the machine's code page. */
export const UTF8_BOM = '\uFEFF';

/**
 * The journal as RFC 4180 CSV: UTF-8 with a byte-order mark, CRLF line ends,
 * a header row, one row per line; amounts in currency units with the
 * currency's digits and a dot (no grouping), the other side left empty;
 * ACUs exact, as many decimals as they have.
 */
export function journalCsv(journal: Journal, pricing: Pick<Pricing, 'minorDigits'>): string {
  const amount = (minor: bigint) => (minor === 0n ? '' : minorUnitsText(minor, pricing));
  const rows = journal.lines.map((line) => [
    line.date,
    journal.reference,
    line.legalEntity ?? '',
    line.account ?? '',
    line.costCentre,
    line.costCentreName,
    amount(line.debitMinor),
    amount(line.creditMinor),
    journal.currency,
    line.description,
    journal.journalId,
    journal.period,
    journal.postingDate,
    scaledToDecimalString(line.quantityAcus, ACU_DECIMALS),
    line.kind,
  ]);
  return `${UTF8_BOM}${csvRows([JOURNAL_CSV_COLUMNS, ...rows])}`;
}
