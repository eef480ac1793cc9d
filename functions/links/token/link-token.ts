import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import type { SigningKey, SigningKeys } from './signing-keys.js';

/** What a link grants: one object, until one instant. */
export interface LinkClaims {
  readonly key: string;
  /** Whole seconds: the token carries epoch seconds. */
  readonly expiresAt: Date;
  /** When it was signed (whole seconds); tokens signed before it was carried have none. */
  readonly issuedAt?: Date | undefined;
}

/**
 * The longest a link may live (366 days: a year's report, leap years included). Checked when a
 * token is signed and again at every click, so a token signed by a buggy or stolen signer for
 * longer is refused all the same.
 */
export const MAX_LINK_LIFETIME_SECONDS = 366 * 24 * 3600;
/** How far ahead of the link service's clock a signer's clock may run. */
const CLOCK_SKEW_SECONDS = 300;

export type TokenRefusal = 'malformed' | 'unknown-key' | 'bad-signature' | 'out-of-policy';

export type TokenCheck =
  | { readonly kind: 'valid'; readonly claims: LinkClaims; readonly tokenId: string }
  /** Signed by us, but past its expiry: the claims can be trusted to say what it was for. */
  | { readonly kind: 'expired'; readonly claims: LinkClaims; readonly tokenId: string }
  | { readonly kind: 'invalid'; readonly reason: TokenRefusal; readonly tokenId: string };

const VERSION = 'v1';
/** Far above a real token (~120 characters): anything longer is refused before any work. */
export const MAX_TOKEN_LENGTH = 1024;
const SIGNATURE_BYTES = 32;
const TOKEN_SHAPE = /^v1\.([A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;

const claimsSchema = z.strictObject({
  k: z.string().check(z.minLength(1), z.maxLength(1024)),
  e: z.int().check(z.positive()),
  i: z.optional(z.int().check(z.positive())),
});

/**
 * `v1.<key id>.<claims>.<signature>`, all base64url: HMAC-SHA256 over the
 * first three parts under the named key. It holds an S3 key and an expiry, no
 * credentials and no bucket; without the signing key it cannot be forged.
 */
export function signLinkToken(claims: LinkClaims, key: SigningKey): string {
  const expiresSeconds = Math.floor(claims.expiresAt.getTime() / 1000);
  if (!Number.isSafeInteger(expiresSeconds) || expiresSeconds <= 0) {
    throw new RangeError(`a link needs a valid expiry, got ${String(claims.expiresAt)}`);
  }
  const issuedSeconds = claims.issuedAt && Math.floor(claims.issuedAt.getTime() / 1000);
  if (issuedSeconds !== undefined) {
    if (!Number.isSafeInteger(issuedSeconds) || issuedSeconds <= 0 || issuedSeconds >= expiresSeconds) {
      throw new RangeError(`a link must be issued before it expires, got issued ${String(claims.issuedAt)}`);
    }
    if (expiresSeconds - issuedSeconds > MAX_LINK_LIFETIME_SECONDS) {
      throw new RangeError(
        `a link lives at most ${MAX_LINK_LIFETIME_SECONDS} seconds (366 days), got ${expiresSeconds - issuedSeconds}`,
      );
    }
  }
  const payload = {
    k: claims.key,
    e: expiresSeconds,
    ...(issuedSeconds !== undefined && { i: issuedSeconds }),
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  const signed = `${VERSION}.${key.id}.${body}`;
  return `${signed}.${signature(key, signed).toString('base64url')}`;
}

/**
 * Checks a token from a URL. The signature is compared in constant time, and
 * the claims are read only once it matches, so nothing a stranger sends is
 * trusted or parsed beyond the token's fixed shape.
 */
export function checkLinkToken(token: string, keys: SigningKeys, now: Date): TokenCheck {
  const tokenId = linkTokenId(token);
  const invalid = (reason: TokenRefusal): TokenCheck => ({
    kind: 'invalid',
    reason,
    tokenId,
  });
  if (token.length > MAX_TOKEN_LENGTH) return invalid('malformed');
  const shape = TOKEN_SHAPE.exec(token);
  if (!shape) return invalid('malformed');
  const [, keyId, body, signatureText] = shape as unknown as [string, string, string, string];
  const key = [keys.current, keys.previous].find((k) => k !== undefined && k.id === keyId);
  if (!key) return invalid('unknown-key');
  const given = Buffer.from(signatureText, 'base64url');
  // The last of 43 characters carries two unused bits: only the one canonical spelling is accepted.
  if (given.toString('base64url') !== signatureText) return invalid('malformed');
  const expected = signature(key, `${VERSION}.${keyId}.${body}`);
  if (given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, expected)) return invalid('bad-signature');

  const claims = readClaims(body);
  // Only a bug of ours could sign claims that do not parse; refusing is still the safe answer.
  if (!claims) return invalid('malformed');
  if (!withinPolicy(claims, now)) return invalid('out-of-policy');
  return claims.expiresAt.getTime() <= now.getTime()
    ? { kind: 'expired', claims, tokenId }
    : { kind: 'valid', claims, tokenId };
}

/**
 * What the access log records instead of the token: a hash prefix that tells
 * one link's clicks from another's, and cannot be turned back into a link.
 */
export function linkTokenId(token: string): string {
  return createHash('sha256').update(token).digest('base64url').slice(0, 12);
}

/**
 * The signer's cap, enforced again here: no link lives beyond 366 days from its issue, and since a
 * link is never issued in the future, none expires more than 366 days from now either (which also
 * holds for tokens signed before they carried their issue time).
 */
function withinPolicy(claims: LinkClaims, now: Date): boolean {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const expires = claims.expiresAt.getTime() / 1000;
  if (expires > nowSeconds + MAX_LINK_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) return false;
  if (claims.issuedAt === undefined) return true;
  const issued = claims.issuedAt.getTime() / 1000;
  return (
    issued <= nowSeconds + CLOCK_SKEW_SECONDS &&
    issued < expires &&
    expires - issued <= MAX_LINK_LIFETIME_SECONDS
  );
}

function signature(key: SigningKey, signed: string): Buffer {
  return createHmac('sha256', key.secret).update(signed).digest();
}

function readClaims(body: string): LinkClaims | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = claimsSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { k, e, i } = parsed.data;
  return { key: k, expiresAt: new Date(e * 1000), ...(i !== undefined && { issuedAt: new Date(i * 1000) }) };
}
