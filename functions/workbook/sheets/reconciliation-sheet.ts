import type { Worksheet } from 'exceljs';
import { label } from '#core/glossary/glossary.js';
import { formatAcus, formatMoney } from '#core/money/format.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { invoiceSentence } from '#core/report/invoice-sentence.js';
import { peopleOf } from '#core/report/people.js';
import type { Reconciliation, SessionCents } from '#core/report/reconciliation.js';
import { type ReconciliationCosts, reconciliationCosts } from '#core/report/reconciliation-costs.js';
import { costBasisLine } from '../basis-text.js';
import { costFormat, SHARE_FORMAT } from '../cell-formats.js';
import { costCell, textCell } from '../cell-values.js';
import { type FittedColumn, fitColumns, narrowWrapped } from '../column-fit.js';
import {
  spanNotes,
  writeFacts,
  writeFooterNotes,
  writeNote,
  writeSection,
  writeStatement,
  writeTableTitle,
  writeTitle,
} from '../fact-rows.js';
import { ONE_PAGE_WIDE_UNITS, sheetOptions } from '../print-setup.js';
import { withFullStop } from '../sentence.js';
import { columnLetter, type TableColumn, writeTable } from '../table.js';
import { markedTitle, type StreamingWorkbook, tableTitle } from '../table-sheet.js';
import { uncountedTruncatedCells } from '../truncated-cells.js';
import { WorkbookInputError } from '../workbook-errors.js';
import type { WorkbookSheet } from '../workbook-sheet.js';
import { writeBridge, writePostingWalk } from './reconciliation-bridge.js';
import {
  orgLineColumns,
  type PricedLine,
  pricedLines,
  RECONCILIATION_WIDTHS,
  userLineColumns,
} from './reconciliation-columns.js';
import {
  allocatedShareSentence,
  BILLED_COST_LABEL,
  CHARGED_ABOVE_BILL_LABEL,
  differenceExplanation,
  NOT_CHARGED_BACK_LABEL,
  SHARE_OF_BILL_LABEL,
} from './reconciliation-explanation.js';

export const RECONCILIATION_UNAVAILABLE = 'Reconciliation to the bill: not available';

/**
 * Session-based ACUs beside the vendor's bill: the org table from row 1, the
 * allocated share, the user table, then why the two differ. No frozen row:
 * the org header would stand over the user rows further down.
 */
export const reconciliationSheet: WorkbookSheet = {
  name: 'Reconciliation',
  async write(workbook, { report }) {
    const { reconciliation } = report;
    if (!reconciliation.available) {
      writeUnavailable(workbook, report, reconciliation.reason);
      return;
    }
    const costs = reconciliationCosts(
      reconciliation.reconciliation,
      report,
      report.sessionCents ?? sessionCentsOf(report),
    );
    const tables = reconciliationTables(report, reconciliation.reconciliation, costs);
    const sheet = workbook.addWorksheet('Reconciliation', sheetOptions(report, { widths: tables.widths }));
    sheet.columns = tables.widths.map((width) => ({ width }));
    // Notes and long sentences wrap within the printed columns instead of running off the page.
    spanNotes(sheet, tables.widths);
    await writeReconciliation(sheet, report, reconciliation.reconciliation, tables);
    sheet.commit();
  },
};

interface ReconciliationTables {
  readonly costs: ReconciliationCosts;
  readonly orgColumns: readonly TableColumn<PricedLine>[];
  readonly orgLines: readonly PricedLine[];
  readonly userColumns: readonly TableColumn<PricedLine>[] | null;
  readonly userLines: readonly PricedLine[];
  /** The sheet's column widths: each as wide as the wider of the two tables needs it, one page wide where wrapping allows. */
  readonly widths: readonly number[];
}

/**
 * Both tables with their columns fitted to what they show: text columns
 * (names, IDs, org splits) may wrap, so the figures of both print on one page width.
 */
function reconciliationTables(
  report: ChargebackReport,
  reconciliation: Reconciliation,
  costs: ReconciliationCosts,
): ReconciliationTables {
  const { pricing } = report;
  const declared = (columns: readonly TableColumn<PricedLine>[]) =>
    columns.map((column, i) => ({
      ...column,
      width: column.width ?? RECONCILIATION_WIDTHS[i] ?? 14,
    }));
  const orgLines = pricedLines(reconciliation.orgs, costs.orgs);
  const userLines =
    reconciliation.users === null || costs.users === null
      ? []
      : pricedLines(reconciliation.users, costs.users);
  const orgs = fitColumns(declared(orgLineColumns(reconciliation, costs, pricing)), orgLines);
  const users =
    reconciliation.users === null || costs.users === null
      ? null
      : fitColumns(
          declared(userLineColumns(reconciliation, costs, pricing, peopleOf(report.orgs))),
          userLines,
        );
  const natural = RECONCILIATION_WIDTHS.map((_, i) =>
    Math.max(orgs[i]?.width ?? 0, users?.[i]?.width ?? 0, MIN_COLUMN),
  );
  // The walks below the tables show their money in D, under Billed ACUs: D is as wide as the cost columns.
  natural[WALK_COST_COLUMN] = Math.max(natural[WALK_COST_COLUMN] ?? 0, natural[COST_COLUMN] ?? 0);
  const widths = narrowWrapped(
    natural.map((width, i): FittedColumn => ({ width, numFmt: (orgs[i] ?? users?.[i])?.numFmt })),
    ONE_PAGE_WIDE_UNITS,
    natural.length,
    // No column repeats on pages across here: A's IDs may wrap like any text, so the figures fit one page;
    // the columns whose text wraps least (names before IDs) give way first.
    {
      keepFirst: false,
      texts: natural.map((_, i) => [...textsOf(orgs[i], orgLines), ...textsOf(users?.[i], userLines)]),
    },
  );
  const sized = (columns: readonly TableColumn<PricedLine>[]) =>
    columns.map((column, i) => {
      const fitted = widths[i];
      if (fitted === undefined) return column;
      return { ...column, width: fitted.width, wrap: column.wrap === true || fitted.wrap === true };
    });
  return {
    costs,
    orgColumns: sized(orgs),
    orgLines,
    userColumns: users === null ? null : sized(users),
    userLines,
    widths: widths.map((column) => column.width ?? MIN_COLUMN),
  };
}

const MIN_COLUMN = 8;

/** A column's text values, for choosing which column wraps. */
function textsOf(column: TableColumn<PricedLine> | undefined, lines: readonly PricedLine[]): string[] {
  if (column === undefined) return [];
  return uncountedTruncatedCells(() =>
    lines.flatMap((line) => {
      const value = column.value(line);
      return typeof value === 'string' ? [value] : [];
    }),
  );
}
/** D (0-based 3) holds the walks' signed costs; I (8), Difference (Cost), is the tables' signed money. */
const WALK_COST_COLUMN = 3;
const COST_COLUMN = 8;

async function writeReconciliation(
  sheet: Worksheet,
  report: ChargebackReport,
  reconciliation: Reconciliation,
  tables: ReconciliationTables,
): Promise<void> {
  const { pricing } = report;
  const { costs, orgColumns } = tables;
  writeTableTitle(sheet, tableTitle('Reconciliation to the bill', report));
  const orgs = await writeTable(sheet, orgColumns, tables.orgLines, 'Total');
  sheet.autoFilter = `A${orgs.headerRow}:${columnLetter(orgColumns.length)}${orgs.lastItemRow}`;

  sheet.addRow([]).commit();
  const { invoice } = costs;
  const overCharged = invoice.notChargedCostMinor < 0n;
  writeFacts(sheet, [
    { label: SHARE_OF_BILL_LABEL, value: reconciliation.allocatedShare, numFmt: SHARE_FORMAT },
    {
      label: BILLED_COST_LABEL,
      value: costCell(invoice.billedCostMinor, pricing),
      numFmt: costFormat(pricing),
    },
    {
      label: 'Charged back',
      value: costCell(invoice.chargedCostMinor, pricing),
      numFmt: costFormat(pricing),
    },
    {
      // A shortfall or an over-charge is said by its label, never by a bare sign.
      label: overCharged ? CHARGED_ABOVE_BILL_LABEL : NOT_CHARGED_BACK_LABEL,
      value: costCell(overCharged ? -invoice.notChargedCostMinor : invoice.notChargedCostMinor, pricing),
      numFmt: costFormat(pricing),
    },
    {
      label: label('sharedProducts'),
      value: costCell(invoice.unattributedCostMinor, pricing),
      numFmt: costFormat(pricing),
    },
  ]);
  writeStatement(sheet, allocatedShareSentence(reconciliation));
  writeStatement(sheet, invoiceSentence(invoice, pricing));

  writeSection(sheet, 'By user');
  if (tables.userColumns === null) {
    writeNote(sheet, 'The API gave no per-user breakdown of billed ACUs, so users cannot be reconciled.');
  } else {
    await writeTable(sheet, tables.userColumns, tables.userLines, 'Total');
  }

  writeBridge(sheet, reconciliation, report.pricing, invoice.unattributedCostMinor);
  writePostingWalk(sheet, report);
  writeSection(sheet, 'Why session ACUs differ from the bill');
  writeFacts(sheet, differenceExplanation(reconciliation, report.period, pricing));
  writeFooterNotes(sheet, [
    costBasisLine(report.costBasis),
    'Difference is billed − session; Difference % is the difference ÷ billed ACUs.',
    ...centAllocationNote(reconciliation, costs, report.pricing),
  ]);
}

/**
 * A row with 0.00 ACUs of difference and a cent of cost difference reads as an error unless
 * said: it is the cent allocation of two totals each rounded once.
 */
function centAllocationNote(
  reconciliation: Reconciliation,
  costs: ReconciliationCosts,
  pricing: ChargebackReport['pricing'],
): string[] {
  const rows = [
    ...reconciliation.orgs.map((line, i) => ({ line, cost: costs.orgs[i] })),
    ...(reconciliation.users ?? []).map((line, i) => ({ line, cost: costs.users?.[i] })),
  ].filter(
    ({ line, cost }) =>
      cost !== undefined &&
      cost.differenceCostMinor !== 0n &&
      formatAcus(line.differenceAcus < 0n ? -line.differenceAcus : line.differenceAcus) === '0.00',
  );
  if (rows.length === 0) return [];
  const largest = rows.reduce((max, { cost }) => {
    const cents =
      cost === undefined
        ? 0n
        : cost.differenceCostMinor < 0n
          ? -cost.differenceCostMinor
          : cost.differenceCostMinor;
    return cents > max ? cents : max;
  }, 0n);
  return [
    `${rows.length === 1 ? '1 row shows' : `${rows.length} rows show`} 0.00 ACUs of Difference but up to ${formatMoney(largest, pricing)} of Difference (Cost): ${label('centAllocation').toLowerCase()} (see About).`,
  ];
}

/** The sheet is there whatever happened, so its absence is never mistaken for "nothing to explain". */
function writeUnavailable(workbook: StreamingWorkbook, report: ChargebackReport, reason: string): void {
  const sheet = workbook.addWorksheet('Reconciliation', sheetOptions(report, { widths: [110] }));
  sheet.columns = [{ width: 110 }];
  spanNotes(sheet, [110]);
  writeTitle(sheet, markedTitle(RECONCILIATION_UNAVAILABLE, report));
  writeNote(sheet, textCell(`The vendor's bill could not be read: ${withFullStop(reason)}`));
  writeNote(
    sheet,
    "The report's own figures are complete; they just cannot be compared with the bill for this period.",
  );
  writeFooterNotes(sheet, [costBasisLine(report.costBasis)]);
  sheet.commit();
}

/** A report put together by hand, without its sessions' cents: on the session basis its org table has them. */
function sessionCentsOf(report: ChargebackReport): SessionCents {
  if (report.costBasis !== 'sessions') {
    throw new WorkbookInputError('a billed-basis reconciliation needs the sessions’ own cents', {
      costBasis: report.costBasis,
    });
  }
  const byOrg = new Map<string, bigint>();
  const byUser = new Map<string | null, bigint>();
  for (const org of report.orgs) {
    byOrg.set(org.orgId, org.costMinor);
    for (const user of org.users) byUser.set(user.userId, (byUser.get(user.userId) ?? 0n) + user.costMinor);
  }
  return { byOrg, byUser, total: report.totals.costMinor };
}
