import type { ChargebackReport, OrgTotal, UserTotal } from '../../core/report/chargeback-report.js';
import { chargedAcusHeader, costBasisLine } from '../basis-text.js';
import { ACUS_FORMAT, COUNT_FORMAT, costFormat, SHARE_FORMAT } from '../cell-formats.js';
import { acusCell, costCell, textCell } from '../cell-values.js';
import { orgDisplayName, userDisplayName } from '../display-names.js';
import { writeFooterNotes } from '../fact-rows.js';
import { USER_KIND_HEADER, userKindText } from '../principal-kind.js';
import type { TableColumn } from '../table.js';
import { writeTableSheet } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';
import { costCentreRowNote, orgCostCentreColumn } from './cost-centre-columns.js';

interface UserOfOrg {
  readonly org: OrgTotal;
  readonly user: UserTotal;
}

export const byUserSheet: WorkbookSheet = {
  name: 'By User',
  write: (workbook, { report }) =>
    writeTableSheet(workbook, {
      name: 'By User',
      report,
      columns: userColumns(report),
      items: usersByOrg(report.orgs),
      totalLabel: 'Total',
      footer: (sheet) =>
        writeFooterNotes(sheet, [
          costBasisLine(report.costBasis),
          "Share of Org is the user's ACUs ÷ the org's ACUs. A person in several orgs has a row in each.",
          ...costCentreRowNote(report),
        ]),
    }),
};

function* usersByOrg(orgs: readonly OrgTotal[]): Generator<UserOfOrg> {
  for (const org of orgs) for (const user of org.users) yield { org, user };
}

function userColumns(report: ChargebackReport): readonly TableColumn<UserOfOrg>[] {
  const { totals, pricing } = report;
  return [
    { header: 'Org ID', width: 26, value: ({ org }) => textCell(org.orgId) },
    { header: 'Org Name', width: 40, value: ({ org }) => textCell(orgDisplayName(org.orgId, org.orgName)) },
    ...orgCostCentreColumn<UserOfOrg>(report, ({ org }) => org.orgId),
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
      value: ({ user }) => user.sessions,
      total: totals.sessions,
    },
    {
      header: chargedAcusHeader(report.costBasis),
      width: 14,
      numFmt: ACUS_FORMAT,
      value: ({ user }) => acusCell(user.acus),
      total: acusCell(totals.acus),
    },
    {
      header: 'Cost',
      width: 18,
      numFmt: costFormat(pricing),
      value: ({ user }) => costCell(user.costMinor, pricing),
      total: costCell(totals.costMinor, pricing),
    },
    // Shares of different orgs do not add up to anything: no total.
    { header: 'Share of Org', width: 14, numFmt: SHARE_FORMAT, value: ({ user }) => user.shareOfOrg },
    { header: USER_KIND_HEADER, width: 13, value: ({ user }) => userKindText(user.userId, user.kind) },
  ];
}
