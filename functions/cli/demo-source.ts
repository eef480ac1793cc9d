import { closableFrom, closeTiming } from '#close/close-timing.js';
import type { BillingCycle } from '#core/period/billing-cycle.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import { datasetAsOf } from '#devin/fake/dataset-as-of.js';
import { demoDataStart, demoDataset } from '#devin/fake/demo-dataset.js';
import { type FakeDevinApi, startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import { hasSummary } from '#local/local-delivery.js';
import { hasFocusDataset } from '#local/write-focus-dataset.js';
import { newRunId } from '#pipeline/new-run-id.js';
import { earlierPeriods } from '#pipeline/read-summary-history.js';

/** The demo's price: the vendor's published list price, only ever used for demo data. */
export const DEMO_ACU_PRICE = '2.25';
/** The demo closes a month it builds first two hours after it may, the default schedule's hour. */
const DEMO_CLOSE_SLACK_MS = 2 * 60 * 60 * 1000;
/** Months the demo builds before the asked one (about a second each), for month-over-month and the trend. */
const DEMO_HISTORY_PERIODS = 3;

/** `npm start`'s Devin API: the project's fake on loopback, serving the built-in demo data set. */
export interface DemoSource {
  readonly connection: { readonly apiKey: string; readonly baseUrl: string };
  /**
   * Builds and closes the months before `period` that `outDir` lacks, oldest first, each as the
   * schedule would have: once its bill had settled, with the API as it was then (what its
   * sessions used since is the true-up the asked month posts). `closeAt` sets the run's clock.
   */
  buildHistory(
    period: ReportPeriod,
    cycles: readonly BillingCycle[] | undefined,
    outDir: string,
    settleHours: number,
    close: (earlier: ReportPeriod, closeAt: Date | undefined) => Promise<unknown>,
  ): Promise<void>;
  /** The demo closes the month it is asked for, as the monthly schedule would: once it may. */
  closes(period: ReportPeriod, settleHours: number): boolean;
  stop(): Promise<void>;
}

export async function startDemoSource(now: Date, say: (line: string) => void): Promise<DemoSource> {
  // A service-user-shaped key: the demo runs on v3, the vendor's current API, unless told otherwise.
  const apiKey = `cog_demo-${newRunId(now)}`;
  const api: FakeDevinApi = await startFakeDevinApi({ apiKey, data: demoDataset(now) });
  return {
    connection: { apiKey, baseUrl: api.url },
    async buildHistory(period, cycles, outDir, settleHours, close) {
      // A newcomer's first run should show month-over-month and a cost trend too.
      for (const earlier of await historyToBuild(period, cycles, outDir, now)) {
        say(`Building ${earlier.label} first, so ${period.label} has earlier months to compare with.`);
        const closedAt = new Date(closableFrom(earlier.to, settleHours).getTime() + DEMO_CLOSE_SLACK_MS);
        if (closedAt < now) api.setData(datasetAsOf(demoDataset(now), closedAt));
        await close(earlier, closedAt < now ? closedAt : undefined);
      }
      api.setData(demoDataset(now));
    },
    closes: (period, settleHours) => closeTiming(period.to, now, settleHours).kind === 'may-close',
    stop: () => api.close(),
  };
}

/** Earlier periods the demo has data for, oldest first, whose summary.json or FOCUS dataset is not in `outDir` yet. */
async function historyToBuild(
  period: ReportPeriod,
  cycles: readonly BillingCycle[] | undefined,
  outDir: string,
  now: Date,
): Promise<ReportPeriod[]> {
  const start = demoDataStart(now).getTime();
  const earlier = earlierPeriods(period, cycles, DEMO_HISTORY_PERIODS).filter(
    (p) => p.from.getTime() >= start,
  );
  const missing: ReportPeriod[] = [];
  for (const p of earlier.reverse()) {
    // A folder from before the FOCUS dataset gets it too, so `npm run query` sees every month.
    if (!(await hasSummary(outDir, p)) || !(await hasFocusDataset(outDir, p))) missing.push(p);
  }
  return missing;
}
