/** SigV4 refuses presigned URLs valid for more than seven days. */
export const SIGV4_MAX_LINK_SECONDS = 7 * 24 * 60 * 60;

/**
 * Headroom before the signing credentials expire: a link signed by a role
 * session dies with that session, and the SDK swaps credentials shortly
 * (five minutes) before they expire.
 */
export const CREDENTIALS_SAFETY_SECONDS = 5 * 60;

/**
 * How long a presigned link really works: the configured time, capped by
 * SigV4's maximum and by the signing credentials' own expiry. Returns 0 when
 * the credentials leave no usable time.
 */
export function downloadLinkLifetimeSeconds(params: {
  readonly ttlSeconds: number;
  readonly signedAt: Date;
  readonly credentialsExpireAt: Date | undefined;
}): number {
  const { ttlSeconds, signedAt, credentialsExpireAt } = params;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`a link's lifetime must be a positive whole number of seconds, got ${ttlSeconds}`);
  }
  let lifetime = Math.min(ttlSeconds, SIGV4_MAX_LINK_SECONDS);
  if (credentialsExpireAt !== undefined) {
    const credentialsLeft = Math.floor((credentialsExpireAt.getTime() - signedAt.getTime()) / 1000);
    lifetime = Math.min(lifetime, credentialsLeft - CREDENTIALS_SAFETY_SECONDS);
  }
  return Math.max(lifetime, 0);
}
