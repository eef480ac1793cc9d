import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { parseKeyExpiry } from '#core/key-expiry/key-expiry.js';
import { DevinKeySecretError, describeError } from './aws-errors.js';

// `key` with `expiresAt` (issue 19) or the older `apiKey`: both forms keep working.
const jsonSecretSchema = z.union([
  z.object({ key: z.string(), expiresAt: z.string().optional() }),
  z.object({ apiKey: z.string(), expiresAt: z.string().optional() }),
]);

/** The secret's content: the key, and when the operator says it expires (null: not recorded). */
export interface DevinKeySecret {
  readonly key: string;
  readonly expiresAt: Date | null;
}

/**
 * Reads the Devin API key from Secrets Manager once per container: the value
 * is either the key itself or JSON `{"apiKey": "..."}`. A failed read is not
 * cached, so the next invocation tries again.
 *
 * No message built here contains the secret, and no error that might quote it
 * (JSON.parse and zod both echo their input) is passed on as a cause.
 */
export function createDevinKeyReader(client: SecretsManagerClient, secretId: string): () => Promise<string> {
  const read = createDevinKeySecretReader(client, secretId);
  return () => read().then((secret) => secret.key);
}

/** The key with its recorded expiry (`{"key": "cog_…", "expiresAt": "2027-03-01"}`), cached like the key. */
export function createDevinKeySecretReader(
  client: SecretsManagerClient,
  secretId: string,
): () => Promise<DevinKeySecret> {
  let cached: Promise<DevinKeySecret> | undefined;
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

async function readDevinKey(client: SecretsManagerClient, secretId: string): Promise<DevinKeySecret> {
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
  const secret = devinKeyFrom(secretString ?? '');
  if (secret === undefined) {
    throw new DevinKeySecretError(
      `The Devin API key secret ${secretId} is empty or not in a known form: expected the key itself or JSON {"key": "...", "expiresAt": "YYYY-MM-DD"} (or the older {"apiKey": "..."}). ${howToSet(secretId)}`,
      { secretId },
    );
  }
  if (secret === 'bad-expiry') {
    throw new DevinKeySecretError(
      `The Devin API key secret ${secretId} has an expiresAt that is not a date: write it as YYYY-MM-DD (e.g. "2027-03-01"). ${howToSet(secretId)}`,
      { secretId },
    );
  }
  return secret;
}

/** The key from either form; undefined when there is none. Pasted keys often end in a newline. */
function devinKeyFrom(secretString: string): DevinKeySecret | 'bad-expiry' | undefined {
  const text = secretString.trim();
  if (!text.startsWith('{')) return text === '' ? undefined : { key: text, expiresAt: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = jsonSecretSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const key = ('key' in parsed.data ? parsed.data.key : parsed.data.apiKey).trim();
  if (key === '') return undefined;
  const expiresText = parsed.data.expiresAt?.trim();
  if (expiresText === undefined || expiresText === '') return { key, expiresAt: null };
  try {
    // The value is never quoted: an error here says only that the date is wrong.
    return { key, expiresAt: parseKeyExpiry('expiresAt', expiresText) };
  } catch {
    return 'bad-expiry';
  }
}

function howToSet(secretId: string): string {
  return `Set it with: aws secretsmanager put-secret-value --secret-id '${secretId}' --secret-string '{"key":"cog_...","expiresAt":"YYYY-MM-DD"}' (a service user's key and its expiry; a plain key still works, and an Enterprise Admin's apk_user_... key still works on v2)`;
}
