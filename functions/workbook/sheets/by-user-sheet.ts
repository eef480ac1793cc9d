import { type UserRow, userRows } from '#core/cost-centres/user-rows.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { chargedAcusHeader, costBasisLine } from '../basis-text.js';
import { ACUS_FORMAT, COUNT_FORMAT, costFormat, SHARE_FORMAT } from '../cell-formats.js';
import { acusCell, costCell, textCell } from '../cell-values.js';
import { orgDisplayName, userDisplayName } from '../display-names.js';
import { writeFooterNotes } from '../fact-rows.js';
import { USER_KIND_HEADER, userKindText } from '../principal-kind.js';
import type { TableColumn } from '../table.js';
import { writeTableSheet } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';
import {
  chargedCostCentreColumn,
  costCentreRowNote,
  defaultCostCentreColumn,
  printedWithoutDefault,
} from './cost-centre-columns.js';

export const SHARE_OF_ORG_NOTE =
  "Share of Org is the row's cost ÷ its org's cost over all the org's cost centres: an org's rows add up to 100%. A person in several orgs, or charged to several cost centres, has a row for each.";

export const byUserSheet: WorkbookSheet = {
  name: 'By User',
  write: (workbook, { report }) => {
    const columns = userColumns(report);
    return writeTableSheet(workbook, {
      name: 'By User',
      report,
      columns,
      items: userRows(report),
      printedColumns: printedWithoutDefault(columns),
      totalLabel: 'Total',
      footer: (sheet) =>
        writeFooterNotes(sheet, [
          costBasisLine(report.costBasis),
          SHARE_OF_ORG_NOTE,
          ...costCentreRowNote(report, 'user'),
        ]),
    });
  },
};

function userColumns(report: ChargebackReport): readonly TableColumn<UserRow>[] {
  const { totals, pricing } = report;
  return [
    { header: 'Org ID', width: 26, value: ({ org }) => textCell(org.orgId) },
    { header: 'Org Name', width: 40, value: ({ org }) => textCell(orgDisplayName(org.orgId, org.orgName)) },
    ...chargedCostCentreColumn<UserRow>(report, (row) => row.code),
    {
      header: 'User ID',
      width: 26,
      value: ({ user }) => (user.userId === null ? null : textCell(user.userId)),
    },
    {
      header: 'User Name',
      width: 38,
      value: ({ user }) => textCell(userDisplayName(user.userId, user.userName)),
    },
    { header: 'Email', width: 32, value: ({ user }) => (user.email === null ? null : textCell(user.email)) },
    {
      header: 'Sessions',
      width: 11,
      numFmt: COUNT_FORMAT,
      value: (row) => row.sessions,
      total: totals.sessions,
    },
    {
      header: chargedAcusHeader(report.costBasis),
      width: 14,
      numFmt: ACUS_FORMAT,
      value: (row) => acusCell(row.acus),
      total: acusCell(totals.acus),
    },
    {
      header: 'Cost',
      width: 18,
      numFmt: costFormat(pricing),
      value: (row) => costCell(row.costMinor, pricing),
      total: costCell(totals.costMinor, pricing),
    },
    // Shares of different orgs do not add up to anything: no total.
    { header: 'Share of Org', width: 14, numFmt: SHARE_FORMAT, value: (row) => row.shareOfOrg },
    { header: USER_KIND_HEADER, width: 13, value: ({ user }) => userKindText(user.userId, user.kind) },
    ...defaultCostCentreColumn<UserRow>(report, (row) => row.defaultCode),
  ];
}
