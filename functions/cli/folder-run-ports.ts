import { rm } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { type CloseRecord, closeRecordName } from '#close/close-record.js';
import { PREVIEW_FILES, RECORD_FILES, runFilesFor } from '#close/run-files.js';
import type { Pricing } from '#core/money/pricing.js';
import type { BillingCycle } from '#core/period/billing-cycle.js';
import { NOTHING_SENT } from '#core/run/period-state.js';
import type { RunRequest } from '#core/run/run-request.js';
import type { DevinClient, FetchProgress } from '#devin/client/devin-client.js';
import { localClosedPeriods } from '#local/local-closed-periods.js';
import {
  type LocalEmailPreview,
  type LocalStoredReport,
  localSameMonthStores,
} from '#local/local-delivery.js';
import { removeLeftovers } from '#local/scratch-files.js';
import type { CostCentreSetup } from '#pipeline/cost-centre-setup.js';
import type { ReportDelivery } from '#pipeline/report-delivery.js';
import { runChargebackReport } from '#pipeline/run-chargeback-report.js';
import type { RunLog } from '#pipeline/run-log.js';
import type { RunPorts } from '#run/run-period.js';
import type { CliOptions } from './cli-options.js';
import { localShowback } from './run-local-showback.js';
import { type LocalRun, localRun } from './run-output.js';

/** What a local run ends with: a report it built, or the record of a period closed already. */
export type LocalRunResult = LocalRun | { readonly closedAlready: CloseRecord };

export interface FolderRunDeps {
  readonly options: CliOptions;
  readonly mode: 'api' | 'demo';
  readonly runId: string;
  readonly devin: DevinClient;
  readonly delivery: ReportDelivery<LocalStoredReport, LocalEmailPreview>;
  readonly pricing: Pricing;
  readonly costCentres: CostCentreSetup | undefined;
  readonly cycles: readonly BillingCycle[] | undefined;
  readonly showback: boolean;
  /** The run's clock (the demo closes its history at the hour the schedule would have). */
  readonly clock: () => Date;
  readonly now: () => Date;
  readonly log: RunLog;
  readonly say: (line: string) => void;
  readonly onProgress: (progress: FetchProgress) => void;
  readonly progressDone: () => void;
}

/**
 * The engine's ports in a folder: the period's close files beside the report, no email markers
 * (the CLI writes its email as a preview file and sends nothing), a build with the local delivery.
 */
export function folderRunPorts(request: RunRequest, deps: FolderRunDeps): RunPorts<LocalRunResult> {
  const { options } = deps;
  const period = request.period;
  const filters = { orgIds: options.orgIds, userIds: options.userIds, tags: options.tags };
  return {
    runId: deps.runId,
    now: deps.now,
    log: deps.log,
    closeSettleHours: options.closeSettleHours,
    stores: localSameMonthStores(options.outDir, period),
    emailStates: async () => ({ email: NOTHING_SENT, showbackPending: false }),
    resendHint: 'run it again',
    async serveRecord(record) {
      // What a close killed after its record left (its spool, the record's scratch copy) goes now.
      await removeLeftovers(options.outDir);
      return { closedAlready: record };
    },
    duplicate: async () => {
      throw new Error('a local run sends no email, so it is never a duplicate of one');
    },
    waiting: () => {
      throw new Error('a local run never waits: only the catch-up does');
    },
    showbackOnly: async () => {
      throw new Error('a local run sends no email, so none is owed');
    },
    async removeDemoClose(record) {
      deps.say(`Replacing the earlier demo's close of ${period.label} (demo data, not a record).`);
      await removeDemoClose(options.outDir, record);
    },
    async build(build) {
      if (build.claim !== undefined) deps.say(`Closing ${period.label} as run ${deps.runId}.`);
      const files =
        build.files === 'record'
          ? RECORD_FILES
          : build.files === 'preview'
            ? PREVIEW_FILES
            : runFilesFor(filters, false);
      const outcome = await runChargebackReport(
        {
          devin: deps.devin,
          delivery: deps.delivery,
          source: deps.mode === 'demo' ? 'demo' : 'api',
          runId: deps.runId,
          now: deps.clock,
          workDir: options.outDir,
          log: deps.log,
          onProgress: deps.onProgress,
        },
        {
          period,
          pricing: deps.pricing,
          filters,
          runStatus: build.status,
          files,
          costBasis: options.costBasis,
          cycles: deps.cycles,
          email: true,
          costCentres: deps.costCentres,
          maxSessionRows: options.maxSessionRows,
          trueUps: { months: options.trueUpMonths, read: localClosedPeriods(options.outDir) },
        },
      );
      deps.progressDone();
      try {
        return deps.showback
          ? {
              ...localRun(outcome),
              showback: await localShowback(outcome, options.outDir, deps.now, deps.log),
            }
          : localRun(outcome);
      } finally {
        await outcome.release();
      }
    },
  };
}

/** Only a demo's close of demo data is ever removed: its record lists every file it wrote. */
async function removeDemoClose(outDir: string, record: CloseRecord): Promise<void> {
  if (record.source !== 'demo') throw new Error('only a demo close is ever replaced');
  const base = basename(record.artifacts.workbook.key, '.xlsx');
  for (const artifact of Object.values(record.artifacts))
    await rm(resolve(outDir, artifact.key), { force: true });
  await rm(resolve(outDir, closeRecordName(base)), { force: true });
}
