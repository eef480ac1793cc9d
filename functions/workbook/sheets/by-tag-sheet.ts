import type { Worksheet } from 'exceljs';
import type { ChargebackReport, TagTotal } from '#core/report/chargeback-report.js';
import { costBasisLine } from '../basis-text.js';
import { ACUS_FORMAT, COUNT_FORMAT, costFormat } from '../cell-formats.js';
import { LABEL_FONT } from '../cell-styles.js';
import { acusCell, costCell, textCell } from '../cell-values.js';
import { UNTAGGED } from '../display-names.js';
import { wrapLabel, writeNote } from '../fact-rows.js';
import { type SessionTotals, sessionTotals } from '../session-totals.js';
import type { TableColumn } from '../table.js';
import { writeTableSheet } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';

export const NOT_ADDITIVE_NOTE =
  'Not additive: a session with several tags counts under each of its tags, ' +
  'so the rows can add up to more than the sessions in the period.';

export const SESSIONS_IN_PERIOD = 'Sessions in period';

const TAGS_ARE_SESSION_BASED =
  "Tags exist on sessions only: these rows use the sessions' lifetime ACUs, not the bill.";

/** No Total row: summing these rows would count multi-tagged sessions twice. */
export const byTagSheet: WorkbookSheet = {
  name: 'By Tag',
  write: (workbook, { report, sessions }) =>
    writeTableSheet(workbook, {
      name: 'By Tag',
      report,
      columns: tagColumns(report),
      items: report.tags,
      footer: (sheet) => {
        writePeriodTotals(sheet, report, sessionTotals(sessions, report.sessionCostMinor));
        writeNote(sheet, costBasisLine(report.costBasis));
        if (report.costBasis === 'billed') writeNote(sheet, TAGS_ARE_SESSION_BASED);
      },
    }),
};

function tagColumns(report: ChargebackReport): readonly TableColumn<TagTotal>[] {
  const { pricing } = report;
  return [
    { header: 'Tag', width: 32, value: (tag) => (tag.tag === null ? UNTAGGED : textCell(tag.tag)) },
    { header: 'Sessions', width: 11, numFmt: COUNT_FORMAT, value: (tag) => tag.sessions },
    { header: 'ACUs', width: 14, numFmt: ACUS_FORMAT, value: (tag) => acusCell(tag.acus) },
    {
      header: 'Cost',
      width: 18,
      numFmt: costFormat(report.pricing),
      value: (tag) => costCell(tag.costMinor, pricing),
    },
  ];
}

/** What the period's sessions really total, as values rather than a SUM, with the reason beside it. */
function writePeriodTotals(sheet: Worksheet, report: ChargebackReport, totals: SessionTotals): void {
  const { pricing } = report;
  sheet.addRow([]).commit();
  const row = sheet.addRow([
    SESSIONS_IN_PERIOD,
    totals.sessions,
    acusCell(totals.acus),
    costCell(totals.costMinor, pricing),
  ]);
  row.getCell(1).font = LABEL_FONT;
  row.getCell(2).numFmt = COUNT_FORMAT;
  row.getCell(3).numFmt = ACUS_FORMAT;
  row.getCell(4).numFmt = costFormat(pricing);
  // The label wraps in the Tag column: the count beside it would cut it.
  wrapLabel(sheet, row, 1);
  row.commit();
  writeNote(sheet, NOT_ADDITIVE_NOTE);
}
