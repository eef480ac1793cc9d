import { afterEach, describe, expect, it } from 'vitest';
import { type Acus, sumAcus } from '#core/money/acus.js';
import { costOf, roundCostToMinor } from '#core/money/cost.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import { inPeriodAcusOf } from '#core/report/billed-sessions.js';
import type { BridgeLine } from '#core/report/bridge.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { CostBasis } from '#core/report/cost-basis.js';
import { CostBasisUnavailableError } from '#core/report/cost-basis-unavailable-error.js';
import {
  createDevinClient,
  type FetchedSessions,
  V2_HAS_NO_SESSION_CONSUMPTION,
} from '#devin/client/devin-client.js';
import { consumptionLedger } from '#devin/fake/consumption-ledger.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import { parseIsoInstant } from '#devin/fake/iso-instant.js';
import { splitNonSession } from '#devin/fake/v3/non-session-products.js';
import { readBilling } from '#pipeline/read-billing.js';
import { readDirectory } from '#pipeline/read-directory.js';
import type { FaultPlan } from '../support/fake-devin-api/faults.js';
import { startTestDevinApi, type TestDevinApi } from '../support/fake-devin-api/test-devin-api.js';
import { findRow, roundTrip, rowValues, sheet } from '../workbook/read-back.js';

const NOW = new Date('2026-11-17T10:30:00Z');
const DATA = demoDataset(NOW);
const OCTOBER = monthPeriod('2026-10', 'UTC', NOW);
const PRICE = parsePricing('2.25', 'USD');
const KEY = 'cog_bridge-test-key-8c1e';
const FIRST_DAY = '2026-10-01';
const LAST_DAY = '2026-10-31';

let api: TestDevinApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function report(
  options: { apiVersion?: 'v2' | 'v3'; faults?: FaultPlan; costBasis?: CostBasis } = {},
): Promise<{ report: ChargebackReport; warnings: string[]; fetched: FetchedSessions }> {
  api = await startTestDevinApi({
    apiKey: KEY,
    data: DATA,
    ...(options.faults && { faults: options.faults }),
  });
  const warnings: string[] = [];
  const devin = createDevinClient({
    apiKey: KEY,
    baseUrl: api.url,
    apiVersion: options.apiVersion ?? 'v3',
    onWarning: (w) => warnings.push(w),
    sleep: async () => {},
  });
  const [fetched, directory] = await Promise.all([devin.fetchSessions(OCTOBER), readDirectory(devin)]);
  const billing = await readBilling(devin, OCTOBER, { orgIds: [], userIds: [], tags: [] }, fetched.sessions);
  const built = buildChargebackReport({
    period: OCTOBER,
    pricing: PRICE,
    sessions: fetched.sessions,
    directory,
    costBasis: options.costBasis ?? 'sessions',
    billed: billing.billed,
    carriedIn: billing.carriedIn,
    edges: billing.edges,
  });
  return { report: built, warnings, fetched };
}

function linesOf(r: ChargebackReport): readonly BridgeLine[] {
  if (!r.reconciliation.available) throw new Error(r.reconciliation.reason);
  const bridge = r.reconciliation.reconciliation.bridge;
  if (bridge === undefined || !bridge.available)
    throw new Error(`no bridge: ${bridge?.available === false ? bridge.reason : 'absent'}`);
  return bridge.bridge.lines;
}

const step = (lines: readonly BridgeLine[], kind: BridgeLine['kind'], product?: string): Acus =>
  lines.find((l) => l.kind === kind && (product === undefined || l.product === product))?.acus ?? -1n;

/** What the fake was built with: its ledger, by who consumed on which billing day. */
function expected() {
  const ledger = consumptionLedger(DATA);
  const created = new Map([...DATA.sessions].map((s) => [s.session_id, parseIsoInstant(s.created_at) ?? 0]));
  const from = OCTOBER.from.getTime();
  const to = OCTOBER.to.getTime();
  const inDays = (day: string) => day >= FIRST_DAY && day <= LAST_DAY;
  const of = (pick: (createdMs: number, day: string) => boolean) =>
    sumAcus(ledger.entries.filter((e) => pick(created.get(e.sessionId) ?? 0, e.day)).map((e) => e.acus));
  const nonSession = [...ledger.nonSession]
    .filter(([day]) => inDays(day))
    .map(([, acus]) => splitNonSession(acus));
  return {
    carriedOut: of((c, day) => c >= from && c < to && day > LAST_DAY),
    carriedIn: of((c, day) => c < from && inDays(day)),
    dayBoundary:
      of((c, day) => c >= to && inDays(day)) - of((c, day) => c >= from && c < to && day < FIRST_DAY),
    cascade: sumAcus(nonSession.map((s) => s.cascade)),
    terminal: sumAcus(nonSession.map((s) => s.terminal)),
    review: sumAcus(nonSession.map((s) => s.review)),
    billed:
      of((_, day) => inDays(day)) +
      sumAcus([...ledger.nonSession].filter(([d]) => inDays(d)).map(([, a]) => a)),
  };
}

describe('the walk from session ACUs to the bill (v3)', () => {
  it('adds up exactly on the fake, each step what the fake was built with, nothing unexplained', async () => {
    const { report: r } = await report();
    const lines = linesOf(r);
    const want = expected();
    expect(step(lines, 'session-acus')).toBe(r.totals.acus);
    expect(step(lines, 'carried-out')).toBe(-want.carriedOut);
    expect(want.carriedOut).toBeGreaterThan(0n);
    expect(step(lines, 'carried-in')).toBe(want.carriedIn);
    expect(want.carriedIn).toBeGreaterThan(0n);
    expect(step(lines, 'day-boundary')).toBe(want.dayBoundary);
    expect(want.dayBoundary).not.toBe(0n);
    expect(step(lines, 'non-session-product', 'cascade')).toBe(want.cascade);
    expect(step(lines, 'non-session-product', 'terminal')).toBe(want.terminal);
    expect(step(lines, 'non-session-product', 'review')).toBe(want.review);
    expect(step(lines, 'unexplained')).toBe(0n);
    expect(step(lines, 'billed')).toBe(want.billed);
    const steps = lines.filter((l) => l.kind !== 'billed');
    expect(sumAcus(steps.map((l) => l.acus))).toBe(want.billed);
    // The money column adds up to the bill's cost, to the cent, and each step is within a cent.
    expect(steps.reduce((sum, l) => sum + l.costMinor, 0n)).toBe(
      roundCostToMinor(costOf(want.billed, PRICE), PRICE),
    );
    for (const l of steps) {
      const exact = roundCostToMinor(costOf(l.acus, PRICE), PRICE);
      expect(l.costMinor - exact <= 1n && exact - l.costMinor <= 1n).toBe(true);
    }
  });

  it('shows the walk on the Reconciliation sheet, ACUs and money', async () => {
    const { report: r, fetched } = await report();
    const workbook = await roundTrip({
      report: r,
      sessions: fetched.sessions,
      run: {
        runId: 'r',
        generatedAt: NOW,
        generator: 'test',
        apiHost: 'fake',
        source: 'demo',
        filters: { orgIds: [], userIds: [], tags: [] },
      },
      stats: fetched.stats,
    });
    const ws = sheet(workbook, 'Reconciliation');
    const billedRow = rowValues(ws, findRow(ws, '= Billed ACUs'));
    expect(billedRow[2]).toBeCloseTo(Number(step(linesOf(r), 'billed')) / 1e12, 6);
    expect(rowValues(ws, findRow(ws, 'Unexplained')).slice(1)).toEqual([null, 0, 0]);
  });

  it('degrades to words, with the reason, when per-session consumption is refused', async () => {
    const { report: r, warnings } = await report({
      faults: {
        script: [
          {
            fault: { kind: 'status', status: 403 },
            when: (q) => q.path.includes('/consumption/daily/sessions/'),
            times: Infinity,
          },
        ],
      },
      costBasis: 'billed',
    });
    expect(r.reconciliation.available).toBe(true);
    if (!r.reconciliation.available) return;
    expect(r.reconciliation.reconciliation.bridge).toEqual({
      available: false,
      reason:
        'the API key may not read per-session consumption (403; the vendor names the permission ManageBilling (some translated pages: ViewAccountConsumption))',
    });
    // The billed basis has its bill: the report is built.
    expect(r.totals.acus).toBe(expected().billed);
    expect(warnings.join('\n')).not.toContain(KEY);
  });

  it('fails the report only when the billed basis needs a bill that was refused', async () => {
    const refused: FaultPlan = {
      script: [
        { fault: { kind: 'status', status: 403 }, path: '/v3/enterprise/consumption/daily', times: Infinity },
      ],
    };
    const onSessions = await report({ faults: refused });
    expect(onSessions.report.reconciliation).toEqual({
      available: false,
      reason:
        'the API key may not read consumption (403; the vendor names the permission ViewAccountConsumption (older pages: ManageBilling))',
    });
    await api?.close();
    await expect(report({ faults: refused, costBasis: 'billed' })).rejects.toThrow(CostBasisUnavailableError);
  });

  it('says on v2 why the walk is in words only', async () => {
    const { report: r } = await report({ apiVersion: 'v2' });
    expect(r.reconciliation.available && r.reconciliation.reconciliation.bridge).toEqual({
      available: false,
      reason: V2_HAS_NO_SESSION_CONSUMPTION,
    });
  });
});

describe('the Sessions sheet on the billed basis (v3)', () => {
  it('lists every session that consumed in the period with its in-period ACUs, adding up to each user’s billed ACUs', async () => {
    const { report: r, fetched } = await report({ costBasis: 'billed' });
    const billed = r.billedSessions;
    expect(billed).toBeDefined();
    if (billed === undefined || !r.reconciliation.available) return;
    expect(billed.carried.length).toBeGreaterThan(0);
    // Per principal: the rows add up to what the bill gives that person or service user.
    const byUser = new Map<string, Acus>();
    const add = (id: string | null, acus: Acus) => {
      if (id !== null) byUser.set(id, (byUser.get(id) ?? 0n) + acus);
    };
    for (const s of fetched.sessions) add(s.userId, inPeriodAcusOf(billed, s));
    for (const c of billed.carried) add(c.session.userId, c.inPeriodAcus);
    const bill = consumptionLedger(DATA);
    const want = new Map<string, Acus>();
    for (const e of bill.entries) {
      const id = e.userId ?? e.serviceUserId;
      if (id !== null && e.day >= FIRST_DAY && e.day <= LAST_DAY) want.set(id, (want.get(id) ?? 0n) + e.acus);
    }
    expect(new Map([...byUser].filter(([, a]) => a > 0n))).toEqual(want);

    const workbook = await roundTrip({
      report: r,
      sessions: fetched.sessions,
      run: {
        runId: 'r',
        generatedAt: NOW,
        generator: 'test',
        apiHost: 'fake',
        source: 'demo',
        filters: { orgIds: [], userIds: [], tags: [] },
      },
      stats: fetched.stats,
    });
    const ws = sheet(workbook, 'Sessions');
    // Row 1 is the sheet's title, row 2 its header; a blank row stands before the Total.
    const header = rowValues(ws, 2);
    const column = header.indexOf('Billed ACUs (in period)') + 1;
    expect(column).toBeGreaterThan(0);
    const totalRow = findRow(ws, 'Total');
    expect(totalRow).toBe([...fetched.sessions].length + billed.carried.length + 4);
    const total = ws.getRow(totalRow).getCell(column).value as { result: number };
    const sessionProduct = sumAcus([...want.values()]);
    expect(total.result).toBeCloseTo(Number(sessionProduct) / 1e12, 6);
  });

  it('gives the carried-in sessions only the rows the cap leaves, and totals the rows shown', async () => {
    const { report: r, fetched } = await report({ costBasis: 'billed' });
    const carried = r.billedSessions?.carried.length ?? 0;
    expect(carried).toBeGreaterThan(1);
    const maxSessionRows = fetched.sessions.count + 1;
    const workbook = await roundTrip({
      report: r,
      sessions: fetched.sessions,
      run: {
        runId: 'r',
        generatedAt: NOW,
        generator: 'test',
        apiHost: 'fake',
        source: 'demo',
        filters: { orgIds: [], userIds: [], tags: [] },
      },
      stats: fetched.stats,
      maxSessionRows,
    });
    const ws = sheet(workbook, 'Sessions');
    const totalRow = findRow(ws, 'Total (rows shown)');
    expect(totalRow).toBe(maxSessionRows + 4);
    const column = rowValues(ws, 2).indexOf('Billed ACUs (in period)') + 1;
    let shown = 0;
    for (let row = 3; row < totalRow - 1; row += 1) shown += ws.getRow(row).getCell(column).value as number;
    const total = ws.getRow(totalRow).getCell(column).value as { result: number };
    expect(total.result).toBeCloseTo(shown, 6);
    // Sessions prints two pages across, so its notes start in B, beside the key column every page repeats.
    const notes = Array.from(ws.getColumn(2).values, (v) => String(v ?? '')).join('\n');
    expect(notes).toContain(
      `This sheet lists all ${fetched.sessions.count} sessions and the first 1 of the ${carried} sessions carried in (a limit of ${maxSessionRows} session rows)`,
    );
  });
});
