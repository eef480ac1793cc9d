import { readFileSync } from 'node:fs';

/** The one thing the local query needs from DuckDB. */
export type DuckDbModule = Pick<typeof import('@duckdb/node-api'), 'DuckDBInstance'>;

/**
 * `@duckdb/node-api` is about 70 MB of native code that only the laptop query uses, so it is an
 * optional dependency: `npm ci` installs it where its binary exists, `npm ci --omit=optional`
 * (or a platform without a binary) leaves it out, and no Lambda bundle ever carries it.
 */
export class DuckDbMissingError extends Error {
  override readonly name = 'DuckDbMissingError';

  constructor(options?: { cause?: unknown }) {
    super(
      `DuckDB is not installed (@duckdb/node-api is an optional dependency, left out by npm ci --omit=optional or on a platform without its binary): install it with \`npm install --no-save @duckdb/node-api@${pinnedVersion()}\`, then run the query again`,
      options,
    );
  }
}

/** Imports DuckDB when the query runs, so every other command works without it. */
export async function loadDuckDb(
  load: () => Promise<DuckDbModule> = () => import('@duckdb/node-api'),
): Promise<DuckDbModule> {
  try {
    return await load();
  } catch (error) {
    if (isModuleMissing(error)) throw new DuckDbMissingError({ cause: error });
    throw error;
  }
}

function isModuleMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/** The version package.json pins, so the advice installs what the tests ran with. */
function pinnedVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      optionalDependencies?: Record<string, string>;
    };
    return pkg.optionalDependencies?.['@duckdb/node-api'] ?? 'latest';
  } catch {
    return 'latest';
  }
}
