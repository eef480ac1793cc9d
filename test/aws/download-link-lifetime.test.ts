import { describe, expect, it } from 'vitest';
import {
  CREDENTIALS_SAFETY_SECONDS,
  downloadLinkLifetimeSeconds,
  SIGV4_MAX_LINK_SECONDS,
} from '#aws/download-link-lifetime.js';

const signedAt = new Date('2026-11-01T06:00:00Z');
const inSeconds = (seconds: number) => new Date(signedAt.getTime() + seconds * 1000);

describe('downloadLinkLifetimeSeconds', () => {
  it('is the configured time when nothing shorter applies', () => {
    expect(
      downloadLinkLifetimeSeconds({ ttlSeconds: 86_400, signedAt, credentialsExpireAt: undefined }),
    ).toBe(86_400);
  });

  it('never exceeds the seven days SigV4 allows', () => {
    expect(
      downloadLinkLifetimeSeconds({ ttlSeconds: 30 * 86_400, signedAt, credentialsExpireAt: undefined }),
    ).toBe(SIGV4_MAX_LINK_SECONDS);
  });

  it('ends before the signing credentials do, with headroom', () => {
    expect(
      downloadLinkLifetimeSeconds({
        ttlSeconds: SIGV4_MAX_LINK_SECONDS,
        signedAt,
        credentialsExpireAt: inSeconds(3600),
      }),
    ).toBe(3600 - CREDENTIALS_SAFETY_SECONDS);
  });

  it('keeps the configured time when the credentials outlive it', () => {
    expect(
      downloadLinkLifetimeSeconds({ ttlSeconds: 600, signedAt, credentialsExpireAt: inSeconds(12 * 3600) }),
    ).toBe(600);
  });

  it('is 0 for credentials that are about to expire or already have', () => {
    expect(
      downloadLinkLifetimeSeconds({ ttlSeconds: 600, signedAt, credentialsExpireAt: inSeconds(60) }),
    ).toBe(0);
    expect(
      downloadLinkLifetimeSeconds({ ttlSeconds: 600, signedAt, credentialsExpireAt: inSeconds(-60) }),
    ).toBe(0);
  });

  it('refuses a lifetime that is not a positive whole number of seconds', () => {
    for (const ttlSeconds of [0, -1, 1.5, Number.NaN]) {
      expect(() =>
        downloadLinkLifetimeSeconds({ ttlSeconds, signedAt, credentialsExpireAt: undefined }),
      ).toThrow(RangeError);
    }
  });
});
