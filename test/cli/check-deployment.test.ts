// `npm run check-deployment`: the deployment check from a laptop, against the AWS emulators (SES
// behind the proxy that answers identity and quota reads) and the fake Devin API.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheckDeploymentCli } from '#cli/run-check-deployment-cli.js';
import type { CheckRow } from '#core/check/check-row.js';
import { type FakeDevinApi, startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { type AwsEmulators, startAwsEmulators } from '../support/aws-emulators.js';
import { useAwsEnv } from '../support/aws-env.js';
import { type SesIdentityProxy, startSesIdentityProxy } from '../support/aws-ses-identity-proxy.js';
import { type SnsFake, startSnsFake } from '../support/aws-sns-fake.js';

const KEY = 'apk_user_check_deployment_cli_key_1234567890';
const SECRET_ID = 'devin-chargeback/api-key';
const NOW = new Date('2026-12-07T12:00:00Z');

let aws: AwsEmulators;
let ses: SesIdentityProxy;
let devin: FakeDevinApi;
let restoreEnv: () => void;
let sns: SnsFake;
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:chargeback-alarms';

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCheckDeploymentCli(argv, {
    env,
    now: () => NOW,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

const flags = () => [
  '--secret-id',
  SECRET_ID,
  '--sender',
  'reports@example.com',
  '--recipients',
  'finance@example.com',
  '--devin-url',
  devin.url,
];

describe('npm run check-deployment', () => {
  beforeAll(async () => {
    aws = await startAwsEmulators();
    ses = await startSesIdentityProxy(aws.ses.endpoint);
    sns = await startSnsFake();
    devin = await startFakeDevinApi({
      apiKey: KEY,
      data: generateDataset({
        seed: 9,
        sessions: 30,
        from: new Date('2026-11-01T00:00:00Z'),
        to: new Date('2026-12-01T00:00:00Z'),
      }),
    });
    restoreEnv = useAwsEnv({
      ...aws.env,
      AWS_ENDPOINT_URL_SES: ses.endpoint,
      AWS_ENDPOINT_URL_SNS: sns.endpoint,
    });
  }, 60_000);

  afterAll(async () => {
    restoreEnv?.();
    await devin?.close();
    await ses?.close();
    await sns?.close();
    await aws?.stop();
  });

  it('prints a problem row for the placeholder secret and exits 1, sending nothing', async () => {
    aws.secretsManager.setSecret(SECRET_ID, 'Xr7#kP2$wQ9!mZ4&vB6*nT1(yH8)cL3^');
    ses.verification.set('reports@example.com', 'Success');
    ses.max24HourSend = 50_000;
    const { code, stdout } = await cli(flags());
    expect(code).toBe(1);
    const line = stdout.split('\n').find((l) => l.includes('Devin API key secret')) ?? '';
    expect(line).toMatch(/^problem\s+Devin API key secret\s+.*placeholder.*put-secret-value/);
    expect(stdout).toMatch(/^ok\s+SES sender identity/m);
    expect(stdout).toContain('Deployment check found 1 problem: nothing was sent to finance.');
    expect(await aws.ses.mails()).toEqual([]);
  }, 60_000);

  it('gives {passed: true} in --json for a good setup, the flags read from the function’s variables', async () => {
    aws.secretsManager.setSecret(SECRET_ID, JSON.stringify({ key: KEY, expiresAt: '2027-06-30' }));
    const { code, stdout } = await cli(['--json'], {
      DEVIN_API_KEY_SECRET: SECRET_ID,
      EMAIL_SENDER: 'reports@example.com',
      EMAIL_RECIPIENTS: 'finance@example.com',
      DEVIN_API_URL: devin.url,
    });
    const printed = JSON.parse(stdout) as { passed: boolean; rows: CheckRow[] };
    expect(printed.passed).toBe(true);
    expect(code).toBe(0);
    expect(printed.rows.find((r) => r.item === 'Devin API key expiry')?.found).toBe('expires on 2027-06-30');
    // No link service given: nothing to ask, said so.
    expect(printed.rows.find((r) => r.item === 'Download link service')?.status).toBe('not checked');
    expect(await aws.ses.mails()).toEqual([]);
  }, 60_000);

  it('asks the alarm topic given by --alarm-topic whether --alarm-email confirmed', async () => {
    aws.secretsManager.setSecret(SECRET_ID, JSON.stringify({ key: KEY, expiresAt: '2027-06-30' }));
    ses.verification.set('example.com', 'Success');
    ses.max24HourSend = 50_000;
    sns.topics.set(TOPIC, [
      { protocol: 'email', endpoint: 'oncall@example.com', subscriptionArn: 'PendingConfirmation' },
    ]);
    const alarm = ['--alarm-topic', TOPIC, '--alarm-email', 'oncall@example.com'];
    const pending = await cli([...flags(), ...alarm]);
    expect(pending.code).toBe(1);
    expect(pending.stdout).toMatch(
      /^problem\s+SNS alarm subscription\s+oncall@example.com: pending confirmation/m,
    );
    sns.topics.set(TOPIC, [
      { protocol: 'email', endpoint: 'oncall@example.com', subscriptionArn: `${TOPIC}:1` },
    ]);
    const confirmed = await cli([...flags(), ...alarm]);
    expect(confirmed.stdout).toMatch(/^ok\s+SNS alarm subscription\s+oncall@example.com: confirmed/m);
    expect(confirmed.code).toBe(0);
    const none = await cli([...flags(), '--alarm-topic', TOPIC, '--alarm-email', 'none']);
    expect(none.stdout).toMatch(/^not configured\s+SNS alarm subscription/m);
    const missing = await cli([...flags(), '--alarm-topic', TOPIC]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--alarm-email: is required with --alarm-topic');
  }, 60_000);

  it('exits 2 naming the flag when a setting is missing or wrong', async () => {
    const missing = await cli(['--sender', 'reports@example.com', '--recipients', 'finance@example.com']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      '--secret-id: is required: the stack output ApiKeySecretId (DEVIN_API_KEY_SECRET)',
    );
    const wrong = await cli([...flags(), '--recipients', 'not-an-address']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--recipients: "not-an-address"');
  });
});
