import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayRangePeriod } from '#core/period/day-range-period.js';
import { monthPeriod } from '#core/period/month-period.js';
import { createLocalDelivery } from '#local/local-delivery.js';
import { readPreviousSummary } from '#pipeline/read-previous-summary.js';
import { earlierPeriods, HISTORY_PERIODS, readSummaryHistory } from '#pipeline/read-summary-history.js';
import {
  ARCHIVE,
  EXPECTED_SLUGS,
  NO_FILTERS,
  NOVEMBER_2026,
  otherFiltersSummary,
} from './history-fixture.js';

let outDir: string;

beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'summary-history-'));
  for (const [month, entry] of Object.entries(ARCHIVE)) {
    const file = join(outDir, `devin-acu-chargeback-${month}.summary.json`);
    const body =
      entry === 'corrupt'
        ? '{"schemaVersion": 1, "period": '
        : JSON.stringify(entry === 'other-filters' ? otherFiltersSummary(month) : entry);
    await writeFile(file, body);
  }
});

afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function localArchive() {
  return createLocalDelivery({
    outDir,
    previewFrom: 'a@example.com',
    previewTo: ['b@example.com'],
    now: () => new Date(),
  });
}

describe('readSummaryHistory from a local report folder', () => {
  it('finds the earlier months’ summaries within 11 periods, skipping the missing, warning about the corrupt', async () => {
    const history = await readSummaryHistory(localArchive(), NOVEMBER_2026, undefined, NO_FILTERS);

    expect(history.summaries.map((s) => s.period.slug)).toEqual(EXPECTED_SLUGS);
    expect(history.warnings).toHaveLength(1);
    expect(history.warnings[0]).toMatch(/^the September 2026 summary could not be read: /);
    expect(history.skipped).toEqual([
      'the June 2026 report covered different orgs, users or tags than this one',
    ]);
  });

  it('leaves the month-over-month read as it was: the previous month alone', async () => {
    const previous = await readPreviousSummary(localArchive(), NOVEMBER_2026, undefined, NO_FILTERS);
    expect('reason' in previous ? previous.reason : previous.period.slug).toBe('2026-10');
  });

  it('reads nothing for a day range, which has no earlier periods', async () => {
    const range = dayRangePeriod('2026-11-01', '2026-11-15', 'UTC', new Date('2026-12-01T00:00:00Z'));
    const history = await readSummaryHistory(localArchive(), range, undefined, NO_FILTERS);
    expect(history).toEqual({ summaries: [], warnings: [], skipped: [] });
  });
});

describe('earlierPeriods', () => {
  it('walks back month by month in the period’s own zone, across the year', () => {
    const periods = earlierPeriods(
      monthPeriod('2026-02', 'Europe/Berlin', new Date('2026-12-01T00:00:00Z')),
      undefined,
      HISTORY_PERIODS,
    );
    expect(periods).toHaveLength(11);
    expect(periods[0]?.slug).toBe('2026-01');
    expect(periods[1]?.slug).toBe('2025-12');
    expect(periods.at(-1)?.slug).toBe('2025-03');
    expect(periods[1]?.from.toISOString()).toBe('2025-11-30T23:00:00.000Z');
  });
});
