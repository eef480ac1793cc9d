import { describe, expect, it } from 'vitest';
import type { Acus } from '#core/money/acus.js';
import { acusFromNumber } from '#core/money/acus.js';
import { billingDaysBetween } from '#devin/fake/billing-day.js';
import { consumptionLedger, wireAcus } from '#devin/fake/consumption-ledger.js';
import { dailyConsumption } from '#devin/fake/daily-consumption.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { datasetOf, wireSession } from './wire-fixtures.js';

const NOW = new Date('2026-11-17T10:30:00Z');
const demo = demoDataset(NOW);
const ledger = consumptionLedger(demo);
const MICRO_ACU = 1_000_000n;
const OCTOBER = billingDaysBetween('2026-10-01', '2026-10-31');
const OCTOBER_WINDOW = {
  fromMs: Date.parse('2026-10-01T08:00:00Z'),
  toMs: Date.parse('2026-11-01T08:00:00Z'),
  orgIds: [] as string[],
};

const sum = (values: Iterable<Acus>) => [...values].reduce((a, b) => a + b, 0n);
const wireSum = (record: Record<string, number>) => sum(Object.values(record).map(acusFromNumber));

describe('consumptionLedger', () => {
  it('spreads every session over its active days to exactly its acus_consumed', () => {
    const bySession = new Map<string, Acus>();
    for (const entry of ledger.entries) {
      bySession.set(entry.sessionId, (bySession.get(entry.sessionId) ?? 0n) + entry.acus);
    }
    for (const session of demo.sessions) {
      const expected = session.acus_consumed === null ? undefined : wireAcus(session.acus_consumed);
      expect(bySession.get(session.session_id)).toBe(expected === 0n ? undefined : expected);
      if (session.acus_consumed !== null) expect(expected).toBe(acusFromNumber(session.acus_consumed));
    }
  });

  it('splits a session that crosses a month end across both months', () => {
    const crossing = demo.sessions.find(
      (s) => s.title.startsWith('Backfill the feature store') && s.created_at.startsWith('2026-09'),
    );
    expect(crossing).toMatchObject({
      created_at: '2026-09-29T15:00:00Z',
      updated_at: '2026-10-04T10:00:00Z',
    });
    const entries = ledger.entries.filter((entry) => entry.sessionId === crossing?.session_id);
    const september = sum(entries.filter((e) => e.day < '2026-10-01').map((e) => e.acus));
    const october = sum(entries.filter((e) => e.day >= '2026-10-01').map((e) => e.acus));
    // 41 of its 115 active hours (09-29 15:00 → 10-01 08:00) fall on September's billing days;
    // the share is exact to the micro-ACU.
    const exact = (acusFromNumber(86.4) * 41n) / 115n;
    expect(september - exact).toBeGreaterThanOrEqual(-MICRO_ACU);
    expect(september - exact).toBeLessThanOrEqual(MICRO_ACU);
    expect(september + october).toBe(acusFromNumber(86.4));
    expect(entries.map((e) => e.day)).toEqual([
      '2026-09-29',
      '2026-09-30',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
    ]);
  });

  it('gives each day of the bill its sessions plus the non-session ACUs, and orgs everything but those', () => {
    const body = dailyConsumption(ledger, OCTOBER_WINDOW);
    expect(Object.keys(body.consumption_by_date)).toEqual(OCTOBER);
    for (const day of OCTOBER) {
      const sessions = sum(ledger.entries.filter((e) => e.day === day).map((e) => e.acus));
      expect(acusFromNumber(body.consumption_by_date[day] ?? -1)).toBe(
        sessions + (ledger.nonSession.get(day) ?? 0n),
      );
    }
    const total = acusFromNumber(body.total_acus);
    const nonSession = sum(OCTOBER.map((day) => ledger.nonSession.get(day) ?? 0n));
    expect(wireSum(body.consumption_by_date)).toBe(total);
    expect(wireSum(body.consumption_by_org_id) + nonSession).toBe(total);
    // The demo attributes every session to a person or, on v3, to a service user (v2 shows no user).
    const automated = sum(
      ledger.entries.filter((e) => OCTOBER.includes(e.day) && e.serviceUserId !== null).map((e) => e.acus),
    );
    expect(automated).toBeGreaterThan(0n);
    expect(wireSum(body.consumption_by_user) + automated).toBe(wireSum(body.consumption_by_org_id));
  });

  it('sends figures with at most 6 decimals', () => {
    const body = dailyConsumption(ledger, OCTOBER_WINDOW);
    const figures = [
      body.total_acus,
      ...Object.values(body.consumption_by_date),
      ...Object.values(body.consumption_by_user),
    ];
    for (const value of figures) expect(String(value)).toMatch(/^\d+(\.\d{1,6})?$/);
  });

  it('drops the non-session ACUs when asked for orgs', () => {
    const org = demo.organizations[0]?.org_id ?? '';
    const body = dailyConsumption(ledger, { ...OCTOBER_WINDOW, orgIds: [org] });
    const expected = sum(
      ledger.entries.filter((e) => e.orgId === org && OCTOBER.includes(e.day)).map((e) => e.acus),
    );
    expect(acusFromNumber(body.total_acus)).toBe(expected);
    expect(Object.keys(body.consumption_by_org_id)).toEqual([org]);
  });

  it('has non-session ACUs on most days, a few percent of the bill', () => {
    const body = dailyConsumption(ledger, OCTOBER_WINDOW);
    const nonSessionDays = OCTOBER.filter((day) => (ledger.nonSession.get(day) ?? 0n) > 0n);
    expect(nonSessionDays.length).toBeGreaterThan(20);
    expect(nonSessionDays.length).toBeLessThan(31);
    const share =
      Number(sum(nonSessionDays.map((day) => ledger.nonSession.get(day) ?? 0n))) /
      Number(acusFromNumber(body.total_acus));
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.06);
  });

  it('bills a month differently from what its sessions report, in both directions', () => {
    const october = demo.sessions.filter((s) => s.created_at.startsWith('2026-10'));
    const reported = sum(october.map((s) => (s.acus_consumed === null ? 0n : wireAcus(s.acus_consumed))));
    const carriedIn = sum(
      ledger.entries
        .filter((e) => OCTOBER.includes(e.day) && !october.some((s) => s.session_id === e.sessionId))
        .map((e) => e.acus),
    );
    const carriedOut = sum(
      ledger.entries
        .filter((e) => !OCTOBER.includes(e.day) && october.some((s) => s.session_id === e.sessionId))
        .map((e) => e.acus),
    );
    expect(carriedIn > 0n).toBe(true);
    expect(carriedOut > 0n).toBe(true);
    const billedSessions = sum(ledger.entries.filter((e) => OCTOBER.includes(e.day)).map((e) => e.acus));
    expect(billedSessions).toBe(reported + carriedIn - carriedOut);
  });

  it('counts a null acus_consumed as nothing billed, and a session on no day without ACUs', () => {
    const data = datasetOf([
      wireSession('s1', '2025-02-01T10:00:00Z', { acus_consumed: null }),
      wireSession('s2', '2025-02-01T10:00:00Z', { acus_consumed: 0 }),
    ]);
    expect(consumptionLedger(data)).toEqual({
      entries: [],
      nonSession: new Map(),
      nonSessionByUser: new Map(),
    });
  });

  it('gives generated data sets non-session ACUs and the same ledger for the same options', () => {
    const options = {
      seed: 4,
      sessions: 500,
      from: new Date('2025-02-01T00:00:00Z'),
      to: new Date('2025-03-01T00:00:00Z'),
    };
    const data = generateDataset(options);
    expect(Object.keys(data.nonSessionAcus ?? {}).length).toBeGreaterThan(15);
    expect(consumptionLedger(generateDataset(options))).toEqual(consumptionLedger(data));
  });
});
