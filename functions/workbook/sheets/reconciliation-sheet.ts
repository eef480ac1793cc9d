import type { Worksheet } from 'exceljs';
import type { ChargebackReport } from '../../core/report/chargeback-report.js';
import type { Reconciliation } from '../../core/report/reconciliation.js';
import { costBasisLine } from '../basis-text.js';
import { SHARE_FORMAT } from '../cell-formats.js';
import { LABEL_FONT } from '../cell-styles.js';
import { textCell } from '../cell-values.js';
import { writeFacts, writeFooterNotes, writeNote, writeSection, writeTitle } from '../fact-rows.js';
import { withFullStop } from '../sentence.js';
import { columnLetter, writeTable } from '../table.js';
import { type StreamingWorkbook, WIDE_PAGE_SETUP } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';
import { writeBridge } from './reconciliation-bridge.js';
import { orgLineColumns, RECONCILIATION_WIDTHS, userLineColumns } from './reconciliation-columns.js';
import { allocatedShareSentence, differenceExplanation } from './reconciliation-explanation.js';

export const RECONCILIATION_UNAVAILABLE = 'Reconciliation to the bill: not available';

/**
 * Session-based ACUs beside the vendor's bill: the org table from row 1, the
 * allocated share, the user table, then why the two differ. No frozen row:
 * the org header would stand over the user rows further down.
 */
export const reconciliationSheet: WorkbookSheet = {
  name: 'Reconciliation',
  async write(workbook, { report }) {
    const { reconciliation } = report;
    if (!reconciliation.available) {
      writeUnavailable(workbook, report, reconciliation.reason);
      return;
    }
    const sheet = workbook.addWorksheet('Reconciliation', { pageSetup: WIDE_PAGE_SETUP });
    sheet.columns = RECONCILIATION_WIDTHS.map((width) => ({ width }));
    await writeReconciliation(sheet, report, reconciliation.reconciliation);
    sheet.commit();
  },
};

async function writeReconciliation(
  sheet: Worksheet,
  report: ChargebackReport,
  reconciliation: Reconciliation,
): Promise<void> {
  const orgColumns = orgLineColumns(reconciliation);
  const orgs = await writeTable(sheet, orgColumns, reconciliation.orgs, 'Total');
  sheet.autoFilter = `A${orgs.headerRow}:${columnLetter(orgColumns.length)}${orgs.lastItemRow}`;

  sheet.addRow([]).commit();
  writeFacts(sheet, [
    { label: 'Allocated share', value: reconciliation.allocatedShare, numFmt: SHARE_FORMAT },
  ]);
  const share = sheet.addRow([allocatedShareSentence(reconciliation)]);
  share.getCell(1).font = LABEL_FONT;
  share.commit();

  writeSection(sheet, 'By user');
  if (reconciliation.users === null) {
    writeNote(sheet, 'The API gave no per-user breakdown of billed ACUs, so users cannot be reconciled.');
  } else {
    await writeTable(sheet, userLineColumns(reconciliation), reconciliation.users, 'Total');
  }

  writeBridge(sheet, reconciliation, report.pricing);
  writeSection(sheet, 'Why session ACUs differ from the bill');
  writeFacts(sheet, differenceExplanation(reconciliation, report.period));
  writeFooterNotes(sheet, [costBasisLine(report.costBasis)]);
}

/** The sheet is there whatever happened, so its absence is never mistaken for "nothing to explain". */
function writeUnavailable(workbook: StreamingWorkbook, report: ChargebackReport, reason: string): void {
  const sheet = workbook.addWorksheet('Reconciliation', { pageSetup: WIDE_PAGE_SETUP });
  sheet.columns = [{ width: 110 }];
  writeTitle(sheet, RECONCILIATION_UNAVAILABLE);
  writeNote(sheet, textCell(`The vendor's bill could not be read: ${withFullStop(reason)}`));
  writeNote(
    sheet,
    "The report's own figures are complete; they just cannot be compared with the bill for this period.",
  );
  writeFooterNotes(sheet, [costBasisLine(report.costBasis)]);
  sheet.commit();
}
