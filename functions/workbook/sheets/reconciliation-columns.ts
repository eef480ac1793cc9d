import { label } from '#core/glossary/glossary.js';
import { formatAcus } from '#core/money/format.js';
import type { Pricing } from '#core/money/pricing.js';
import { orgSplitText, type PersonTotal } from '#core/report/people.js';
import type { Reconciliation, ReconciliationLine } from '#core/report/reconciliation.js';
import type { LineCost, ReconciliationCosts } from '#core/report/reconciliation-costs.js';
import { shareOf } from '#core/report/share.js';
import {
  ACUS_FORMAT,
  costFormat,
  SIGNED_ACUS_FORMAT,
  SIGNED_SHARE_FORMAT,
  signedCostFormat,
} from '../cell-formats.js';
import { acusCell, costCell, shareCell, textCell } from '../cell-values.js';
import { orgDisplayName, userDisplayName } from '../display-names.js';
import type { TableColumn } from '../table.js';

/** The org table's line for billed ACUs no org carries: the glossary's shared products. */
export const UNATTRIBUTED_ORG = label('sharedProducts');
/** Billed ACUs no user carries: the shared products and sessions that have no user. */
export const UNATTRIBUTED_USER = `${label('sharedProducts')} and no-user sessions`;

/** A reconciliation line with its figures in money. */
export interface PricedLine {
  readonly line: ReconciliationLine;
  readonly cost: LineCost;
}

const NO_COST: LineCost = { sessionCostMinor: 0n, billedCostMinor: 0n, differenceCostMinor: 0n };

export function pricedLines(lines: readonly ReconciliationLine[], costs: readonly LineCost[]): PricedLine[] {
  return lines.map((line, i) => ({ line, cost: costs[i] ?? NO_COST }));
}

/**
 * Both tables keep their figures in columns C to I, so the user table's
 * numbers stand under the org table's and the sheet's column formats fit both.
 */
export const RECONCILIATION_WIDTHS = [26, 42, 15, 15, 15, 14, 17, 17, 17, 26, 44];

export function orgLineColumns(
  reconciliation: Reconciliation,
  costs: ReconciliationCosts,
  pricing: Pricing,
): readonly TableColumn<PricedLine>[] {
  return [
    { header: 'Org ID', value: ({ line }) => (line.id === null ? null : textCell(line.id)) },
    {
      header: 'Org Name',
      value: ({ line }) =>
        line.id === null ? UNATTRIBUTED_ORG : textCell(orgDisplayName(line.id, line.name)),
    },
    ...figureColumns(reconciliation, costs, pricing),
  ];
}

/**
 * People, once each with their session ACUs over all orgs (as the bill counts
 * them); `Org ID` is the org they mostly worked in, `Orgs` the split when
 * they worked in several.
 */
export function userLineColumns(
  reconciliation: Reconciliation,
  costs: ReconciliationCosts,
  pricing: Pricing,
  people: readonly PersonTotal[],
): readonly TableColumn<PricedLine>[] {
  const byId = new Map(people.map((person) => [person.userId, person]));
  return [
    { header: 'User ID', value: ({ line }) => (line.id === null ? null : textCell(line.id)) },
    {
      header: 'User Name',
      value: ({ line }) =>
        line.id === null ? UNATTRIBUTED_USER : textCell(userDisplayName(line.id, line.name)),
    },
    ...figureColumns(reconciliation, costs, pricing),
    { header: 'Org ID', value: ({ line }) => (line.orgId === null ? null : textCell(line.orgId)) },
    {
      header: 'Orgs',
      width: RECONCILIATION_WIDTHS[10],
      wrap: true,
      value: ({ line }) => {
        const person = line.id === null ? undefined : byId.get(line.id);
        if (person === undefined) return null;
        return textCell(orgSplitText(person, (org) => orgDisplayName(org.orgId, org.orgName), formatAcus));
      },
    },
  ];
}

/**
 * Session, billed, difference (billed − sessions) and its share of the bill,
 * then the same three in money, with the exact totals.
 */
function figureColumns(
  { totals }: Reconciliation,
  costs: ReconciliationCosts,
  pricing: Pricing,
): readonly TableColumn<PricedLine>[] {
  return [
    {
      header: 'Session ACUs',
      numFmt: ACUS_FORMAT,
      value: ({ line }) => acusCell(line.sessionAcus),
      total: acusCell(totals.sessionAcus),
    },
    {
      header: 'Billed ACUs',
      numFmt: ACUS_FORMAT,
      value: ({ line }) => acusCell(line.billedAcus),
      total: acusCell(totals.billedAcus),
    },
    {
      header: 'Difference',
      numFmt: SIGNED_ACUS_FORMAT,
      value: ({ line }) => acusCell(line.differenceAcus),
      total: acusCell(totals.differenceAcus),
    },
    {
      header: 'Difference %',
      numFmt: SIGNED_SHARE_FORMAT,
      value: ({ line }) => (line.differenceShare === null ? null : shareCell(line.differenceShare)),
      // A share of the whole bill, not a sum of the lines' shares.
      ...(totals.billedAcus === 0n
        ? {}
        : {
            total: shareCell(shareOf(totals.differenceAcus, totals.billedAcus)),
            totalFormula: (row: number) => `E${row}/D${row}`,
          }),
    },
    {
      header: 'Session Cost',
      numFmt: costFormat(pricing),
      value: ({ cost }) => costCell(cost.sessionCostMinor, pricing),
      total: costCell(costs.totals.sessionCostMinor, pricing),
    },
    {
      header: 'Billed Cost',
      numFmt: costFormat(pricing),
      value: ({ cost }) => costCell(cost.billedCostMinor, pricing),
      total: costCell(costs.totals.billedCostMinor, pricing),
    },
    {
      header: 'Difference (Cost)',
      numFmt: signedCostFormat(pricing),
      value: ({ cost }) => costCell(cost.differenceCostMinor, pricing),
      total: costCell(costs.totals.differenceCostMinor, pricing),
    },
  ];
}
