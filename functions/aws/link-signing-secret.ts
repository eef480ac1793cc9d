import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { parseSigningSecret, type SigningKeys, SigningSecretFormatError } from '#links/token/signing-keys.js';
import { describeError } from './aws-errors.js';

/**
 * How long a container trusts the keys it read. A new secret value (a
 * revocation) therefore takes effect within this time everywhere, while a
 * burst of clicks costs one Secrets Manager call.
 */
export const SIGNING_KEYS_MAX_AGE_MS = 5 * 60_000;

/** The link signing secret could not be read or parsed. Never carries the secret's value. */
export class LinkSigningSecretError extends Error {
  override readonly name = 'LinkSigningSecretError';
  readonly secretId: string;

  constructor(message: string, context: { secretId: string }, options?: { cause?: unknown }) {
    super(message, options);
    this.secretId = context.secretId;
  }
}

/**
 * Reads the link signing keys from Secrets Manager, cached for `maxAgeMs`
 * (default SIGNING_KEYS_MAX_AGE_MS) by the given clock; a clock that went
 * back also re-reads. A failed read is not cached.
 */
export function createSigningKeysReader(
  client: SecretsManagerClient,
  secretId: string,
  options: { readonly now?: () => Date; readonly maxAgeMs?: number } = {},
): () => Promise<SigningKeys> {
  const now = options.now ?? (() => new Date());
  const maxAgeMs = options.maxAgeMs ?? SIGNING_KEYS_MAX_AGE_MS;
  let cached: { keys: Promise<SigningKeys>; readAt: number } | undefined;
  return () => {
    const at = now().getTime();
    if (!cached || at - cached.readAt >= maxAgeMs || at < cached.readAt) {
      const entry = { keys: readSigningKeys(client, secretId), readAt: at };
      cached = entry;
      entry.keys.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.keys;
  };
}

async function readSigningKeys(client: SecretsManagerClient, secretId: string): Promise<SigningKeys> {
  let secretString: string | undefined;
  try {
    secretString = (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
  } catch (error) {
    const message =
      error instanceof ResourceNotFoundException
        ? `The link signing secret ${secretId} has no value (or does not exist)`
        : `The link signing secret ${secretId} could not be read: ${describeError(error)}`;
    throw new LinkSigningSecretError(message, { secretId }, { cause: error });
  }
  try {
    return parseSigningSecret(secretString ?? '');
  } catch (error) {
    // The format error's own message names no value; anything else is not passed on, in case it quotes one.
    const reason = error instanceof SigningSecretFormatError ? error.message : 'it could not be parsed';
    throw new LinkSigningSecretError(`The link signing secret ${secretId} is unusable: ${reason}`, {
      secretId,
    });
  }
}
