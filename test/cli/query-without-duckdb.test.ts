import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQueryCli } from '#cli/run-query-cli.js';
import { FOCUS_FOLDER } from '#focus/focus-layout.js';
import type { DuckDbModule } from '#query/load-duckdb.js';

// Issue 31: @duckdb/node-api is an optional dependency (about 70 MB of native code only the laptop
// query uses). Without it every other command works, and the query says how to install it.

let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'devin-chargeback-no-duckdb-'));
  await mkdir(join(outDir, FOCUS_FOLDER, 'billing_period=2026-10'), { recursive: true });
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function capture() {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } },
    out: () => ({ stdout, stderr }),
  };
}

describe('npm run query without DuckDB installed', () => {
  it('exits 1 saying how to install the pinned version', async () => {
    const run = capture();
    // Node's own answer to a package that is not installed, as when npm ci --omit=optional left it out.
    const absent = 'devin-chargeback-absent-duckdb-package';
    const code = await runQueryCli(['--out', outDir, 'SELECT 1'], run.io, () =>
      import(/* @vite-ignore */ absent).then((m) => m as DuckDbModule),
    );
    expect(code).toBe(1);
    expect(run.out().stderr).toMatch(
      /DuckDB is not installed .*`npm install --no-save @duckdb\/node-api@1\.5\.6-r\.1`/,
    );
  });

  it('is an optional dependency, not a runtime one', async () => {
    const { default: pkg } = (await import('../../package.json', { with: { type: 'json' } })) as {
      default: { dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };
    };
    expect(pkg.dependencies['@duckdb/node-api']).toBeUndefined();
    expect(pkg.optionalDependencies?.['@duckdb/node-api']).toBe('1.5.6-r.1');
  });
});
