import { mkdir } from 'node:fs/promises';
import { InvalidInputError } from '#core/errors.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import { devinConfigFromEnv } from '#devin/client/config.js';
import { createDevinClient } from '#devin/client/devin-client.js';
import { focusOptionsFromEnv } from '#focus/focus-options.js';
import { createLocalDelivery } from '#local/local-delivery.js';
import { newRunId } from '#pipeline/new-run-id.js';
import { resolveReportPeriod } from '#pipeline/period-choice.js';
import type { RunLog } from '#pipeline/run-log.js';
import { runPeriod } from '#run/run-period.js';
import type { CliOptions } from './cli-options.js';
import { cliRunRequest } from './cli-run-request.js';
import { DEMO_ACU_PRICE, type DemoSource } from './demo-source.js';
import { folderRunPorts, type LocalRunResult } from './folder-run-ports.js';
import { loadCostCentres } from './load-cost-centres.js';
import { progressReporter } from './progress-reporter.js';
import type { CliIo } from './run-report-cli.js';

const DEFAULT_CURRENCY = 'USD';

/**
 * The report a command line asks for, into its folder: from the API, or from the demo source
 * (whose earlier months it builds first). Each period goes through the engine, as in Lambda.
 */
export async function localReport(
  mode: 'api' | 'demo',
  options: CliOptions,
  io: CliIo,
  demo: DemoSource | undefined,
  log: RunLog,
): Promise<LocalRunResult> {
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
  const costCentres = await loadCostCentres(options, mode);
  const devin = createDevinClient({
    ...(demo ? demo.connection : devinConfigFromEnv(io.env)),
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
  // The demo closes its earlier months at the hour the schedule would have.
  let demoCloseAt: Date | undefined;
  const clock = () => demoCloseAt ?? io.now();
  const delivery = createLocalDelivery({
    outDir: options.outDir,
    previewFrom: 'Devin chargeback <devin-chargeback@example.com>',
    previewTo: ['finance@example.com'],
    now: clock,
    focus: focusOptionsFromEnv(io.env),
  });
  const runFor = (reportPeriod: ReportPeriod, closing: boolean, showback: boolean) => {
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
  await demo?.buildHistory(
    period,
    cycles,
    options.outDir,
    options.closeSettleHours,
    async (earlier, closeAt) => {
      demoCloseAt = closeAt;
      try {
        await runFor(earlier, true, false);
      } finally {
        demoCloseAt = undefined;
      }
    },
  );
  const closing = options.close || (demo?.closes(period, options.closeSettleHours) ?? false);
  return runFor(period, closing, options.showback ?? mode === 'demo');
}
