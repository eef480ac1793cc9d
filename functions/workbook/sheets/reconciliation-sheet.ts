import type { Worksheet } from 'exceljs';
import { label } from '../../core/glossary/glossary.js';
import { formatAcus, formatMoney } from '../../core/money/format.js';
import type { ChargebackReport } from '../../core/report/chargeback-report.js';
import { invoiceSentence } from '../../core/report/invoice-sentence.js';
import { peopleOf } from '../../core/report/people.js';
import type { Reconciliation, SessionCents } from '../../core/report/reconciliation.js';
import { type ReconciliationCosts, reconciliationCosts } from '../../core/report/reconciliation-costs.js';
import { costBasisLine } from '../basis-text.js';
import { costFormat, SHARE_FORMAT } from '../cell-formats.js';
import { LABEL_FONT } from '../cell-styles.js';
import { costCell, textCell } from '../cell-values.js';
import {
  writeFacts,
  writeFooterNotes,
  writeNote,
  writeSection,
  writeTableTitle,
  writeTitle,
} from '../fact-rows.js';
import { sheetOptions } from '../print-setup.js';
import { withFullStop } from '../sentence.js';
import { columnLetter, writeTable } from '../table.js';
import { markedTitle, type StreamingWorkbook, tableTitle } from '../table-sheet.js';
import { WorkbookInputError } from '../workbook-errors.js';
import type { WorkbookSheet } from '../workbook-sheet.js';
import { writeBridge, writePostingWalk } from './reconciliation-bridge.js';
import {
  orgLineColumns,
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
    const sheet = workbook.addWorksheet(
      'Reconciliation',
      sheetOptions(report, { widths: RECONCILIATION_WIDTHS }),
    );
    sheet.columns = RECONCILIATION_WIDTHS.map((width) => ({ width }));
    const costs = reconciliationCosts(
      reconciliation.reconciliation,
      report,
      report.sessionCents ?? sessionCentsOf(report),
    );
    await writeReconciliation(sheet, report, reconciliation.reconciliation, costs);
    sheet.commit();
  },
};

async function writeReconciliation(
  sheet: Worksheet,
  report: ChargebackReport,
  reconciliation: Reconciliation,
  costs: ReconciliationCosts,
): Promise<void> {
  const { pricing } = report;
  writeTableTitle(sheet, tableTitle('Reconciliation to the bill', report));
  const orgColumns = orgLineColumns(reconciliation, costs, pricing);
  const orgs = await writeTable(sheet, orgColumns, pricedLines(reconciliation.orgs, costs.orgs), 'Total');
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
  const share = sheet.addRow([allocatedShareSentence(reconciliation)]);
  share.getCell(1).font = LABEL_FONT;
  share.commit();
  const money = sheet.addRow([invoiceSentence(invoice, pricing)]);
  money.getCell(1).font = LABEL_FONT;
  money.commit();

  writeSection(sheet, 'By user');
  if (reconciliation.users === null || costs.users === null) {
    writeNote(sheet, 'The API gave no per-user breakdown of billed ACUs, so users cannot be reconciled.');
  } else {
    await writeTable(
      sheet,
      userLineColumns(reconciliation, costs, pricing, peopleOf(report.orgs)),
      pricedLines(reconciliation.users, costs.users),
      'Total',
    );
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
