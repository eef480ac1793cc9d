import type { OrgRow } from '#core/cost-centres/org-rows.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { chargedAcusHeader } from '../basis-text.js';
import { ACUS_FORMAT, COUNT_FORMAT, costFormat, SHARE_FORMAT } from '../cell-formats.js';
import { acusCell, costCell, textCell } from '../cell-values.js';
import { orgDisplayName } from '../display-names.js';
import type { TableColumn } from '../table.js';
import { chargedCostCentreColumn } from './cost-centre-columns.js';
import { NO_USAGE_THIS_PERIOD } from './org-change-columns.js';

export const SHARE_OF_COST_HEADER = 'Share of Cost';

/** The By Org table, also shown on the Summary: one row per org, or per org × cost centre with a map. */
export function orgColumns(report: ChargebackReport): readonly TableColumn<OrgRow>[] {
  const { totals, pricing } = report;
  return [
    { header: 'Org ID', width: 26, value: (org) => textCell(org.orgId) },
    {
      header: 'Org Name',
      width: 42,
      value: (org) => {
        const name = orgDisplayName(org.orgId, org.orgName);
        return textCell(org.orgVanished ? `${name} ${NO_USAGE_THIS_PERIOD}` : name);
      },
    },
    ...chargedCostCentreColumn<OrgRow>(report, (org) => org.code),
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
      header: SHARE_OF_COST_HEADER,
      width: 15,
      numFmt: SHARE_FORMAT,
      value: (org) => org.shareOfCost,
      // The shares of all rows are the whole, whatever their float sum.
      total: totals.costMinor !== 0n ? 1 : 0,
    },
  ];
}
