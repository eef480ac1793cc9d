import { DuckDBInstance } from '@duckdb/node-api';

/** A DuckDB connection for reading files back in tests: an independent reader of what hyparquet-writer wrote. */
export async function duckdb() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    async rows(sql: string): Promise<Record<string, unknown>[]> {
      return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
