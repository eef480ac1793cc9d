import { csvRows } from '#core/csv/csv-rows.js';
import { requiredValue } from './erp-mapping.js';
import { CSV_CONTENT_TYPE, type FormatInput, linesByEntity, utf8 } from './format-input.js';
import { monthDayYear } from './import-text.js';
import { entityKeyOf, type JournalFormatFile } from './journal-format.js';
import { clipText } from './line-text.js';
import { NETSUITE_MEMO_MAX, netsuiteLineCells } from './netsuite.js';

/**
 * NetSuite OneWorld Advanced Intercompany Journal Entry by CSV import (Setup >
 * Import/Export > Import CSV Records, Transactions, Advanced Intercompany Journal
 * Entry): one entry for every legal entity of the close, from an originating
 * subsidiary (body Subsidiary: the first entity of the journal) to the receiving
 * ones, each line carrying its own subsidiary (the line's Subsidiary, the record's
 * `linesubsidiary`; an account must belong to it). One External ID on every row
 * groups the lines into one entry. NetSuite wants the debits and credits of each
 * subsidiary to balance; every entity's lines already do (each entity's usage is
 * credited to its own accrual account), so no amount crosses subsidiaries and no
 * due-to / due-from (intercompany payable / receivable) lines are needed: the
 * Due To/From Subsidiary column stays off. Date, memo, account and department rules
 * are the `netsuite` format's.
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1500297529.html (the record)
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4105316538.html (linesubsidiary)
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1534420642.html (External ID on every row)
 */
export const NETSUITE_INTERCOMPANY_COLUMNS = [
  'External ID',
  'Subsidiary',
  'Date',
  'Currency',
  'Memo',
  'Line Subsidiary',
  'Account',
  'Debit',
  'Credit',
  'Line Memo',
  'Department',
  'Class',
] as const;

export function netsuiteIntercompanyFiles(input: FormatInput): JournalFormatFile[] {
  const { journal, mapping } = input;
  const subsidiaryOf = (entity: string | null) => {
    const key = entityKeyOf(entity);
    return requiredValue(
      mapping.entities,
      key,
      'netsuite_subsidiary',
      'netsuite-intercompany',
      `entity ${key}`,
    );
  };
  const groups = [...linesByEntity(journal)];
  const origin = groups[0] === undefined ? '' : subsidiaryOf(groups[0][0]);
  const externalId = `${input.shortReference}-IC`;
  const rows = groups.flatMap(([entity, lines]) => {
    const subsidiary = subsidiaryOf(entity);
    return lines.map((line) => {
      const cells = netsuiteLineCells(line, input, 'netsuite-intercompany');
      return [
        externalId,
        origin,
        monthDayYear(journal.postingDate),
        journal.currency,
        clipText(journal.journalId, NETSUITE_MEMO_MAX),
        subsidiary,
        cells.account,
        cells.debit,
        cells.credit,
        cells.lineMemo,
        cells.department,
        cells.class,
      ];
    });
  });
  return [
    {
      format: 'netsuite-intercompany',
      entity: null,
      fileName: `${input.baseName}.netsuite-intercompany.csv`,
      contentType: CSV_CONTENT_TYPE,
      body: utf8(csvRows([NETSUITE_INTERCOMPANY_COLUMNS, ...rows])),
    },
  ];
}
