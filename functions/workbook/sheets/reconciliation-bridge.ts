import type { Worksheet } from 'exceljs';
import { label } from '#core/glossary/glossary.js';
import type { Pricing } from '#core/money/pricing.js';
import type { BridgeLine } from '#core/report/bridge.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { type PostingStep, postingWalk } from '#core/report/posting-walk.js';
import type { Reconciliation } from '#core/report/reconciliation.js';
import { productName, sharedProductLines } from '#core/report/shared-products.js';
import { type StepOperator, stepOperator } from '#core/report/step-operator.js';
import { ACUS_FORMAT, costFormat, SIGNED_ACUS_FORMAT, signedCostFormat } from '../cell-formats.js';
import { LABEL_FONT } from '../cell-styles.js';
import { acusCell, costCell, textCell } from '../cell-values.js';
import { wrapLabel, writeNote, writeSection } from '../fact-rows.js';
import { withFullStop } from '../sentence.js';

export const BRIDGE_SECTION = 'From session ACUs to the bill';
export const SHARED_BY_PRODUCT_SECTION = `${label('sharedProducts')}, by product`;

/**
 * The walk from the report's session ACUs to the billed ACUs, one measured step a row, in ACUs
 * and in money (v3), and the shared products by product, in ACUs and cost. On v2, or without the permission,
 * a note says why the walk is in words only.
 */
export function writeBridge(
  sheet: Worksheet,
  reconciliation: Reconciliation,
  pricing: Pricing,
  sharedProductsMinor: bigint,
): void {
  writeSection(sheet, BRIDGE_SECTION);
  const { bridge } = reconciliation;
  if (bridge === undefined || !bridge.available) {
    const reason = bridge === undefined || bridge.available ? 'not requested' : bridge.reason;
    writeNote(
      sheet,
      textCell(
        `Not in numbers for this report: ${withFullStop(reason)} The causes are explained in words below.`,
      ),
    );
  } else {
    // Labels in A run on over the empty B; the figures stand under the org table's figure columns.
    addRow(sheet, ['Step', null, 'ACUs', 'Cost'], true);
    for (const line of bridge.bridge.lines) {
      const total = line.kind === 'session-acus' || line.kind === 'billed';
      const row = sheet.addRow([labelOf(line), null, acusCell(line.acus), costCell(line.costMinor, pricing)]);
      row.getCell(3).numFmt = total ? ACUS_FORMAT : SIGNED_ACUS_FORMAT;
      // One sign convention (the glossary's): a step's cost is signed as its ACUs are.
      row.getCell(4).numFmt = total ? costFormat(pricing) : signedCostFormat(pricing);
      if (total) row.font = LABEL_FONT;
      wrapLabel(sheet, row, 2);
      row.commit();
    }
  }
  if (reconciliation.unattributedByProduct !== undefined) {
    writeSection(sheet, SHARED_BY_PRODUCT_SECTION);
    addRow(sheet, ['Product', null, 'ACUs', 'Cost'], true);
    const lines = sharedProductLines(reconciliation, sharedProductsMinor, pricing);
    for (const line of lines) {
      const row = sheet.addRow([line.name, null, acusCell(line.acus), costCell(line.costMinor, pricing)]);
      row.getCell(3).numFmt = ACUS_FORMAT;
      row.getCell(4).numFmt = costFormat(pricing);
      wrapLabel(sheet, row, 2);
      row.commit();
    }
    const total = sheet.addRow([
      'Total',
      null,
      acusCell(lines.reduce((sum, line) => sum + line.acus, 0n)),
      costCell(sharedProductsMinor, pricing),
    ]);
    total.getCell(3).numFmt = ACUS_FORMAT;
    total.getCell(4).numFmt = costFormat(pricing);
    total.font = LABEL_FONT;
    total.commit();
    writeNote(
      sheet,
      `Billed ACUs no org carries, by the product the bill names. Cost: the ${label('sharedProducts')} line's, its cents shared by largest remainder (${label('centAllocation')}, About).`,
    );
  }
}

export const POSTING_SECTION = 'From the bill to the journal';

/**
 * The walk's end: the bill, less the timing this period does not post (cleared by later
 * true-ups), plus earlier periods' true-ups, is what the journal posts, to the cent.
 */
export function writePostingWalk(sheet: Worksheet, report: ChargebackReport): void {
  const steps = postingWalk(report);
  if (steps === null) return;
  const { pricing } = report;
  writeSection(sheet, POSTING_SECTION);
  addRow(sheet, ['Step', null, 'ACUs', 'Cost'], true);
  for (const step of steps) {
    const total = step.kind === 'billed' || step.kind === 'posted';
    const row = sheet.addRow([
      postingLabel(step),
      null,
      acusCell(step.acus),
      costCell(step.costMinor, pricing),
    ]);
    row.getCell(3).numFmt = total ? ACUS_FORMAT : SIGNED_ACUS_FORMAT;
    row.getCell(4).numFmt = total ? costFormat(pricing) : signedCostFormat(pricing);
    if (total) row.font = LABEL_FONT;
    wrapLabel(sheet, row, 2);
    row.commit();
  }
  writeNote(
    sheet,
    'Timing is billed this period but not posted by it: sessions created earlier and billed now, sessions created now and billed later, and day boundaries. Sessions carried out are posted by later closes as true-ups; on the billed basis there is none.',
  );
}

function postingLabel(step: PostingStep): string {
  // The timing and the true-ups can go either way: the label's operator is the figure's own sign.
  const op = (usual: StepOperator) => stepOperator(step.acus, step.costMinor, usual);
  switch (step.kind) {
    case 'billed':
      return 'Billed ACUs';
    case 'timing':
      return `${op('−')} Timing, not posted this period (carried in and out, day boundaries)`;
    case 'shared-unposted':
      return `${op('−')} Shared products not charged back (shared-cost rule none)`;
    case 'true-ups':
      return `${op('+')} True-ups of earlier closed periods (at their own price)`;
    case 'posted':
      return '= Posted by the journal';
  }
}

function addRow(sheet: Worksheet, values: (string | null)[], bold: boolean): void {
  const row = sheet.addRow(values);
  if (bold) row.font = LABEL_FONT;
  // Number headings stand over their numbers, as in the tables above.
  for (const column of [3, 4]) row.getCell(column).alignment = { horizontal: 'right' };
  row.commit();
}

function labelOf(line: BridgeLine): string {
  const op = (usual: StepOperator) => stepOperator(line.acus, line.costMinor, usual);
  const n =
    line.sessions === undefined
      ? ''
      : ` (${line.sessions === 1 ? '1 session' : `${line.sessions} sessions`})`;
  switch (line.kind) {
    case 'session-acus':
      return 'Session ACUs (created in the period, lifetime)';
    case 'carried-out':
      return `${op('−')} Used after the period by sessions created in it${n}`;
    case 'carried-in':
      return `${op('+')} Used in the period by sessions created before it${n}`;
    case 'non-session-product':
      return `${op('+')} ${productName(line.product ?? '')} (shared product: no session)`;
    case 'day-boundary':
      return `${op('±')} Day boundaries: billing days start 08:00 UTC${n}`;
    case 'unexplained':
      return 'Unexplained';
    case 'billed':
      return '= Billed ACUs';
  }
}
