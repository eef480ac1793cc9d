import type { JournalLine } from '#core/cost-centres/journal.js';
import { formatMoney } from '#core/money/format.js';
import { ACUS_FORMAT, costFormat } from '../cell-formats.js';
import { acusCell, costCell, textCell } from '../cell-values.js';
import { writeFooterNotes } from '../fact-rows.js';
import type { TableColumn } from '../table.js';
import { writeTableSheet } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';

export const JOURNAL = 'Journal';

/**
 * The journal entry finance posts: per cost centre a debit for its usage,
 * its shared products and each true-up, and a balancing accrual; the same lines as the …journal.csv beside the workbook.
 */
export const journalSheet: WorkbookSheet = {
  name: JOURNAL,
  async write(workbook, { report }) {
    const costCentres = report.costCentres;
    if (costCentres === undefined || costCentres.sliceOf !== undefined) return;
    const { journal } = costCentres;
    const { pricing } = report;
    const text = (value: string | null) => (value === null ? null : textCell(value));
    const columns: TableColumn<JournalLine>[] = [
      { header: 'Date', width: 12, value: (line) => textCell(line.date) },
      { header: 'Legal Entity', width: 13, value: (line) => text(line.legalEntity) },
      { header: 'Account', width: 11, value: (line) => text(line.account) },
      { header: 'Cost Centre', width: 14, value: (line) => textCell(line.costCentre) },
      { header: 'Cost Centre Name', width: 42, value: (line) => textCell(line.costCentreName) },
      { header: 'Line Type', width: 16, value: (line) => textCell(line.kind) },
      {
        header: 'Debit',
        width: 16,
        numFmt: costFormat(pricing),
        value: (line) => (line.debitMinor === 0n ? null : costCell(line.debitMinor, pricing)),
        total: costCell(journal.debitMinor, pricing),
      },
      {
        header: 'Credit',
        width: 16,
        numFmt: costFormat(pricing),
        value: (line) => (line.creditMinor === 0n ? null : costCell(line.creditMinor, pricing)),
        total: costCell(journal.creditMinor, pricing),
      },
      { header: 'Currency', width: 11, value: () => journal.currency },
      {
        header: 'Quantity (ACUs)',
        width: 16,
        numFmt: ACUS_FORMAT,
        value: (line) => acusCell(line.quantityAcus),
      },
      { header: 'Description', width: 56, value: (line) => textCell(line.description) },
      // As wide as the reference and ID present (fitted to them): an ID is never cut by the next cell.
      { header: 'Reference', width: 60, value: () => textCell(journal.reference) },
      { header: 'Journal ID', width: 60, value: () => textCell(journal.journalId) },
      { header: 'Period', width: 10, value: () => textCell(journal.period) },
    ];
    await writeTableSheet(workbook, {
      name: JOURNAL,
      report,
      columns,
      items: journal.lines,
      totalLabel: 'Total',
      footer: (sheet) =>
        writeFooterNotes(sheet, [
          `Debits ${formatMoney(journal.debitMinor, pricing)} = credits ${formatMoney(journal.creditMinor, pricing)}: the entry balances to the minor unit, per legal entity and per cost centre.`,
          `Posted ${formatMoney(journal.postedMinor, pricing)} = usage ${formatMoney(journal.usageMinor, pricing)} + true-ups ${formatMoney(journal.trueUpMinor, pricing)} + shared products ${formatMoney(journal.sharedMinor, pricing)}.`,
          ...(journal.draft
            ? [
                'DRAFT: a line has no account, so the file is written as …journal.DRAFT.csv; fix the blockers below and run again.',
              ]
            : []),
          ...journal.blockers.map((blocker) => `Before posting: ${blocker}`),
          'The same lines are in the …journal.csv file beside this workbook (UTF-8 with a byte-order mark), for the ERP import; journal_id is new on every run, so a second import of one period shows.',
        ]),
    });
  },
};
