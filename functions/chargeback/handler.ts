import { tmpdir } from 'node:os';
import { Logger } from '@aws-lambda-powertools/logger';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import type { Context } from 'aws-lambda';
import { createDevinKeyReader } from '../aws/devin-key-secret.js';
import { createSigningKeysReader } from '../aws/link-signing-secret.js';
import { createDevinClient } from '../devin/client/devin-client.js';
import { newRunId } from '../pipeline/new-run-id.js';
import { parseChargebackEvent } from './chargeback-event.js';
import type { ChargebackResult } from './chargeback-result.js';
import { lambdaConfigFromEnv } from './lambda-config.js';
import { runChargebackJob } from './run-chargeback-job.js';

// Cold start: configuration is checked once and clients are reused across invocations.
// A bad variable fails the init with its name, before any invocation can half-run.
const config = lambdaConfigFromEnv(process.env);
const logger = new Logger({ serviceName: 'devin-chargeback' });
// Region, credentials and endpoints (AWS_ENDPOINT_URL_S3, …) come from the SDK's standard configuration.
const s3 = new S3Client({});
// A send that times out may still have been delivered; a generous timeout makes that rare.
const ses = new SESClient({ requestHandler: { requestTimeout: 60_000 } });
const secretsManager = new SecretsManagerClient({});
const readApiKey = createDevinKeyReader(secretsManager, config.apiKeySecretId);
// Read at every run: a link signed just after a revocation must already use the new key.
const signingKeys = config.durableLinks
  ? createSigningKeysReader(secretsManager, config.durableLinks.signingSecretId, { maxAgeMs: 0 })
  : undefined;

/** Parse the event → resolve the period → the shared pipeline with AWS adapters → the result. */
export async function handler(
  event: unknown,
  context?: Pick<Context, 'awsRequestId'>,
): Promise<ChargebackResult> {
  const runId = newRunId(new Date());
  logger.resetKeys();
  logger.appendKeys({ runId, ...(context && { requestId: context.awsRequestId }) });
  try {
    const run = parseChargebackEvent(event);
    return await runChargebackJob(run, {
      config,
      s3,
      ses,
      devin: async () =>
        createDevinClient({
          apiKey: await readApiKey(),
          ...(config.devinApiUrl && { baseUrl: config.devinApiUrl }),
          ...(config.devinApiVersion && { apiVersion: config.devinApiVersion }),
          onWarning: (message: string) => logger.warn(message),
        }),
      runId,
      signingKeys,
      now: () => new Date(),
      workDir: tmpdir(),
      log: {
        info: (message, attributes) => logger.info(message, attributes ?? {}),
        warn: (message, attributes) => logger.warn(message, attributes ?? {}),
      },
    });
  } catch (error) {
    logger.error('chargeback run failed', error as Error);
    throw error;
  }
}
