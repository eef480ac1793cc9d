import { createHash } from 'node:crypto';
import * as z from 'zod/mini';

/** One HMAC key and the short id a token names it by. */
export interface SigningKey {
  /** 8 base64url characters derived from the key: a new value is a new id, so old tokens stop matching. */
  readonly id: string;
  readonly secret: Buffer;
}

/**
 * The keys links are signed and checked with. New links are signed with
 * `current`; links signed with either are accepted, so a rotation can keep the
 * links already mailed working until `previous` is dropped.
 */
export interface SigningKeys {
  readonly current: SigningKey;
  readonly previous?: SigningKey;
}

/** A key shorter than this is refused: 32 characters of random text is at least 160 bits. */
export const MIN_SIGNING_KEY_LENGTH = 32;

/** The signing secret's value is unusable. Never carries the value, not even in `cause`. */
export class SigningSecretFormatError extends Error {
  override readonly name = 'SigningSecretFormatError';
}

const jsonSecretSchema = z.strictObject({ current: z.string(), previous: z.optional(z.string()) });

/**
 * Reads the secret's value: either one key as plain text, or JSON
 * `{"current": "...", "previous": "..."}` (what the stack generates and what a
 * graceful rotation writes).
 */
export function parseSigningSecret(secretString: string): SigningKeys {
  const text = secretString.trim();
  if (!text.startsWith('{')) return { current: signingKey(text, 'the key') };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SigningSecretFormatError(
      'the link signing secret starts with "{" but is not valid JSON; expected {"current":"...","previous":"..."} or a plain key',
    );
  }
  const parsed = jsonSecretSchema.safeParse(json);
  if (!parsed.success) {
    throw new SigningSecretFormatError(
      'the link signing secret must be {"current":"...","previous":"..."} ("previous" optional) or a plain key',
    );
  }
  const current = signingKey(parsed.data.current.trim(), '"current"');
  const previousText = parsed.data.previous?.trim() ?? '';
  if (previousText === '') return { current };
  return { current, previous: signingKey(previousText, '"previous"') };
}

function signingKey(text: string, where: string): SigningKey {
  if (text.length < MIN_SIGNING_KEY_LENGTH) {
    throw new SigningSecretFormatError(
      `${where} of the link signing secret is ${text.length} characters long; use at least ${MIN_SIGNING_KEY_LENGTH} random characters`,
    );
  }
  return { id: signingKeyId(text), secret: Buffer.from(text, 'utf8') };
}

/** Not the key, and not reversible to it: a domain-separated hash, shortened. */
function signingKeyId(text: string): string {
  return createHash('sha256')
    .update('devin-chargeback link signing key id\0')
    .update(text)
    .digest('base64url')
    .slice(0, 8);
}
