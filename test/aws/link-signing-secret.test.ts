import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSigningKeysReader,
  LinkSigningSecretError,
  SIGNING_KEYS_MAX_AGE_MS,
} from '#aws/link-signing-secret.js';
import { type FakeSecretsManager, startFakeSecretsManager } from '../support/aws-secrets-manager-fake.js';

const KEY_A = 'key-a-0123456789-abcdefghijklmnopqrstuvwxyz';
const KEY_B = 'key-b-0123456789-abcdefghijklmnopqrstuvwxyz';

let fake: FakeSecretsManager;
let client: SecretsManagerClient;

beforeAll(async () => {
  fake = await startFakeSecretsManager();
  client = new SecretsManagerClient({
    endpoint: fake.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});

afterAll(async () => {
  client.destroy();
  await fake.close();
});

describe('createSigningKeysReader', () => {
  it('reads the keys once per max age, and again after it or when the clock went back', async () => {
    fake.setSecret('links/a', JSON.stringify({ current: KEY_A }));
    let now = new Date('2026-11-01T00:00:00Z');
    const read = createSigningKeysReader(client, 'links/a', { now: () => now });
    const before = fake.getSecretValueCalls();
    const first = await read();
    await read();
    expect(fake.getSecretValueCalls()).toBe(before + 1);

    fake.setSecret('links/a', KEY_B);
    now = new Date(now.getTime() + SIGNING_KEYS_MAX_AGE_MS - 1);
    expect((await read()).current.id).toBe(first.current.id);
    now = new Date(now.getTime() + 1);
    expect((await read()).current.id).not.toBe(first.current.id);
    now = new Date('2026-10-31T00:00:00Z');
    await read();
    expect(fake.getSecretValueCalls()).toBe(before + 3);
  });

  it('reads every time with max age 0, as the report function does', async () => {
    fake.setSecret('links/b', KEY_A);
    const read = createSigningKeysReader(client, 'links/b', { maxAgeMs: 0 });
    const before = fake.getSecretValueCalls();
    await read();
    await read();
    expect(fake.getSecretValueCalls()).toBe(before + 2);
  });

  it('does not cache a failure, and never puts the value in the error', async () => {
    fake.setSecret('links/c', 'short-value');
    const read = createSigningKeysReader(client, 'links/c');
    const error = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkSigningSecretError);
    expect((error as Error).message).toContain('links/c');
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('short-value');
    fake.setSecret('links/c', KEY_A);
    expect((await read()).current.secret.toString()).toBe(KEY_A);
  });

  it('says when the secret has no value', async () => {
    await expect(createSigningKeysReader(client, 'links/missing')()).rejects.toThrow(
      /links\/missing has no value/,
    );
  });
});
