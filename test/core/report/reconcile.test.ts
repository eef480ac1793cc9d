import { describe, expect, it } from 'vitest';
import { type Acus, acusFromNumber, sumAcus } from '#core/money/acus.js';
import { reconcile } from '#core/report/reconcile.js';
import type { ReconciliationLine } from '#core/report/reconciliation.js';
import { billedConsumption } from './billed-fixture.js';
import { BILL, DIRECTORY, OCTOBER, SESSIONS } from './reconciliation-scenario.js';
import { session } from './session-fixture.js';

const acus = (value: number): Acus => acusFromNumber(value);

function line(
  id: string | null,
  name: string | null,
  orgId: string | null,
  sessionAcus: number,
  billedAcus: number,
  differenceShare: number | null,
): ReconciliationLine {
  return {
    id,
    name,
    orgId,
    sessionAcus: acus(sessionAcus),
    billedAcus: acus(billedAcus),
    differenceAcus: acus(billedAcus) - acus(sessionAcus),
    differenceShare,
  };
}

describe('reconcile', () => {
  const input = {
    sessions: SESSIONS,
    billed: BILL,
    period: OCTOBER,
    directory: DIRECTORY,
    carriedIn: 4,
    costBasis: 'sessions' as const,
  };
  const reconciliation = reconcile(input);

  it('puts each org’s session ACUs beside its billed ACUs, keeps one-sided orgs, and ends with Unattributed', () => {
    expect(reconciliation.orgs).toEqual([
      line('org-a', 'Alpha', null, 14.5, 13, -1.5 / 13),
      line('org-b', null, null, 2, 4.5, 2.5 / 4.5),
      line('org-d', 'Delta', null, 0, 2, 1),
      line('org-c', null, null, 1.5, 0, null),
      line(null, 'Shared products (no org)', null, 0, 5.625, 1),
    ]);
  });

  it('does the same per user, under the org each mostly worked in; no-user sessions go to Unattributed', () => {
    expect(reconciliation.users).toEqual([
      line('user-1', 'Ann Lee', 'org-a', 12.5, 14, 1.5 / 14),
      line('user-4', 'Dee Cascade', null, 0, 3, 1),
      line('user-2', null, 'org-a', 3.25, 2.5, -0.75 / 2.5),
      line('user-3', null, 'org-c', 1.5, 0, null),
      line(null, 'No user', null, 0.75, 5.625, 4.875 / 5.625),
    ]);
  });

  it('adds up exactly: each table’s lines sum to both totals', () => {
    expect(reconciliation.totals).toEqual({
      sessionAcus: acus(18),
      billedAcus: acus(25.125),
      differenceAcus: acus(7.125),
    });
    for (const lines of [reconciliation.orgs, reconciliation.users ?? []]) {
      expect(sumAcus(lines.map((l) => l.sessionAcus))).toBe(acus(18));
      expect(sumAcus(lines.map((l) => l.billedAcus))).toBe(acus(25.125));
      expect(sumAcus(lines.map((l) => l.differenceAcus))).toBe(acus(7.125));
    }
    expect(reconciliation.unattributedAcus).toBe(acus(5.625));
  });

  it('states the share of the bill the report charges back, by its cost basis', () => {
    expect(reconciliation.allocatedShare).toBe(18 / 25.125);
    expect(reconcile({ ...input, costBasis: 'billed' }).allocatedShare).toBe(19.5 / 25.125);
  });

  it('counts the sessions that cross the period’s edges', () => {
    expect(reconciliation.edges).toEqual({ carriedIn: 4, carriedOut: 1 });
    expect(reconcile({ ...input, carriedIn: null }).edges).toEqual({ carriedIn: null, carriedOut: 1 });
  });

  it('counts a session updated exactly at the period’s end as carried out', () => {
    const atEnd = session({ sessionId: 'edge', updatedAt: OCTOBER.to });
    const justBefore = session({ sessionId: 'inside', updatedAt: new Date(OCTOBER.to.getTime() - 1) });
    expect(reconcile({ ...input, sessions: [atEnd, justBefore] }).edges.carriedOut).toBe(1);
  });

  it('has no user table when the API gave no per-user breakdown', () => {
    const bill = billedConsumption({ totalAcus: 25.125, byOrg: { 'org-a': 13 }, byUser: null });
    expect(reconcile({ ...input, billed: bill }).users).toBeNull();
  });

  it('places a user with equal ACUs in two orgs under the lower org id', () => {
    const sessions = [
      session({ sessionId: 'x1', orgId: 'org-z', userId: 'user-9', acus: 2 }),
      session({ sessionId: 'x2', orgId: 'org-y', userId: 'user-9', acus: 2 }),
    ];
    const bill = billedConsumption({
      totalAcus: 4,
      byOrg: { 'org-y': 2, 'org-z': 2 },
      byUser: { 'user-9': 4 },
    });
    const users = reconcile({ ...input, sessions, billed: bill }).users ?? [];
    expect(users[0]).toMatchObject({ id: 'user-9', orgId: 'org-y', sessionAcus: acus(4) });
  });

  it('reports an empty bill without dividing by zero', () => {
    const bill = billedConsumption({ totalAcus: 0, byOrg: {}, byUser: {} });
    const empty = reconcile({ ...input, billed: bill });
    expect(empty.allocatedShare).toBeNull();
    expect(empty.orgs.at(-1)).toEqual(line(null, 'Shared products (no org)', null, 0, 0, null));
  });
});
