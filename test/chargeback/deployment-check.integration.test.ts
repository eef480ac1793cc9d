// Issue 31: `{"check":true}` tells whether a deployment works without emailing finance. The report
// function as the Lambda loads it, against the AWS emulators (SES behind a proxy that answers the
// identity and quota reads the emulator lacks), the fake Devin API, a loopback link service and a
// loopback SNS stand-in for the alarm topic's subscriptions.

import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeploymentCheckResult } from '#check/deployment-check-result.js';
import type { CheckRow } from '#core/check/check-row.js';
import { type FakeDevinApi, startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { type AwsEmulators, startAwsEmulators } from '../support/aws-emulators.js';
import { closedLoopbackPort, closeServer, listenOnLoopback } from '../support/aws-loopback.js';
import { type SesIdentityProxy, startSesIdentityProxy } from '../support/aws-ses-identity-proxy.js';
import { type SnsFake, startSnsFake } from '../support/aws-sns-fake.js';
import { type ReportBucket, reportBucket } from '../support/report-bucket.js';
import {
  API_KEY_SECRET_ID,
  loadReportFunction,
  reportFunctionEnv,
  restoreReportEnv,
} from '../support/report-handler.js';

const API_KEY = 'apk_user_deployment_check_secret_value_123456';
const BUCKET = 'chargeback-check';
// What CDK's Secret writes when no value is given: 32 random printable characters.
const PLACEHOLDER = 'q8}Zt^w2V,vK!x3m@N#p$L9r%Y&c*B(d';
const SENDER = 'reports@example.com';
const RECIPIENTS = ['finance@example.com', 'controller@example.com'];
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:chargeback-alarms';
const ALARM_EMAIL = 'oncall@example.com';
const CONFIRMED = `${TOPIC}:0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0`;

let aws: AwsEmulators;
let devin: FakeDevinApi;
let ses: SesIdentityProxy;
let linkService: Server;
let linkUrl: string;
let bucket: ReportBucket;
let sns: SnsFake;

/** `alarmEmail: null` is the stack's `alarmEmail: none`: no ALARM_EMAIL in the environment. */
async function check(
  links = linkUrl,
  alarmEmail: string | null = ALARM_EMAIL,
): Promise<DeploymentCheckResult> {
  const handler = await loadReportFunction({
    ...reportFunctionEnv(aws, { bucket: BUCKET, devinUrl: devin.url }),
    AWS_ENDPOINT_URL_SES: ses.endpoint,
    EMAIL_SENDER: SENDER,
    EMAIL_RECIPIENTS: RECIPIENTS.join(','),
    LINK_BASE_URL: links,
    LINK_SIGNING_SECRET: 'devin-chargeback/link-signing',
    AWS_ENDPOINT_URL_SNS: sns.endpoint,
    ALARM_TOPIC_ARN: TOPIC,
    ...(alarmEmail === null ? {} : { ALARM_EMAIL: alarmEmail }),
  });
  const outcome = await handler({ check: true });
  if (!('check' in outcome)) throw new Error('the check event returned a report');
  return outcome;
}

const row = (result: DeploymentCheckResult, item: string): CheckRow | undefined =>
  result.check.rows.find((r) => r.item === item);

describe('the report function’s {"check":true} event', () => {
  beforeAll(async () => {
    aws = await startAwsEmulators();
    await aws.s3.createBucket(BUCKET);
    ses = await startSesIdentityProxy(aws.ses.endpoint);
    sns = await startSnsFake();
    devin = await startFakeDevinApi({
      apiKey: API_KEY,
      data: generateDataset({
        seed: 5,
        sessions: 40,
        from: new Date('2026-10-01T00:00:00Z'),
        to: new Date('2026-11-01T00:00:00Z'),
      }),
    });
    // The Function URL's stand-in: the link service answers 404 at its root (no token there).
    linkService = createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such link');
    });
    linkUrl = `http://127.0.0.1:${await listenOnLoopback(linkService)}/`;
    bucket = reportBucket(aws, BUCKET);
  }, 60_000);

  afterAll(async () => {
    restoreReportEnv();
    await closeServer(linkService);
    await ses?.close();
    await sns?.close();
    await devin?.close();
    await aws?.stop();
  });

  beforeEach(() => {
    ses.verification.clear();
    ses.max24HourSend = 200;
    sns.topics.set(TOPIC, [{ protocol: 'email', endpoint: ALARM_EMAIL, subscriptionArn: CONFIRMED }]);
  });

  it('finds the placeholder secret, the unverified sender and the sandbox, and sends nothing', async () => {
    aws.secretsManager.setSecret(API_KEY_SECRET_ID, PLACEHOLDER);
    ses.verification.set(SENDER, 'Pending');
    ses.verification.set('finance@example.com', 'Success');
    const before = (await aws.ses.mails()).length;

    const result = await check();

    expect(result.emailed).toBe(false);
    expect(result.check.passed).toBe(false);
    expect(row(result, 'Devin API key secret')).toMatchObject({
      status: 'problem',
      found: expect.stringContaining('placeholder'),
      todo: expect.stringContaining(`put-secret-value --secret-id '${API_KEY_SECRET_ID}'`),
    });
    expect(row(result, 'Devin API access')?.status).toBe('not checked');
    expect(row(result, 'SES sender identity')).toMatchObject({
      status: 'problem',
      found: `${SENDER}: verification Pending`,
    });
    expect(row(result, 'SES sandbox')?.status).toBe('problem');
    expect(row(result, 'SES recipient finance@example.com')?.status).toBe('ok');
    expect(row(result, 'SES recipient controller@example.com')).toMatchObject({
      status: 'problem',
      found: 'not verified: the sandbox refuses it',
    });
    // The placeholder never leaves the function.
    expect(JSON.stringify(result)).not.toContain(PLACEHOLDER);
    expect(ses.answered).toEqual(
      expect.arrayContaining(['GetIdentityVerificationAttributes', 'GetSendQuota']),
    );
    expect((await aws.ses.mails()).length).toBe(before);
    expect(await bucket.keys()).toEqual([]);
  }, 120_000);

  it('gives every row ok for a good setup, the alarm subscription confirmed, and sends nothing', async () => {
    aws.secretsManager.setSecret(
      API_KEY_SECRET_ID,
      JSON.stringify({ key: API_KEY, expiresAt: '2099-01-01' }),
    );
    ses.verification.set('example.com', 'Success');
    ses.max24HourSend = 50_000;
    const before = (await aws.ses.mails()).length;

    const result = await check();

    const notOk = result.check.rows.filter((r) => r.status !== 'ok');
    expect(notOk).toEqual([]);
    expect(row(result, 'SNS alarm subscription')).toMatchObject({
      status: 'ok',
      found: `${ALARM_EMAIL}: confirmed`,
    });
    expect(sns.asked).toContain(TOPIC);
    expect(result.check.passed).toBe(true);
    expect(row(result, 'Devin API key expiry')?.found).toBe('expires on 2099-01-01');
    expect(row(result, 'SES sender identity')?.found).toBe(
      `${SENDER}: verified through its domain example.com`,
    );
    expect(row(result, 'Download link service')?.found).toContain('answered HTTP 404');
    expect(result.check.rows.filter((r) => r.item.startsWith('Devin v2 GET ')).length).toBeGreaterThan(2);
    expect((await aws.ses.mails()).length).toBe(before);
    expect(await bucket.keys()).toEqual([]);
  }, 120_000);

  it('finds an alarm subscription still pending confirmation, and says to confirm the email', async () => {
    sns.topics.set(TOPIC, [
      { protocol: 'email', endpoint: ALARM_EMAIL, subscriptionArn: 'PendingConfirmation' },
      // Another address's confirmed subscription does not make the alarm email's confirmed.
      { protocol: 'email', endpoint: 'someone-else@example.com', subscriptionArn: CONFIRMED },
    ]);
    const result = await check();
    expect(row(result, 'SNS alarm subscription')).toMatchObject({
      status: 'problem',
      found: `${ALARM_EMAIL}: pending confirmation, so alarms are not delivered`,
      todo: expect.stringContaining(`email sent to ${ALARM_EMAIL}`),
    });
    expect(result.check.passed).toBe(false);
  }, 120_000);

  it('finds the alarm email missing from the topic, and a topic SNS does not know', async () => {
    sns.topics.set(TOPIC, []);
    expect(row(await check(), 'SNS alarm subscription')).toMatchObject({
      status: 'problem',
      found: `${ALARM_EMAIL} is not subscribed to ${TOPIC}`,
      todo: expect.stringContaining(`aws sns subscribe --topic-arn ${TOPIC}`),
    });
    sns.topics.delete(TOPIC);
    expect(row(await check(), 'SNS alarm subscription')).toMatchObject({
      status: 'problem',
      found: expect.stringMatching(/^SNS could not be asked: .*Topic does not exist/),
    });
  }, 120_000);

  it('says "not configured" for alarmEmail none, without asking SNS', async () => {
    const asked = sns.asked.length;
    const result = await check(linkUrl, null);
    expect(row(result, 'SNS alarm subscription')).toMatchObject({
      status: 'not configured',
      found: 'alarmEmail is "none": alarms reach nobody by email',
    });
    expect(sns.asked.length).toBe(asked);
  }, 120_000);

  it('finds a link service that does not answer and a key expiring within 35 days', async () => {
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    aws.secretsManager.setSecret(API_KEY_SECRET_ID, JSON.stringify({ key: API_KEY, expiresAt: soon }));
    ses.verification.set(SENDER, 'Success');
    ses.max24HourSend = 50_000;
    const result = await check(`http://127.0.0.1:${await closedLoopbackPort()}/`);
    expect(row(result, 'Download link service')).toMatchObject({
      status: 'problem',
      found: expect.stringContaining('did not answer'),
    });
    expect(row(result, 'Devin API key expiry')).toMatchObject({
      status: 'problem',
      found: expect.stringContaining(`expires on ${soon}`),
    });
    expect(result.check.passed).toBe(false);
  }, 120_000);

  it('refuses a check combined with a run’s fields', async () => {
    const handler = await loadReportFunction(reportFunctionEnv(aws, { bucket: BUCKET, devinUrl: devin.url }));
    await expect(handler({ check: true, month: '2026-10' })).rejects.toThrow(
      /^month: "2026-10" cannot be combined with "check"/,
    );
    await expect(handler({ check: false })).rejects.toThrow(/^check: false must be true/);
  });
});
