import { describe, expect, it } from 'vitest';
import { acusFromNumber } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { postingRows } from '#focus/posting-rows.js';

const USD = parsePricing('2.25', 'USD');
const SEPTEMBER = monthPeriod('2026-09', 'UTC', new Date('2026-10-02T00:00:00Z'));
const NOVEMBER = monthPeriod('2026-11', 'UTC', new Date('2026-12-02T00:00:00Z'));

/** November's report carrying one true-up of September: postingRows reads only these fields. */
const report = {
  period: NOVEMBER,
  pricing: USD,
  costCentres: {
    rows: [],
    shared: { unallocated: 'none', charges: [] },
    trueUps: {
      sessions: 1,
      periods: [
        {
          period: SEPTEMBER,
          pricing: USD,
          lines: [
            {
              sessionId: 's-1',
              orgId: 'org-a',
              userId: null,
              costCentre: 'CC-110',
              changeAcus: acusFromNumber(2),
              changeCostMinor: 450n,
            },
          ],
        },
      ],
    },
  },
} as unknown as ChargebackReport;

describe('FOCUS true-up rows', () => {
  it('mark a correction of a closed period as ChargeClass Correction, in the period it corrects', () => {
    const [row, ...rest] = postingRows(report, { ChargeClass: null }, new Map(), new Map());
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      ChargeCategory: 'Adjustment',
      ChargeClass: 'Correction',
      ChargePeriodStart: SEPTEMBER.from,
      ChargePeriodEnd: SEPTEMBER.to,
    });
  });
});
