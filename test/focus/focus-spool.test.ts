import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledToDecimalString } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { EMPTY_DIRECTORY } from '#core/report/directory.js';
import type { Session } from '#core/session.js';
import { sessionFromWire } from '#devin/client/wire-session.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { buildFocusDataset, type FocusDatasetInput } from '#focus/build-focus-rows.js';
import { focusFiles } from '#focus/focus-files.js';
import { writeFocusParquet } from '#focus/focus-parquet.js';
import type { FocusValue } from '#focus/focus-row.js';
import { spoolSessions } from '#spool/session-spool.js';
import { BILL, DIRECTORY, OCTOBER, SESSIONS } from '../core/report/reconciliation-scenario.js';
import { duckdb, sqlText } from './read-parquet.js';

const RUN = {
  runId: 'run-spool',
  generatedAt: new Date('2026-11-01T06:00:00Z'),
  generator: 'devin-chargeback@test',
  apiHost: 'api.devin.ai',
  source: 'api' as const,
  filters: { orgIds: [], userIds: [], tags: [] },
};
const ACCOUNT = { id: 'acme', name: 'Acme' };
const PERIOD = monthPeriod('2026-10', 'UTC', new Date('2026-11-29T00:00:00Z'));

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'focus-spool-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The same report and dataset input twice: sessions in an array (the old in-memory path) and in a spool. */
function inputs(
  name: string,
  sessions: readonly Session[],
  build: (s: Iterable<Session>) => ChargebackReport,
) {
  const spool = spoolSessions(join(dir, `${name}.spool`), sessions);
  const input = (list: Iterable<Session>): FocusDatasetInput => ({
    report: build(list),
    sessions: list,
    run: RUN,
    account: ACCOUNT,
  });
  return { inMemory: input(sessions), spooled: input(spool) };
}

/** Every column of every row as text DuckDB and the dataset agree on: exact decimals, epoch millis, strings. */
async function parquetRows(path: string, input: FocusDatasetInput): Promise<Record<string, unknown>[]> {
  const { columns } = buildFocusDataset(input);
  const select = columns.map((c) =>
    c.type.kind === 'decimal'
      ? `CAST(${c.name} AS VARCHAR) AS ${c.name}`
      : c.type.kind === 'datetime'
        ? `CAST(epoch_ms(${c.name}) AS VARCHAR) AS ${c.name}`
        : c.name,
  );
  const db = await duckdb();
  try {
    const rows = await db.rows(`SELECT ${select.join(', ')} FROM ${sqlText(path)}`);
    // DuckDB prints every digit of the scale; the exact value is the same without trailing zeros.
    return rows.map((row) =>
      Object.fromEntries(
        columns.map((c) => {
          const value = row[c.name];
          return [
            c.name,
            c.type.kind === 'decimal' && typeof value === 'string'
              ? value.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')
              : value,
          ];
        }),
      ),
    );
  } finally {
    db.close();
  }
}

function expectedRows(input: FocusDatasetInput): Record<string, unknown>[] {
  const dataset = buildFocusDataset(input);
  const text = (value: FocusValue, scale: number) =>
    value === null
      ? null
      : typeof value === 'bigint'
        ? scaledToDecimalString(value, scale)
        : value instanceof Date
          ? String(value.getTime())
          : value;
  return [...dataset.rows()].map((row) =>
    Object.fromEntries(
      dataset.columns.map((c) => [
        c.name,
        text(row[c.name] ?? null, c.type.kind === 'decimal' ? c.type.scale : 0),
      ]),
    ),
  );
}

describe('the FOCUS Parquet written from a spool', () => {
  it('holds, row group by row group, exactly the values of the in-memory rows', async () => {
    const sessions = generateDataset({
      seed: 11,
      sessions: 2_345,
      from: PERIOD.from,
      to: PERIOD.to,
    }).sessions.map(sessionFromWire);
    const { inMemory, spooled } = inputs('generated', sessions, (list) =>
      buildChargebackReport({
        period: PERIOD,
        pricing: parsePricing('2.25', 'USD'),
        sessions: list,
        directory: EMPTY_DIRECTORY,
      }),
    );
    const path = join(dir, 'generated.parquet');
    const options = { createdBy: RUN.generator, footer: { k: 'v' }, rowGroupRows: 500 };
    writeFocusParquet(buildFocusDataset(spooled), path, options);

    const db = await duckdb();
    try {
      const [groups] = await db.rows(
        `SELECT count(DISTINCT row_group_id)::INTEGER AS n FROM parquet_metadata(${sqlText(path)})`,
      );
      expect(groups?.n).toBe(5);
    } finally {
      db.close();
    }
    const rows = await parquetRows(path, spooled);
    expect(rows).toHaveLength(2_345);
    expect(rows).toEqual(expectedRows(inMemory));

    // The same bytes whether the sessions came from memory or from disk.
    const fromMemory = join(dir, 'generated-in-memory.parquet');
    writeFocusParquet(buildFocusDataset(inMemory), fromMemory, options);
    expect(Buffer.compare(await readFile(path), await readFile(fromMemory))).toBe(0);
  });

  it('keeps the billed basis rows beyond the sessions, and the file focusFiles writes is the same', async () => {
    const { inMemory, spooled } = inputs('billed', SESSIONS, (list) =>
      buildChargebackReport({
        period: OCTOBER,
        pricing: parsePricing('2.25', 'USD'),
        sessions: list,
        directory: DIRECTORY,
        costBasis: 'billed',
        billed: { available: true, consumption: BILL },
      }),
    );
    const now = new Date('2026-11-01T07:00:00Z');
    const fromSpool = join(dir, 'billed-spool.parquet');
    const fromMemory = join(dir, 'billed-memory.parquet');
    focusFiles(spooled, { csv: false, now }).writeParquet(fromSpool);
    focusFiles(inMemory, { csv: false, now }).writeParquet(fromMemory);
    const rows = await parquetRows(fromSpool, spooled);
    expect(rows.length).toBeGreaterThan(SESSIONS.length);
    expect(rows.filter((r) => r.ResourceId === null).length).toBe(rows.length - SESSIONS.length);
    expect(rows).toEqual(expectedRows(inMemory));
    expect(Buffer.compare(await readFile(fromSpool), await readFile(fromMemory))).toBe(0);
  });
});
