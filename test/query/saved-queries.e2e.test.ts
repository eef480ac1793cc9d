import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQueryCli } from '#cli/run-query-cli.js';
import { type SummaryDocument, summaryDocumentSchema } from '#core/report/summary-document-schema.js';
import { type FocusDuckDb, openFocusDuckDb } from '#query/focus-duckdb.js';
import { SAVED_QUERIES, savedQuery } from '#query/saved-queries.js';
import { monthBefore, runDemoMonths } from '../focus/demo-months.js';
import { between } from '../support/markdown.js';

const TIMEOUT = 120_000;
const now = new Date();
// The demo's four past months: three on the sessions basis, the newest on the billed basis; the queries must agree with either.
const sessionMonths = [monthBefore(now, 3), monthBefore(now, 2)];
const billedMonth = monthBefore(now, 1);
const allMonths = [monthBefore(now, 4), ...sessionMonths, billedMonth];

/** Minor units as the queries print DECIMAL(18,2): "2128.54". */
const cents = (minor: string | bigint) => {
  const text = String(minor).padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
};

function sql(name: string): string {
  const query = savedQuery(name);
  if (query === undefined) throw new Error(`no saved query ${name}`);
  return query.sql;
}

describe("the FOCUS guide's queries through DuckDB over a generated multi-month dataset", () => {
  let outDir = '';
  let db: FocusDuckDb;
  const summaries = new Map<string, SummaryDocument>();
  beforeAll(async () => {
    // Without true-ups: these compare each month's FOCUS rows with that month's own org and user
    // tables (true-ups are Adjustment rows of earlier months; true-up-close.e2e.test.ts covers them).
    outDir = await runDemoMonths(sessionMonths, { args: ['--true-up-months', '0'] });
    await runDemoMonths([billedMonth], { outDir, args: ['--cost-basis', 'billed', '--true-up-months', '0'] });
    for (const month of allMonths) {
      const text = await readFile(join(outDir, `devin-acu-chargeback-${month}.summary.json`), 'utf8');
      summaries.set(month, summaryDocumentSchema.parse(JSON.parse(text)));
    }
    db = await openFocusDuckDb(outDir);
  }, TIMEOUT);
  afterAll(() => db?.close());

  it('cost by org by month agrees with every workbook, org by org, to the cent', async () => {
    const { rows } = await db.query(sql('cost-by-org-by-month'));
    expect([...new Set(rows.map((r) => r.billing_period))]).toEqual(allMonths);
    for (const month of allMonths) {
      const summary = summaries.get(month) as SummaryDocument;
      const got = rows
        .filter((r) => r.billing_period === month)
        .map((r) => [r.org, r.billed_cost])
        .sort();
      // On the sessions basis the shared products add rows of no org (split over cost centres);
      // on the billed basis they are the bill's Unattributed row.
      const shared = summary.costBasis === 'sessions' ? BigInt(summary.journal?.sharedMinor ?? '0') : 0n;
      const expected = [
        ...summary.orgs.map((o) => [
          o.orgId === '(unattributed)' ? '(no org)' : (o.orgName ?? o.orgId),
          cents(o.cost.minor),
        ]),
        ...(shared === 0n ? [] : [['(no org)', cents(shared)]]),
      ].sort();
      expect(got, month).toEqual(expected);
      expect(summary.costBasis).toBe(month === billedMonth ? 'billed' : 'sessions');
    }
  });

  it('month-over-month gives each workbook total and the change between them', async () => {
    const { rows } = await db.query(sql('month-over-month'));
    // What each month's journal posts: usage + true-ups + shared products.
    const totals = allMonths.map((m) => {
      const summary = summaries.get(m) as SummaryDocument;
      return BigInt(summary.journal?.postedMinor ?? summary.totals.cost.minor);
    });
    expect(rows.map((r) => [r.billing_period, r.billed_cost, r.change])).toEqual(
      allMonths.map((m, i) => [
        m,
        cents(totals[i] ?? 0n),
        i === 0 ? null : cents((totals[i] ?? 0n) - (totals[i - 1] ?? 0n)),
      ]),
    );
    const last = rows.at(-1);
    const lastTotal = totals.at(-1) ?? 0n;
    const previous = totals.at(-2) ?? 1n;
    expect(last?.change_percent).toBeCloseTo((100 * Number(lastTotal - previous)) / Number(previous), 1);
  });

  it("cost by cost centre agrees with each month's By Cost Centre, to the cent, and adds up to its total", async () => {
    const { rows } = await db.query(sql('cost-by-cost-centre'));
    for (const month of allMonths) {
      const summary = summaries.get(month) as SummaryDocument;
      const found = rows
        .filter((r) => r.billing_period === month)
        .map((r) => [r.cost_centre, r.billed_cost])
        .sort();
      // The demo ships a cost-centre map, so every month has cost centres; a month without one would be "(none)".
      expect(summary.costCentres).toBeDefined();
      const expected = (summary.costCentres ?? [])
        .map((cc) => [cc.code, BigInt(cc.postedMinor ?? cc.cost.minor)] as const)
        .filter(([, minor]) => minor !== 0n)
        .map(([code, minor]) => [code, cents(minor)])
        .sort();
      expect(found, month).toEqual(expected);
    }
  });

  it("top users over the year agree with the workbooks' By User figures (sessions basis months)", async () => {
    // The billed month's user rows are the bill's; the FOCUS session rows carry session cents. So compare the
    // query restricted to the sessions-basis months with the workbooks' user rows summed across orgs and months.
    const restricted = sql('top-users-last-year').replace(
      'WHERE x_userid IS NOT NULL',
      `WHERE billing_period <> '${billedMonth}' AND x_userid IS NOT NULL AND chargecategory = 'Usage'`,
    );
    expect(restricted).not.toBe(sql('top-users-last-year'));
    const { rows } = await db.query(restricted);
    const expected = new Map<string, bigint>();
    for (const month of allMonths.filter((m) => m !== billedMonth)) {
      for (const org of (summaries.get(month) as SummaryDocument).orgs) {
        for (const user of org.users) {
          if (user.userId !== null)
            expected.set(user.userId, (expected.get(user.userId) ?? 0n) + BigInt(user.cost.minor));
        }
      }
    }
    const top = [...expected]
      .sort(([a, x], [b, y]) => (x === y ? (a < b ? -1 : 1) : x > y ? -1 : 1))
      .slice(0, 20);
    expect(rows.map((r) => [r.user_id, r.billed_cost])).toEqual(top.map(([id, minor]) => [id, cents(minor)]));
    expect(rows[0]?.user_name).toEqual(expect.any(String));
    expect(rows[0]?.email).toMatch(/@/);
    // The unrestricted query runs too, over all months.
    expect((await db.query(sql('top-users-last-year'))).rows).toHaveLength(20);
  });

  it("UNIONs with AWS's own FOCUS export by month and provider", async () => {
    // A stand-in for the AWS FOCUS 1.2 table, typed as AWS documents it: double costs, string partition.
    await db.query(
      `CREATE OR REPLACE TABLE aws_focus AS SELECT * FROM (VALUES
         ('${billedMonth}', 'Amazon Elastic Compute Cloud', 1234.5::DOUBLE, 'USD'),
         ('${billedMonth}', 'Amazon Simple Storage Service', 100.25::DOUBLE, 'USD'))
       AS t(billing_period, servicename, billedcost, billingcurrency)`,
    );
    const { rows } = await db.query(sql('with-aws-focus'));
    const month = rows.filter((r) => r.billing_period === billedMonth);
    expect(month.map((r) => [r.provider, r.service, r.billed_cost])).toEqual(
      [
        ['AWS', 'Amazon Elastic Compute Cloud', 1234.5],
        [
          'Cognition',
          'Devin',
          Number(cents((summaries.get(billedMonth) as SummaryDocument).totals.cost.minor)),
        ],
        ['AWS', 'Amazon Simple Storage Service', 100.25],
      ].sort((a, b) => Number(b[2]) - Number(a[2])),
    );
  });

  it("the FOCUS guide's ready queries are exactly the saved queries tested here", async () => {
    const guide = await readFile(new URL('../../docs/focus.md', import.meta.url), 'utf8');
    const section = between(guide, '\n## Ready queries\n', '\n## Athena\n');
    const blocks = [...section.matchAll(/```sql\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    expect(blocks).toEqual(SAVED_QUERIES.map((q) => q.sql));
  });

  it('every saved query is valid SQL here', async () => {
    for (const query of SAVED_QUERIES) await expect(db.query(query.sql)).resolves.toBeDefined();
  });

  it('npm run query answers a saved query as a table and as --json, and says what is wrong', async () => {
    const io = () => {
      const out = { stdout: '', stderr: '' };
      return {
        out,
        io: {
          stdout: {
            write: (t: string) => {
              out.stdout += t;
              return true;
            },
          },
          stderr: {
            write: (t: string) => {
              out.stderr += t;
              return true;
            },
          },
        },
      };
    };
    const table = io();
    expect(await runQueryCli(['--out', outDir, 'cost-by-org-by-month'], table.io)).toBe(0);
    expect(table.out.stdout).toMatch(/^billing_period\s+org\s+sessions\s+acus\s+billed_cost\s+currency\n/);
    expect(table.out.stdout).toContain(`${billedMonth}         (no org)`);

    const json = io();
    expect(
      await runQueryCli(
        [
          '--out',
          outDir,
          '--json',
          'SELECT billing_period, count(*) AS n FROM devin_focus GROUP BY 1 ORDER BY 1',
        ],
        json.io,
      ),
    ).toBe(0);
    const parsed = JSON.parse(json.out.stdout) as { billing_period: string; n: string }[];
    expect(parsed.map((r) => r.billing_period)).toEqual(allMonths);

    const unknown = io();
    expect(await runQueryCli(['--out', outDir, 'cost-by-planet'], unknown.io)).toBe(2);
    expect(unknown.out.stderr).toMatch(/no saved query named "cost-by-planet"/);

    const bad = io();
    expect(await runQueryCli(['--out', outDir, 'SELECT nope FROM devin_focus'], bad.io)).toBe(1);
    expect(bad.out.stderr).toMatch(/the query failed: .*nope/);

    const empty = io();
    expect(await runQueryCli(['--out', join(outDir, 'nowhere'), 'month-over-month'], empty.io)).toBe(1);
    expect(empty.out.stderr).toMatch(/no FOCUS dataset under .*nowhere.*npm start/);
  });
});
