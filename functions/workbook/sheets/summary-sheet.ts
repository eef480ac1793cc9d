import { orgRows } from '#core/cost-centres/org-rows.js';
import { formatAcus, formatMoney } from '#core/money/format.js';
import type { ChargebackReport, StatusTotal } from '#core/report/chargeback-report.js';
import { invoiceSentence } from '#core/report/invoice-sentence.js';
import { orgSplitText, type PersonTotal } from '#core/report/people.js';
import { invoiceSplit } from '#core/report/reconciliation-costs.js';
import type { RunInfo } from '#core/report/run-info.js';
import { isPreliminary } from '#core/report/run-status.js';
import { sessionCoverageSentence } from '#core/report/session-row-limit.js';
import { statusLabel } from '#core/report/session-status.js';
import { PRELIMINARY_NOTICE, unsettledSentence } from '#core/report/unsettled-sentence.js';
import { chargedAcusHeader, costBasisText } from '../basis-text.js';
import {
  ACUS_FORMAT,
  COUNT_FORMAT,
  costFormat,
  DATE_TIME_FORMAT,
  SHARE_FORMAT,
  SIGNED_ACUS_FORMAT,
  SIGNED_SHARE_FORMAT,
  signedCostFormat,
  unitPriceFormat,
} from '../cell-formats.js';
import { acusCell, costCell, shareCell, textCell, unitPriceCell, wallClockIn } from '../cell-values.js';
import { orgDisplayName, userDisplayName } from '../display-names.js';
import { type Fact, spanNotes, writeFacts, writeNotice, writeSection, writeTitle } from '../fact-rows.js';
import { sheetOptions } from '../print-setup.js';
import { sentence, withFullStop } from '../sentence.js';
import { sessionCoverageOf } from '../session-coverage.js';
import { type TableColumn, writeTable } from '../table.js';
import { markedTitle } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';
import { writeCostCentreSummary } from './cost-centre-summary.js';
import { orgColumns } from './org-columns.js';
import {
  allocatedShareSentence,
  BILLED_COST_LABEL,
  BILLED_LABEL,
  CHARGED_ABOVE_BILL_LABEL,
  NOT_CHARGED_BACK_LABEL,
  SHARE_OF_BILL_LABEL,
  SHARED_PRODUCTS_LABEL,
} from './reconciliation-explanation.js';
import { writeSummaryCharts } from './summary-charts.js';

/**
 * Labels in A, values in B (a longer text value wraps across B to G); the
 * tables' figures in C to G; one landscape page wide at 8 pt or more.
 */
// The seventh is for Share of Cost when the By org table carries a Cost Centre column.
const COLUMN_WIDTHS = [36, 30, 10, 11, 13, 30, 11];
/** Rows a landscape page holds at the Summary's scale, with room for the taller section titles. */
const ROWS_PER_PAGE = 38;
const NOTICE_WIDTH = COLUMN_WIDTHS.reduce((sum, width) => sum + width, 0);

export const UNIT_PRICE_LABEL = 'Unit price';
/** The email's demo notice, word for word. */
export const DEMO_NOTICE =
  "Demo data: built from the project's sample data set, not from a Devin account. Do not charge back.";
/** The workbook-level name of the unit price cell. */
export const UNIT_PRICE_NAME = 'UnitPrice';

export function summaryTitle(report: ChargebackReport): string {
  return markedTitle(`Devin ACU chargeback — ${report.period.label}`, report);
}

/** Everything on it comes from the report, so it can be written first although it is computed last. */
export const summarySheet: WorkbookSheet = {
  name: 'Summary',
  async write(workbook, input) {
    const { report, run, charts } = input;
    const sheet = workbook.addWorksheet('Summary', sheetOptions(report, { widths: COLUMN_WIDTHS }));
    sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
    spanNotes(sheet, COLUMN_WIDTHS);

    writeTitle(sheet, summaryTitle(report));
    for (const notice of summaryNotices(report, run)) writeNotice(sheet, notice, COLUMN_WIDTHS.length);
    const coverage = sessionCoverageSentence(sessionCoverageOf(input), input.sessionArchives);
    if (coverage !== null) writeNotice(sheet, coverage, COLUMN_WIDTHS.length, NOTICE_WIDTH);
    const facts = summaryFacts(report, run);
    const factRows = writeFacts(sheet, facts);
    const priceRow = factRows[facts.findIndex((fact) => fact.label === UNIT_PRICE_LABEL)];
    // A name formulas can use (=D2*UnitPrice) wherever the Summary puts the price.
    if (priceRow !== undefined) workbook.definedNames.add(`Summary!$B$${priceRow}`, UNIT_PRICE_NAME);
    writeSection(sheet, 'Reconciliation to the bill');
    writeFacts(sheet, reconciliationFacts(report));
    writeSection(sheet, 'Month over month');
    writeFacts(sheet, comparisonFacts(report));
    writeCostCentreSummary(sheet, report);
    // The tables start a page of their own, so none is split from its Total at the foot of the facts.
    writeSection(sheet, 'Cost by status', { newPage: true });
    await writeTable(sheet, statusColumns(report), report.statuses, 'Total');
    // When both tables do not fit one page, By org starts the next, with its Total.
    const orgTableRows = orgRows(report).filter((row) => row.hasUsage);
    const tableRows = report.statuses.length + orgTableRows.length + 10;
    writeSection(sheet, 'By org', { newPage: tableRows > ROWS_PER_PAGE });
    await writeTable(sheet, orgColumns(report), orgTableRows, 'Total');
    writeSection(sheet, 'Top users by ACUs (each once, over all their orgs)');
    await writeTable(sheet, topUserColumns(report), report.topUsers);
    writeSummaryCharts(workbook, sheet, charts);
    sheet.commit();
  },
};

/** Said first, in a box that cannot be missed: the email's notices, in the same words. */
export function summaryNotices(report: ChargebackReport, run: RunInfo): string[] {
  const notices: string[] = [];
  if (run.source === 'demo') notices.push(DEMO_NOTICE);
  if (isPreliminary(report)) notices.push(PRELIMINARY_NOTICE);
  const unsettled = unsettledSentence(report.unsettled, report.pricing);
  if (unsettled !== null) notices.push(unsettled);
  return notices;
}

function summaryFacts(report: ChargebackReport, run: RunInfo): readonly Fact[] {
  const { period, totals, pricing } = report;
  const zone = period.timeZone;
  // In UTC the zone's wall clock and UTC are the same two lines: show them once.
  const zoned: Fact[] =
    zone === 'UTC'
      ? []
      : [
          { label: `From (${zone})`, value: wallClockIn(period.from, zone), numFmt: DATE_TIME_FORMAT },
          { label: `To (${zone}, exclusive)`, value: wallClockIn(period.to, zone), numFmt: DATE_TIME_FORMAT },
        ];
  const facts: Fact[] = [
    { label: 'Period', value: period.label },
    ...zoned,
    { label: 'From (UTC)', value: period.from, numFmt: DATE_TIME_FORMAT },
    { label: 'To (UTC, exclusive)', value: period.to, numFmt: DATE_TIME_FORMAT },
    { label: 'Generated at (UTC)', value: run.generatedAt, numFmt: DATE_TIME_FORMAT },
    { label: 'Sessions', value: totals.sessions, numFmt: COUNT_FORMAT },
    { label: chargedAcusHeader(report.costBasis), value: acusCell(totals.acus), numFmt: ACUS_FORMAT },
    { label: 'Cost', value: costCell(totals.costMinor, pricing), numFmt: costFormat(pricing) },
    { label: UNIT_PRICE_LABEL, value: unitPriceCell(pricing), numFmt: unitPriceFormat(pricing) },
    { label: 'Cost basis', value: sentence(costBasisText(report.costBasis)) },
  ];
  if (run.source === 'demo') facts.push({ label: 'Data', value: 'Built-in demo data set, not real usage' });
  facts.push(unsettledFact(report));
  return facts;
}

/** Whether the figures can still change, with the count, ACUs and cost at stake. */
function unsettledFact({ unsettled, pricing }: ChargebackReport): Fact {
  if (unsettled.sessions === 0) {
    return { label: 'Unsettled', value: 'None: every session of the period had ended' };
  }
  return {
    label: 'Unsettled',
    value: `${unsettled.sessions === 1 ? '1 session' : `${unsettled.sessions.toLocaleString('en-US')} sessions`} (${formatAcus(unsettled.acus)} ACUs, ${formatMoney(unsettled.costMinor, pricing)}) had not ended and can still grow: see About`,
  };
}

function reconciliationFacts(report: ChargebackReport): readonly Fact[] {
  const { reconciliation, pricing } = report;
  if (!reconciliation.available) {
    return [{ label: 'Status', value: textCell(`Not available: ${withFullStop(reconciliation.reason)}`) }];
  }
  const { totals, allocatedShare } = reconciliation.reconciliation;
  const invoice = invoiceSplit(reconciliation.reconciliation, report);
  const overCharged = invoice.notChargedCostMinor < 0n;
  return [
    { label: BILLED_LABEL, value: invoiceSentence(invoice, pricing) },
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
      label: SHARED_PRODUCTS_LABEL,
      value: costCell(invoice.unattributedCostMinor, pricing),
      numFmt: costFormat(pricing),
    },
    { label: 'Billed ACUs', value: acusCell(totals.billedAcus), numFmt: ACUS_FORMAT },
    { label: 'Session ACUs', value: acusCell(totals.sessionAcus), numFmt: ACUS_FORMAT },
    {
      label: 'Difference (billed − sessions)',
      value: acusCell(totals.differenceAcus),
      numFmt: SIGNED_ACUS_FORMAT,
    },
    { label: SHARE_OF_BILL_LABEL, value: allocatedShare, numFmt: SHARE_FORMAT },
    { label: 'In words', value: allocatedShareSentence(reconciliation.reconciliation) },
  ];
}

function comparisonFacts({ comparison, pricing }: ChargebackReport): readonly Fact[] {
  if (!comparison.available)
    return [{ label: 'Previous period', value: textCell(sentence(comparison.reason)) }];
  const money: Fact[] =
    comparison.previousCostMinor === null || comparison.changeCostMinor === null
      ? [{ label: 'Change (cost)', value: 'Not comparable: the previous period was in another currency' }]
      : [
          {
            label: 'Previous cost',
            value: costCell(comparison.previousCostMinor, pricing),
            numFmt: costFormat(pricing),
          },
          {
            label: 'Change (cost)',
            value: costCell(comparison.changeCostMinor, pricing),
            numFmt: signedCostFormat(pricing),
          },
        ];
  return [
    { label: 'Previous period', value: textCell(comparison.previous.label) },
    { label: 'Previous ACUs', value: acusCell(comparison.previousAcus), numFmt: ACUS_FORMAT },
    { label: 'Change (ACUs)', value: acusCell(comparison.changeAcus), numFmt: SIGNED_ACUS_FORMAT },
    {
      label: 'Change % (of previous ACUs)',
      value: comparison.changeShare === null ? null : shareCell(comparison.changeShare),
      numFmt: SIGNED_SHARE_FORMAT,
    },
    ...money,
    ...comparison.caveats.map((caveat) => ({
      label: 'Not like for like',
      value: textCell(sentence(caveat)),
    })),
  ];
}

/** Each person once, with their total over all orgs and, when there are several, the split per org. */
/** Cost by status: error sessions are what a vendor credit claim is built on. Sums of the sessions' costs. */
function statusColumns(report: ChargebackReport): readonly TableColumn<StatusTotal>[] {
  const { pricing } = report;
  const sessionsOnly = report.statuses.reduce(
    (sum, row) => ({
      sessions: sum.sessions + row.sessions,
      acus: sum.acus + row.acus,
      cost: sum.cost + row.costMinor,
    }),
    { sessions: 0, acus: 0n, cost: 0n },
  );
  return [
    { header: 'Status', value: (row) => statusLabel(row.status) },
    { header: 'Status Code', value: (row) => textCell(row.status) },
    { header: 'Sessions', numFmt: COUNT_FORMAT, value: (row) => row.sessions, total: sessionsOnly.sessions },
    {
      header: 'ACUs',
      numFmt: ACUS_FORMAT,
      value: (row) => acusCell(row.acus),
      total: acusCell(sessionsOnly.acus),
    },
    {
      header: 'Cost',
      numFmt: costFormat(pricing),
      value: (row) => costCell(row.costMinor, pricing),
      total: costCell(sessionsOnly.cost, pricing),
    },
  ];
}

function topUserColumns(report: ChargebackReport): readonly TableColumn<PersonTotal>[] {
  const { pricing } = report;
  return [
    { header: 'User', value: (user) => textCell(userDisplayName(user.userId, user.userName)) },
    {
      header: 'Org',
      width: COLUMN_WIDTHS[1],
      wrap: true,
      value: (user) =>
        textCell(orgSplitText(user, (org) => orgDisplayName(org.orgId, org.orgName), formatAcus)),
    },
    { header: 'Sessions', numFmt: COUNT_FORMAT, value: (user) => user.sessions },
    {
      header: chargedAcusHeader(report.costBasis),
      numFmt: ACUS_FORMAT,
      value: (user) => acusCell(user.acus),
    },
    { header: 'Cost', numFmt: costFormat(pricing), value: (user) => costCell(user.costMinor, pricing) },
    { header: 'Email', value: (user) => (user.email === null ? null : textCell(user.email)) },
  ];
}
