// The distributed path end to end on loopback: the report entry plans and hands over, the window
// steps store their parts in s3rver, the merge step joins them and runs the same job, all driven
// in the order the state machine runs them. Its summary.json must equal a single pass's.

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJsonObject } from '#aws/report-object-store.js';
import type { ChargebackRun } from '#chargeback/chargeback-event.js';
import { reportResultOf } from '#chargeback/chargeback-result.js';
import { lambdaConfigFromEnv } from '#chargeback/lambda-config.js';
import { reportKeys } from '#chargeback/report-keys.js';
import { type JobDeps, runChargebackJob } from '#chargeback/run-chargeback-job.js';
import { resolvePeriod } from '#core/period/resolve-period.js';
import { createDevinClient } from '#devin/client/devin-client.js';
import type { IncomingRequest } from '#devin/fake/exchange.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import {
  type DistributedRun,
  distributedRunJson,
  parseMergeEvent,
  parseWindowEvent,
  type WindowPart,
} from '#distributed/distributed-run.js';
import type { HandedOverResult } from '#distributed/hand-over.js';
import { runMergeJob } from '#distributed/merge-job.js';
import type { MergeResult } from '#distributed/merge-result.js';
import { partsFolder } from '#distributed/part-keys.js';
import { runStepsLocally } from '#distributed/run-steps-locally.js';
import { runWindowStep } from '#distributed/window-step.js';
import { type AwsEmulators, startAwsEmulators } from '../support/aws-emulators.js';
import { useAwsEnv } from '../support/aws-env.js';
import { startTestDevinApi, type TestDevinApi } from '../support/fake-devin-api/test-devin-api.js';

const API_KEY = 'apk_user_distributed_secret_value_0987654321';
const BUCKET = 'chargeback-reports';
const OCTOBER: ChargebackRun = {
  kind: 'manual',
  period: { alignment: 'calendar', month: '2026-10' },
  email: true,
  orgIds: [],
  userIds: [],
  tags: [],
  close: false,
  force: false,
};
const silent = { info: () => {}, warn: () => {} };

let aws: AwsEmulators;
let devin: TestDevinApi;
let restoreEnv: () => void;
let s3: S3Client;
let ses: SESClient;
let workDir: string;

function configFor(prefix: string) {
  return lambdaConfigFromEnv({
    REPORT_BUCKET: BUCKET,
    REPORT_PREFIX: prefix,
    EMAIL_SENDER: 'reports@example.com',
    EMAIL_RECIPIENTS: 'finance@example.com',
    ACU_PRICE: '2.25',
    DEVIN_API_KEY_SECRET: 'unused',
  });
}

function depsFor(prefix: string, runId: string): JobDeps {
  return {
    config: configFor(prefix),
    s3,
    ses,
    devin: async () => createDevinClient({ apiKey: API_KEY, baseUrl: devin.url, sleep: async () => {} }),
    runId,
    now: () => new Date('2026-11-02T09:00:00Z'),
    workDir,
    log: silent,
  };
}

/** Plans with a capacity of 200 sessions, so the 600-session month needs windows; captures the start. */
async function handOver(prefix: string, runId: string, capacity = 200) {
  let started: DistributedRun | undefined;
  const outcome = await runChargebackJob(OCTOBER, {
    ...depsFor(prefix, runId),
    handOver: {
      budget: () => ({ remainingMs: 15 * 60_000, memoryBytes: 2048 * 1024 * 1024 }),
      sessionsPerInvocation: capacity,
      start: async (run) => {
        started = run;
        return `arn:aws:states:us-east-1:123456789012:execution:chargeback-distributed:${run.runId}`;
      },
    },
  });
  return { outcome, started };
}

/** The state machine's two tasks, as the Lambda entries run them. */
function stepsFor(prefix: string) {
  const config = configFor(prefix);
  return {
    window: async (event: unknown) =>
      runWindowStep(parseWindowEvent(event), {
        devin: createDevinClient({ apiKey: API_KEY, baseUrl: devin.url, sleep: async () => {} }),
        s3,
        bucket: BUCKET,
        prefix: config.prefix,
        workDir,
        log: silent,
      }),
    merge: async (event: unknown): Promise<MergeResult> => {
      const merge = parseMergeEvent(event);
      return runMergeJob(merge, depsFor(prefix, merge.runId), { s3, bucket: BUCKET });
    },
  };
}

async function summaryOf(prefix: string): Promise<Record<string, unknown>> {
  const period = resolvePeriod(
    { month: '2026-10' },
    { timeZone: 'UTC', now: new Date('2026-11-02T00:00:00Z') },
  );
  return (await getJsonObject(s3, BUCKET, reportKeys(prefix, period).summary)) as Record<string, unknown>;
}

async function keysUnder(prefix: string): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (listed.Contents ?? []).map((o) => o.Key ?? '');
}

/**
 * What may differ between two runs of the same data: who ran and when (run.runId,
 * run.generatedAt), and how the API was read (stats: pages, items received and dropped at the
 * windows' edges differ with the number of reads). Every figure is compared.
 */
function figuresOf(summary: Record<string, unknown>) {
  const { run, stats, ...figures } = summary as {
    run: Record<string, unknown>;
    stats: Record<string, unknown>;
  };
  const { runId: _runId, generatedAt: _generatedAt, ...runRest } = run;
  return { ...figures, run: runRest, nullAcus: stats.nullAcus, duplicatesDropped: stats.duplicatesDropped };
}

describe('distributed run', () => {
  beforeAll(async () => {
    aws = await startAwsEmulators();
    await aws.s3.createBucket(BUCKET);
    restoreEnv = useAwsEnv(aws.env);
    s3 = new S3Client({ forcePathStyle: true });
    ses = new SESClient({});
    workDir = await mkdtemp(join(tmpdir(), 'distributed-run-'));
    devin = await startTestDevinApi({
      apiKey: API_KEY,
      data: generateDataset({
        seed: 14,
        sessions: 600,
        from: new Date('2026-10-01T00:00:00Z'),
        to: new Date('2026-11-01T00:00:00Z'),
      }),
    });
  }, 60_000);

  afterAll(async () => {
    s3?.destroy();
    ses?.destroy();
    await devin?.close();
    await aws?.stop();
    restoreEnv?.();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('runs in place when the month fits, and hands over when it does not', async () => {
    const fits = await handOver('fits/', 'run-fits', 10_000);
    expect(fits.started).toBeUndefined();
    expect(reportResultOf(fits.outcome).totals.sessions).toBeGreaterThan(500);

    const { outcome, started } = await handOver('handover/', 'run-handover');
    const handed = outcome as HandedOverResult;
    expect(handed.distributed).toEqual({
      executionArn: `arn:aws:states:us-east-1:123456789012:execution:chargeback-distributed:run-handover`,
      windows: started?.windows.length,
      expectedSessions: expect.any(Number),
      capacity: 200,
    });
    expect(handed.emailed).toBe(false);
    // Nothing stored or sent yet: that is the merge step's.
    expect(await keysUnder('handover/')).toEqual([]);
    expect(started?.run).toEqual(OCTOBER);
    expect(started?.windows.length).toBeGreaterThanOrEqual(12);
  });

  it('merges the windows’ parts into the same summary.json as a single pass, under faults, exactly once', async () => {
    const single = reportResultOf(await runChargebackJob(OCTOBER, depsFor('single/', 'run-single')));

    const { started } = await handOver('distributed/', 'run-distributed');
    if (!started) throw new Error('expected a hand-over');
    // Window 3's first page fails more often than the client retries: the window step fails and the
    // state machine's retry runs it again. Window 5's page fails once: the client's own retry.
    const third = started.windows[3];
    const fifth = started.windows[5];
    if (!third || !fifth) throw new Error('expected at least six windows');
    const pageOf = (w: { from: Date }) => (r: IncomingRequest) =>
      r.query.created_date_from?.[0] === new Date(w.from.getTime() - 1).toISOString();
    devin.setFaults({
      script: [
        { fault: { kind: 'status', status: 500 }, when: pageOf(third), times: 5 },
        { fault: { kind: 'status', status: 503 }, when: pageOf(fifth), times: 1 },
      ],
    });
    const retried: number[] = [];
    const steps = stepsFor('distributed/');
    const parts: WindowPart[] = [];
    const result = await runStepsLocally(
      started,
      {
        window: async (event) => {
          const part = await steps.window(event);
          parts.push(part);
          return part;
        },
        merge: steps.merge,
      },
      {
        sleep: async () => {},
        onRetry: (index) => retried.push(index),
      },
    );
    devin.setFaults({});
    expect(retried).toEqual([3]);

    expect(result.runId).toBe('run-distributed');
    expect(result.emailed).toBe(true);
    // The merge's output stays in the execution history: it holds no link, only where the link is.
    expect(result).not.toHaveProperty('downloadUrl');
    expect(JSON.stringify(result)).not.toMatch(/X-Amz-Signature|https?:\/\/[^"]*\/r\/v1\./i);
    expect(result.link).toBe('in the email finance was sent; never in the execution data');
    expect(result.totals).toEqual(single.totals);
    const [one, merged] = [await summaryOf('single/'), await summaryOf('distributed/')];
    expect(figuresOf(merged)).toEqual(figuresOf(one));
    expect(JSON.stringify(figuresOf(merged))).toBe(JSON.stringify(figuresOf(one)));
    expect((merged.run as { runId: string }).runId).toBe('run-distributed');

    // The parts are gone, and so is every work file.
    expect(await keysUnder(partsFolder('distributed/', 'run-distributed'))).toEqual([]);
    expect(await readdir(workDir)).toEqual([]);

    expect(parts.map((p) => p.index).sort((a, b) => a - b)).toEqual(started.windows.map((w) => w.index));
    expect(parts.reduce((sum, p) => sum + p.count, 0)).toBe(single.totals.sessions);

    // The state machine retrying the merge returns the emailed result and sends nothing again
    // (the marker is read before any part is, so the deleted parts are not missed).
    const mails = (await aws.ses.mails()).length;
    const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
    const again = await steps.merge({ ...(distributedRunJson(started) as object), parts: asJson(parts) });
    expect(again.duplicateOf).toBe('run-distributed');
    // A second monthly event finds the period emailed before it counts or hands over anything.
    const { outcome: second, started: secondStart } = await handOver('distributed/', 'run-second');
    expect(secondStart).toBeUndefined();
    expect(reportResultOf(second).duplicateOf).toBe('run-distributed');
    expect((await aws.ses.mails()).length).toBe(mails);

    // Parts that do not cover the windows are refused before anything is read.
    await expect(
      steps.merge({ ...(distributedRunJson(started) as object), parts: asJson(parts.slice(1)) }),
    ).rejects.toThrow(/do not match the windows/);
  });
});
