import { describe, expect, it } from 'vitest';
import { ON_BEHALF_ASSUMPTION } from '#core/report/on-behalf-assumption.js';
import { RECONCILED, RECONCILIATION, withReport } from './billing-fixtures.js';
import { NAMES_AVAILABLE } from './fixtures.js';
import { findRow, roundTrip, sheet } from './read-back.js';

const V3_NAMES = { ...NAMES_AVAILABLE, serviceUsers: { available: true } } as const;

// Issue 32, item 4: the on-behalf subtraction rests on what the docs never state; About says so.
describe('the on-behalf rule on the About sheet', () => {
  it('is stated as an assumption, with what follows if it is wrong, when the bill splits users and service users', async () => {
    const input = withReport({
      names: V3_NAMES,
      reconciliation: { available: true, reconciliation: RECONCILIATION },
    });
    const about = sheet(await roundTrip(input), 'About');
    const value = about.getCell(findRow(about, 'On-behalf sessions'), 2).value;
    expect(value).toBe(ON_BEHALF_ASSUMPTION);
    expect(String(value)).toMatch(/^Assumed/);
    expect(String(value)).toMatch(
      /too low by those sessions and the user table's Unattributed line holds them/,
    );
  });

  it('is left out where no service user can be billed (v2) or there is no per-user bill', async () => {
    for (const input of [
      RECONCILED,
      withReport({
        names: V3_NAMES,
        reconciliation: { available: true, reconciliation: { ...RECONCILIATION, users: null } },
      }),
    ]) {
      const about = sheet(await roundTrip(input), 'About');
      expect(() => findRow(about, 'On-behalf sessions')).toThrow();
    }
  });
});
