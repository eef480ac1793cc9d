import type { ChargebackReport, UserTotal } from '../../core/report/chargeback-report.js';
import type { RunInfo } from '../../core/report/run-info.js';
import { chargedAcusHeader, costBasisText } from '../basis-text.js';
import {
  ACUS_FORMAT,
  COUNT_FORMAT,
  costFormat,
  DATE_TIME_FORMAT,
  SHARE_FORMAT,
  SIGNED_ACUS_FORMAT,
  SIGNED_SHARE_FORMAT,
  unitPriceFormat,
} from '../cell-formats.js';
import { acusCell, costCell, textCell, unitPriceCell, wallClockIn } from '../cell-values.js';
import { orgDisplayName, userDisplayName } from '../display-names.js';
import { type Fact, writeFacts, writeSection, writeTitle } from '../fact-rows.js';
import { sentence, withFullStop } from '../sentence.js';
import { type TableColumn, writeTable } from '../table.js';
import { WIDE_PAGE_SETUP } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';
import { orgColumns } from './org-columns.js';
import { allocatedShareSentence } from './reconciliation-explanation.js';

/** Wide enough for the longest label ("To (America/Argentina/Buenos_Aires, exclusive)" is cut, rarely). */
const COLUMN_WIDTHS = [38, 42, 11, 14, 18, 32];

export const UNIT_PRICE_LABEL = 'Unit price';
/** The workbook-level name of the unit price cell. */
export const UNIT_PRICE_NAME = 'UnitPrice';

export function summaryTitle(report: ChargebackReport): string {
  return `Devin ACU chargeback — ${report.period.label}`;
}

/** Everything on it comes from the report, so it can be written first although it is computed last. */
export const summarySheet: WorkbookSheet = {
  name: 'Summary',
  async write(workbook, { report, run }) {
    const sheet = workbook.addWorksheet('Summary', { pageSetup: WIDE_PAGE_SETUP });
    sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));

    writeTitle(sheet, summaryTitle(report));
    const facts = summaryFacts(report, run);
    const factRows = writeFacts(sheet, facts);
    const priceRow = factRows[facts.findIndex((fact) => fact.label === UNIT_PRICE_LABEL)];
    // A name formulas can use (=D2*UnitPrice) wherever the Summary puts the price.
    if (priceRow !== undefined) workbook.definedNames.add(`Summary!$B$${priceRow}`, UNIT_PRICE_NAME);
    writeSection(sheet, 'Reconciliation to the bill');
    writeFacts(sheet, reconciliationFacts(report));
    writeSection(sheet, 'Month over month');
    writeFacts(sheet, comparisonFacts(report));
    writeSection(sheet, 'By org');
    await writeTable(sheet, orgColumns(report), report.orgs, 'Total');
    writeSection(sheet, 'Top users by ACUs');
    await writeTable(sheet, topUserColumns(report), report.topUsers);
    sheet.commit();
  },
};

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
  return facts;
}

function reconciliationFacts({ reconciliation }: ChargebackReport): readonly Fact[] {
  if (!reconciliation.available) {
    return [{ label: 'Status', value: textCell(`Not available: ${withFullStop(reconciliation.reason)}`) }];
  }
  const { totals, allocatedShare } = reconciliation.reconciliation;
  return [
    { label: 'Billed ACUs', value: acusCell(totals.billedAcus), numFmt: ACUS_FORMAT },
    { label: 'Session ACUs', value: acusCell(totals.sessionAcus), numFmt: ACUS_FORMAT },
    {
      label: 'Difference (billed − sessions)',
      value: acusCell(totals.differenceAcus),
      numFmt: SIGNED_ACUS_FORMAT,
    },
    { label: 'Allocated share', value: allocatedShare, numFmt: SHARE_FORMAT },
    { label: 'In words', value: allocatedShareSentence(reconciliation.reconciliation) },
  ];
}

function comparisonFacts({ comparison }: ChargebackReport): readonly Fact[] {
  if (!comparison.available)
    return [{ label: 'Previous period', value: textCell(sentence(comparison.reason)) }];
  return [
    { label: 'Previous period', value: textCell(comparison.previous.label) },
    { label: 'Previous ACUs', value: acusCell(comparison.previousAcus), numFmt: ACUS_FORMAT },
    { label: 'Change (ACUs)', value: acusCell(comparison.changeAcus), numFmt: SIGNED_ACUS_FORMAT },
    { label: 'Change %', value: comparison.changeShare, numFmt: SIGNED_SHARE_FORMAT },
    ...comparison.caveats.map((caveat) => ({
      label: 'Not like for like',
      value: textCell(sentence(caveat)),
    })),
  ];
}

function topUserColumns(report: ChargebackReport): readonly TableColumn<UserTotal>[] {
  const { pricing } = report;
  const orgNames = new Map(report.orgs.map((org) => [org.orgId, org.orgName]));
  return [
    { header: 'User', value: (user) => textCell(userDisplayName(user.userId, user.userName)) },
    {
      header: 'Org',
      value: (user) => textCell(orgDisplayName(user.orgId, orgNames.get(user.orgId) ?? null)),
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
