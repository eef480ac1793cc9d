import { csvRows } from '#core/csv/csv-rows.js';
import { optionalValue, requiredValue } from './erp-mapping.js';
import { ErpMappingError } from './erp-mapping-error.js';
import {
  accountOf,
  amountText,
  CSV_CONTENT_TYPE,
  type FormatInput,
  linesByEntity,
  utf8,
} from './format-input.js';
import { dayMonthYear, fileSlug, monthDayYear } from './import-text.js';
import { entityKeyOf, type JournalFormatFile } from './journal-format.js';
import { lineTextOf } from './line-text.js';

/**
 * QuickBooks Online Settings > Import data > Journal Entries, one file per
 * company (each legal entity is its own QuickBooks company). Journal No. (at
 * most 21 characters) groups the lines of one entry: the short reference.
 * Account Name as in the chart of accounts, a sub-account as Parent:Sub, with
 * account numbers turned off; Debits and Credits; the cost centre goes to Class
 * or Location (turn class / location tracking on). Dates in the company's
 * format: MM/DD/YYYY unless the entity's qbo_date_format says DD/MM/YYYY.
 * The journal_id is kept at the end of each Description (4,000 characters).
 * https://quickbooks.intuit.com/learn-support/en-au/help-article/import-export-files/import-journal-entries-quickbooks-online/L4tQBwbs7_AU_en_AU
 */
export const QUICKBOOKS_COLUMNS = [
  'Journal No.',
  'Journal Date',
  'Account Name',
  'Debits',
  'Credits',
  'Description',
  'Name',
  'Location',
  'Class',
] as const;

export const QUICKBOOKS_JOURNAL_NO_MAX = 21;
export const QUICKBOOKS_DESCRIPTION_MAX = 4000;

export function quickbooksOnlineFiles(input: FormatInput): JournalFormatFile[] {
  const { journal, mapping } = input;
  if (input.shortReference.length > QUICKBOOKS_JOURNAL_NO_MAX) {
    throw new RangeError(`short reference ${input.shortReference} is longer than Journal No.'s 21`);
  }
  return [...linesByEntity(journal)].map(([entity, lines]) => {
    const key = entityKeyOf(entity);
    const date = dateOf(optionalValue(mapping.entities, key, 'qbo_date_format'), `entity ${key}`);
    const suffix = ` (${journal.journalId})`;
    const rows = lines.map((line) => {
      const account = accountOf(line, 'quickbooks-online');
      const centre = `cost centre ${line.costCentre}`;
      const location = optionalValue(mapping.costCentres, line.costCentre, 'qbo_location');
      const klass = optionalValue(mapping.costCentres, line.costCentre, 'qbo_class');
      if (location === undefined && klass === undefined) {
        throw new ErpMappingError('quickbooks-online', 'qbo_class (or qbo_location)', centre, 'is missing');
      }
      return [
        input.shortReference,
        date(journal.postingDate),
        requiredValue(
          mapping.accounts,
          account,
          'qbo_account_name',
          'quickbooks-online',
          `account ${account}`,
        ),
        amountText(line.debitMinor, input),
        amountText(line.creditMinor, input),
        `${lineTextOf(line, QUICKBOOKS_DESCRIPTION_MAX - suffix.length)}${suffix}`,
        '',
        location ?? '',
        klass ?? '',
      ];
    });
    return {
      format: 'quickbooks-online' as const,
      entity,
      fileName: `${input.baseName}.quickbooks-online.${fileSlug(key)}.csv`,
      contentType: CSV_CONTENT_TYPE,
      body: utf8(csvRows([QUICKBOOKS_COLUMNS, ...rows])),
    };
  });
}

function dateOf(format: string | undefined, subject: string): (isoDate: string) => string {
  if (format === undefined || format === 'MM/DD/YYYY') return monthDayYear;
  if (format === 'DD/MM/YYYY') return dayMonthYear;
  throw new ErpMappingError(
    'quickbooks-online',
    'qbo_date_format',
    subject,
    `is ${JSON.stringify(format)}, not MM/DD/YYYY or DD/MM/YYYY`,
  );
}
