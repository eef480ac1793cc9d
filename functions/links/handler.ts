import { Logger } from '@aws-lambda-powertools/logger';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describeError } from '#aws/aws-errors.js';
import { createSigningKeysReader } from '#aws/link-signing-secret.js';
import { s3ReportSource } from '#aws/s3-report-source.js';
import { parseFunctionUrlEvent } from './function-url-event.js';
import { type HttpResponse, htmlResponse } from './http-response.js';
import { linkServiceConfigFromEnv } from './link-config.js';
import { serveLinkRequest } from './link-service.js';
import { badRequestPage } from './pages/refusal-pages.js';

// Cold start: a bad variable fails the init with its name; clients are reused across requests.
const config = linkServiceConfigFromEnv(process.env);
const logger = new Logger({ serviceName: 'devin-chargeback-links' });
const s3 = new S3Client({});
const now = () => new Date();
const signingKeys = createSigningKeysReader(new SecretsManagerClient({}), config.signingSecretId, { now });
const reports = s3ReportSource(s3, config.bucket);

/**
 * The download-link service behind a Lambda Function URL: `GET /r/<token>` is
 * the landing page, `GET /r/<token>/download` a 302 to a short presigned GET.
 * The event is never logged: its path holds the token.
 */
export async function handler(event: unknown): Promise<HttpResponse> {
  const request = parseFunctionUrlEvent(event);
  if (!request) {
    logger.warn('not a Function URL request', { outcome: 'bad-request', status: 400 });
    return htmlResponse(400, badRequestPage());
  }
  return serveLinkRequest(request, {
    prefix: config.prefix,
    signingKeys,
    reports,
    now,
    accessLog: (entry) => logger.info('link request', { ...entry }),
    failure: (message, error) => logger.error(message, { error: describeError(error) }),
  });
}
