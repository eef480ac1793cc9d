import { mkdir } from 'node:fs/promises';
import { closedLine } from '../core/close/close-record.js';
import { closableFrom, closeTiming } from '../core/close/close-timing.js';
import { InvalidInputError } from '../core/errors.js';
import { parsePricing } from '../core/money/parse-pricing.js';
import type { BillingCycle } from '../core/period/billing-cycle.js';
import type { ReportPeriod } from '../core/period/report-period.js';
import { devinConfigFromEnv } from '../devin/client/config.js';
import { createDevinClient } from '../devin/client/devin-client.js';
import { datasetAsOf } from '../devin/fake/dataset-as-of.js';
import { demoDataStart, demoDataset } from '../devin/fake/demo-dataset.js';
import { type FakeDevinApi, startFakeDevinApi } from '../devin/fake/fake-devin-api.js';
import { focusOptionsFromEnv } from '../focus/focus-options.js';
import { createLocalDelivery, hasSummary } from '../local/local-delivery.js';
import { hasFocusDataset } from '../local/write-focus-dataset.js';
import { newRunId } from '../pipeline/new-run-id.js';
import { resolveReportPeriod } from '../pipeline/period-choice.js';
import { earlierPeriods } from '../pipeline/read-summary-history.js';
import type { RunLog } from '../pipeline/run-log.js';
import { runPeriod } from '../run/run-period.js';
import { type CliOptions, parseCliOptions, USAGE } from './cli-options.js';
import { cliRunRequest } from './cli-run-request.js';
import { folderRunPorts, type LocalRunResult } from './folder-run-ports.js';
import { loadCostCentres } from './load-cost-centres.js';
import { progressReporter } from './progress-reporter.js';
import { runCheckAccess } from './run-check-access.js';
import { closedRecordOutput, humanOutput, jsonOutput } from './run-output.js';

export interface CliIo {
  readonly env: Record<string, string | undefined>;
  readonly now: () => Date;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** The demo's price: the vendor's published list price, only ever used for demo data. */
export const DEMO_ACU_PRICE = '2.25';
const DEFAULT_CURRENCY = 'USD';
/** The demo closes a month it builds first two hours after it may, the default schedule's hour. */
const DEMO_CLOSE_SLACK_MS = 2 * 60 * 60 * 1000;
/** Months the demo builds before the asked one (about a second each), for month-over-month and the trend. */
const DEMO_HISTORY_PERIODS = 3;

/**
 * `npm run report` (mode 'api') and `npm start` (mode 'demo'): the same pipeline,
 * the demo pointing it at the project's fake Devin API on loopback.
 * Returns the exit code: 0 done, 1 the run failed, 2 the command line was wrong.
 */
export async function runReportCli(
  mode: 'api' | 'demo',
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliOptions(argv, io.env);
  } catch (error) {
    io.stderr.write(`devin-chargeback: ${errorLine(error)}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const stopDemoApi: Array<() => Promise<void>> = [];
  try {
    if (options.checkAccess && mode === 'api') {
      const connection = devinConfigFromEnv(io.env);
      return await runCheckAccess(
        { ...connection, ...(options.apiVersion !== undefined && { apiVersion: options.apiVersion }) },
        io,
        options.json,
      );
    }
    const now = io.now();
    const acuPrice = options.acuPrice ?? (mode === 'demo' ? DEMO_ACU_PRICE : undefined);
    if (acuPrice === undefined) {
      throw new InvalidInputError(
        '--acu-price',
        undefined,
        'is required: pass your contract price per ACU (or set ACU_PRICE)',
      );
    }
    const pricing = parsePricing(acuPrice, options.currency ?? DEFAULT_CURRENCY);

    let connection: { apiKey: string; baseUrl: string };
    let demoApi: FakeDevinApi | undefined;
    if (mode === 'demo') {
      // A service-user-shaped key: the demo runs on v3, the vendor's current API, unless told otherwise.
      const apiKey = `cog_demo-${newRunId(now)}`;
      const api = await startFakeDevinApi({ apiKey, data: demoDataset(now) });
      demoApi = api;
      stopDemoApi.push(() => api.close());
      connection = { apiKey, baseUrl: api.url };
    } else {
      connection = devinConfigFromEnv(io.env);
    }

    const costCentres = await loadCostCentres(options, mode);
    const log = stderrLog(io.stderr);
    const devin = createDevinClient({
      ...connection,
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      ...(options.apiVersion !== undefined && { apiVersion: options.apiVersion }),
      onWarning: (message: string) => log.warn(message),
    });
    const { period, cycles } = await resolveReportPeriod(options.period, {
      timeZone: options.timeZone,
      now,
      devin,
    });
    await mkdir(options.outDir, { recursive: true });
    const progress = progressReporter(io.stderr);
    // The demo closes its earlier months at the hour the schedule would have (see below).
    let demoCloseAt: Date | undefined;
    const clock = () => demoCloseAt ?? io.now();
    const delivery = createLocalDelivery({
      outDir: options.outDir,
      previewFrom: 'Devin chargeback <devin-chargeback@example.com>',
      previewTo: ['finance@example.com'],
      now: clock,
      focus: focusOptionsFromEnv(io.env),
    });
    const runFor = async (
      reportPeriod: ReportPeriod,
      closing: boolean,
      showback = false,
    ): Promise<LocalRunResult> => {
      // One id for the claim, the run and its output, so a held claim names a run one can find.
      const runId = newRunId(clock());
      const request = cliRunRequest(options, reportPeriod, closing, mode);
      return runPeriod(
        request,
        folderRunPorts(request, {
          options,
          mode,
          runId,
          devin,
          delivery,
          pricing,
          costCentres,
          cycles,
          showback,
          clock,
          now: io.now,
          log,
          say: (line) => io.stderr.write(`${line}\n`),
          onProgress: progress.update,
          progressDone: progress.done,
        }),
      );
    };
    if (mode === 'demo') {
      // A newcomer's first run should show month-over-month and a cost trend too: build the
      // months before it once, as far back as the demo has data.
      for (const earlier of await demoHistoryToBuild(period, cycles, options.outDir, now)) {
        io.stderr.write(
          `Building ${earlier.label} first, so ${period.label} has earlier months to compare with.\n`,
        );
        // Closed as the schedule would have, once its bill had settled, with the API as it was
        // then: what its sessions used since is the true-up the asked month posts.
        const closedAt = new Date(
          closableFrom(earlier.to, options.closeSettleHours).getTime() + DEMO_CLOSE_SLACK_MS,
        );
        if (closedAt < now) demoApi?.setData(datasetAsOf(demoDataset(now), closedAt));
        demoCloseAt = closedAt < now ? closedAt : undefined;
        await runFor(earlier, true);
      }
      demoCloseAt = undefined;
      demoApi?.setData(demoDataset(now));
    }
    // The demo closes the months it builds, as the monthly schedule would: once it may.
    const demoCloses =
      mode === 'demo' && closeTiming(period.to, now, options.closeSettleHours).kind === 'may-close';
    const run = await runFor(period, options.close || demoCloses, options.showback ?? mode === 'demo');
    if ('closedAlready' in run) {
      io.stderr.write(`${closedLine(run.closedAlready)}\n`);
      io.stdout.write(closedRecordOutput(run.closedAlready, options.outDir, options.json));
      return 0;
    }
    io.stdout.write(options.json ? jsonOutput(run) : humanOutput(run, mode === 'demo'));
    return 0;
  } catch (error) {
    io.stderr.write(`devin-chargeback: ${errorLine(error)}\n`);
    return error instanceof InvalidInputError ? 2 : 1;
  } finally {
    for (const stop of stopDemoApi) await stop();
  }
}

/** Earlier periods the demo has data for, oldest first, whose summary.json or FOCUS dataset is not in `outDir` yet. */
async function demoHistoryToBuild(
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

function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `error: ${message.split('\n')[0]}`;
}

function stderrLog(stderr: CliIo['stderr']): RunLog {
  return {
    info() {},
    warn(message) {
      stderr.write(`warning: ${message}\n`);
    },
  };
}
