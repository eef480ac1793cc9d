import { describe, expect, it } from 'vitest';
import { keyExpiryWarning, parseKeyExpiry } from '../../functions/core/key-expiry/key-expiry.js';

describe('key expiry', () => {
  it('reads a day or an instant with offset, and names the field and value otherwise', () => {
    expect(parseKeyExpiry('expiresAt', '2027-03-01').toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(parseKeyExpiry('expiresAt', '2027-03-01T12:00:00+02:00').toISOString()).toBe(
      '2027-03-01T10:00:00.000Z',
    );
    expect(() => parseKeyExpiry('expiresAt', '2027-02-30')).toThrow(/expiresAt: "2027-02-30" is not a date/);
    expect(() => parseKeyExpiry('expiresAt', 'soon')).toThrow(/expiresAt: "soon"/);
  });

  it('warns from 21 days before, and after', () => {
    const at = new Date('2027-03-01T00:00:00Z');
    expect(keyExpiryWarning(at, new Date('2027-02-07T00:00:00Z'))).toBeNull();
    expect(keyExpiryWarning(at, new Date('2027-02-08T00:00:00Z'))?.daysLeft).toBe(21);
    expect(keyExpiryWarning(at, new Date('2027-02-08T00:00:01Z'))?.daysLeft).toBe(20);
    expect(keyExpiryWarning(at, new Date('2027-02-28T12:00:00Z'))?.text).toMatch(
      /^The Devin key expires on 2027-03-01 \(in 0 days\)/,
    );
    expect(keyExpiryWarning(at, new Date('2027-03-02T00:00:00Z'))?.text).toMatch(/expired on 2027-03-01/);
    expect(keyExpiryWarning(null, new Date())).toBeNull();
  });
});
