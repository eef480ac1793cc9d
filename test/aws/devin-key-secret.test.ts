import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevinKeySecretError } from '../../functions/aws/aws-errors.js';
import { createDevinKeyReader } from '../../functions/aws/devin-key-secret.js';
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

async function failureOf(read: () => Promise<string>): Promise<unknown> {
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
      "aws secretsmanager put-secret-value --secret-id 'devin/empty' --secret-string 'cog_...' (a service user's key",
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

  it('never shows the secret when the JSON lacks an apiKey', async () => {
    emulators.secretsManager.setSecret('devin/wrong-field', '{"key": "apk_user_TOPSECRET000"}');

    const failure = await failureOf(createDevinKeyReader(client, 'devin/wrong-field'));

    expect(failure).toBeInstanceOf(DevinKeySecretError);
    expect(everythingShown(failure)).not.toContain('TOPSECRET000');
  });
});
