import type { ChargebackReport, OrgTotal } from '../../core/report/chargeback-report.js';
import { costBasisLine } from '../basis-text.js';
import { textCell } from '../cell-values.js';
import { writeFooterNotes } from '../fact-rows.js';
import { sentence } from '../sentence.js';
import type { TableColumn } from '../table.js';
import { writeTableSheet } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';
import { costCentreRowNote } from './cost-centre-columns.js';
import { orgChangeColumns, orgsWithVanished } from './org-change-columns.js';
import { orgColumns } from './org-columns.js';

export const SHARE_OF_ACUS_NOTE = "Share of ACUs is the org's ACUs ÷ all ACUs of the period.";

export const byOrgSheet: WorkbookSheet = {
  name: 'By Org',
  write: (workbook, { report }) => {
    const { columns, items } = byOrgTable(report);
    return writeTableSheet(workbook, {
      name: 'By Org',
      report,
      columns,
      items,
      totalLabel: 'Total',
      footer: (sheet) => writeFooterNotes(sheet, byOrgNotes(report)),
    });
  },
};

/** The org table, with month-over-month columns and vanished orgs when there is a previous period. */
function byOrgTable(report: ChargebackReport): {
  columns: readonly TableColumn<OrgTotal>[];
  items: readonly OrgTotal[];
} {
  const columns = orgColumns(report);
  const { comparison } = report;
  if (!comparison.available) return { columns, items: report.orgs };
  return {
    columns: [...columns, ...orgChangeColumns(comparison, columns.length + 1, report.pricing)],
    items: orgsWithVanished(report.orgs, comparison),
  };
}

function byOrgNotes(report: ChargebackReport): string[] {
  const { comparison } = report;
  const change = comparison.available
    ? `Previous ACUs, Change, Change % (of the previous ACUs), Previous Cost and Change (Cost) compare with ${comparison.previous.label}.`
    : sentence(comparison.reason);
  const caveats = comparison.available ? comparison.caveats.map((caveat) => textCell(sentence(caveat))) : [];
  return [
    costBasisLine(report.costBasis),
    SHARE_OF_ACUS_NOTE,
    textCell(change),
    ...caveats,
    ...costCentreRowNote(report),
  ];
}
