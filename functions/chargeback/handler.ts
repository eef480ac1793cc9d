import { tmpdir } from 'node:os';
import { Logger } from '@aws-lambda-powertools/logger';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { financeSesClient, reportS3Client } from '#aws/aws-clients.js';
import { closeOverdueMetricLine } from '#aws/close-overdue-metric.js';
import { createDevinKeySecretReader } from '#aws/devin-key-secret.js';
import { keyExpiryMetricLine } from '#aws/key-expiry-metric.js';
import { createSigningKeysReader } from '#aws/link-signing-secret.js';
import { startDistributedRun } from '#aws/start-distributed-run.js';
import type { DeploymentCheckResult } from '#check/deployment-check-result.js';
import { runDeploymentCheck } from '#check/run-deployment-check.js';
import { closeOverdue } from '#close/close-overdue.js';
import { checkPassed } from '#core/check/check-row.js';
import { keyExpiryWarning } from '#core/key-expiry/key-expiry.js';
import { createDevinClient } from '#devin/client/devin-client.js';
import { parseMergeEvent, parseWindowEvent, type WindowPart } from '#distributed/distributed-run.js';
import type { HandOver } from '#distributed/hand-over.js';
import { runMergeJob } from '#distributed/merge-job.js';
import type { MergeResult } from '#distributed/merge-result.js';
import { runWindowStep } from '#distributed/window-step.js';
import { newRunId } from '#pipeline/new-run-id.js';
import type { RunLog } from '#pipeline/run-log.js';
import { parseReportEvent } from './chargeback-event.js';
import type { ReportFunctionOutcome } from './chargeback-result.js';
import { lambdaConfigFromEnv } from './lambda-config.js';
import { RECOVERY_EVENT } from './manual-event-for.js';
import { assertRecipientsAllowed } from './recipient-policy.js';
import { type JobDeps, runChargebackJob } from './run-chargeback-job.js';

// Cold start: configuration is checked once and clients are reused across invocations.
// A bad variable fails the init with its name, before any invocation can half-run.
const config = lambdaConfigFromEnv(process.env);
const logger = new Logger({ serviceName: 'devin-chargeback' });
// Region, credentials and endpoints (AWS_ENDPOINT_URL_S3, …) come from the SDK's standard configuration.
// Timeouts end the request (inside the SDK's retry policy); SES never retries a send itself.
const s3 = reportS3Client();
const ses = financeSesClient();
const secretsManager = new SecretsManagerClient({});
const readApiKey = createDevinKeySecretReader(secretsManager, config.apiKeySecretId);
// Read at every run: a link signed just after a revocation must already use the new key.
const signingKeys = config.durableLinks
  ? createSigningKeysReader(secretsManager, config.durableLinks.signingSecretId, { maxAgeMs: 0 })
  : undefined;
const startExecution = config.stateMachineArn
  ? startDistributedRun(new SFNClient({}), config.stateMachineArn)
  : undefined;
/** Lambda sets it; outside Lambda (tests) the deployed size is assumed. */
const DEFAULT_MEMORY_MB = 2048;
/** Without a Lambda context (tests), a full 15-minute invocation. */
const FULL_INVOCATION_MS = 15 * 60_000;

type Invocation = Partial<Pick<Context, 'awsRequestId' | 'getRemainingTimeInMillis'>>;

const log: RunLog = {
  info: (message, attributes) => logger.info(message, attributes ?? {}),
  warn: (message, attributes) => logger.warn(message, attributes ?? {}),
};

const devin = async () => {
  const secret = await readApiKey();
  const now = new Date();
  // The operator records the key's expiry in the secret; from 35 days before, every run warns
  // in the log and the email footer, and the metric the stack's alarm watches says 1.
  const warning = keyExpiryWarning(secret.expiresAt, now);
  if (secret.expiresAt !== null) {
    const daysLeft = Math.floor((secret.expiresAt.getTime() - now.getTime()) / 86_400_000);
    process.stdout.write(`${keyExpiryMetricLine(warning !== null, daysLeft, now)}\n`);
  }
  if (warning !== null) logger.warn(warning.text, { secretId: config.apiKeySecretId });
  return createDevinClient({
    apiKey: secret.key,
    ...(config.devinApiUrl && { baseUrl: config.devinApiUrl }),
    ...(config.devinApiVersion && { apiVersion: config.devinApiVersion }),
    unauthorizedAdvice: `put a new key into the secret ${config.apiKeySecretId} (put-secret-value), then invoke ${RECOVERY_EVENT} for the month whose close failed`,
    ...(warning !== null && { keyNotice: warning.text }),
    onWarning: (message: string) => logger.warn(message),
  });
};

function jobDeps(runId: string): JobDeps {
  return { config, s3, ses, devin, runId, signingKeys, now: () => new Date(), workDir: tmpdir(), log };
}

// Every entry invocation plans; without a state machine a month too big fails early, saying so.
function handOverFor(context: Invocation | undefined): HandOver {
  return {
    budget: () => ({
      remainingMs: context?.getRemainingTimeInMillis?.() ?? FULL_INVOCATION_MS,
      memoryBytes: Number(process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? DEFAULT_MEMORY_MB) * 1024 * 1024,
    }),
    sessionsPerInvocation: config.sessionsPerInvocation,
    start: startExecution,
  };
}

/** When Lambda kills this invocation; outside Lambda (tests) there is none unless the context says. */
function deadlineOf(context: Invocation | undefined): (() => Date) | undefined {
  const remaining = context?.getRemainingTimeInMillis;
  if (remaining === undefined) return undefined;
  const deadline = new Date(Date.now() + remaining());
  return () => deadline;
}

async function logged<T>(runId: string, context: Invocation | undefined, work: () => Promise<T>): Promise<T> {
  logger.resetKeys();
  logger.appendKeys({ runId, ...(context?.awsRequestId && { requestId: context.awsRequestId }) });
  try {
    return await work();
  } catch (error) {
    logger.error('chargeback run failed', error as Error);
    throw error;
  }
}

/**
 * Parse the event → resolve the period → the shared pipeline with AWS adapters → the result.
 * `{"check":true}` instead returns the deployment check's rows and sends nothing.
 */
export async function handler(event: unknown, context?: Invocation): Promise<ReportFunctionOutcome> {
  const runId = newRunId(new Date());
  return logged(runId, context, async () => {
    const run = parseReportEvent(event);
    if (run.kind === 'check') return deploymentCheck();
    assertRecipientsAllowed(run, config.allowedRecipientDomains);
    const outcome = await runChargebackJob(run, {
      ...jobDeps(runId),
      handOver: handOverFor(context),
      deadline: deadlineOf(context),
    });
    if (run.kind === 'scheduled') {
      const now = new Date();
      const overdue = closeOverdue(
        // A handed-over close is in flight: its merge step writes the record.
        {
          to: new Date(outcome.period.to),
          closed: 'distributed' in outcome || ('closed' in outcome && outcome.closed === true),
        },
        now,
        config.closeSettleHours,
        config.heartbeatHours,
      );
      process.stdout.write(`${closeOverdueMetricLine(overdue, outcome.period.label, now)}\n`);
    }
    return outcome;
  });
}

async function deploymentCheck(): Promise<DeploymentCheckResult> {
  // Made here, not at cold start: only the check asks SNS, and only when someone invokes it.
  const sns = new SNSClient({});
  const rows = await runDeploymentCheck({
    secretId: config.apiKeySecretId,
    // Uncached: the check exists to see the value put in a minute ago.
    readKeySecret: createDevinKeySecretReader(secretsManager, config.apiKeySecretId),
    devin: {
      ...(config.devinApiUrl && { baseUrl: config.devinApiUrl }),
      ...(config.devinApiVersion && { apiVersion: config.devinApiVersion }),
    },
    ses,
    sender: config.sender,
    recipients: config.recipients,
    linkBaseUrl: config.durableLinks?.baseUrl,
    sns,
    alarmTopicArn: config.alarmTopicArn,
    alarmEmail: config.alarmEmail,
    now: new Date(),
  }).finally(() => sns.destroy());
  const passed = checkPassed(rows);
  logger.info('deployment check', { passed, problems: rows.filter((r) => r.status === 'problem') });
  return { check: { passed, rows }, emailed: false };
}

/** The state machine's window step: one window's sessions into an S3 part. */
export async function windowHandler(event: unknown, context?: Invocation): Promise<WindowPart> {
  const window = parseWindowEvent(event);
  return logged(window.runId, context, async () =>
    runWindowStep(window, {
      devin: await devin(),
      s3,
      bucket: config.bucket,
      prefix: config.prefix,
      workDir: tmpdir(),
      log,
    }),
  );
}

/**
 * The state machine's merge step: the parts joined, then the same job as a single run; never hands
 * over, and returns no link (its output stays in the execution history).
 */
export async function mergeHandler(event: unknown, context?: Invocation): Promise<MergeResult> {
  const merge = parseMergeEvent(event);
  return logged(merge.runId, context, async () => {
    // The execution's input could be started by hand: the same bound as the entry's.
    assertRecipientsAllowed(merge.run, config.allowedRecipientDomains);
    return runMergeJob(
      merge,
      { ...jobDeps(merge.runId), deadline: deadlineOf(context) },
      { s3, bucket: config.bucket },
    );
  });
}
