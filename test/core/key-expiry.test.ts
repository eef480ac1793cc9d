import { describe, expect, it } from 'vitest';
import { keyExpiryWarning, parseKeyExpiry } from '#core/key-expiry/key-expiry.js';

describe('key expiry', () => {
  it('reads a day or an instant with offset, and names the field and value otherwise', () => {
    expect(parseKeyExpiry('expiresAt', '2027-03-01').toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(parseKeyExpiry('expiresAt', '2027-03-01T12:00:00+02:00').toISOString()).toBe(
      '2027-03-01T10:00:00.000Z',
    );
    expect(() => parseKeyExpiry('expiresAt', '2027-02-30')).toThrow(/expiresAt: "2027-02-30" is not a date/);
    expect(() => parseKeyExpiry('expiresAt', 'soon')).toThrow(/expiresAt: "soon"/);
  });

  it('warns from 35 days before, and after', () => {
    const at = new Date('2027-03-01T00:00:00Z');
    expect(keyExpiryWarning(at, new Date('2027-01-24T00:00:00Z'))).toBeNull();
    expect(keyExpiryWarning(at, new Date('2027-01-25T00:00:00Z'))?.daysLeft).toBe(35);
    expect(keyExpiryWarning(at, new Date('2027-01-25T00:00:01Z'))?.daysLeft).toBe(34);
    expect(keyExpiryWarning(at, new Date('2027-02-28T12:00:00Z'))?.text).toMatch(
      /^The Devin key expires on 2027-03-01 \(in 0 days\)/,
    );
    expect(keyExpiryWarning(at, new Date('2027-03-02T00:00:00Z'))?.text).toMatch(/expired on 2027-03-01/);
    expect(keyExpiryWarning(null, new Date())).toBeNull();
  });

  it('warns 34 days before: a key expiring on 25 March is named by the 1 March run', () => {
    const at = new Date('2027-03-25T00:00:00Z');
    expect(keyExpiryWarning(at, new Date('2027-02-19T00:00:00Z'))?.daysLeft).toBe(34);
    expect(keyExpiryWarning(at, new Date('2027-03-01T06:00:00Z'))?.daysLeft).toBe(23);
  });

  it('every expiry is warned about by a monthly run before the run it would fail', () => {
    // The schedule's runs: the 1st of each month of 2027 and 2028 (31-day gaps included).
    const runs = Array.from({ length: 25 }, (_, i) => new Date(Date.UTC(2027, i, 1, 14)));
    for (let day = 0; day < 700; day += 1) {
      const expiresAt = new Date(Date.UTC(2027, 0, 2 + day));
      const failing = runs.findIndex((run) => run >= expiresAt);
      if (failing < 1) continue;
      const before = runs[failing - 1] as Date;
      expect(keyExpiryWarning(expiresAt, before), expiresAt.toISOString()).not.toBeNull();
    }
  });
});
