import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { summaryDocumentSchema } from '#core/report/summary-document-schema.js';
import { focusColumns } from '#focus/focus-columns.js';
import { monthBefore, runDemoMonths } from './demo-months.js';
import { expectFocusRules } from './focus-rules.js';
import { duckdb, sqlText } from './read-parquet.js';

const TIMEOUT = 120_000;
const now = new Date();
const months = [monthBefore(now, 3), monthBefore(now, 2), monthBefore(now, 1)];
const allMonths = [monthBefore(now, 4), ...months];

async function summaryOf(outDir: string, month: string) {
  const text = await readFile(join(outDir, `devin-acu-chargeback-${month}.summary.json`), 'utf8');
  return summaryDocumentSchema.parse(JSON.parse(text));
}

const parquetOf = (outDir: string, month: string) =>
  join(outDir, 'focus', `billing_period=${month}`, `devin-focus-${month}.parquet`);

const posted = (summary: {
  journal?: { postedMinor: string } | undefined;
  totals: { cost: { minor: string } };
}) => summary.journal?.postedMinor ?? summary.totals.cost.minor;

async function expectRulesFor(outDir: string, month: string): Promise<void> {
  const summary = await summaryOf(outDir, month);
  await expectFocusRules(parquetOf(outDir, month), {
    from: summary.period.from,
    to: summary.period.to,
    // The demo ships a cost-centre map: the partition sums to what the journal posts.
    totalMinor: BigInt(summary.journal?.postedMinor ?? summary.totals.cost.minor),
    minorDigits: summary.pricing.minorDigits,
    currency: summary.pricing.currency,
  });
}

describe('the FOCUS dataset the demo writes, read back', () => {
  let sessionsDir = '';
  let billedDir = '';
  beforeAll(async () => {
    sessionsDir = await runDemoMonths(months);
    billedDir = await runDemoMonths([monthBefore(now, 1)], { args: ['--cost-basis', 'billed'] });
  }, TIMEOUT);

  it('writes one partition per month, each holding exactly one Parquet file', async () => {
    expect(
      (await readdir(join(sessionsDir, 'focus'))).filter((n) => n.startsWith('billing_period=')).sort(),
    ).toEqual(allMonths.map((m) => `billing_period=${m}`));
    for (const month of allMonths) {
      expect(await readdir(join(sessionsDir, 'focus', `billing_period=${month}`))).toEqual([
        `devin-focus-${month}.parquet`,
      ]);
    }
  });

  it.each(allMonths)('keeps every FOCUS rule on the sessions basis: %s', async (month) => {
    await expectRulesFor(sessionsDir, month);
  });

  it('keeps every FOCUS rule on the billed basis, BilledCost adding up to the bill', async () => {
    for (const month of [monthBefore(now, 2), monthBefore(now, 1)]) await expectRulesFor(billedDir, month);
    const db = await duckdb();
    try {
      const rows = await db.rows(
        `SELECT ChargeCategory AS category, ResourceId IS NULL AS no_session, x_CostBasis AS basis, count(*) AS n
         FROM ${sqlText(parquetOf(billedDir, monthBefore(now, 1)))} GROUP BY ALL ORDER BY ALL`,
      );
      // Sessions, plus rows for the billed ACUs no session carries (the demo bills non-session products).
      expect(rows.filter((r) => r.no_session === true).length).toBeGreaterThan(0);
      expect(rows.every((r) => r.basis === 'billed')).toBe(true);
      // The demo reads v3, whose bill names the products: each product is shared over the cost
      // centres (FOCUS 1.3's allocation columns), its rows adding up to the workbook's Unattributed
      // row in ACUs and to the cent, and each product's ratios to 1.
      const outside = await db.rows(
        `SELECT ChargeDescription AS what, CAST(PricingQuantity AS VARCHAR) AS acus,
                CAST(BilledCost * 100 AS BIGINT) AS minor, AllocatedMethodId AS method,
                AllocatedMethodDetails AS details
         FROM ${sqlText(parquetOf(billedDir, monthBefore(now, 1)))} WHERE SubAccountId IS NULL ORDER BY 1`,
      );
      expect(outside.length).toBeGreaterThan(1);
      for (const row of outside) {
        expect(row.what).toMatch(
          /^Devin ACUs of \w+ \(a product that is not sessions\), shared by the rule proportional$/,
        );
        expect(row.method).toBe('proportional');
      }
      const ratios = new Map<string, number>();
      for (const row of outside) {
        const details = JSON.parse(String(row.details)) as { Elements: { AllocatedRatio: number }[] };
        const what = String(row.what);
        ratios.set(what, (ratios.get(what) ?? 0) + (details.Elements[0]?.AllocatedRatio ?? 0));
      }
      expect(ratios.size).toBeGreaterThan(1);
      for (const total of ratios.values()) expect(total).toBeCloseTo(1, 12);
      const summary = summaryDocumentSchema.parse(
        JSON.parse(
          await readFile(join(billedDir, `devin-acu-chargeback-${monthBefore(now, 1)}.summary.json`), 'utf8'),
        ),
      );
      const unattributed = summary.orgs.find((org) => org.orgId === '(unattributed)');
      expect(unattributed).toBeDefined();
      expect(outside.reduce((sum, r) => sum + BigInt(String(r.minor)), 0n)).toBe(
        BigInt(unattributed?.cost.minor ?? -1),
      );
      const acus = outside.reduce((sum, r) => sum + Number(r.acus), 0);
      expect(acus).toBeCloseTo(Number(unattributed?.acus.value ?? -1), 9);
    } finally {
      db.close();
    }
  });

  it('has one Usage row per session of the workbook, with its user, link and tags', async () => {
    const month = monthBefore(now, 1);
    const sessions = JSON.parse(
      gunzipSync(
        await readFile(join(sessionsDir, `devin-acu-chargeback-${month}.sessions.json.gz`)),
      ).toString(),
    ) as { session_id: string; user_id: string | null; url: string | null; tags: string[] }[];
    const db = await duckdb();
    try {
      const rows = await db.rows(
        `SELECT ResourceId, x_UserId, x_SessionUrl, Tags, x_RunId FROM ${sqlText(parquetOf(sessionsDir, month))} WHERE ResourceId IS NOT NULL AND ChargeCategory = 'Usage'`,
      );
      expect(rows).toHaveLength(sessions.length);
      const byId = new Map(rows.map((r) => [r.ResourceId, r]));
      for (const s of sessions) {
        const row = byId.get(s.session_id);
        expect(row?.x_UserId ?? null).toBe(s.user_id);
        expect(row?.x_SessionUrl ?? null).toBe(s.url);
        expect(row?.Tags === null ? [] : Object.keys(JSON.parse(String(row?.Tags)))).toEqual([
          ...new Set(s.tags),
        ]);
      }
      expect(new Set(rows.map((r) => r.x_RunId)).size).toBe(1);
      const summary = await summaryOf(sessionsDir, month);
      expect(rows[0]?.x_RunId).toBe(summary.run.runId);
    } finally {
      db.close();
    }
  });

  it(
    'replaces the partition on a rerun: one file, the new run id, stale files gone, the CSV on and off again',
    async () => {
      const month = monthBefore(now, 2);
      const partition = join(sessionsDir, 'focus', `billing_period=${month}`);
      const before = await summaryOf(sessionsDir, month);
      await writeFile(join(partition, 'part-0000-from-an-old-version.parquet'), 'stale');
      await runDemoMonths([month], { outDir: sessionsDir, env: { FOCUS_CSV: 'true' } });
      expect(await readdir(partition)).toEqual([`devin-focus-${month}.parquet`]);
      const after = await summaryOf(sessionsDir, month);
      expect(after.run.runId).not.toBe(before.run.runId);
      const db = await duckdb();
      try {
        const [row] = await db.rows(
          `SELECT count(*) FILTER (WHERE ResourceId IS NOT NULL) AS n, count(DISTINCT x_RunId) AS runs, any_value(x_RunId) AS run FROM ${sqlText(parquetOf(sessionsDir, month))}`,
        );
        expect(row).toEqual({ n: String(after.totals.sessions), runs: '1', run: after.run.runId });

        const csvPath = join(
          sessionsDir,
          'focus',
          'csv',
          `billing_period=${month}`,
          `devin-focus-${month}.csv.gz`,
        );
        const csv = gunzipSync(await readFile(csvPath)).toString('utf8');
        const [header, first] = csv.split('\r\n');
        expect(header).toBe(
          // The demo ships a cost-centre map, so its rows carry x_CostCentre.
          focusColumns({ costCentres: true })
            .map((c) => c.name)
            .join(','),
        );
        expect(first).toMatch(/,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,/);
        expect(csv).not.toMatch(/\d\.\d{3}Z/);
        const [fromCsv] = await db.rows(
          `SELECT sum(BilledCost)::VARCHAR AS total, count(*) FILTER (WHERE ChargeClass IS NULL) AS null_class, count(*) FILTER (WHERE ChargeClass = 'Correction') AS corrections, count(*) AS n, count(*) FILTER (WHERE ResourceId IS NOT NULL) AS sessions
           FROM read_csv(${sqlText(csvPath)}, header = true, types = {'BilledCost': 'DECIMAL(38,18)', 'ChargeClass': 'VARCHAR'})`,
        );
        expect(fromCsv?.sessions).toBe(String(after.totals.sessions));
        // Every row but the true-ups' corrections has an empty ChargeClass, which reads as null.
        expect(
          Number(fromCsv?.null_class) + Number(fromCsv?.corrections),
          'an empty CSV field reads as null',
        ).toBe(Number(fromCsv?.n));
        expect(Number(fromCsv?.null_class)).toBeGreaterThan(Number(fromCsv?.corrections));
        expect(fromCsv?.total).toBe(
          `${posted(after).slice(0, -2)}.${posted(after).slice(-2)}${'0'.repeat(16)}`,
        );
      } finally {
        db.close();
      }
      await runDemoMonths([month], { outDir: sessionsDir });
      expect(await readdir(join(sessionsDir, 'focus', 'csv', `billing_period=${month}`))).toEqual([]);
      await expectRulesFor(sessionsDir, month);
    },
    TIMEOUT,
  );
});
