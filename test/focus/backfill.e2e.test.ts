import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBackfillCli } from '#cli/run-backfill-cli.js';
import { useLocalS3 } from '../support/aws-local-s3.js';
import { monthBefore, runDemoMonths } from './demo-months.js';
import { duckdb, sqlText } from './read-parquet.js';

const TIMEOUT = 120_000;
const BUCKET = 'chargeback-reports';
const now = new Date();
const older = monthBefore(now, 2);
const newer = monthBefore(now, 1);

let s3: S3Client;
useLocalS3(BUCKET, (client) => {
  s3 = client;
});

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      env: {},
      now: () => new Date(),
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
}

/** Rows of two Parquet files that the other lacks, in either direction (0 and 0: the same rows). */
async function differences(a: string, b: string): Promise<[string, string]> {
  const db = await duckdb();
  try {
    const count = async (x: string, y: string) =>
      String(
        (
          await db.rows(
            `SELECT count(*) AS n FROM (SELECT * FROM ${sqlText(x)} EXCEPT ALL SELECT * FROM ${sqlText(y)})`,
          )
        )[0]?.n,
      );
    return [await count(a, b), await count(b, a)];
  } finally {
    db.close();
  }
}

const parquet = (dir: string, month: string) =>
  join(dir, 'focus', `billing_period=${month}`, `devin-focus-${month}.parquet`);

describe('npm run backfill', () => {
  let written = '';
  beforeAll(async () => {
    // The older month on the sessions basis, the newer on the billed basis.
    // Without true-ups: the backfill rebuilds usage and shared-product rows, not true-up rows.
    written = await runDemoMonths([older], { args: ['--true-up-months', '0'] });
    await runDemoMonths([newer], {
      outDir: written,
      args: ['--cost-basis', 'billed', '--true-up-months', '0'],
    });
  }, TIMEOUT);

  it(
    'rebuilds a local history to exactly the rows the runs wrote, on both cost bases',
    async () => {
      const history = await mkdtemp(join(tmpdir(), 'focus-backfill-'));
      for (const name of await readdir(written)) {
        if (/\.(sessions\.json\.gz|summary\.json|cost-centres\.csv)$/.test(name))
          await cp(join(written, name), join(history, 'monthly', name));
      }
      const run = capture();
      expect(await runBackfillCli(['--out', history], run.io)).toBe(0);
      const periods = (await readdir(written)).filter((n) => n.endsWith('.sessions.json.gz')).length;
      expect(run.out.stdout).toMatch(new RegExp(`${periods} periods written`));
      for (const month of [monthBefore(now, 3), older, newer]) {
        expect(await differences(parquet(written, month), parquet(history, month)), month).toEqual([
          '0',
          '0',
        ]);
      }
    },
    TIMEOUT,
  );

  it('refuses a history whose sessions no longer rebuild its summary, and writes nothing', async () => {
    const history = await mkdtemp(join(tmpdir(), 'focus-backfill-bad-'));
    for (const name of await readdir(written)) {
      if (/\.(sessions\.json\.gz|summary\.json|cost-centres\.csv)$/.test(name))
        await cp(join(written, name), join(history, name));
    }
    const file = join(history, `devin-acu-chargeback-${older}.sessions.json.gz`);
    const sessions = JSON.parse(gunzipSync(await readFile(file)).toString()) as {
      acus_consumed: string | null;
    }[];
    const first = sessions.find((s) => s.acus_consumed !== null);
    if (first) first.acus_consumed = String(Number(first.acus_consumed) + 10);
    // In the export's own layout (one record per line), which the backfill streams.
    await writeFile(file, gzipSync(`[\n${sessions.map((s) => JSON.stringify(s)).join(',\n')}\n]\n`));
    const run = capture();
    expect(await runBackfillCli(['--out', history], run.io)).toBe(1);
    expect(run.out.stderr).toMatch(/do not rebuild the stored report \(total \d+ vs \d+ minor units/);
    await expect(readdir(join(history, 'focus'))).rejects.toThrow(/ENOENT/);
    await rm(history, { recursive: true, force: true });
  });

  it(
    'backfills the bucket: reads <prefix>monthly/, writes <prefix>focus/billing_period=…',
    async () => {
      for (const name of await readdir(written)) {
        if (!/\.(sessions\.json\.gz|summary\.json|cost-centres\.csv)$/.test(name)) continue;
        await s3.send(
          new PutObjectCommand({
            Bucket: BUCKET,
            Key: `finance/devin/monthly/${name.slice(21, 25)}/${name}`,
            Body: await readFile(join(written, name)),
            ...(name.endsWith('.gz') ? { ContentEncoding: 'gzip', ContentType: 'application/json' } : {}),
          }),
        );
      }
      const run = capture();
      expect(
        await runBackfillCli(['--bucket', BUCKET, '--prefix', 'finance/devin', '--csv'], run.io, {
          s3: () => s3,
        }),
      ).toBe(0);
      const listed = await s3.send(
        new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'finance/devin/focus/' }),
      );
      const keys = (listed.Contents ?? []).map((o) => o.Key).sort();
      for (const month of [monthBefore(now, 3), older, newer]) {
        expect(keys).toContain(`finance/devin/focus/billing_period=${month}/devin-focus-${month}.parquet`);
        expect(keys).toContain(
          `finance/devin/focus/metadata/billing_period=${month}/devin-focus-${month}.schema.json`,
        );
        expect(keys).toContain(`finance/devin/focus/csv/billing_period=${month}/devin-focus-${month}.csv.gz`);
      }
      const periods = (await readdir(written)).filter((n) => n.endsWith('.sessions.json.gz')).length;
      // Parquet, schema and CSV per period, nothing else.
      expect(keys).toHaveLength(3 * periods);
    },
    TIMEOUT,
  );

  it('says what is wrong with its command line', async () => {
    const run = capture();
    expect(await runBackfillCli(['--out', 'a', '--bucket', 'b'], run.io)).toBe(2);
    expect(run.out.stderr).toMatch(/--out or --bucket, not both/);
    expect(await runBackfillCli(['--nope'], run.io)).toBe(2);
  });
});
