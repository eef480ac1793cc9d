import { afterAll, beforeAll } from 'vitest';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { type AwsEmulators, startAwsEmulators } from './aws-emulators.js';
import { type FaultProxy, startFaultProxy } from './aws-fault-proxy.js';
import { startTestDevinApi, type TestDevinApi } from './fake-devin-api/test-devin-api.js';
import { type ReportBucket, reportBucket } from './report-bucket.js';
import {
  API_KEY_SECRET_ID,
  loadReportHandler,
  type ReportHandler,
  reportFunctionEnv,
  restoreReportEnv,
} from './report-handler.js';

export interface ReportFunctionHarness {
  readonly aws: AwsEmulators;
  readonly devin: TestDevinApi;
  readonly handler: ReportHandler;
  readonly bucket: ReportBucket;
  /** The handler's S3 and SES traffic goes through these, with `faults: true` (the test's own reads do not). */
  readonly faults: { readonly s3: FaultProxy; readonly ses: FaultProxy } | undefined;
}

/**
 * The report function as the Lambda loads it, against the AWS emulators (one bucket, the API key
 * in the secret) and a fake Devin API serving a generated data set: started before the file's
 * tests, stopped after them. Read `harness()` inside tests.
 */
export function useReportFunction(options: {
  readonly apiKey: string;
  readonly bucket: string;
  readonly seed: number;
  readonly sessions: number;
  readonly from: Date;
  readonly to: Date;
  /** More of the function's environment (JOURNAL_FORMATS, …), over the harness's own. */
  readonly env?: Readonly<Record<string, string>>;
  /** Puts a fault proxy in front of S3 and of SES, for the handler alone. */
  readonly faults?: boolean;
}): () => ReportFunctionHarness {
  let started: ReportFunctionHarness | undefined;
  let aws: AwsEmulators | undefined;
  let devin: TestDevinApi | undefined;
  let faults: ReportFunctionHarness['faults'];
  beforeAll(async () => {
    aws = await startAwsEmulators();
    await aws.s3.createBucket(options.bucket);
    aws.secretsManager.setSecret(API_KEY_SECRET_ID, JSON.stringify({ apiKey: options.apiKey }));
    const data = generateDataset({
      seed: options.seed,
      sessions: options.sessions,
      from: options.from,
      to: options.to,
    });
    devin = await startTestDevinApi({ apiKey: options.apiKey, data });
    if (options.faults) {
      faults = { s3: await startFaultProxy(aws.s3.endpoint), ses: await startFaultProxy(aws.ses.endpoint) };
    }
    const handler = await loadReportHandler({
      ...reportFunctionEnv(aws, { bucket: options.bucket, devinUrl: devin.url }),
      ...(faults && { AWS_ENDPOINT_URL_S3: faults.s3.endpoint, AWS_ENDPOINT_URL_SES: faults.ses.endpoint }),
      ...options.env,
    });
    started = { aws, devin, handler, bucket: reportBucket(aws, options.bucket), faults };
  }, 60_000);
  afterAll(async () => {
    restoreReportEnv();
    await faults?.s3.close();
    await faults?.ses.close();
    await devin?.close();
    await aws?.stop();
  });
  return () => {
    if (started === undefined) throw new Error('the report function harness is used outside a test');
    return started;
  };
}
