import { describe, expect, it } from 'vitest';
import { devinKeyRows, isDevinKeyShape } from '#core/check/devin-key-rows.js';

const NOW = new Date('2026-12-07T12:00:00Z');
const ID = 'devin-chargeback/api-key';

describe('devinKeyRows', () => {
  it('tells a Devin key from the random placeholder the stack writes', () => {
    expect(isDevinKeyShape('cog_abc123')).toBe(true);
    expect(isDevinKeyShape('apk_user_abc123')).toBe(true);
    expect(isDevinKeyShape('Xr7#kP2$wQ9!mZ4&vB6*nT1(yH8)cL3^')).toBe(false);
    expect(isDevinKeyShape('cog_ with a space')).toBe(false);
  });

  it('warns from 35 days before expiry, and not at 36', () => {
    const at = (days: number) =>
      devinKeyRows(
        ID,
        { kind: 'read', key: 'cog_k', expiresAt: new Date(NOW.getTime() + days * 86_400_000) },
        NOW,
      )[1]?.status;
    expect(at(36)).toBe('ok');
    expect(at(35)).toBe('problem');
    expect(at(-1)).toBe('problem');
  });

  it('says the expiry is not recorded, and how to record it', () => {
    const [key, expiry] = devinKeyRows(ID, { kind: 'read', key: 'apk_user_k', expiresAt: null }, NOW);
    expect(key).toMatchObject({ status: 'ok', found: `${ID} holds an apk_ (v2) key` });
    expect(expiry).toMatchObject({ status: 'not checked', found: 'not recorded in the secret' });
    expect(expiry?.todo).toContain('"expiresAt":"YYYY-MM-DD"');
  });

  it('passes on why an unreadable secret could not be read', () => {
    const [key] = devinKeyRows(ID, { kind: 'unreadable', reason: 'AccessDenied' }, NOW);
    expect(key).toMatchObject({ status: 'problem', found: 'AccessDenied' });
  });
});
