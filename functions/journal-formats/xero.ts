import { csvRows } from '#core/csv/csv-rows.js';
import { minorUnitsText } from '#core/money/format.js';
import { requiredValue } from './erp-mapping.js';
import { accountOf, CSV_CONTENT_TYPE, type FormatInput, linesByEntity, utf8 } from './format-input.js';
import { dayMonthYear, fileSlug } from './import-text.js';
import { entityKeyOf, type JournalFormatFile } from './journal-format.js';
import { JournalFormatLimitError } from './journal-format-limit-error.js';
import { lineTextOf } from './line-text.js';

/**
 * Xero manual journal import (Accounting > Manual Journals > Import), its
 * template's columns in order: each legal entity is its own Xero organisation,
 * so one file per entity. Narration, Date (dd/mm/yyyy), AccountCode (the code,
 * not the name), TaxRate (the tax rate's full name, e.g. "No VAT") and Amount
 * are mandatory; a positive Amount is a debit, a negative one a credit; the rows
 * with the same Narration and Date form one journal; at most 300 lines a file.
 * The cost centre is tracking category 1. The journal_id is in the Narration.
 * https://help.xero.com/uk/ManualJournalsImport
 */
export const XERO_COLUMNS = [
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
] as const;

export const XERO_MAX_LINES = 300;

export function xeroFiles(input: FormatInput): JournalFormatFile[] {
  const { journal, mapping } = input;
  return [...linesByEntity(journal)].map(([entity, lines]) => {
    const key = entityKeyOf(entity);
    const subject = `entity ${key}`;
    if (lines.length > XERO_MAX_LINES) {
      throw new JournalFormatLimitError(
        'xero',
        subject,
        `has ${lines.length} journal lines; Xero imports at most ${XERO_MAX_LINES} in one file`,
      );
    }
    const taxRate = requiredValue(mapping.entities, key, 'xero_tax_rate', 'xero', subject);
    const tracking = requiredValue(mapping.entities, key, 'xero_tracking_category', 'xero', subject);
    const rows = lines.map((line) => [
      `${input.shortReference} ${journal.journalId}`,
      dayMonthYear(journal.postingDate),
      lineTextOf(line, 4000),
      accountOf(line, 'xero'),
      taxRate,
      minorUnitsText(line.debitMinor - line.creditMinor, { minorDigits: input.minorDigits }),
      tracking,
      requiredValue(
        mapping.costCentres,
        line.costCentre,
        'xero_tracking_option',
        'xero',
        `cost centre ${line.costCentre}`,
      ),
      '',
      '',
    ]);
    return {
      format: 'xero' as const,
      entity,
      fileName: `${input.baseName}.xero.${fileSlug(key)}.csv`,
      contentType: CSV_CONTENT_TYPE,
      body: utf8(csvRows([XERO_COLUMNS, ...rows])),
    };
  });
}
