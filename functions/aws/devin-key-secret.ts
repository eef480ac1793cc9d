import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { DevinKeySecretError, describeError } from './aws-errors.js';

const jsonSecretSchema = z.object({ apiKey: z.string() });

/**
 * Reads the Devin API key from Secrets Manager once per container: the value
 * is either the key itself or JSON `{"apiKey": "..."}`. A failed read is not
 * cached, so the next invocation tries again.
 *
 * No message built here contains the secret, and no error that might quote it
 * (JSON.parse and zod both echo their input) is passed on as a cause.
 */
export function createDevinKeyReader(client: SecretsManagerClient, secretId: string): () => Promise<string> {
  let cached: Promise<string> | undefined;
  return () => {
    if (!cached) {
      cached = readDevinKey(client, secretId);
      cached.catch(() => {
        cached = undefined;
      });
    }
    return cached;
  };
}

async function readDevinKey(client: SecretsManagerClient, secretId: string): Promise<string> {
  let secretString: string | undefined;
  try {
    secretString = (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
  } catch (error) {
    // Access denied or throttling is not fixed by setting a value: the hint is only for a missing one.
    const message =
      error instanceof ResourceNotFoundException
        ? `The Devin API key secret ${secretId} has no value (or does not exist). ${howToSet(secretId)}`
        : `The Devin API key secret ${secretId} could not be read: ${describeError(error)}`;
    throw new DevinKeySecretError(message, { secretId }, { cause: error });
  }
  const key = devinKeyFrom(secretString ?? '');
  if (key === undefined) {
    throw new DevinKeySecretError(
      `The Devin API key secret ${secretId} is empty or not in a known form: expected the key itself or JSON {"apiKey": "..."}. ${howToSet(secretId)}`,
      { secretId },
    );
  }
  return key;
}

/** The key from either form; undefined when there is none. Pasted keys often end in a newline. */
function devinKeyFrom(secretString: string): string | undefined {
  const text = secretString.trim();
  if (!text.startsWith('{')) return text === '' ? undefined : text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = jsonSecretSchema.safeParse(json);
  const key = parsed.success ? parsed.data.apiKey.trim() : '';
  return key === '' ? undefined : key;
}

function howToSet(secretId: string): string {
  return `Set it with: aws secretsmanager put-secret-value --secret-id '${secretId}' --secret-string 'cog_...' (a service user's key; an Enterprise Admin's apk_user_... key still works on v2)`;
}
