import { mkdir } from 'node:fs/promises';
import { InvalidInputError } from '../core/errors.js';
import { parsePricing } from '../core/money/parse-pricing.js';
import { previousPeriodOf } from '../core/period/previous-period-of.js';
import type { ReportPeriod } from '../core/period/report-period.js';
import { devinConfigFromEnv } from '../devin/client/config.js';
import { createDevinClient } from '../devin/client/devin-client.js';
import { demoDataset } from '../devin/fake/demo-dataset.js';
import { startFakeDevinApi } from '../devin/fake/fake-devin-api.js';
import { focusOptionsFromEnv } from '../focus/focus-options.js';
import { createLocalDelivery, hasSummary } from '../local/local-delivery.js';
import { hasFocusDataset } from '../local/write-focus-dataset.js';
import { newRunId } from '../pipeline/new-run-id.js';
import { resolveReportPeriod } from '../pipeline/period-choice.js';
import { runChargebackReport } from '../pipeline/run-chargeback-report.js';
import type { RunLog } from '../pipeline/run-log.js';
import { type CliOptions, parseCliOptions, USAGE } from './cli-options.js';
import { progressReporter } from './progress-reporter.js';
import { humanOutput, jsonOutput, type LocalRun, localRun } from './run-output.js';

export interface CliIo {
  readonly env: Record<string, string | undefined>;
  readonly now: () => Date;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** The demo's price: the vendor's published list price, only ever used for demo data. */
export const DEMO_ACU_PRICE = '2.25';
const DEFAULT_CURRENCY = 'USD';

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
    if (mode === 'demo') {
      const apiKey = `demo-${newRunId(now)}`;
      const api = await startFakeDevinApi({ apiKey, data: demoDataset(now) });
      stopDemoApi.push(() => api.close());
      connection = { apiKey, baseUrl: api.url };
    } else {
      connection = devinConfigFromEnv(io.env);
    }

    const log = stderrLog(io.stderr);
    const devin = createDevinClient({
      ...connection,
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      onWarning: (message: string) => log.warn(message),
    });
    const { period, cycles } = await resolveReportPeriod(options.period, {
      timeZone: options.timeZone,
      now,
      devin,
    });
    await mkdir(options.outDir, { recursive: true });
    const progress = progressReporter(io.stderr);
    const delivery = createLocalDelivery({
      outDir: options.outDir,
      previewFrom: 'Devin chargeback <devin-chargeback@example.com>',
      previewTo: ['finance@example.com'],
      now: io.now,
      focus: focusOptionsFromEnv(io.env),
    });
    const runFor = async (reportPeriod: ReportPeriod): Promise<LocalRun> => {
      const outcome = await runChargebackReport(
        {
          devin,
          delivery,
          source: mode === 'demo' ? 'demo' : 'api',
          runId: newRunId(io.now()),
          now: io.now,
          workDir: options.outDir,
          log,
          onProgress: progress.update,
        },
        {
          period: reportPeriod,
          pricing,
          filters: { orgIds: options.orgIds, userIds: options.userIds, tags: options.tags },
          costBasis: options.costBasis,
          cycles,
          email: true,
        },
      );
      progress.done();
      return localRun(outcome);
    };
    if (mode === 'demo') {
      // A newcomer's first run should show month-over-month too: build the month before once.
      const previous = previousPeriodOf(period, cycles);
      const built =
        !('none' in previous) &&
        (await hasSummary(options.outDir, previous)) &&
        (await hasFocusDataset(options.outDir, previous));
      if (!('none' in previous) && !built) {
        io.stderr.write(
          `Building ${previous.label} first, so ${period.label} has a month to compare with.\n`,
        );
        await runFor(previous);
      }
    }
    const run = await runFor(period);
    io.stdout.write(options.json ? jsonOutput(run) : humanOutput(run, mode === 'demo'));
    return 0;
  } catch (error) {
    io.stderr.write(`devin-chargeback: ${errorLine(error)}\n`);
    return error instanceof InvalidInputError ? 2 : 1;
  } finally {
    for (const stop of stopDemoApi) await stop();
  }
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
