import { describe, expect, it } from 'vitest';
import { describeLinkExpiry } from '#email/link-expiry.js';
import { createDurableLink } from '#links/durable-link.js';
import { parseLinkPath } from '#links/link-paths.js';
import { checkLinkToken } from '#links/token/link-token.js';
import { parseSigningSecret } from '#links/token/signing-keys.js';

const KEYS = parseSigningSecret(JSON.stringify({ current: 'k'.repeat(40), previous: 'p'.repeat(40) }));
const BASE = 'https://abc.lambda-url.eu-west-1.on.aws/';

describe('createDurableLink', () => {
  it('links to the landing page with a token for the key, signed with the current key', () => {
    const now = new Date('2026-11-01T06:00:12.345Z');
    const link = createDurableLink({
      baseUrl: BASE,
      key: 'reports/x.xlsx',
      ttlSeconds: 30 * 86_400,
      now,
      keys: KEYS,
    });
    const route = parseLinkPath(new URL(link.url).pathname);
    if (route.kind !== 'landing') throw new Error(`not a landing URL: ${link.url}`);
    expect(link.url.startsWith(`${BASE}r/v1.${KEYS.current.id}.`)).toBe(true);
    expect(checkLinkToken(route.token, KEYS, now)).toMatchObject({
      kind: 'valid',
      claims: { key: 'reports/x.xlsx', expiresAt: link.expiresAt },
    });
    // Rounded up to the second, so the email says exactly "30 days".
    expect(link.expiresAt.toISOString()).toBe('2026-12-01T06:00:13.000Z');
    expect(describeLinkExpiry(link.expiresAt, now)).toBe(
      'This link works until 1 December 2026, 06:00 UTC (30 days).',
    );
  });

  it('refuses a lifetime that is not a positive whole number of seconds', () => {
    for (const ttlSeconds of [0, -1, 1.5]) {
      expect(() =>
        createDurableLink({ baseUrl: BASE, key: 'k', ttlSeconds, now: new Date(), keys: KEYS }),
      ).toThrow(RangeError);
    }
  });
});
