import type { CostCentreReport, CostCentreTotal } from '#core/cost-centres/cost-centre-report.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { shareOf } from '#core/report/share.js';
import { chargedAcusHeader, costBasisLine } from '../basis-text.js';
import {
  ACUS_FORMAT,
  COUNT_FORMAT,
  costFormat,
  SHARE_FORMAT,
  SIGNED_ACUS_FORMAT,
  SIGNED_SHARE_FORMAT,
  signedCostFormat,
} from '../cell-formats.js';
import { acusCell, costCell, textCell } from '../cell-values.js';
import { orgDisplayName } from '../display-names.js';
import { writeFooterNotes } from '../fact-rows.js';
import { sentence } from '../sentence.js';
import { columnLetter, type TableColumn } from '../table.js';
import { writeTableSheet } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';
import { postingNotes } from './posting-notes.js';

export const BY_COST_CENTRE = 'By Cost Centre';

/** One row per cost centre with usage: what each budget is charged, as the journal debits it. */
export const byCostCentreSheet: WorkbookSheet = {
  name: BY_COST_CENTRE,
  async write(workbook, { report }) {
    const costCentres = report.costCentres;
    if (costCentres === undefined) return;
    await writeTableSheet(workbook, {
      name: BY_COST_CENTRE,
      report,
      columns: costCentreColumns(report, costCentres),
      items: costCentres.rows,
      totalLabel: 'Total',
      footer: (sheet) => writeFooterNotes(sheet, costCentreNotes(report, costCentres)),
    });
  },
};

/**
 * Money first, so the first printed page carries it: what is posted (Usage,
 * True-ups, Shared products, Posted), the previous usage and the change, then
 * the ACUs and their change, then the posting details and the lists (which wrap). Columns are found by name, never by
 * position.
 */
function costCentreColumns(
  report: ChargebackReport,
  costCentres: CostCentreReport,
): TableColumn<CostCentreTotal>[] {
  const { totals, pricing } = report;
  const orgNames = new Map(report.orgs.map((org) => [org.orgId, org.orgName]));
  const compared = costCentres.previous.available;
  const previousTotal = costCentres.rows.reduce((sum, row) => sum + (row.previousAcus ?? 0n), 0n);
  const previousCostTotal = costCentres.rows.reduce((sum, row) => sum + (row.previousCostMinor ?? 0n), 0n);
  const posted = (of: (row: CostCentreTotal) => bigint, header: string, width: number) => ({
    header,
    width,
    numFmt: costFormat(pricing),
    value: (row: CostCentreTotal) => costCell(of(row), pricing),
    total: costCell(sumOf(costCentres.rows, of), pricing),
  });
  const money: TableColumn<CostCentreTotal>[] = [
    // "Usage" was "Cost" before true-ups and shared products: the same figures, the period's usage.
    posted((row) => row.costMinor, 'Usage', 16),
    posted((row) => row.trueUpMinor, 'True-ups', 14),
    posted((row) => row.sharedMinor, 'Shared products', 17),
    {
      header: 'Posted',
      width: 16,
      numFmt: costFormat(pricing),
      value: (row) => costCell(row.postedMinor, pricing),
      total: costCell(costCentres.journal.postedMinor, pricing),
    },
    // Like with like: the previous period's usage against this period's Usage (the note says so).
    ...(compared
      ? [
          {
            header: 'Previous Cost',
            width: 16,
            numFmt: costFormat(pricing),
            value: (row: CostCentreTotal) =>
              row.previousCostMinor === null ? null : costCell(row.previousCostMinor, pricing),
            total: costCell(previousCostTotal, pricing),
          },
          {
            header: 'Change (Cost)',
            width: 16,
            numFmt: signedCostFormat(pricing),
            value: (row: CostCentreTotal) => costCell(row.costMinor - (row.previousCostMinor ?? 0n), pricing),
            total: costCell(totals.costMinor - previousCostTotal, pricing),
          },
        ]
      : []),
    {
      header: 'Share of Cost',
      width: 13,
      numFmt: SHARE_FORMAT,
      value: (row) => row.shareOfCost,
      total: totals.costMinor > 0n ? 1 : 0,
    },
    {
      header: 'Sessions',
      width: 11,
      numFmt: COUNT_FORMAT,
      value: (row) => row.sessions,
      total: totals.sessions,
    },
    {
      header: chargedAcusHeader(report.costBasis),
      width: 13,
      numFmt: ACUS_FORMAT,
      value: (row) => acusCell(row.acus),
      total: acusCell(totals.acus),
    },
  ];
  const head: TableColumn<CostCentreTotal>[] = [
    { header: 'Cost Centre', width: 12, value: (row) => textCell(row.code) },
    { header: 'Cost Centre Name', width: 18, wrap: true, value: (row) => textCell(row.name) },
    ...money,
  ];
  const previous = columnLetter(head.length + 1);
  const change = columnLetter(head.length + 2);
  const acuChange: TableColumn<CostCentreTotal>[] = compared
    ? [
        {
          header: 'Previous ACUs',
          width: 15,
          numFmt: ACUS_FORMAT,
          value: (row) => (row.previousAcus === null ? null : acusCell(row.previousAcus)),
          total: acusCell(previousTotal),
        },
        {
          header: 'Change (ACUs)',
          width: 15,
          numFmt: SIGNED_ACUS_FORMAT,
          value: (row) => acusCell(row.acus - (row.previousAcus ?? 0n)),
          total: acusCell(totals.acus - previousTotal),
        },
        {
          header: 'Change %',
          width: 11,
          numFmt: SIGNED_SHARE_FORMAT,
          value: (row) =>
            row.previousAcus === null || row.previousAcus === 0n
              ? 'new'
              : shareOf(row.acus - row.previousAcus, row.previousAcus),
          totalFormula: (totalRow) =>
            `IF(${previous}${totalRow}=0,"",${change}${totalRow}/${previous}${totalRow})`,
          total: shareOf(totals.acus - previousTotal, previousTotal),
        },
      ]
    : [];
  return [
    ...head,
    ...acuChange,
    {
      header: 'GL Account',
      width: 11,
      value: (row) => (row.glAccount === null ? null : textCell(row.glAccount)),
    },
    {
      header: 'Legal Entity',
      width: 12,
      value: (row) => (row.legalEntity === null ? null : textCell(row.legalEntity)),
    },
    {
      header: 'Orgs',
      width: 30,
      wrap: true,
      value: (row) =>
        textCell(row.orgIds.map((id) => orgDisplayName(id, orgNames.get(id) ?? null)).join(', ')),
    },
    {
      header: 'Owners',
      // An address breaks only at '; ': at 26 the demo's longest printed as 'maria.lopez@northwind.exampl' + 'e'.
      width: 34,
      wrap: true,
      value: (row) => (row.owners.length === 0 ? null : textCell(row.owners.join('; '))),
    },
  ];
}

function sumOf(rows: readonly CostCentreTotal[], of: (row: CostCentreTotal) => bigint): bigint {
  return rows.reduce((sum, row) => sum + of(row), 0n);
}

export function costCentreNotes(report: ChargebackReport, costCentres: CostCentreReport): string[] {
  const notes = [
    costBasisLine(report.costBasis),
    `Cost-centre map: ${costCentres.map.source}.`,
    'Posted = Usage + True-ups + Shared products: what the journal debits each cost centre.',
    ...postingNotes(report, costCentres),
  ];
  if (!costCentres.tagRulesApplied && costCentres.map.tagRules.size > 0) {
    notes.push(
      "Tag rules are not applied on the billed basis: the bill has no sessions, so each org's billed cost goes to the org's cost centre.",
    );
  }
  const moved = costCentres.movedByTag.sessions;
  if (moved > 0) {
    notes.push(
      `${moved} ${moved === 1 ? 'session was' : 'sessions were'} charged to a cost centre by a tag rule instead of their org's.`,
    );
  }
  const conflicts = costCentres.tagConflicts.sessions;
  if (conflicts > 0) {
    notes.push(
      `${conflicts} ${conflicts === 1 ? 'session carries' : 'sessions carry'} tags of two or more cost centres; each went whole to the tag rule highest in the map (e.g. ${costCentres.tagConflicts.exampleSessionIds.join(', ')}).`,
    );
  }
  const catchAll = costCentres.map.catchAll;
  if (catchAll !== undefined) {
    notes.push(
      `Orgs no row of the map names are charged to ${catchAll.code} (the catch-all row, org_id "*", line ${catchAll.line}).`,
    );
  }
  if (costCentres.unmappedOrgs.length > 0) {
    notes.push(
      `Unmapped: ${costCentres.unmappedOrgs.map((org) => orgDisplayName(org.orgId, org.orgName)).join(', ')} ${costCentres.unmappedOrgs.length === 1 ? 'is' : 'are'} not in the map; add ${costCentres.unmappedOrgs.length === 1 ? 'it' : 'them'} and run the report again before posting.`,
    );
  }
  notes.push(
    costCentres.previous.available
      ? `Previous Cost is ${costCentres.previous.label}'s usage (its sessions' cost, before true-ups and shared products), so Change (Cost) = Usage − Previous Cost; Previous ACUs, Change (ACUs) and Change % compare with ${costCentres.previous.label} too.`
      : sentence(costCentres.previous.reason),
  );
  return notes.map(textCell);
}
