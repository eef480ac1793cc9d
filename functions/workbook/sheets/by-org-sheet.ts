import { writeTableSheet } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';
import { orgColumns } from './org-columns.js';

export const byOrgSheet: WorkbookSheet = {
  name: 'By Org',
  write: (workbook, { report }) =>
    writeTableSheet(workbook, {
      name: 'By Org',
      columns: orgColumns(report),
      items: report.orgs,
      totalLabel: 'Total',
    }),
};
