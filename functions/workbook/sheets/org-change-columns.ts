import type { OrgRow } from '#core/cost-centres/org-rows.js';
import type { Pricing } from '#core/money/pricing.js';
import type { OrgChange, PeriodComparison } from '#core/report/period-comparison.js';
import {
  ACUS_FORMAT,
  costFormat,
  SIGNED_ACUS_FORMAT,
  SIGNED_SHARE_FORMAT,
  signedCostFormat,
} from '../cell-formats.js';
import { acusCell, costCell, shareCell } from '../cell-values.js';
import { columnLetter, type TableColumn } from '../table.js';

type AvailableComparison = Extract<PeriodComparison, { available: true }>;

export const NO_USAGE_THIS_PERIOD = '(no usage this period)';
/** In the Change % column of an org that had nothing before: a percentage of nothing is not a number. */
export const NEW_ORG = 'new';

/**
 * `Previous ACUs`, `Change (ACUs)`, `Change %`, `Previous Cost`, `Change (Cost)`, placed after the existing
 * org columns starting at `firstColumn`: each row's own change (an org, or an org in one cost centre),
 * so all but Change % add up over the rows.
 */
export function orgChangeColumns(
  comparison: AvailableComparison,
  firstColumn: number,
  pricing: Pricing,
): readonly TableColumn<OrgRow>[] {
  const change = (org: OrgRow): OrgChange | undefined => org.change;
  const previous = columnLetter(firstColumn);
  const difference = columnLetter(firstColumn + 1);
  return [
    {
      header: 'Previous ACUs',
      width: 15,
      numFmt: ACUS_FORMAT,
      value: (org) => {
        const before = change(org)?.previousAcus;
        return before === undefined || before === null ? null : acusCell(before);
      },
      total: acusCell(comparison.previousAcus),
    },
    {
      header: 'Change (ACUs)',
      width: 13,
      numFmt: SIGNED_ACUS_FORMAT,
      value: (org) => {
        const found = change(org);
        return found === undefined ? null : acusCell(found.changeAcus);
      },
      total: acusCell(comparison.changeAcus),
    },
    {
      header: 'Change %',
      width: 11,
      numFmt: SIGNED_SHARE_FORMAT,
      value: (org) => {
        const found = change(org);
        if (found === undefined) return null;
        if (found.changeShare !== null) return shareCell(found.changeShare);
        return found.status === 'new' ? NEW_ORG : null;
      },
      // The whole's change is not the sum of the orgs' percentages.
      ...(comparison.changeShare === null
        ? {}
        : {
            total: shareCell(comparison.changeShare),
            totalFormula: (row: number) => `${difference}${row}/${previous}${row}`,
          }),
    },
    // In another currency the cents do not compare: the columns stay empty.
    {
      header: 'Previous Cost',
      width: 16,
      numFmt: costFormat(pricing),
      value: (org) => {
        const before = change(org)?.previousCostMinor;
        return before === undefined || before === null ? null : costCell(before, pricing);
      },
      ...(comparison.previousCostMinor === null
        ? {}
        : { total: costCell(comparison.previousCostMinor, pricing) }),
    },
    {
      header: 'Change (Cost)',
      width: 17,
      numFmt: signedCostFormat(pricing),
      value: (org) => {
        const found = change(org)?.changeCostMinor;
        return found === undefined || found === null ? null : costCell(found, pricing);
      },
      ...(comparison.changeCostMinor === null
        ? {}
        : { total: costCell(comparison.changeCostMinor, pricing) }),
    },
  ];
}
