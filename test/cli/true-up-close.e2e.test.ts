// Close October, let a session grow, close November: the true-up posted through `npm run report`.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COST_CENTRES_FILE } from '#cli/demo-cost-centres.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import { type FakeDevinApi, startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import { duckdb, sqlText } from '../focus/read-parquet.js';

const COG_KEY = 'cog_true_up_e2e_service_user_secret_77aa01';
const DATA = demoDataset(new Date('2026-12-02T10:00:00Z'));

function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'functions/cli/report.ts', ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

const sha = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('a close after an earlier close, when a session of the earlier month grew', () => {
  let api: FakeDevinApi;
  let out: string;
  let november: { code: number; stdout: string; stderr: string };
  let octoberBefore: Map<string, string>;
  const grown = DATA.sessions.find(
    (s) => s.created_at.startsWith('2026-10-1') && s.acus_consumed !== null && s.org_id === 'org_3f9a6c21e0',
  );

  beforeAll(async () => {
    api = await startFakeDevinApi({ apiKey: COG_KEY, data: DATA });
    out = await mkdtemp(join(tmpdir(), 'devin-chargeback-true-up-'));
    const args = (month: string) => [
      '--month',
      month,
      '--close',
      '--acu-price',
      '2.25',
      '--out',
      out,
      '--cost-centres',
      DEMO_COST_CENTRES_FILE,
      '--credit-account',
      '2100;UK01=2150',
      '--json',
    ];
    const env = { DEVIN_API_KEY: COG_KEY, DEVIN_API_URL: api.url };
    const october = await runCli(args('2026-10'), env);
    expect(october.stderr).toBe(october.code === 0 ? october.stderr : '');
    expect(october.code).toBe(0);
    octoberBefore = new Map();
    for (const name of (await readdir(out)).filter((n) => n.includes('2026-10'))) {
      octoberBefore.set(name, await sha(join(out, name)));
    }
    // After October's close the session consumes 1.5 ACUs more: the API now says so.
    if (grown === undefined || grown.acus_consumed === null) throw new Error('no October session to grow');
    api.setData({
      ...DATA,
      sessions: DATA.sessions.map((s) =>
        s === grown
          ? {
              ...s,
              acus_consumed: (grown.acus_consumed ?? 0) + 1.5,
              updated_at: new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
            }
          : s,
      ),
    });
    november = await runCli(args('2026-11'), env);
  }, 300_000);
  afterAll(async () => {
    await api?.close();
    await rm(out, { recursive: true, force: true });
  });

  it('posts the exact growth as a true-up, priced at October’s price, by October’s map', () => {
    expect(november.code).toBe(0);
    const json = JSON.parse(november.stdout) as {
      trueUp: {
        sessions: number;
        acus: number;
        cost: number;
        periods: { period: string; sessions: number }[];
      };
      journal: { trueUps: number; posted: number; usage: number; sharedProducts: number; draft: boolean };
    };
    // 1.5 ACUs × 2.25 = 3.375 → 3.38
    expect(json.trueUp).toMatchObject({ sessions: 1, acus: 1.5, cost: 3.38 });
    expect(json.trueUp.periods.find((p) => p.period === '2026-10')?.sessions).toBe(1);
    expect(json.journal.trueUps).toBe(3.38);
    expect(json.journal.draft).toBe(false);
    expect(json.journal.posted).toBeCloseTo(json.journal.usage + json.journal.sharedProducts + 3.38, 6);
  });

  it('writes a journal that imports: a BOM, one journal_id, every line complete, balanced per legal entity', async () => {
    const text = await readFile(join(out, 'devin-acu-chargeback-2026-11.journal.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
    const columns = (header ?? '').split(',');
    const cells = rows.map((row) => {
      const values = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((v) => v.replace(/,$/, '')) ?? [];
      return Object.fromEntries(columns.map((c, i) => [c, values[i] ?? '']));
    });
    expect(new Set(cells.map((c) => c.journal_id)).size).toBe(1);
    for (const c of cells) {
      for (const field of [
        'account',
        'cost_centre',
        'legal_entity',
        'period',
        'posting_date',
        'quantity_acus',
      ])
        expect(c[field], `${field} on ${JSON.stringify(c)}`).not.toBe('');
    }
    const trueUp = cells.find((c) => c.line_type === 'true-up');
    expect(trueUp).toMatchObject({ cost_centre: 'CC-110', debit: '3.38', quantity_acus: '1.5' });
    expect(trueUp?.description).toContain('True-up October 2026');
    const cents = (v: string | undefined) => Math.round(Number(v || 0) * 100);
    for (const entity of new Set(cells.map((c) => c.legal_entity))) {
      const lines = cells.filter((c) => c.legal_entity === entity);
      expect(lines.reduce((s, c) => s + cents(c.debit), 0)).toBe(
        lines.reduce((s, c) => s + cents(c.credit), 0),
      );
    }
  });

  it('sums FOCUS BilledCost to what the journal posts, with the true-up an Adjustment of October', async () => {
    const summary = JSON.parse(
      await readFile(join(out, 'devin-acu-chargeback-2026-11.summary.json'), 'utf8'),
    ) as {
      journal: { postedMinor: string };
    };
    const db = await duckdb();
    try {
      const file = sqlText(join(out, 'focus', 'billing_period=2026-11', 'devin-focus-2026-11.parquet'));
      const [sum] = await db.rows(
        `SELECT CAST(sum(BilledCost) * 100 AS BIGINT)::VARCHAR AS minor FROM ${file}`,
      );
      expect(sum?.minor).toBe(summary.journal.postedMinor);
      const adjustments = await db.rows(
        `SELECT ResourceId, strftime(ChargePeriodStart AT TIME ZONE 'UTC', '%Y-%m-%d') AS start, BilledCost::VARCHAR AS billed
         FROM ${file} WHERE ChargeCategory = 'Adjustment'`,
      );
      expect(adjustments).toEqual([
        { ResourceId: grown?.session_id, start: '2026-10-01', billed: '3.380000000000000000' },
      ]);
    } finally {
      db.close();
    }
  });

  it("leaves October's files byte-identical", async () => {
    for (const [name, hash] of octoberBefore) expect(await sha(join(out, name)), name).toBe(hash);
    const now = (await readdir(out)).filter((n) => n.includes('2026-10'));
    expect(now.sort()).toEqual([...octoberBefore.keys()].sort());
  });
});
