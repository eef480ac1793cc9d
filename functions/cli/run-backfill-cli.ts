import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { backfillFocus } from '#backfill/backfill.js';
import { localStoredRuns, s3StoredRuns } from '#backfill/stored-runs.js';
import { FOCUS_FOLDER } from '#focus/focus-layout.js';
import { focusOptionsFromEnv } from '#focus/focus-options.js';
import { putFocusPartition } from '#focus/put-focus-partition.js';
import { writeFocusDataset } from '#local/write-focus-dataset.js';
import { s3ObjectStore } from '#store/s3-object-store.js';
import type { CliIo } from './run-report-cli.js';

export const BACKFILL_USAGE = `Usage: npm run backfill -- [options]

Writes the FOCUS dataset for past periods from what their runs stored: each
*.sessions.json.gz with the *.summary.json beside it. Each period is rebuilt
with the same code that built its workbook and checked against its summary,
cent by cent, before anything is written; its partition is then replaced.

Options
  --out DIR         a local report folder: reads its runs, writes DIR/focus/ (default: reports/)
  --bucket NAME     the report bucket instead: reads <prefix>monthly/ and <prefix>ad-hoc/,
                    writes <prefix>focus/ (AWS credentials and region from the usual places)
  --prefix PREFIX   the report prefix in the bucket (default: reports/)
  --csv             also write the gzip CSV (or FOCUS_CSV=true)
  --help            this text

Environment
  FOCUS_BILLING_ACCOUNT_ID, FOCUS_BILLING_ACCOUNT_NAME   as for the report itself
`;

/** `npm run backfill`: 0 written, 1 a run could not be rebuilt or stored, 2 the command line was wrong. */
export async function runBackfillCli(
  argv: readonly string[],
  io: Pick<CliIo, 'env' | 'now' | 'stdout' | 'stderr'>,
  deps: { readonly s3?: () => S3Client } = {},
): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    io.stderr.write(
      `devin-chargeback backfill: error: ${error instanceof Error ? error.message : String(error)}\n${BACKFILL_USAGE}`,
    );
    return 2;
  }
  if (values.help) {
    io.stdout.write(BACKFILL_USAGE);
    return 0;
  }
  if (values.bucket !== undefined && values.out !== undefined) {
    io.stderr.write('devin-chargeback backfill: error: give --out or --bucket, not both\n');
    return 2;
  }
  try {
    const env = focusOptionsFromEnv(io.env);
    const options = { focus: { ...env, csv: env.csv || values.csv === true }, now: io.now() };
    let done: Awaited<ReturnType<typeof backfillFocus>>;
    if (values.bucket !== undefined) {
      const bucket = values.bucket;
      const raw = values.prefix ?? 'reports/';
      const prefix = raw === '' || raw.endsWith('/') ? raw : `${raw}/`;
      const s3 = deps.s3?.() ?? new S3Client({});
      try {
        const runs = await s3StoredRuns(s3, bucket, prefix);
        done = await backfillFocus(runs, options, async (files) => {
          const stored = await putFocusPartition(
            s3ObjectStore(s3, bucket),
            `${prefix}${FOCUS_FOLDER}`,
            files,
            {},
          );
          return `s3://${bucket}/${stored.parquetKey}`;
        });
      } finally {
        if (deps.s3 === undefined) s3.destroy();
      }
    } else {
      const outDir = resolve(values.out ?? 'reports');
      done = await backfillFocus(await localStoredRuns(outDir), options, async (files) => {
        return (await writeFocusDataset(outDir, files)).parquetPath;
      });
    }
    for (const period of done)
      io.stdout.write(
        `${period.period.padEnd(28)} ${String(period.rows).padStart(8)} rows  ${period.location}\n`,
      );
    io.stdout.write(`${done.length} ${done.length === 1 ? 'period' : 'periods'} written\n`);
    return 0;
  } catch (error) {
    io.stderr.write(
      `devin-chargeback backfill: error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      out: { type: 'string' },
      bucket: { type: 'string' },
      prefix: { type: 'string' },
      csv: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
