// `npm run distributed -- [sessions] [sessionsPerInvocation]`: a distributed run on this machine,
// steps in the state machine's order: plan (count, then hand over) → window steps (bounded
// concurrency, retried) → merge. The fake Devin API and s3rver/SES emulators on loopback stand in
// for the vendor and AWS; the figures printed are this machine's, noisy when it is shared.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { reportResultOf } from '#chargeback/chargeback-result.js';
import { lambdaConfigFromEnv } from '#chargeback/lambda-config.js';
import { type JobDeps, runChargebackJob } from '#chargeback/run-chargeback-job.js';
import { createDevinClient } from '#devin/client/devin-client.js';
import { startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { type DistributedRun, parseMergeEvent, parseWindowEvent } from '#distributed/distributed-run.js';
import { runMergeJob } from '#distributed/merge-job.js';
import { runStepsLocally } from '#distributed/run-steps-locally.js';
import { runWindowStep } from '#distributed/window-step.js';
import { startAwsEmulators } from '../test/support/aws-emulators.js';
import { useAwsEnv } from '../test/support/aws-env.js';

const sessions = Number(process.argv[2] ?? 20_000);
const capacity = Number(process.argv[3] ?? Math.ceil(sessions / 4));
if (!(Number.isInteger(sessions) && sessions > 0 && Number.isInteger(capacity) && capacity > 0)) {
  console.error(
    'usage: npm run distributed -- [sessions (default 20000)] [sessionsPerInvocation (default sessions/4)]',
  );
  process.exit(2);
}
const API_KEY = 'apk_user_local_distributed_run';
const BUCKET = 'chargeback-reports';
const log = { info: () => {}, warn: (message: string) => console.warn(`warn: ${message}`) };

const aws = await startAwsEmulators();
const restoreEnv = useAwsEnv(aws.env);
const workDir = await mkdtemp(join(tmpdir(), 'distributed-run-'));
const devin = await startFakeDevinApi({
  apiKey: API_KEY,
  data: generateDataset({
    seed: 14,
    sessions,
    from: new Date('2026-10-01T00:00:00Z'),
    to: new Date('2026-11-01T00:00:00Z'),
  }),
});
try {
  await aws.s3.createBucket(BUCKET);
  const s3 = new S3Client({ forcePathStyle: true });
  const ses = new SESClient({});
  const config = lambdaConfigFromEnv({
    REPORT_BUCKET: BUCKET,
    EMAIL_SENDER: 'reports@example.com',
    EMAIL_RECIPIENTS: 'finance@example.com',
    ACU_PRICE: '2.25',
    DEVIN_API_KEY_SECRET: 'unused',
  });
  const client = () => createDevinClient({ apiKey: API_KEY, baseUrl: devin.url });
  const deps = (runId: string): JobDeps => ({
    config,
    s3,
    ses,
    devin: async () => client(),
    runId,
    now: () => new Date(),
    workDir,
    log,
  });

  let started: DistributedRun | undefined;
  let at = performance.now();
  const planned = await runChargebackJob(
    {
      kind: 'manual',
      period: { alignment: 'calendar', month: '2026-10' },
      email: true,
      orgIds: [],
      userIds: [],
      tags: [],
      force: true,
      close: false,
    },
    {
      ...deps('local-distributed'),
      handOver: {
        budget: () => ({ remainingMs: 15 * 60_000, memoryBytes: 2048 * 1024 * 1024 }),
        sessionsPerInvocation: capacity,
        start: async (run) => {
          started = run;
          return `local:${run.runId}`;
        },
      },
    },
  );
  if (!started) {
    console.log(
      `plan: single (${sessions} sessions fit ${capacity}); report ${reportResultOf(planned).s3.uri}`,
    );
  } else {
    const run = started;
    console.log(
      `plan: distributed, ${run.windows.length} windows (${sessions} sessions, ${capacity} per invocation), ${(performance.now() - at).toFixed(0)} ms`,
    );
    at = performance.now();
    let windowsDone = 0;
    const result = await runStepsLocally(run, {
      window: async (event) => {
        const part = await runWindowStep(parseWindowEvent(event), {
          devin: client(),
          s3,
          bucket: BUCKET,
          prefix: config.prefix,
          workDir,
          log,
        });
        windowsDone += 1;
        if (windowsDone === run.windows.length) {
          console.log(
            `windows: ${run.windows.length} parts stored, ${(performance.now() - at).toFixed(0)} ms`,
          );
          at = performance.now();
        }
        return part;
      },
      merge: async (event) => {
        const merge = parseMergeEvent(event);
        return runMergeJob(merge, deps(merge.runId), { s3, bucket: BUCKET });
      },
    });
    console.log(
      `merge: ${result.totals.sessions} sessions, ${result.totals.acus} ACUs, ${result.totals.cost} ${result.totals.currency}; emailed ${result.emailed}; ${(performance.now() - at).toFixed(0)} ms`,
    );
    console.log(`report: ${result.s3.uri}`);
  }
  s3.destroy();
  ses.destroy();
} finally {
  await devin.close();
  await aws.stop();
  restoreEnv();
  await rm(workDir, { recursive: true, force: true });
}
