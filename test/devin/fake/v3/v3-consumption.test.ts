import { describe, expect, it } from 'vitest';
import { acusFromNumber } from '#core/money/acus.js';
import { billingDayStartMs } from '#devin/fake/billing-day.js';
import { consumptionLedger, type LedgerEntry } from '#devin/fake/consumption-ledger.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { type ConsumptionScope, dailyConsumptionV3 } from '#devin/fake/v3/v3-consumption.js';

const dataset = generateDataset({
  seed: 5,
  sessions: 3_000,
  from: new Date('2026-10-01T00:00:00Z'),
  to: new Date('2026-11-01T00:00:00Z'),
  orgs: 3,
  usersPerOrg: 4,
});
// Some sessions started by automation, so the service-user scope has entries to find.
const withServiceUsers = {
  ...dataset,
  sessions: dataset.sessions.map((s, i) =>
    i % 7 === 0 ? { ...s, user_id: null, service_user_id: `svc-${i % 2}` } : s,
  ),
};
const ledger = consumptionLedger(withServiceUsers);
const bounds = {
  afterSec: Date.parse('2026-10-10T08:00:00Z') / 1000,
  beforeSec: Date.parse('2026-10-20T08:00:00Z') / 1000,
};

/** The scope's days by a scan of the whole ledger: what the answer must equal, however it is found. */
function scanned(select: (entry: LedgerEntry) => boolean): bigint {
  let total = 0n;
  for (const entry of ledger.entries) {
    const start = billingDayStartMs(entry.day) ?? 0;
    if (select(entry) && start >= bounds.afterSec * 1000 && start < bounds.beforeSec * 1000)
      total += entry.acus;
  }
  return total;
}

const devinAcus = (scope: ConsumptionScope): bigint =>
  dailyConsumptionV3(ledger, scope, bounds).consumption_by_date.reduce(
    (sum, day) => sum + acusFromNumber(day.acus_by_product.devin),
    0n,
  );

// Owners of an entry inside the bounds, so each scope has something to find.
const inside = ledger.entries.find(
  (e) => e.userId !== null && (billingDayStartMs(e.day) ?? 0) === bounds.afterSec * 1000 + 3 * 86_400_000,
);
const org = inside?.orgId ?? '';
const user = inside?.userId ?? '';
const session = inside?.sessionId ?? '';

describe('v3 daily consumption by scope', () => {
  it.each<[string, ConsumptionScope, (entry: LedgerEntry) => boolean]>([
    ['an org', { kind: 'organization', id: org }, (e) => e.orgId === org],
    ['a user', { kind: 'user', id: user }, (e) => e.userId === user],
    [
      'a service user',
      { kind: 'service-user', id: 'svc-1' },
      (e) => e.userId === null && e.serviceUserId === 'svc-1',
    ],
    ['a session', { kind: 'session', id: session }, (e) => e.sessionId === session],
  ])('%s: the same ACUs as a scan of the whole ledger', (_, scope, select) => {
    const expected = scanned(select);
    expect(expected).toBeGreaterThan(0n);
    expect(devinAcus(scope)).toBe(expected);
  });

  it('an unknown principal has every day, at zero', () => {
    const answer = dailyConsumptionV3(ledger, { kind: 'user', id: 'nobody' }, bounds);
    expect(answer.consumption_by_date).toHaveLength(10);
    expect(answer.total_acus).toBe(0);
  });

  it('the orgs add up to the enterprise’s session ACUs', () => {
    const orgs = new Set(ledger.entries.map((e) => e.orgId));
    let sum = 0n;
    for (const id of orgs) sum += devinAcus({ kind: 'organization', id });
    expect(sum).toBe(devinAcus({ kind: 'enterprise' }));
  });
});
