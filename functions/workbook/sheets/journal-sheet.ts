import type { JournalLine } from '../../core/cost-centres/journal.js';
import { formatMoney } from '../../core/money/format.js';
import { costFormat } from '../cell-formats.js';
import { costCell, textCell } from '../cell-values.js';
import { writeFooterNotes } from '../fact-rows.js';
import type { TableColumn } from '../table.js';
import { writeTableSheet } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';

export const JOURNAL = 'Journal';

/**
 * The journal entry finance posts: a debit per cost centre and a balancing
 * credit per legal entity, the same lines as the …journal.csv beside the workbook.
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
      { header: 'Cost Centre', width: 14, value: (line) => text(line.costCentre) },
      { header: 'Cost Centre Name', width: 42, value: (line) => text(line.costCentreName) },
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
      { header: 'Description', width: 36, value: (line) => textCell(line.description) },
      { header: 'Reference', width: 26, value: () => textCell(journal.reference) },
    ];
    await writeTableSheet(workbook, {
      name: JOURNAL,
      report,
      columns,
      items: journal.lines,
      totalLabel: 'Total',
      footer: (sheet) =>
        writeFooterNotes(sheet, [
          `Debits ${formatMoney(journal.debitMinor, pricing)} = credits ${formatMoney(journal.creditMinor, pricing)}: the entry balances to the minor unit.`,
          ...journal.blockers.map((blocker) => `Before posting: ${blocker}`),
          'The same lines are in the …journal.csv file beside this workbook, for the ERP import.',
        ]),
    });
  },
};
