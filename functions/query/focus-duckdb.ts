import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { COST_CENTRE_COLUMN } from '#focus/focus-columns.js';
import { FOCUS_FOLDER } from '#focus/focus-layout.js';
import { FocusQueryError } from './focus-query-error.js';
import { FOCUS_TABLE } from './focus-table.js';
import { type DuckDbModule, loadDuckDb } from './load-duckdb.js';

/** A row as JSON: DECIMALs and BIGINTs arrive as exact strings, timestamps as ISO-like text. */
export type QueryRow = Record<string, unknown>;

export interface FocusQueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly QueryRow[];
}

export interface FocusDuckDb {
  query(sql: string): Promise<FocusQueryResult>;
  close(): void;
}

/**
 * An in-memory DuckDB with the view `devin_focus` over every monthly
 * partition under `<outDir>/focus/` (hive partitioning gives the
 * `billing_period` column, as the Glue table's partition key does).
 * Files are matched by column name, so months written before a column
 * existed read it as NULL; x_CostCentre is always there, NULL until cost
 * centres exist, as the Glue table declares it.
 */
export async function openFocusDuckDb(
  outDir: string,
  load?: () => Promise<DuckDbModule>,
): Promise<FocusDuckDb> {
  const root = resolve(outDir, FOCUS_FOLDER);
  if (!(await hasMonthlyPartitions(root))) {
    throw new FocusQueryError(
      `no FOCUS dataset under ${root}: run \`npm start\` (demo) or \`npm run report\` first, or pass --out DIR`,
      { datasetRoot: root },
    );
  }
  const { DuckDBInstance } = await loadDuckDb(load);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const glob = join(root, 'billing_period=*', '*.parquet').replaceAll("'", "''");
  const source = `read_parquet('${glob}', hive_partitioning = true, hive_types = {'billing_period': VARCHAR}, union_by_name = true)`;
  const columns = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
  const names = columns.getRowObjectsJson().map((row) => String(row.column_name).toLowerCase());
  const costCentre = COST_CENTRE_COLUMN.name;
  const extra = names.includes(costCentre.toLowerCase()) ? '' : `, CAST(NULL AS VARCHAR) AS ${costCentre}`;
  await connection.run(`CREATE VIEW ${FOCUS_TABLE} AS SELECT *${extra} FROM ${source}`);
  return {
    async query(sql) {
      try {
        const reader = await connection.runAndReadAll(sql);
        return { columns: reader.columnNames(), rows: reader.getRowObjectsJson() };
      } catch (error) {
        throw new FocusQueryError(
          `the query failed: ${error instanceof Error ? error.message : String(error)}`,
          { datasetRoot: root },
          { cause: error },
        );
      }
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

async function hasMonthlyPartitions(root: string): Promise<boolean> {
  try {
    return (await readdir(root)).some((name) => name.startsWith('billing_period='));
  } catch {
    return false;
  }
}
