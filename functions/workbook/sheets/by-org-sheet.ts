import { type OrgRow, orgRows, previousSplitSource } from '#core/cost-centres/org-rows.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { costBasisLine } from '../basis-text.js';
import { textCell } from '../cell-values.js';
import { writeFooterNotes } from '../fact-rows.js';
import { sentence } from '../sentence.js';
import type { TableColumn } from '../table.js';
import { writeTableSheet } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';
import { costCentreRowNote, defaultCostCentreColumn, printedWithoutDefault } from './cost-centre-columns.js';
import { orgChangeColumns } from './org-change-columns.js';
import { orgColumns } from './org-columns.js';

export const SHARE_OF_COST_NOTE =
  "Share of Cost is the row's cost ÷ the period's cost: the rows add up to 100%.";

export const byOrgSheet: WorkbookSheet = {
  name: 'By Org',
  write: (workbook, { report }) => {
    const { columns, items } = byOrgTable(report);
    return writeTableSheet(workbook, {
      name: 'By Org',
      report,
      columns,
      items,
      printedColumns: printedWithoutDefault(columns),
      totalLabel: 'Total',
      footer: (sheet) => writeFooterNotes(sheet, byOrgNotes(report)),
    });
  },
};

/**
 * The org table (by org × cost centre with a map), with month-over-month columns and the rows gone
 * since the previous period when there is one; the org's default cost centre last.
 */
function byOrgTable(report: ChargebackReport): {
  columns: readonly TableColumn<OrgRow>[];
  items: readonly OrgRow[];
} {
  const columns = orgColumns(report);
  const { comparison } = report;
  const changes = comparison.available
    ? orgChangeColumns(comparison, columns.length + 1, report.pricing)
    : [];
  return {
    columns: [...columns, ...changes, ...defaultCostCentreColumn<OrgRow>(report, (org) => org.defaultCode)],
    items: orgRows(report),
  };
}

function byOrgNotes(report: ChargebackReport): string[] {
  const { comparison } = report;
  const change = comparison.available
    ? `Previous ACUs, Change (ACUs), Change % (of the previous ACUs), Previous Cost and Change (Cost) compare each row with ${comparison.previous.label}; Change % is the row's own: do not add it up.`
    : sentence(comparison.reason);
  const caveats = comparison.available ? comparison.caveats.map((caveat) => textCell(sentence(caveat))) : [];
  const unsplit =
    previousSplitSource(report) === 'default-cost-centre'
      ? [
          `The ${comparison.available ? comparison.previous.label : 'previous'} report did not record its usage by cost centre: each org's previous figures are on its default cost centre's row, so Previous Cost by Cost Centre can differ from By Cost Centre's.`,
        ]
      : [];
  return [
    costBasisLine(report.costBasis),
    SHARE_OF_COST_NOTE,
    textCell(change),
    ...caveats,
    ...costCentreRowNote(report, 'org'),
    ...unsplit,
  ];
}
