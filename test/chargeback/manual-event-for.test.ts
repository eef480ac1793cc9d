import { describe, expect, it } from 'vitest';
import { parseChargebackEvent } from '#chargeback/chargeback-event.js';
import { manualEventText } from '#chargeback/manual-event-for.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import { resolveReportPeriod } from '#pipeline/period-choice.js';
import {
  CYCLE_FROM_5_OCTOBER_2026,
  FIRST_HALF_OF_OCTOBER_2026,
  OCTOBER_2026_BERLIN,
  OCTOBER_2026_BILLING_DAYS,
  OCTOBER_2026_UTC,
} from '../support/report-periods.js';

const NOW = new Date('2026-11-29T12:00:00Z');
// The one cycle the API lists here: the one the period was built from.
const cycles = {
  listBillingCycles: async () => ({
    kind: 'ok' as const,
    items: [{ start: CYCLE_FROM_5_OCTOBER_2026.from, end: CYCLE_FROM_5_OCTOBER_2026.to }],
  }),
};

async function periodOf(text: string, timeZone: string): Promise<ReportPeriod> {
  const run = parseChargebackEvent(JSON.parse(text));
  if (run.kind !== 'manual') throw new Error('expected a manual event');
  return (await resolveReportPeriod(run.period, { timeZone, now: NOW, devin: cycles })).period;
}

describe('manualEventText', () => {
  it.each([
    ['a calendar month', OCTOBER_2026_UTC, '{"month":"2026-10","email":false}'],
    ['a month in a zone', OCTOBER_2026_BERLIN, '{"month":"2026-10","email":false}'],
    ['a day range', FIRST_HALF_OF_OCTOBER_2026, '{"from":"2026-10-01","to":"2026-10-15","email":false}'],
    [
      'a billing-day month',
      OCTOBER_2026_BILLING_DAYS,
      '{"month":"2026-10","alignment":"billing-day","email":false}',
    ],
    ['a billing cycle', CYCLE_FROM_5_OCTOBER_2026, '{"cycle":"2026-10-05","email":false}'],
  ])('asks for %s again, and the handler reads it back as the same period', async (_, period, text) => {
    expect(manualEventText(period, { email: false })).toBe(text);
    expect(await periodOf(text, period.timeZone)).toEqual(period);
  });
});
