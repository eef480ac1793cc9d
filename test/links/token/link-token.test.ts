import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkLinkToken,
  linkTokenId,
  MAX_LINK_LIFETIME_SECONDS,
  MAX_TOKEN_LENGTH,
  signLinkToken,
} from '#links/token/link-token.js';
import { parseSigningSecret } from '#links/token/signing-keys.js';

const KEYS = parseSigningSecret('current-key-0123456789-abcdefghijklmnopqrstuvwxyz');
const OLD = parseSigningSecret('previous-key-0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const ROTATED = parseSigningSecret(
  JSON.stringify({
    current: 'current-key-0123456789-abcdefghijklmnopqrstuvwxyz',
    previous: 'previous-key-0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  }),
);
const KEY = 'reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx';
const NOW = new Date('2026-11-01T06:00:00Z');
const EXPIRES = new Date('2026-12-01T06:00:00Z');

describe('link tokens', () => {
  it('round-trips the object key and the expiry, to the second', () => {
    const token = signLinkToken({ key: KEY, expiresAt: new Date(EXPIRES.getTime() + 999) }, KEYS.current);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(checkLinkToken(token, KEYS, NOW)).toEqual({
      kind: 'valid',
      claims: { key: KEY, expiresAt: EXPIRES },
      tokenId: linkTokenId(token),
    });
  });

  it('says a token is expired from its expiry second on, and still tells what it was for', () => {
    const token = signLinkToken({ key: KEY, expiresAt: EXPIRES }, KEYS.current);
    expect(checkLinkToken(token, KEYS, new Date(EXPIRES.getTime() - 1)).kind).toBe('valid');
    expect(checkLinkToken(token, KEYS, EXPIRES)).toMatchObject({ kind: 'expired', claims: { key: KEY } });
  });

  it('carries no bucket, no credentials and nothing but base64url and dots', () => {
    const token = signLinkToken({ key: KEY, expiresAt: EXPIRES }, KEYS.current);
    expect(token).not.toMatch(/[^A-Za-z0-9_.-]/);
    expect(token).not.toContain('X-Amz');
  });

  it('refuses every single-character change and every truncation', () => {
    const token = signLinkToken({ key: KEY, expiresAt: EXPIRES }, KEYS.current);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    for (let i = 0; i < token.length; i++) {
      for (const ch of [alphabet[(alphabet.indexOf(token[i] ?? 'A') + 1) % alphabet.length], '~']) {
        const changed = `${token.slice(0, i)}${ch}${token.slice(i + 1)}`;
        expect(checkLinkToken(changed, KEYS, NOW).kind, `position ${i} → ${ch}`).toBe('invalid');
      }
      expect(checkLinkToken(token.slice(0, i), KEYS, NOW).kind).toBe('invalid');
    }
  });

  it('refuses claims swapped under another token’s signature', () => {
    const a = signLinkToken({ key: KEY, expiresAt: EXPIRES }, KEYS.current).split('.');
    const b = signLinkToken({ key: 'reports/other.xlsx', expiresAt: EXPIRES }, KEYS.current).split('.');
    expect(checkLinkToken([a[0], a[1], b[2], a[3]].join('.'), KEYS, NOW)).toMatchObject({
      kind: 'invalid',
      reason: 'bad-signature',
    });
  });

  it('accepts the previous key during a rotation, and nothing signed with a key the secret no longer holds', () => {
    const old = signLinkToken({ key: KEY, expiresAt: EXPIRES }, OLD.current);
    expect(checkLinkToken(old, ROTATED, NOW).kind).toBe('valid');
    expect(checkLinkToken(old, KEYS, NOW)).toMatchObject({ kind: 'invalid', reason: 'unknown-key' });
    const current = signLinkToken({ key: KEY, expiresAt: EXPIRES }, ROTATED.current);
    expect(checkLinkToken(current, KEYS, NOW).kind).toBe('valid');
  });

  it('refuses an overlong token before any work', () => {
    expect(checkLinkToken(`v1.${'a'.repeat(MAX_TOKEN_LENGTH)}`, KEYS, NOW)).toMatchObject({
      kind: 'invalid',
      reason: 'malformed',
    });
  });

  it('names a token in logs by an id that is not the token and is stable', () => {
    const token = signLinkToken({ key: KEY, expiresAt: EXPIRES }, KEYS.current);
    expect(linkTokenId(token)).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(linkTokenId(token)).toBe(linkTokenId(token));
    expect(token).not.toContain(linkTokenId(token));
  });

  it('carries its issue time, and refuses at verification what no signer may sign', () => {
    const year = MAX_LINK_LIFETIME_SECONDS * 1000;
    const token = signLinkToken({ key: KEY, expiresAt: EXPIRES, issuedAt: NOW }, KEYS.current);
    expect(checkLinkToken(token, KEYS, NOW)).toMatchObject({
      kind: 'valid',
      claims: { key: KEY, expiresAt: EXPIRES, issuedAt: NOW },
    });
    // A full 366 days is the policy's edge, and still valid.
    const longest = signLinkToken(
      { key: KEY, expiresAt: new Date(NOW.getTime() + year), issuedAt: NOW },
      KEYS.current,
    );
    expect(checkLinkToken(longest, KEYS, NOW).kind).toBe('valid');
    // Forged with the real key (a stolen signer, a bug): claims the signer itself refuses to sign.
    const forged = (claims: Record<string, unknown>) => {
      const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
      const signed = `v1.${KEYS.current.id}.${body}`;
      return `${signed}.${createHmac('sha256', KEYS.current.secret).update(signed).digest('base64url')}`;
    };
    const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
    const cases = {
      'expires in 9999, no issue time': { k: KEY, e: seconds(new Date('9999-12-31T00:00:00Z')) },
      'expires 367 days from now, no issue time': { k: KEY, e: seconds(NOW) + 367 * 86_400 },
      'lives 367 days from its issue': {
        k: KEY,
        e: seconds(NOW) + 300 * 86_400,
        i: seconds(NOW) - 67 * 86_400,
      },
      'issued in the future': { k: KEY, e: seconds(EXPIRES), i: seconds(NOW) + 3600 },
      'issued after it expires': { k: KEY, e: seconds(NOW) + 60, i: seconds(NOW) + 120 },
    };
    for (const [label, claims] of Object.entries(cases)) {
      expect(checkLinkToken(forged(claims), KEYS, NOW), label).toMatchObject({
        kind: 'invalid',
        reason: 'out-of-policy',
      });
    }
    // The same forgery shape with in-policy claims passes, so the refusals above are the policy's.
    expect(checkLinkToken(forged({ k: KEY, e: seconds(EXPIRES), i: seconds(NOW) }), KEYS, NOW).kind).toBe(
      'valid',
    );
    // Out-of-range claim types are malformed.
    expect(checkLinkToken(forged({ k: KEY, e: 1.5 }), KEYS, NOW)).toMatchObject({ reason: 'malformed' });
    expect(checkLinkToken(forged({ k: KEY, e: seconds(EXPIRES), i: -1 }), KEYS, NOW)).toMatchObject({
      reason: 'malformed',
    });
  });

  it('refuses to sign a link for longer than 366 days or issued after its expiry', () => {
    const year = MAX_LINK_LIFETIME_SECONDS * 1000;
    expect(() =>
      signLinkToken(
        { key: KEY, expiresAt: new Date(NOW.getTime() + year + 1000), issuedAt: NOW },
        KEYS.current,
      ),
    ).toThrow(/at most 31622400 seconds/);
    expect(() => signLinkToken({ key: KEY, expiresAt: NOW, issuedAt: EXPIRES }, KEYS.current)).toThrow(
      RangeError,
    );
  });

  it('refuses to sign a link without a valid expiry', () => {
    expect(() => signLinkToken({ key: KEY, expiresAt: new Date(Number.NaN) }, KEYS.current)).toThrow(
      RangeError,
    );
  });
});
