import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevinKeySecretError } from '#aws/aws-errors.js';
import { createDevinKeyReader, createDevinKeySecretReader } from '#aws/devin-key-secret.js';
import { type AwsEmulators, startAwsEmulators } from '../support/aws-emulators.js';
import { useAwsEnv } from '../support/aws-env.js';
import { closedLoopbackPort } from '../support/aws-loopback.js';

let emulators: AwsEmulators;
let restoreEnv: () => void;
let client: SecretsManagerClient;

beforeAll(async () => {
  emulators = await startAwsEmulators();
  restoreEnv = useAwsEnv(emulators.env);
  client = new SecretsManagerClient({});
});

afterAll(async () => {
  client?.destroy();
  restoreEnv?.();
  await emulators?.stop();
});

/** Everything an error could show in a log: messages, stacks and own fields, down the cause chain. */
function everythingShown(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    parts.push(current.message, current.stack ?? '', JSON.stringify(current), String(current));
    current = current.cause;
  }
  parts.push(String(current));
  return parts.join('\n');
}

async function failureOf(read: () => Promise<unknown>): Promise<unknown> {
  return read().then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('createDevinKeyReader', () => {
  it('reads a plain key, without the newline a paste leaves', async () => {
    emulators.secretsManager.setSecret('devin/plain', 'apk_user_plain123\n');

    expect(await createDevinKeyReader(client, 'devin/plain')()).toBe('apk_user_plain123');
  });

  it('reads the apiKey field of a JSON secret', async () => {
    emulators.secretsManager.setSecret(
      'devin/json',
      '{"apiKey": "apk_user_json456", "note": "rotated 2026-10"}',
    );

    expect(await createDevinKeyReader(client, 'devin/json')()).toBe('apk_user_json456');
  });

  it('reads {"key", "expiresAt"}: the key and the expiry the operator recorded', async () => {
    emulators.secretsManager.setSecret('devin/expiring', '{"key":"cog_expiring","expiresAt":"2027-03-01"}');
    const secret = await createDevinKeySecretReader(client, 'devin/expiring')();
    expect(secret).toEqual({ key: 'cog_expiring', expiresAt: new Date('2027-03-01T00:00:00Z') });
    expect(await createDevinKeyReader(client, 'devin/expiring')()).toBe('cog_expiring');
    emulators.secretsManager.setSecret('devin/plain-expiry', 'cog_plain');
    expect(await createDevinKeySecretReader(client, 'devin/plain-expiry')()).toEqual({
      key: 'cog_plain',
      expiresAt: null,
    });
  });

  it('names the field, never the value, when expiresAt is not a date', async () => {
    emulators.secretsManager.setSecret(
      'devin/bad-expiry',
      '{"key":"cog_SECRET_bad","expiresAt":"next march"}',
    );
    const failure = await failureOf(createDevinKeySecretReader(client, 'devin/bad-expiry'));
    expect(failure).toBeInstanceOf(DevinKeySecretError);
    expect((failure as Error).message).toMatch(/expiresAt that is not a date/);
    expect((failure as Error).message).not.toContain('cog_SECRET_bad');
  });

  it('asks Secrets Manager once per container, however often and concurrently it is called', async () => {
    emulators.secretsManager.setSecret('devin/cached', 'apk_user_cached');
    const readKey = createDevinKeyReader(client, 'devin/cached');
    const before = emulators.secretsManager.getSecretValueCalls();

    const keys = await Promise.all([readKey(), readKey()]);
    keys.push(await readKey());

    expect(keys).toEqual(['apk_user_cached', 'apk_user_cached', 'apk_user_cached']);
    expect(emulators.secretsManager.getSecretValueCalls() - before).toBe(1);
  });

  it('explains how to set an empty secret', async () => {
    emulators.secretsManager.setSecret('devin/empty', '  \n');

    const failure = await failureOf(createDevinKeyReader(client, 'devin/empty'));

    expect(failure).toBeInstanceOf(DevinKeySecretError);
    expect(failure).toMatchObject({ secretId: 'devin/empty' });
    expect((failure as Error).message).toContain(
      `aws secretsmanager put-secret-value --secret-id 'devin/empty' --secret-string '{"key":"cog_...","expiresAt":"YYYY-MM-DD"}' (a service user's key`,
    );
  });

  it('explains how to set a secret that has no value yet, and reads it once it is set', async () => {
    emulators.secretsManager.setSecret('devin/unset', undefined);
    const readKey = createDevinKeyReader(client, 'devin/unset');

    const failure = await failureOf(readKey);
    expect(failure).toBeInstanceOf(DevinKeySecretError);
    expect((failure as Error).message).toMatch(/has no value.*put-secret-value/);

    emulators.secretsManager.setSecret('devin/unset', 'apk_user_now_set');
    expect(await readKey()).toBe('apk_user_now_set');
  });

  it('says why the read failed, without the "set it" hint, when the service cannot be reached', async () => {
    const down = new SecretsManagerClient({
      endpoint: `http://127.0.0.1:${await closedLoopbackPort()}`,
      maxAttempts: 1,
    });
    try {
      const failure = await failureOf(createDevinKeyReader(down, 'devin/any'));

      expect(failure).toBeInstanceOf(DevinKeySecretError);
      expect((failure as Error).message).toMatch(/could not be read: .*ECONNREFUSED/);
      expect((failure as Error).message).not.toContain('put-secret-value');
    } finally {
      down.destroy();
    }
  });

  it('never shows the secret in an error, even when the secret is broken JSON', async () => {
    const secret = '{"apiKey": apk_user_TOPSECRET789}';
    emulators.secretsManager.setSecret('devin/broken', secret);

    const failure = await failureOf(createDevinKeyReader(client, 'devin/broken'));

    expect(failure).toBeInstanceOf(DevinKeySecretError);
    expect(everythingShown(failure)).not.toContain('TOPSECRET789');
    expect((failure as Error).message).toContain('{"apiKey": "..."}');
  });

  it('never shows the secret when the JSON has neither key nor apiKey', async () => {
    emulators.secretsManager.setSecret('devin/wrong-field', '{"token": "apk_user_TOPSECRET000"}');

    const failure = await failureOf(createDevinKeyReader(client, 'devin/wrong-field'));

    expect(failure).toBeInstanceOf(DevinKeySecretError);
    expect(everythingShown(failure)).not.toContain('TOPSECRET000');
  });
});
