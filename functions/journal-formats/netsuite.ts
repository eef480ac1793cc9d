import type { JournalLine } from '#core/cost-centres/journal.js';
import { csvRows } from '#core/csv/csv-rows.js';
import { optionalValue, requiredValue } from './erp-mapping.js';
import {
  accountOf,
  amountText,
  CSV_CONTENT_TYPE,
  type FormatInput,
  linesByEntity,
  utf8,
} from './format-input.js';
import { fileSlug, monthDayYear } from './import-text.js';
import { entityKeyOf, type JournalFormatFile } from './journal-format.js';
import { clipText, lineTextOf } from './line-text.js';

/**
 * NetSuite CSV import (Setup > Import/Export > Import CSV Records, Transactions,
 * Journal Entry, one file): a journal entry has one subsidiary, so one file per
 * legal entity; the External ID on every row groups its lines and makes a second
 * import of the same close fail instead of posting twice. Subsidiary, Department
 * and Class are names (or internal ids) that exist in the account; Account is the
 * erp-mapping's netsuite_account (name or internal id), else the GL number, which
 * NetSuite matches only with "Use Account Numbers" on. Dates follow the importing
 * user's date preference: the default, MM/DD/YYYY. Memo fields take 999 characters.
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1534420642.html
 */
export const NETSUITE_COLUMNS = [
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
] as const;

export const NETSUITE_MEMO_MAX = 999;

export function netsuiteFiles(input: FormatInput): JournalFormatFile[] {
  const { journal, mapping } = input;
  return [...linesByEntity(journal)].map(([entity, lines]) => {
    const key = entityKeyOf(entity);
    const subsidiary = requiredValue(
      mapping.entities,
      key,
      'netsuite_subsidiary',
      'netsuite',
      `entity ${key}`,
    );
    const externalId = `${input.shortReference}-${fileSlug(key)}`;
    const rows = lines.map((line) => {
      const cells = netsuiteLineCells(line, input, 'netsuite');
      return [
        externalId,
        subsidiary,
        monthDayYear(journal.postingDate),
        journal.currency,
        clipText(journal.journalId, NETSUITE_MEMO_MAX),
        cells.account,
        cells.debit,
        cells.credit,
        cells.lineMemo,
        cells.department,
        cells.class,
      ];
    });
    return {
      format: 'netsuite' as const,
      entity,
      fileName: `${input.baseName}.netsuite.${fileSlug(key)}.csv`,
      contentType: CSV_CONTENT_TYPE,
      body: utf8(csvRows([NETSUITE_COLUMNS, ...rows])),
    };
  });
}

/**
 * A journal line's own NetSuite cells (account, amounts, line memo, department, class): the same
 * in a subsidiary's entry and in the intercompany entry, so the rules live once.
 */
export function netsuiteLineCells(
  line: JournalLine,
  input: FormatInput,
  format: 'netsuite' | 'netsuite-intercompany',
): {
  readonly account: string;
  readonly debit: string;
  readonly credit: string;
  readonly lineMemo: string;
  readonly department: string;
  readonly class: string;
} {
  const { mapping } = input;
  const account = accountOf(line, format);
  return {
    account: optionalValue(mapping.accounts, account, 'netsuite_account') ?? account,
    debit: amountText(line.debitMinor, input),
    credit: amountText(line.creditMinor, input),
    lineMemo: lineTextOf(line, NETSUITE_MEMO_MAX),
    department: requiredValue(
      mapping.costCentres,
      line.costCentre,
      'netsuite_department',
      format,
      `cost centre ${line.costCentre}`,
    ),
    class: optionalValue(mapping.costCentres, line.costCentre, 'netsuite_class') ?? '',
  };
}
