import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { acusFromNumber } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { stepOperator } from '#core/report/step-operator.js';
import { writePostingWalk } from '#workbook/sheets/reconciliation-bridge.js';

const USD = parsePricing('2.25', 'USD');

/**
 * August's shape in the demo: the bill 7,816.27 is less than what the journal posts (7,844.27),
 * so the timing adds 28.00. postingWalk reads only these fields.
 */
function report(trueUpMinor: bigint): ChargebackReport {
  const usageMinor = 760_833n;
  const sharedMinor = 23_594n;
  return {
    pricing: USD,
    reconciliation: {
      available: true,
      reconciliation: { totals: { billedAcus: acusFromNumber(3473.898223) } },
    },
    costCentres: {
      rows: [{ acus: acusFromNumber(3381.47926) }],
      shared: { unallocated: null, acus: acusFromNumber(104.866), costMinor: sharedMinor },
      trueUps: trueUpMinor === 0n ? undefined : { acus: acusFromNumber(Number(trueUpMinor) / 225) },
      journal: {
        usageMinor,
        sharedMinor,
        trueUpMinor,
        postedMinor: usageMinor + sharedMinor + trueUpMinor,
      },
    },
  } as unknown as ChargebackReport;
}

function walkRows(r: ChargebackReport): { label: string; cost: number }[] {
  const sheet = new ExcelJS.Workbook().addWorksheet('Reconciliation');
  writePostingWalk(sheet, r);
  const rows: { label: string; cost: number }[] = [];
  sheet.eachRow((row) => {
    const cost = row.getCell(4).value;
    if (typeof cost === 'number') rows.push({ label: String(row.getCell(1).value), cost });
  });
  return rows;
}

describe('the walk from the bill to the journal', () => {
  it('labels a step by its own sign, so every row adds as it reads', () => {
    const rows = walkRows(report(-150n));
    expect(rows.map((r) => r.label.slice(0, 2))).toEqual(['Bi', '+ ', '− ', '= ']);
    expect(rows[1]?.label).toMatch(/^\+ Timing/);
    expect(rows[2]?.label).toMatch(/^− True-ups/);
    // With the signs shown, the steps sum to the total.
    const [billed, ...steps] = rows;
    const posted = steps.pop();
    const sum = steps.reduce(
      (total, r) => total + Math.round(r.cost * 100),
      Math.round((billed?.cost ?? 0) * 100),
    );
    expect(sum).toBe(Math.round((posted?.cost ?? 0) * 100));
    for (const step of steps) expect(Math.sign(step.cost)).toBe(step.label.startsWith('−') ? -1 : 1);
  });

  it('keeps the usual operator for a zero step and says ± when ACUs and cents disagree', () => {
    expect(stepOperator(0n, 0n, '+')).toBe('+');
    expect(stepOperator(acusFromNumber(-0.001), 1n, '−')).toBe('±');
    expect(stepOperator(acusFromNumber(1), 0n, '−')).toBe('+');
  });
});
