import { landingUrl } from './link-paths.js';
import { signLinkToken } from './token/link-token.js';
import type { SigningKeys } from './token/signing-keys.js';

/** A link to the link service's landing page for one object, and the instant it stops working. */
export interface DurableLink {
  readonly url: string;
  readonly expiresAt: Date;
}

/**
 * Signs a link that outlives any AWS credentials: it is checked by the link
 * service at each click, which only then presigns a short S3 URL. `now` is
 * the run's time, which the email counts the link's lifetime from.
 */
export function createDurableLink(params: {
  readonly baseUrl: string;
  readonly key: string;
  readonly ttlSeconds: number;
  readonly now: Date;
  readonly keys: SigningKeys;
}): DurableLink {
  const { ttlSeconds } = params;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`a link's lifetime must be a positive whole number of seconds, got ${ttlSeconds}`);
  }
  // Rounded up to the second the token holds, so a 30-day link reads "30 days" from `now`, not 29 days 23 hours.
  const expiresAt = new Date(Math.ceil((params.now.getTime() + ttlSeconds * 1000) / 1000) * 1000);
  const issuedAt = new Date(Math.floor(params.now.getTime() / 1000) * 1000);
  const token = signLinkToken({ key: params.key, expiresAt, issuedAt }, params.keys.current);
  return { url: landingUrl(params.baseUrl, token), expiresAt };
}
