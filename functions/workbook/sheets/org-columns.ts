import type { ChargebackReport, OrgTotal } from '../../core/report/chargeback-report.js';
import { chargedAcusHeader } from '../basis-text.js';
import { ACUS_FORMAT, COUNT_FORMAT, costFormat, SHARE_FORMAT } from '../cell-formats.js';
import { acusCell, costCell, textCell } from '../cell-values.js';
import { orgDisplayName } from '../display-names.js';
import type { TableColumn } from '../table.js';
import { orgCostCentreColumn } from './cost-centre-columns.js';

/** The By Org table, also shown on the Summary. */
export function orgColumns(report: ChargebackReport): readonly TableColumn<OrgTotal>[] {
  const { totals, pricing } = report;
  return [
    { header: 'Org ID', width: 26, value: (org) => textCell(org.orgId) },
    { header: 'Org Name', width: 42, value: (org) => textCell(orgDisplayName(org.orgId, org.orgName)) },
    ...orgCostCentreColumn<OrgTotal>(report, (org) => org.orgId),
    {
      header: 'Sessions',
      width: 11,
      numFmt: COUNT_FORMAT,
      value: (org) => org.sessions,
      total: totals.sessions,
    },
    {
      header: chargedAcusHeader(report.costBasis),
      width: 14,
      numFmt: ACUS_FORMAT,
      value: (org) => acusCell(org.acus),
      total: acusCell(totals.acus),
    },
    {
      header: 'Cost',
      width: 18,
      numFmt: costFormat(pricing),
      value: (org) => costCell(org.costMinor, pricing),
      total: costCell(totals.costMinor, pricing),
    },
    {
      header: 'Share of ACUs',
      width: 15,
      numFmt: SHARE_FORMAT,
      value: (org) => org.shareOfAcus,
      // The shares of all orgs are the whole, whatever their float sum.
      total: totals.acus > 0n ? 1 : 0,
    },
  ];
}
