import type { S3Client } from '@aws-sdk/client-s3';
import type { SESClient } from '@aws-sdk/client-ses';
import type {
  DevinClient,
  FetchedSessions,
  FetchSessionsOptions,
  SessionQuery,
} from '#devin/client/devin-client.js';
import type { HandOver } from '#distributed/hand-over.js';
import type { SigningKeys } from '#links/token/signing-keys.js';
import { resolveReportPeriod } from '#pipeline/period-choice.js';
import type { RunLog } from '#pipeline/run-log.js';
import { runPeriod } from '#run/run-period.js';
import type { ChargebackRun } from './chargeback-event.js';
import type { ChargebackOutcome } from './chargeback-result.js';
import { eventRunRequest } from './event-run-request.js';
import { assertPlannedPeriod } from './hand-over-step.js';
import type { LambdaConfig } from './lambda-config.js';
import { s3RunPorts } from './s3-run-ports.js';
import { showbackApplies } from './showback-step.js';

export interface JobDeps {
  readonly config: LambdaConfig;
  readonly s3: S3Client;
  readonly ses: SESClient;
  /** Built per run: the key comes from Secrets Manager. */
  readonly devin: () => Promise<DevinClient>;
  readonly runId: string;
  readonly now: () => Date;
  readonly workDir: string;
  readonly log: RunLog;
  /** When this invocation is killed (Lambda's timeout): a close's claim expires with it. */
  readonly deadline?: (() => Date) | undefined;
  /** The link signing keys; read only when the configuration has durable links. */
  readonly signingKeys?: (() => Promise<SigningKeys>) | undefined;
  /** Set on the entry people and the schedule invoke: a period too big for one invocation goes to the state machine. */
  readonly handOver?: HandOver | undefined;
  /**
   * Set by the merge step: the sessions come from the windows' parts, which were read for this
   * period; a run that resolves to another period fails rather than report the wrong sessions.
   */
  readonly fromParts?:
    | {
        readonly period: { readonly from: Date; readonly to: Date };
        readonly readSessions: (
          query: SessionQuery,
          options: FetchSessionsOptions,
        ) => Promise<FetchedSessions>;
      }
    | undefined;
}

/**
 * One invocation (the schedule, the catch-up, a manual event, the merge step): resolve the
 * period, then the engine decides and carries out what the run does with the bucket and SES.
 */
export async function runChargebackJob(run: ChargebackRun, deps: JobDeps): Promise<ChargebackOutcome> {
  const { config } = deps;
  const devin = await deps.devin();
  const { period, cycles } = await resolveReportPeriod(
    run.kind === 'scheduled' ? { alignment: config.alignment } : run.period,
    {
      timeZone: config.timeZone,
      now: run.kind === 'scheduled' ? run.scheduledTime : deps.now(),
      ...(run.kind === 'scheduled' && { closeSettleHours: config.closeSettleHours }),
      devin,
    },
  );
  if (deps.fromParts) assertPlannedPeriod(period, deps.fromParts.period, deps.runId);
  const closing = run.kind === 'scheduled' || run.close;
  const showback = config.showback && showbackApplies(config, run) && closing;
  const request = eventRunRequest(run, period, showback, config.alignment);
  deps.log.info('chargeback run', {
    runId: deps.runId,
    trigger: request.trigger,
    period: period.slug,
    closing,
    email: request.email,
    force: request.force,
  });
  return runPeriod(request, s3RunPorts(run, request, { ...deps, devin, cycles }));
}
