import type { Reconciliation, ReconciliationLine } from '../../core/report/reconciliation.js';
import { shareOf } from '../../core/report/share.js';
import { ACUS_FORMAT, SIGNED_ACUS_FORMAT, SIGNED_SHARE_FORMAT } from '../cell-formats.js';
import { acusCell, textCell } from '../cell-values.js';
import { orgDisplayName, userDisplayName } from '../display-names.js';
import type { TableColumn } from '../table.js';

export const UNATTRIBUTED_ORG = 'Unattributed (billed to no org)';
export const UNATTRIBUTED_USER = 'Unattributed (billed to no user)';

/**
 * Both tables keep their figures in columns C to F, so the user table's
 * numbers stand under the org table's and the sheet's column formats fit both.
 */
export const RECONCILIATION_WIDTHS = [26, 42, 15, 15, 15, 14, 26];

export function orgLineColumns(reconciliation: Reconciliation): readonly TableColumn<ReconciliationLine>[] {
  return [
    { header: 'Org ID', value: (line) => (line.id === null ? null : textCell(line.id)) },
    {
      header: 'Org Name',
      value: (line) => (line.id === null ? UNATTRIBUTED_ORG : textCell(orgDisplayName(line.id, line.name))),
    },
    ...figureColumns(reconciliation),
  ];
}

export function userLineColumns(reconciliation: Reconciliation): readonly TableColumn<ReconciliationLine>[] {
  return [
    { header: 'User ID', value: (line) => (line.id === null ? null : textCell(line.id)) },
    {
      header: 'User Name',
      value: (line) => (line.id === null ? UNATTRIBUTED_USER : textCell(userDisplayName(line.id, line.name))),
    },
    ...figureColumns(reconciliation),
    { header: 'Org ID', value: (line) => (line.orgId === null ? null : textCell(line.orgId)) },
  ];
}

/** Session, billed, difference (billed − sessions) and its share of the bill, with the exact totals. */
function figureColumns({ totals }: Reconciliation): readonly TableColumn<ReconciliationLine>[] {
  return [
    {
      header: 'Session ACUs',
      numFmt: ACUS_FORMAT,
      value: (line) => acusCell(line.sessionAcus),
      total: acusCell(totals.sessionAcus),
    },
    {
      header: 'Billed ACUs',
      numFmt: ACUS_FORMAT,
      value: (line) => acusCell(line.billedAcus),
      total: acusCell(totals.billedAcus),
    },
    {
      header: 'Difference',
      numFmt: SIGNED_ACUS_FORMAT,
      value: (line) => acusCell(line.differenceAcus),
      total: acusCell(totals.differenceAcus),
    },
    {
      header: 'Difference %',
      numFmt: SIGNED_SHARE_FORMAT,
      value: (line) => line.differenceShare,
      // A share of the whole bill, not a sum of the lines' shares.
      ...(totals.billedAcus === 0n
        ? {}
        : {
            total: shareOf(totals.differenceAcus, totals.billedAcus),
            totalFormula: (row: number) => `E${row}/D${row}`,
          }),
    },
  ];
}
