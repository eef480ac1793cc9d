import { parseArgs } from 'node:util';
import { openFocusDuckDb } from '#query/focus-duckdb.js';
import type { DuckDbModule } from '#query/load-duckdb.js';
import { SAVED_QUERIES, savedQuery } from '#query/saved-queries.js';
import { queryTable } from './query-table.js';
import type { CliIo } from './run-report-cli.js';

export const QUERY_USAGE = `Usage: npm run query -- [options] "<SQL>" | NAME

Runs SQL with DuckDB over the local FOCUS dataset (<out>/focus/billing_period=*/),
as the table devin_focus, the same name and columns as the Athena table.

Saved queries (NAME)
${SAVED_QUERIES.map((q) => `  ${q.name.padEnd(22)} ${q.description}`).join('\n')}

Options
  --out DIR      the report folder holding focus/ (default: reports/)
  --json         print the rows as one JSON array on stdout (decimals as exact strings)
  --show         print the saved query's SQL instead of running it
  --help         this text
`;

/**
 * `npm run query`: 0 answered, 1 the query failed (or DuckDB is not installed: the message says
 * how to install it), 2 the command line was wrong. `loadDuckDb` replaces the import, for tests.
 */
export async function runQueryCli(
  argv: readonly string[],
  io: Pick<CliIo, 'stdout' | 'stderr'>,
  loadDuckDb?: () => Promise<DuckDbModule>,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr.write(
      `devin-chargeback query: error: ${error instanceof Error ? error.message : String(error)}\n${QUERY_USAGE}`,
    );
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(QUERY_USAGE);
    return 0;
  }
  if (positionals.length !== 1 || (positionals[0] ?? '').trim() === '') {
    io.stderr.write(
      `devin-chargeback query: error: give one SQL statement or saved query name\n${QUERY_USAGE}`,
    );
    return 2;
  }
  const given = (positionals[0] ?? '').trim();
  const saved = savedQuery(given);
  if (saved === undefined && /^[a-z0-9-]+$/.test(given)) {
    io.stderr.write(
      `devin-chargeback query: error: no saved query named ${JSON.stringify(given)}; saved: ${SAVED_QUERIES.map((q) => q.name).join(', ')}\n`,
    );
    return 2;
  }
  if (values.show) {
    if (saved === undefined) {
      io.stderr.write('devin-chargeback query: error: --show needs a saved query name\n');
      return 2;
    }
    io.stdout.write(`${saved.sql}\n`);
    return 0;
  }
  try {
    const db = await openFocusDuckDb(values.out ?? 'reports', loadDuckDb);
    try {
      const result = await db.query(saved?.sql ?? given);
      io.stdout.write(values.json ? `${JSON.stringify(result.rows)}\n` : queryTable(result));
    } finally {
      db.close();
    }
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`devin-chargeback query: error: ${message}\n`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      json: { type: 'boolean' },
      show: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
